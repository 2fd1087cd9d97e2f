"""Project commands (`scrapy cleantext`, `scrapy export`, `scrapy reprocess`, ...).

Option help says `(default X)`, never `default: X` nor any other word ending in a colon: Scrapy's help
formatter takes every help line ending in a colon for a section heading, and wherever argparse wraps the
line there, it title-cases that line and underlines it.
"""
