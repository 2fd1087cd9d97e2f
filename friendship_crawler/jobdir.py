"""Resume a paused crawl (`-s JOBDIR=...`) after a crash too, not only after a clean stop.

Scrapy persists its request queue in JOBDIR and promises a resume only after a clean shutdown: a
process killed mid-write leaves a disk queue that fails on every later push (`struct.error`), so the
resumed run silently fetches almost nothing. This extension marks JOBDIR while a run is open and
unmarks it once the scheduler has saved its queue. A run that finds the mark left behind discards the
damaged queue before the scheduler opens it and starts from the section page again; the dedup state
and the frontier then skip every article the killed run exported, so nothing is lost or repeated.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from scrapy.utils.job import job_dir

logger = logging.getLogger(__name__)

RUNNING_MARK = "friendship.running"
"""File in JOBDIR that exists from a run's start until its scheduler has saved the queue."""
QUEUE_DIR = "requests.queue"
"""Scrapy's persisted scheduler queue inside JOBDIR."""
STAT = "friendship/jobdir/discarded_queue"


class CrashSafeJobDir:
    """Discard a queue a killed run left in JOBDIR; mark JOBDIR while this run has it open."""

    def __init__(self, directory: Path, stats: StatsCollector) -> None:
        self.directory = directory
        self.stats = stats
        self.discarded = self._discard_queue_of_unclean_run()
        directory.mkdir(parents=True, exist_ok=True)
        (directory / RUNNING_MARK).touch()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrashSafeJobDir:
        directory = job_dir(crawler.settings)
        if not directory:
            raise NotConfigured  # without a message: a crawl without JOBDIR is the usual case, not a warning
        assert crawler.stats is not None
        extension = cls(Path(directory), crawler.stats)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def _discard_queue_of_unclean_run(self) -> bool:
        queue = self.directory / QUEUE_DIR
        if not (self.directory / RUNNING_MARK).exists() or not queue.exists():
            return False
        logger.warning(
            "JOBDIR %s was left by a run that did not close cleanly; its request queue is discarded and "
            "the crawl starts again from the section page, skipping what was already exported",
            self.directory,
        )
        shutil.rmtree(queue)
        return True

    def spider_opened(self) -> None:
        if self.discarded:
            self.stats.set_value(STAT, 1)

    def spider_closed(self) -> None:
        """Called after the scheduler saved its queue: this JOBDIR is safe to resume from."""
        (self.directory / RUNNING_MARK).unlink(missing_ok=True)
