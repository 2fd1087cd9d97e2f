"""The run report: one JSON file per run (`<dir>/<spider>-<run_id>.json`), written atomically.

A scheduler reads `healthy`; a person reads `checks`, then `stats` and `items` for the details. Every
string in it goes through `mask_secrets`: a feed URI or base URL with a password shows `user:***@`.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from friendship_crawler.monitor.checks import FEED_FAILED_PREFIX, FEED_STORED_PREFIX, CheckResult
from friendship_crawler.monitor.masking import mask_data
from friendship_crawler.monitor.tally import ItemTally

REPORT_FORMAT = 2
"""Bumped when a key of the report changes meaning (2: `exported.feeds` lists only stored feeds)."""
STORED = "stored"
"""The status of a feed Scrapy stored; only such feeds are listed under `exported.feeds`."""


@dataclass(frozen=True)
class ExportedFeed:
    """One feed file the run wrote through Scrapy's feed exports."""

    uri: str
    format: str
    items: int
    status: str = STORED
    """`stored`, `failed`, `unknown` or `not_stored`: see `feed_status`."""


def feed_status(stats: Mapping[str, Any], storage: str) -> str:
    """How the feeds of one storage class (`FileFeedStorage` ...) fared, from Scrapy's store counts.

    Scrapy counts outcomes per storage class, not per feed: when feeds of one class both stored and failed,
    which one failed is `unknown`; `not_stored` when none was stored (no items and FEED_STORE_EMPTY off).
    """
    stored = int(stats.get(f"{FEED_STORED_PREFIX}{storage}", 0))
    failed = int(stats.get(f"{FEED_FAILED_PREFIX}{storage}", 0))
    if stored and failed:
        return "unknown"
    if failed:
        return "failed"
    return STORED if stored else "not_stored"


def build_report(
    *,
    spider_name: str,
    run_id: str,
    base_url: str | None,
    checks: Sequence[CheckResult],
    stats: Mapping[str, Any],
    tally: ItemTally,
    feeds: Sequence[ExportedFeed],
) -> dict[str, Any]:
    """The report as a JSON-ready dict, credentials masked; only stored feeds count as exported."""
    report = {
        "format": REPORT_FORMAT,
        "spider": spider_name,
        "run_id": run_id,
        "base_url": base_url,
        "healthy": all(check.passed for check in checks),
        "failed_checks": [check.name for check in checks if not check.passed],
        "checks": [asdict(check) for check in checks],
        "exported": {
            "items": int(stats.get("item_scraped_count", 0)),
            "feeds": [asdict(feed) for feed in feeds if feed.status == STORED],
            "not_stored": [asdict(feed) for feed in feeds if feed.status != STORED],
        },
        "items": {
            "seen": tally.items,
            "invalid": tally.invalid,
            "coverage": tally.coverage(),
            "invalid_examples": [asdict(example) for example in tally.examples],
        },
        "stats": {key: _json_value(value) for key, value in sorted(stats.items())},
    }
    masked: dict[str, Any] = mask_data(report)
    return masked


def write_report(path: Path, report: Mapping[str, Any]) -> None:
    """Write the report next to its final name, then rename it in: readers never see half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(report, stream, ensure_ascii=False, indent=2)
            stream.write("\n")
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _json_value(value: Any) -> Any:
    """Stats hold datetimes (start_time, finish_time); everything else is already JSON-ready."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)
