"""Raw pages every run fetched, kept as WARC files so records can be rebuilt without re-crawling.

Why WARC (written with warcio) rather than Scrapy's HTTP cache storage: the HTTP cache is a download
middleware, so turning it on changes what the crawler fetches (cached pages are served instead of
fetched, expiry and policy rules decide), and it keeps one copy per request fingerprint, overwriting
older versions. A WARC file is append-only, keeps every capture with its own date, is the archival
standard that other tools (warcio, pywb, the Internet Archive's tooling) read, and, written one gzip
member per record, survives a crash with every record before it readable.
"""
