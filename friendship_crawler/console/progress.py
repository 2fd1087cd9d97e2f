"""`ProgressDisplay`: a live progress bar on a terminal, a progress line every so often in a log.

Pages fetched, articles new / updated / duplicate / unchanged / not articles (a count only once it is
not 0), the fetch rate, the requests queued, and an ETA. The spider finds the article pages as it reads
the listings, so while a listing page is still queued (its requests carry `LISTING`) the end of the crawl
is unknown: the line says the listings are being read instead of an ETA, and the bar (the share of the
pages known so far that were fetched) never goes back. Settings: `FRIENDSHIP_CONSOLE` (off: Scrapy's own
console log, no display) and `FRIENDSHIP_PROGRESS_INTERVAL` (seconds between lines when stderr is not a
terminal).
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import Any, TextIO

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from friendship_crawler.console.tally import Progress
from friendship_crawler.project_settings import friendship_setting

TTY_INTERVAL = 0.5
"""Seconds between redraws of the bar on a terminal."""
BAR_WIDTH = 20
LISTING = "friendship_listing"
"""The `Request.meta` key the spider sets on the request of a listing page."""


def progress_line(
    progress: Progress, *, pending: int, elapsed: float, listings: int = 0, filled: int | None = None
) -> str:
    """One line: the bar `filled` to that many of `BAR_WIDTH` (None: no bar, not on a terminal), pages and
    new articles, the ETA once no listing page is left to read (`listings`), the other counts, rate, queue."""
    rate = progress.pages / elapsed * 60 if elapsed > 0 else 0.0
    counts = {
        "updated": progress.updated,
        "duplicates": progress.duplicates,
        "unchanged": progress.unchanged,
        "not articles": progress.not_articles,
    }
    status = []
    if listings:
        status.append("reading listings")
    elif pending and rate > 0:
        status.append(f"ETA {_duration(pending / rate * 60)}")
    parts = [
        f"{progress.pages} pages",
        f"{progress.new} new",
        *status,  # early in the line: a narrow terminal cuts the line's end
        *(f"{count} {name}" for name, count in counts.items() if count),
        f"{rate:.0f} pages/min",
        f"{pending} queued",
    ]
    line = " · ".join(parts)
    if filled is None:
        return line
    return f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {line}"


def bar_fill(progress: Progress, pending: int) -> int:
    """How much of the bar the pages fetched fill, of those fetched and queued."""
    total = progress.pages + pending
    return round(BAR_WIDTH * progress.pages / total) if total else 0


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressDisplay:
    """Draws the crawl's progress on stderr while the spider is open."""

    def __init__(self, crawler: Crawler, stream: TextIO, interval: float) -> None:
        self.crawler = crawler
        self.stream = stream
        self.live = stream.isatty()
        self.interval = TTY_INTERVAL if self.live else interval
        self.started = 0.0
        self.task: Any = None
        self.listings: set[str] = set()
        """The addresses of the listing pages queued or being fetched."""
        self.filled = 0
        """The bar as far as it was drawn: it never goes back."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressDisplay:
        settings = crawler.settings
        if not friendship_setting(settings, "FRIENDSHIP_CONSOLE"):
            raise NotConfigured
        interval = friendship_setting(settings, "FRIENDSHIP_PROGRESS_INTERVAL")
        if not interval > 0:  # also false for nan
            raise ValueError(f"FRIENDSHIP_PROGRESS_INTERVAL={interval!r} must be a number of seconds above 0")
        display = cls(crawler, sys.stderr, interval)
        crawler.signals.connect(display.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(display.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(display.listing_queued, signal=signals.request_scheduled)
        for done in (signals.request_dropped, signals.request_left_downloader, signals.response_received):
            crawler.signals.connect(display.listing_done, signal=done)
        return display

    def listing_queued(self, request: Request) -> None:
        if request.meta.get(LISTING):
            self.listings.add(request.url)

    def listing_done(self, request: Request) -> None:
        """A listing request dropped, downloaded or answered from elsewhere (a cache): read or never to be."""
        self.listings.discard(request.url)

    def spider_opened(self) -> None:
        self.started = time.monotonic()
        self.task = create_looping_call(self.draw)
        self.task.start(self.interval, now=False)

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.draw()
        if self.live:
            self.stream.write("\n")
            self.stream.flush()

    def pending(self) -> int:
        """Requests queued or in flight."""
        engine = self.crawler.engine
        if engine is None:
            return 0
        scheduler = engine.scheduler
        queued = len(scheduler) if scheduler is not None and hasattr(scheduler, "__len__") else 0
        return queued + len(engine.downloader.active)

    def draw(self) -> None:
        assert self.crawler.stats is not None
        progress, pending = Progress.of(self.crawler.stats.get_stats()), self.pending()
        if not pending:  # a listing request a middleware refused (robots.txt) never leaves the downloader
            self.listings.clear()
        self.filled = max(self.filled, bar_fill(progress, pending))
        line = progress_line(
            progress,
            pending=pending,
            elapsed=time.monotonic() - self.started,
            listings=len(self.listings),
            filled=self.filled if self.live else None,
        )
        if self.live:
            width = shutil.get_terminal_size((100, 20)).columns - 1
            self.stream.write("\r" + line[:width].ljust(width))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
