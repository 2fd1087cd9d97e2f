"""Pages a crawl could not get, counted by reason; and empty 200 answers retried instead of trusted.

Scrapy counts download exceptions by class (`downloader/exception_type_count/...`), retries by reason and
HTTP errors by status, but nothing says "this page is lost, and why" in one place, and an empty 200 body
(a struggling origin behind a CDN) reaches the spider as a page. This module:

- names the reason a page is lost (`failure_reason`), for this middleware and for a spider errback;
- `FailureReasonsMiddleware`: counts `friendship/failed/<reason>` for download errors that the retry
  middleware gave up on (it sits outside RetryMiddleware, so it only sees final failures) and for
  final HTTP error answers;
- `EmptyBodyRetryMiddleware`: retries a 200 answer without a body like a 503, counted
  `retry/reason_count/empty_body`; when retries run out the page is counted `friendship/failed/empty_body`;
- `CutPageRetryMiddleware`: retries an HTML page that never closes its `<html>` (cut short with a length
  that matches), counted `retry/reason_count/page_cut_short`.

Settings: `DOWNLOADER_MIDDLEWARES = {...FailureReasonsMiddleware: 40, ...EmptyBodyRetryMiddleware: 560}`.
"""

from __future__ import annotations

import logging
import zlib
from typing import ClassVar, Self

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
    ("gzip stream cut short", "data_loss"),
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


class _BadAnswerRetryMiddleware:
    """Retry a 200 answer that is not the page (`is_bad`), under `reason`; what to do once retries run out
    is the subclass's (`give_up`)."""

    reason: ClassVar[str]

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.stats = _stats(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status != 200 or request.meta.get("dont_retry") or not self.is_bad(response):
            return response
        assert self.crawler.spider is not None
        retry = get_retry_request(request, spider=self.crawler.spider, reason=self.reason)
        if retry is not None:
            return retry
        return self.give_up(request, response)

    def is_bad(self, response: Response) -> bool:
        raise NotImplementedError

    def give_up(self, request: Request, response: Response) -> Response:
        raise NotImplementedError


class EmptyBodyRetryMiddleware(_BadAnswerRetryMiddleware):
    """Retry 200 answers whose body is empty (or only whitespace); they are never the page."""

    reason = "empty_body"

    def is_bad(self, response: Response) -> bool:
        return not response.body.strip()

    def give_up(self, request: Request, response: Response) -> Response:
        self.stats.inc_value(f"{FAILED}/empty_body")
        return response


class CutPageRetryMiddleware(_BadAnswerRetryMiddleware):
    """Retry an HTML page whose markup stops before its end (`cut_short`): a chunked answer or a cache that
    kept a cut page, its length that of what was sent, so nothing at the transport level says it is short.
    Read as it came, the article would be exported cut and never fetched again. Counted
    `retry/reason_count/page_cut_short`; when retries run out the page is lost
    (`friendship/failed/data_loss`), for the next run to ask again."""

    reason = "page_cut_short"

    def is_bad(self, response: Response) -> bool:
        return cut_short(response)

    def give_up(self, request: Request, response: Response) -> Response:
        self.stats.inc_value(f"{FAILED}/data_loss")
        raise IgnoreRequest(f"page cut short: {request.url}")


HTML_OPENS = b"<html"
HTML_CLOSES = b"</html"
PAGE_END_REACH = 8192
"""How far from its end a page closes its `<html>` at most (scripts and comments may follow the tag)."""


def cut_short(response: Response) -> bool:
    """An HTML page that opens its `<html>` and never closes it: a page the site serves whole closes it."""
    if b"html" not in (response.headers.get(b"Content-Type") or b"").lower():
        return False
    body = response.body
    return HTML_OPENS in body[:PAGE_END_REACH].lower() and HTML_CLOSES not in body[-PAGE_END_REACH:].lower()


class CountingHttpCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression, counting the answers it drops for inflating past `DOWNLOAD_MAXSIZE`, and
    retrying a gzip stream cut short.

    Scrapy inflates what a cut gzip stream holds and passes it on as the page (`gunzip` stops quietly at
    the cut): the article would be exported cut, and never fetched again. A stream is whole when its
    trailer (CRC-32 and length of what it inflates to) matches what was inflated, or, for the rare stream
    of several members, when each member ends. A cut one is retried (`retry/reason_count/gzip_cut_short`);
    when retries run out the page is lost (`friendship/failed/data_loss`), for the next run to ask again.

    Replaces the built-in in settings (same order, 590), since its drop raises from `process_response`,
    where no other downloader middleware can see it.
    """

    crawler: Crawler
    """The crawl, whose spider a retried request names."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CountingHttpCompressionMiddleware:
        middleware = super().from_crawler(crawler)
        middleware.crawler = crawler
        return middleware

    # Without the deprecated `spider` argument, so Scrapy calls it the current way.
    def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        gzipped = (response.headers.get(b"Content-Encoding") or b"").strip().lower() in GZIP_ENCODINGS
        try:
            result = super().process_response(request, response)
        except IgnoreRequest:
            assert self.stats is not None
            self.stats.inc_value(f"{FAILED}/decompression_bomb")
            raise
        if not gzipped or result is response or not isinstance(result, Response):
            return result
        if gzip_whole(response.body, result.body):
            return result
        assert self.crawler.spider is not None and self.stats is not None
        retry = get_retry_request(request, spider=self.crawler.spider, reason="gzip_cut_short")
        if retry is not None:
            return retry
        self.stats.inc_value(f"{FAILED}/data_loss")
        raise IgnoreRequest(f"gzip stream cut short: {request.url}")


GZIP_ENCODINGS = frozenset({b"gzip", b"x-gzip"})
GZIP_MAGIC = b"\x1f\x8b"
_GZIP_TRAILER = 8
"""CRC-32 and the inflated length modulo 2**32, little-endian, end a gzip member."""


def gzip_whole(raw: bytes, inflated: bytes) -> bool:
    """The gzip stream `raw` ended where it should, `inflated` being what it inflated to."""
    if len(raw) >= _GZIP_TRAILER:
        crc, size = int.from_bytes(raw[-8:-4], "little"), int.from_bytes(raw[-4:], "little")
        if size == len(inflated) & 0xFFFFFFFF and crc == zlib.crc32(inflated):
            return True
    rest = raw
    while rest.startswith(GZIP_MAGIC):  # several members: each must end; what follows the last is not read
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            member.decompress(rest)
        except zlib.error:
            return False
        if not member.eof:
            return False
        rest = member.unused_data.lstrip(b"\0")
    return True
