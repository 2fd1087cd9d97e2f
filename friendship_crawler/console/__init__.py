"""What a person sees while a crawl runs: a progress display, errors in one line, a closing summary.

Scrapy's full log goes to a file under the run reports directory (`logfile`); the console keeps only
what a person acts on.
"""
