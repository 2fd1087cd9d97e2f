"""Pages a crawl could not get, counted by reason; and empty 200 answers retried instead of trusted.

Scrapy counts download exceptions by class (`downloader/exception_type_count/...`), retries by reason and
HTTP errors by status, but nothing says "this page is lost, and why" in one place, and an empty 200 body
(a struggling origin behind a CDN) reaches the spider as a page. This module:

- names the reason a page is lost (`failure_reason`), for this middleware and for a spider errback;
- `FailureReasonsMiddleware`: counts `friendship/failed/<reason>` for download errors that the retry
  middleware gave up on (it sits outside RetryMiddleware, so it only sees final failures) and for
  final HTTP error answers;
- `EmptyBodyRetryMiddleware`: retries a 200 answer without a body like a 503, counted
  `retry/reason_count/empty_body`; when retries run out the page is counted `friendship/failed/empty_body`.

Settings: `DOWNLOADER_MIDDLEWARES = {...FailureReasonsMiddleware: 40, ...EmptyBodyRetryMiddleware: 560}`.
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector
from twisted.internet.error import ConnectionDone, ConnectionLost
from twisted.internet.error import TimeoutError as TxTimeoutError

logger = logging.getLogger(__name__)
FAILED = "friendship/failed"
_BY_TYPE: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, TxTimeoutError), "timeout"),
    (ResponseDataLossError, "data_loss"),
    (DownloadConnectionRefusedError, "connection_refused"),
    (CannotResolveHostError, "dns"),
    ((DownloadFailedError, ConnectionLost, ConnectionDone), "connection_lost"),
)
_IGNORED_BY_MESSAGE = (
    ("max redirections", "redirect_loop"),
    ("during decompression", "decompression_bomb"),
    ("outside the site's hosts", "offsite"),
)


def failure_reason(exception: BaseException) -> str:
    """A short, stable name for why a request failed: the `<reason>` of `friendship/failed/<reason>`."""
    message = str(exception)
    if isinstance(exception, DownloadCancelledError):
        return "oversized" if "max size" in message else "cancelled"
    if isinstance(exception, DownloadFailedError) and "_DataLoss" in message:
        return "data_loss"
    for types, reason in _BY_TYPE:
        if isinstance(exception, types):
            return reason
    if isinstance(exception, IgnoreRequest):
        for needle, reason in _IGNORED_BY_MESSAGE:
            if needle in message:
                return reason
        return "ignored"
    return f"error_{type(exception).__name__}"


def _stats(crawler: Crawler) -> StatsCollector:
    assert crawler.stats is not None
    return crawler.stats


class FailureReasonsMiddleware:
    """Count final download failures and final HTTP error answers by reason (outside RetryMiddleware)."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FailureReasonsMiddleware:
        return cls(_stats(crawler))

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status >= 400:
            self._count(f"http_{response.status}", request)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        self._count(failure_reason(exception), request)

    def _count(self, reason: str, request: Request) -> None:
        self.stats.inc_value(f"{FAILED}/{reason}")
        logger.info("Lost %s: %s", request.url, reason)


class EmptyBodyRetryMiddleware:
    """Retry 200 answers whose body is empty (or only whitespace); they are never the page."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = _stats(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> EmptyBodyRetryMiddleware:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status != 200 or response.body.strip() or request.meta.get("dont_retry"):
            return response
        assert self.crawler.spider is not None
        retry = get_retry_request(request, spider=self.crawler.spider, reason="empty_body")
        if retry is not None:
            return retry
        self.stats.inc_value(f"{FAILED}/empty_body")
        return response


class CountingHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression, counting the answers it drops for inflating past `DOWNLOAD_MAXSIZE`.

    Replaces the built-in in settings (same order, 590), since its drop raises from `process_response`,
    where no other downloader middleware can see it.
    """

    # Without the deprecated `spider` argument, so Scrapy calls it the current way.
    def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest:
            assert self.stats is not None
            self.stats.inc_value(f"{FAILED}/decompression_bomb")
            raise
