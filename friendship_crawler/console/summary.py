"""The closing summary of a crawl: what was exported, where the files are, is it healthy, what next."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from friendship_crawler.console.tally import Progress
from friendship_crawler.feed_slots import local_path
from friendship_crawler.middlewares.failures import FAILED
from friendship_crawler.run import duplicates_file_of

DATASET_DIR = "dataset"
"""Where the closing hint suggests `scrapy export` writes the dataset (relative to the cwd)."""
UNREACHABLE = {
    "dns": "its host name could not be resolved",
    "connection_refused": "it refused the connection",
    "timeout": "it did not answer in time",
}
"""Why no page of a site came back, by the `friendship/failed/<reason>` the crawl counted."""
OFFLINE_HINT = "`python -m friendship_crawler.offline` crawls the bundled replica without a network."
GO_ON = "Next: run the same command again; it goes on from what this run exported."
"""After a Ctrl-C, the first (finish reason "shutdown") or a second (no run report): README's way on."""


def _written(feed: Mapping[str, Any]) -> bool:
    """A feed the run wrote: one with items, or an empty one whose file is there (an `-O` feed). The
    run's own file is not written for a run that exported nothing, though its storage class stored."""
    path = local_path(str(feed.get("uri", "")))
    return bool(feed.get("items")) or path is None or path.exists()


FINISH_WORDS = {"finished": "finished", "shutdown": "shut down", "cancelled": "cancelled"}
"""How the summary says Scrapy's finish reason; another (an extension's: "closespider_timeout") is named."""


def summary_lines(
    stats: Mapping[str, Any],
    report: Mapping[str, Any] | None,
    report_path: Path | None,
    log_path: Path | None,
) -> list[str]:
    """A few lines for the console once the crawl has stopped."""
    progress = Progress.of(stats)
    if "finish_reason" in stats:
        ended = FINISH_WORDS.get(stats["finish_reason"], f"ended ({stats['finish_reason']})")
        lines = [f"Crawl {ended} in {_elapsed(stats)}: {progress.pages} pages fetched."]
    else:
        lines = [f"Crawl cut short before it could close: {progress.pages} pages fetched, no run report."]
    feeds = [
        str(feed["uri"]) for feed in (report or {}).get("exported", {}).get("feeds", []) if _written(feed)
    ]
    lines.append(
        f"  Exported    {progress.new} new and {progress.updated} updated articles"
        + (f" -> {shown(feeds[0])}" if feeds else "")
    )
    lines += [f"              also -> {shown(uri)}" for uri in feeds[1:]]
    skipped = (
        f"  Skipped     {progress.duplicates} duplicates, {progress.unchanged} unchanged, "
        f"{progress.not_articles} not articles"
    )
    reports = [p for p in (_duplicates_report(uri) for uri in feeds) if p is not None]
    lines.append(skipped + (f" (duplicates: {shown(str(reports[0]))})" if reports else ""))
    if report is not None and report_path is not None:
        failed = report.get("failed_checks", [])
        verdict = "healthy" if report.get("healthy") else f"UNHEALTHY, failed: {', '.join(failed)}"
        lines.append(f"  Run         {verdict} (report: {shown(str(report_path))})")
    if log_path is not None:
        lines.append(f"  Full log    {shown(str(log_path))}")
    lines.append(_next_step(report, report_path, progress, stats))
    return lines


def _next_step(
    report: Mapping[str, Any] | None, report_path: Path | None, progress: Progress, stats: Mapping[str, Any]
) -> str:
    unreachable = [why for reason, why in UNREACHABLE.items() if stats.get(f"{FAILED}/{reason}")]
    if not progress.pages and unreachable:
        return f"Next: the site could not be reached ({'; '.join(unreachable)}). {OFFLINE_HINT}"
    if report is None or stats.get("finish_reason") == "shutdown":
        return GO_ON
    if not report.get("healthy"):
        return f"Next: read the failed checks in {shown(str(report_path))} before trusting this run."
    if Path(DATASET_DIR).exists():
        return f"Next: `scrapy export {DATASET_DIR}/ --overwrite` rebuilds the dataset from every run so far."
    return f"Next: `scrapy export {DATASET_DIR}/` builds a dataset from every run so far."


def _duplicates_report(uri: str) -> Path | None:
    path = local_path(uri)
    if path is None:
        return None
    report = duplicates_file_of(path)
    return report if report.exists() else None


def _elapsed(stats: Mapping[str, Any]) -> str:
    start, finish = stats.get("start_time"), stats.get("finish_time")
    if not isinstance(start, datetime) or not isinstance(finish, datetime):
        return "?"
    seconds = (finish - start).total_seconds()
    return f"{seconds:.1f} s" if seconds < 120 else f"{seconds / 60:.1f} min"


def shown(uri: str | Path) -> str:
    """A local path relative to the current directory when it is below it; anything else as it is."""
    path = local_path(str(uri))
    if path is None:
        return str(uri)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
