"""`RetryAfterMiddleware`: Scrapy's retries, plus the waiting a throttled site asks for.

Scrapy's RetryMiddleware retries a 429 or 503 at once, and AutoThrottle only reacts to latency, so neither
honours `Retry-After`. This middleware replaces RetryMiddleware (same `RETRY_*` settings) and:

- on a retried response with `Retry-After` (seconds or an HTTP date), waits that long before the retry,
  capped by `FRIENDSHIP_RETRY_AFTER_MAX` (default 300 s);
- on a retried 5xx or 429 without it, waits `FRIENDSHIP_BACKOFF_BASE` (default 1 s) x 2^(retries so far),
  with jitter (half to all of it) and the same cap;
- on 429 and 503 (the site saying "too many requests"), also slows the download slot: its delay becomes
  at least the wait, and at least double what it was, up to `FRIENDSHIP_BACKOFF_MAX_DELAY` (default
  `AUTOTHROTTLE_MAX_DELAY`). AutoThrottle, when on, brings the delay down again as responses turn healthy;
  when off, each healthy response from the slot takes 10% off, down to the slot's delay before back-off.

Waiting is an asyncio/Twisted sleep (`scrapy.utils.asyncio.sleep`): the reactor keeps serving other
requests. Stats: `friendship/backoff/waits`, `friendship/backoff/waited_ms`,
`friendship/backoff/retry_after`, `friendship/backoff/slot_delay_max`.
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy.core.downloader import Downloader, Slot
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from friendship_crawler.project_settings import friendship_setting

logger = logging.getLogger(__name__)

STAT = "friendship/backoff"
THROTTLE_STATUSES = frozenset({429, 503})
"""Statuses by which a site asks the client to slow down, so the whole slot slows, not only the retry."""
DECAY = 0.9
"""Share of the raised slot delay kept after each healthy response (when AutoThrottle is off)."""


def parse_retry_after(value: str | bytes | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` value (seconds or HTTP date); None when absent or unreadable."""
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def exponential_backoff(retries_so_far: int, base: float, cap: float, rng: random.Random) -> float:
    """base x 2^retries, capped, with "equal jitter": a random wait between half and all of it."""
    ceiling = min(cap, base * 2 ** max(retries_so_far, 0))
    return rng.uniform(ceiling / 2, ceiling)


class RetryAfterMiddleware(RetryMiddleware):
    """RetryMiddleware that waits before retrying and slows the slot when the site throttles."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.retry_after_max = friendship_setting(settings, "FRIENDSHIP_RETRY_AFTER_MAX")
        self.backoff_base = friendship_setting(settings, "FRIENDSHIP_BACKOFF_BASE")
        self.max_slot_delay = friendship_setting(settings, "FRIENDSHIP_BACKOFF_MAX_DELAY")
        self.autothrottle = settings.getbool("AUTOTHROTTLE_ENABLED")
        self.rng = random.Random()
        self._delay_before_backoff: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    # A coroutine where RetryMiddleware has a plain method: Scrapy awaits either, and the wait must not block.
    async def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            self._recover_slot(request)
            return response
        wait = self._wait_for(request, response)
        if response.status in THROTTLE_STATUSES:
            self._slow_slot(request, wait)
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if wait > 0:
            self._count_wait(wait)
            logger.info("%s for %s: retrying in %.1f s", response.status, request.url, wait)
            await sleep(wait)
        return retry

    def _wait_for(self, request: Request, response: Response) -> float:
        announced = parse_retry_after(response.headers.get(b"Retry-After"))
        if announced is not None:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value(f"{STAT}/retry_after")
            return min(announced, self.retry_after_max)
        if response.status >= 500 or response.status in THROTTLE_STATUSES:
            retries_so_far = int(request.meta.get("retry_times", 0))
            return exponential_backoff(retries_so_far, self.backoff_base, self.retry_after_max, self.rng)
        return 0.0

    def _count_wait(self, wait: float) -> None:
        stats = self.crawler.stats
        assert stats is not None
        stats.inc_value(f"{STAT}/waits")
        stats.inc_value(f"{STAT}/waited_ms", round(wait * 1000))

    def _slot(self, request: Request) -> tuple[str, Slot] | None:
        engine = getattr(self.crawler, "engine", None)
        key = request.meta.get(Downloader.DOWNLOAD_SLOT)
        if engine is None or key is None:
            return None
        slot = engine.downloader.slots.get(key)
        return (key, slot) if slot is not None else None

    def _slow_slot(self, request: Request, wait: float) -> None:
        found = self._slot(request)
        if found is None:
            return
        key, slot = found
        self._delay_before_backoff.setdefault(key, slot.delay)
        raised = min(self.max_slot_delay, max(slot.delay * 2, wait, self.backoff_base))
        if raised > slot.delay:
            logger.info("Slowing down %s: download delay %.2f s -> %.2f s", key, slot.delay, raised)
            slot.delay = raised
            assert self.crawler.stats is not None
            self.crawler.stats.max_value(f"{STAT}/slot_delay_max", raised)

    def _recover_slot(self, request: Request) -> None:
        """A healthy response: without AutoThrottle, ease a raised slot delay back towards its old value."""
        if self.autothrottle:
            return
        found = self._slot(request)
        if found is None or found[0] not in self._delay_before_backoff:
            return
        key, slot = found
        floor = self._delay_before_backoff[key]
        slot.delay = max(floor, slot.delay * DECAY)
        if slot.delay <= floor:
            del self._delay_before_backoff[key]
