"""Refuse every request outside the crawl's own hosts, redirects included.

The spider only follows links it allows, but a redirect (to another host, an IP literal, a private address,
a `file:` URL) is built by the downloader; this middleware sees those too, because redirected requests pass
through the downloader middlewares again.
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.statscollectors import StatsCollector

from friendship_crawler.hosts import HostPolicy

logger = logging.getLogger(__name__)


class SiteHostsMiddleware:
    """Drop (and count) requests whose URL the spider's HostPolicy does not allow."""

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteHostsMiddleware:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        policy: HostPolicy | None = getattr(self.crawler.spider, "hosts", None)
        if policy is None or policy.allows(request.url):
            return
        self.stats.inc_value("friendship/offsite/refused")
        logger.warning("Refused a request outside the site's hosts: %s", request.url)
        raise IgnoreRequest(f"outside the site's hosts: {request.url}")
