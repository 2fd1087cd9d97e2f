"""Look at every redirect before Scrapy follows it: refuse odd schemes and count loops, never crash.

Scrapy's RedirectMiddleware raises a bare `ValueError` (logged as an error with a traceback) on a
`Location: javascript:...`, and drops a page after `REDIRECT_MAX_TIMES` hops without counting it anywhere.
This middleware sits just inside it (order 610: its `process_response` runs first) and turns both into
counted, logged drops: `friendship/failed/bad_redirect` and `friendship/failed/redirect_loop`. Redirects
to other hosts are left to `SiteHostsMiddleware`, which sees the redirected request.
"""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector

from friendship_crawler.middlewares.failures import FAILED

logger = logging.getLogger(__name__)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class RedirectGuardMiddleware:
    """Drop redirects to non-http(s) URLs and the hop past `REDIRECT_MAX_TIMES`, counting each."""

    def __init__(self, stats: StatsCollector, max_redirects: int) -> None:
        self.stats = stats
        self.max_redirects = max_redirects

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectGuardMiddleware:
        assert crawler.stats is not None
        return cls(crawler.stats, crawler.settings.getint("REDIRECT_MAX_TIMES"))

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        if response.status not in REDIRECT_STATUSES or not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(request.url, location.decode("latin-1").strip())
        if urlsplit(target).scheme not in {"http", "https"}:
            self._drop("bad_redirect", request, f"redirect to a non-http URL {target[:80]!r}")
        hops = request.meta.get("redirect_times", 0) + 1
        if hops > min(self.max_redirects, request.meta.get("redirect_ttl", self.max_redirects)):
            self._drop("redirect_loop", request, f"max redirections reached after {hops - 1} hops")
        return response

    def _drop(self, reason: str, request: Request, why: str) -> None:
        self.stats.inc_value(f"{FAILED}/{reason}")
        logger.warning("Dropped %s: %s", request.url, why)
        raise IgnoreRequest(why)
