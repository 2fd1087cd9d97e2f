"""`RunMonitor`: validates every scraped item, checks the run when the engine stops, writes the run report.

The checks wait for `engine_stopped`: Scrapy stores the feeds while `spider_closed` is being handled, and a
feed that failed to store must fail the run (`feedexport/failed_count/*`) and not count as exported.

Settings (all optional): `FRIENDSHIP_MONITOR_ENABLED` (default True), `FRIENDSHIP_MONITOR_REPORTS_DIR`
(default `output/runs`, relative to the project root), the thresholds of `checks.Thresholds`
(`FRIENDSHIP_MONITOR_MAX_ERRORS`, `..._MAX_RETRY_GIVEUPS`, `..._MAX_RETRY_RATE`, `..._MAX_HTTP_ERROR_RATE`,
`..._MAX_INVALID_ITEMS`, `..._MIN_COVERAGE`, `..._MIN_ITEMS`, and `FRIENDSHIP_MAX_FALLBACK_RATE`).

The verdict is left in the stats (`friendship/monitor/checks_failed`), where the project's `crawl` command
reads it to exit non-zero.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector

from friendship_crawler.feed_slots import feed_exporter, feed_slots
from friendship_crawler.monitor.checks import Thresholds, run_checks
from friendship_crawler.monitor.report import (
    ExportedFeed,
    build_report,
    feed_status,
    write_report,
)
from friendship_crawler.monitor.tally import ItemTally
from friendship_crawler.project_settings import friendship_setting
from friendship_crawler.run import Run
from friendship_crawler.schema import ArticleValidator

logger = logging.getLogger(__name__)

STAT = "friendship/monitor"
FAILED_CHECKS_STAT = f"{STAT}/checks_failed"


class RunMonitor:
    """Decides whether a run was healthy and says so in `output/runs/<spider>-<run_id>.json` and the log."""

    def __init__(self, crawler: Crawler, limits: Thresholds) -> None:
        assert crawler.stats is not None
        self.crawler = crawler
        self.stats: StatsCollector = crawler.stats
        self.limits = limits
        self.tally = ItemTally(ArticleValidator())
        self.report_file: Path | None = None
        self.closed: tuple[Spider, str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunMonitor:
        settings = crawler.settings
        if not friendship_setting(settings, "FRIENDSHIP_MONITOR_ENABLED"):
            raise NotConfigured("FRIENDSHIP_MONITOR_ENABLED is off")
        monitor = cls(crawler, Thresholds.from_settings(settings))
        crawler.signals.connect(monitor.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(monitor.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(monitor.engine_stopped, signal=signals.engine_stopped)
        return monitor

    def item_scraped(self, item: Any) -> None:
        record = ItemAdapter(item).asdict()
        errors = self.tally.add(record)
        if errors:
            self.stats.inc_value(f"{STAT}/invalid_items")
            logger.warning("Item fails the JSON Schema (%s): %s", record.get("url"), "; ".join(errors[:3]))

    def spider_closed(self, spider: Spider, reason: str) -> None:
        """Remember how the spider closed: the feeds are stored after this signal, so the checks wait."""
        self.closed = (spider, reason)

    def engine_stopped(self) -> None:
        """Check the run and write its report, now that every feed is stored or has failed to be."""
        if self.closed is None:
            return
        spider, reason = self.closed
        stats = dict(self.stats.get_stats())
        stats.setdefault("finish_reason", reason)
        checks = run_checks(stats, self.tally, self.limits)
        failed = [check for check in checks if not check.passed]
        self.stats.set_value(FAILED_CHECKS_STAT, len(failed))
        run = Run.of(self.crawler)
        report = build_report(
            spider_name=spider.name,
            run_id=run.run_id,
            base_url=getattr(spider, "base_url", None),
            checks=checks,
            stats=stats,
            tally=self.tally,
            feeds=self._exported_feeds(stats),
        )
        self.report_file = run.report_file
        write_report(self.report_file, report)
        for check in failed:
            logger.error("Run check failed: %s: %s", check.name, check.detail)
        if failed:
            logger.error(
                "Run unhealthy: %s of %s checks failed; report: %s",
                len(failed),
                len(checks),
                self.report_file,
            )
        else:
            logger.info("Run healthy: all %s checks passed; report: %s", len(checks), self.report_file)

    def _exported_feeds(self, stats: Mapping[str, Any]) -> list[ExportedFeed]:
        """Every feed slot of the run, with how its storage fared."""
        return [
            ExportedFeed(slot.uri, slot.format, slot.items, feed_status(stats, slot.storage))
            for slot in feed_slots(feed_exporter(self.crawler))
        ]
