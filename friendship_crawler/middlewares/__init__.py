"""Downloader middlewares: where the crawl may go, and how it backs off."""
