"""`scrapy crawl` that exits non-zero when the run monitor found the run unhealthy.

Scrapy's own `crawl` exits 1 only when the crawl could not start. This subclass keeps that and adds
`UNHEALTHY_EXIT_CODE` when `RunMonitor` recorded a failed check, so cron, systemd and Scrapyd see it.
The project's `commands/crawl.py` exposes it under the name `crawl`.
"""

from __future__ import annotations

import argparse
import logging

from scrapy import Spider
from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError

from friendship_crawler.monitor.extension import FAILED_CHECKS_STAT
from friendship_crawler.monitor.masking import mask_all_log_records

logger = logging.getLogger(__name__)

UNHEALTHY_EXIT_CODE = 3
"""Exit status of a crawl that ran but failed a run check (1 stays "could not start", 2 "usage error")."""


class MonitoredCrawlCommand(ScrapyCrawlCommand):
    """Run a spider of the project; exit 3 when a run check failed (see output/runs/)."""

    def __init__(self) -> None:
        super().__init__()
        self._crawlers: list[Crawler] = []

    def short_desc(self) -> str:
        return "Run a spider of the current project, by name; exit 3 when a run check fails"

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        crawler = super()._create_crawler(spidercls)
        self._crawlers.append(crawler)
        return crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        mask_all_log_records()
        if args:
            self._check_spider_arguments(args[0], opts.spargs)
        super().run(args, opts)
        if self.exitcode:
            return
        failed = sum(int(crawler.stats.get_value(FAILED_CHECKS_STAT, 0)) for crawler in self._crawlers)
        if failed:
            self.exitcode = UNHEALTHY_EXIT_CODE

    def _check_spider_arguments(self, name: str, spargs: dict[str, str]) -> None:
        """A spider's own argument check, as a usage error (exit 2) instead of a traceback mid-start."""
        assert self.crawler_process is not None
        try:
            spidercls = self.crawler_process.spider_loader.load(name)
        except KeyError:
            return  # Scrapy's own command reports an unknown spider
        check = getattr(spidercls, "check_arguments", None)
        if check is None:
            return
        try:
            check(**spargs)
        except ValueError as exc:
            raise UsageError(f"spider {name}: {exc}", print_help=False) from exc
