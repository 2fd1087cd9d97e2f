"""Run monitoring: checks that decide whether a crawl was healthy, and the report every run leaves behind."""

from friendship_crawler.monitor.checks import CHECKS, CheckResult, Thresholds, run_checks
from friendship_crawler.monitor.extension import FAILED_CHECKS_STAT, RunMonitor
from friendship_crawler.monitor.tally import REQUIRED_FIELDS, ItemTally

__all__ = [
    "CHECKS",
    "FAILED_CHECKS_STAT",
    "REQUIRED_FIELDS",
    "CheckResult",
    "ItemTally",
    "RunMonitor",
    "Thresholds",
    "run_checks",
]
