"""`scrapy crawl`, overridden: a run that fails a run check exits non-zero (friendship_crawler.monitor)."""

from friendship_crawler.monitor.command import MonitoredCrawlCommand


class Command(MonitoredCrawlCommand):
    """Run a spider of the project; exit 3 when a run check failed (report in output/runs/)."""
