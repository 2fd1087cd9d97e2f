"""Project commands (`scrapy cleantext`, `scrapy export`, `scrapy reprocess`, ...)."""
