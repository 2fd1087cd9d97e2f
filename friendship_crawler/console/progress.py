"""`ProgressDisplay`: a live progress bar on a terminal, a progress line every so often in a log.

Pages fetched, articles new / updated / duplicate / not articles, the fetch rate, and an ETA from
the requests still queued (a lower bound while listings are still being read). Settings:
`FRIENDSHIP_CONSOLE` (off: Scrapy's own console log, no display) and `FRIENDSHIP_PROGRESS_INTERVAL`
(seconds between lines when stderr is not a terminal).
"""

from __future__ import annotations

import shutil
import sys
import time
from typing import Any, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from friendship_crawler.console.tally import Progress
from friendship_crawler.project_settings import friendship_setting

TTY_INTERVAL = 0.5
"""Seconds between redraws of the bar on a terminal."""
BAR_WIDTH = 20


def progress_line(progress: Progress, *, pending: int, elapsed: float, bar: bool) -> str:
    """One line: the bar (on a terminal), counts, rate, queue and ETA."""
    rate = progress.pages / elapsed * 60 if elapsed > 0 else 0.0
    parts = [
        f"{progress.pages} pages",
        f"{progress.new} new",
        f"{progress.updated} updated",
        f"{progress.duplicates} duplicates",
        f"{progress.not_articles} not articles",
        f"{rate:.0f} pages/min",
        f"{pending} queued",
    ]
    if pending and rate > 0:
        parts.append(f"ETA {_duration(pending / rate * 60)}")
    line = " · ".join(parts)
    if not bar:
        return line
    total = progress.pages + pending
    filled = round(BAR_WIDTH * progress.pages / total) if total else 0
    return f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {line}"


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
        return display

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
        line = progress_line(
            Progress.of(self.crawler.stats.get_stats()),
            pending=self.pending(),
            elapsed=time.monotonic() - self.started,
            bar=self.live,
        )
        if self.live:
            width = shutil.get_terminal_size((100, 20)).columns - 1
            self.stream.write("\r" + line[:width].ljust(width))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
