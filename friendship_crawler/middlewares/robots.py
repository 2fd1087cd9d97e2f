"""robots.txt obeyed as RFC 9309 reads it when the file cannot be had: an unreachable robots.txt (a server
error, a 429, no connection) disallows everything on its host.

Scrapy's `RobotsTxtMiddleware` parses whatever the robots.txt request answered, a 503 error page included,
and allows everything when the request fails: a site that is struggling, or that wants no crawler, got the
whole crawl. This middleware replaces it in settings (same order, 100): a 4xx answer still means no rules
(the RFC allows everything), anything worse disallows everything, counted as
`friendship/robots/unreachable` and said in one line on the console; the run then finds no listing and
reports itself unhealthy.
"""

from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http import Request, Response
from scrapy.utils.misc import build_from_crawler
from twisted.internet.defer import Deferred

from friendship_crawler.middlewares.failures import failure_reason

logger = logging.getLogger(__name__)
DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"
UNREACHABLE_STATUS = 429
"""Beside the 5xx answers, what says the server cannot serve robots.txt now (RFC 9309, 2.3.1.3)."""


class StrictRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, with an unreachable robots.txt disallowing everything."""

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500 or response.status == UNREACHABLE_STATUS:
            self._disallow_all(netloc, f"HTTP {response.status}")
            return
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        reason = failure_reason(exc)
        if reason == "offsite":  # refused before it was sent: a host the crawl does not visit
            super()._robots_error(exc, netloc)
            return
        self._disallow_all(netloc, reason)

    def _disallow_all(self, netloc: str, why: str) -> None:
        self._stats.inc_value("friendship/robots/unreachable")
        logger.error(
            "robots.txt of %s is unreachable (%s): nothing is fetched from it, as RFC 9309 asks", netloc, why
        )
        parser = build_from_crawler(self._parserimpl, self.crawler, DISALLOW_ALL)
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(waiting, Deferred):
            waiting.callback(parser)
