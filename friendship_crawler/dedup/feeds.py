"""Where a crawl's JSON Lines feeds are on disk, and which records really reached them.

The feed file is the truth about what a run exported: a killed process loses its write buffers, not
what the OS already holds. A complete line is a record; a cut-off last line is not, and is trimmed
so the file stays valid JSON Lines.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scrapy.extensions.feedexport import FeedExporter
from scrapy.settings import BaseSettings

from friendship_crawler.feed_slots import feed_slots, local_path
from friendship_crawler.jsonl import CUT_OFF, json_lines
from friendship_crawler.paths import project_path
from friendship_crawler.run import RUN_FILE

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedRecords:
    """The complete records of one feed file, and how many bytes of a cut-off last line were trimmed."""

    path: Path
    records: list[dict[str, Any]]
    trimmed_bytes: int = 0


@dataclass
class FeedScan:
    """How far the complete lines of a feed reach, learnt while its records are read."""

    size: int = 0
    """Bytes read, including a cut-off last line."""
    good_end: int = 0
    """Offset just past the last complete line."""
    ends_with_newline: bool = False
    """Whether the last complete line ends with a newline."""
    records: int = 0
    """Complete records (JSON objects) read."""
    skipped: int = 0
    """Lines that hold no record (unreadable, or JSON other than an object), a cut-off last line aside."""

    @property
    def trimmed_bytes(self) -> int:
        """Bytes of a cut-off last line, to trim so the file stays valid JSON Lines."""
        return self.size - self.good_end


def open_feed_paths(exporter: FeedExporter | None) -> list[Path]:
    """Local JSON Lines files the exporter writes to now."""
    return [slot.path for slot in feed_slots(exporter) if slot.readable_jsonlines and slot.path is not None]


def unchecked_feeds(exporter: FeedExporter | None) -> list[str]:
    """Feed URIs the dedup stage cannot read back (remote, not JSON Lines, or post-processed)."""
    return [slot.uri for slot in feed_slots(exporter) if not slot.readable_jsonlines]


def configured_feed_dirs(feeds: dict[str, Any]) -> list[Path]:
    """Directories the `FEEDS` setting writes local files to (those whose directory part is fixed)."""
    dirs = []
    for uri in feeds:
        path = local_path(str(uri))
        if path is not None and "%(" not in str(path.parent):
            dirs.append(path.parent)
    return dirs


def exported_feeds(directories: Iterable[Path], reports_dir: Path | None = None) -> list[Path]:
    """The project's own non-empty run files in the given directories.

    A run file is named `<spider>-<run id>.jsonl`, or is a feed that a run report in `reports_dir`
    names as stored (`-O FILE`); any other `*.jsonl` there (a truth file, another dataset) is not.
    """
    reported = reported_feeds(reports_dir) if reports_dir is not None else set()
    found = []
    for directory in directories:
        found += [p for p in run_feeds_in(directory, reported) if p.stat().st_size > 0]
    return found


def run_feeds_in(directory: Path, reported: set[Path]) -> list[Path]:
    """The run files (`<spider>-<run id>.jsonl`) in `directory`, and the feeds there among `reported`
    (`reported_feeds`), in name order; nothing for a directory that is not there."""
    if not directory.is_dir():
        return []
    return [
        p
        for p in sorted(directory.glob("*.jsonl"))
        if (RUN_FILE.match(p.name) or p.absolute() in reported) and p.is_file()
    ]


def earlier_exports(settings: BaseSettings) -> list[Path]:
    """The run files earlier crawls left where this crawl's `FEEDS` write (see `exported_feeds`)."""
    feed_dirs = configured_feed_dirs(settings.getdict("FEEDS"))
    return exported_feeds(feed_dirs, project_path(settings, "FRIENDSHIP_MONITOR_REPORTS_DIR"))


def reported_feeds(reports_dir: Path) -> set[Path]:
    """Local feed files that the run reports in `reports_dir` name as stored."""
    paths: set[Path] = set()
    for report in sorted(reports_dir.glob("*.json")) if reports_dir.is_dir() else ():
        try:
            stored = json.loads(report.read_text(encoding="utf-8"))["exported"]["feeds"]
            uris = [str(feed["uri"]) for feed in stored]
        except (OSError, ValueError, KeyError, TypeError):
            logger.warning("Skipping an unreadable run report %s", report)
            continue
        paths.update(path for uri in uris if (path := local_path(uri)) is not None)
    return paths


def iter_records(path: Path, scan: FeedScan | None = None) -> Iterator[dict[str, Any]]:
    """The complete records of a feed, read one line at a time; `scan` learns where they end.

    Only the last line may be cut off by a kill (no newline at its end): such a line ends the records; any
    other line that holds no record (unreadable, or JSON other than an object) is skipped with a warning
    that names it.
    """
    scan = FeedScan() if scan is None else scan
    for line in json_lines(path):
        scan.size += len(line.raw)
        if line.unreadable == CUT_OFF:  # a kill's doing: not a record yet, and trimmed where asked
            return
        if line.problem:
            scan.skipped += 1
            logger.warning("Skipping line %d of %s: %s", line.number, path, line.problem)
        scan.good_end, scan.ends_with_newline = scan.size, line.raw.endswith(b"\n")
        if line.record is not None:
            scan.records += 1
            yield line.record


def read_feed(path: Path, *, trim: bool = False) -> FeedRecords:
    """The complete records of a feed; with `trim`, cut a partial last line off the file itself."""
    scan = FeedScan()
    records = list(iter_records(path, scan))
    if trim:
        repair(path, scan)
    return FeedRecords(path, records, scan.trimmed_bytes)


def written_versions(paths: Iterable[Path], *, trim: bool = False) -> set[tuple[str, int]]:
    """(url, version) of every complete record in the given feeds, read one record at a time.

    With `trim`, a cut-off last line is also cut off each file (see `repair`).
    """
    written: set[tuple[str, int]] = set()
    for path in paths:
        scan = FeedScan()
        written.update(
            (record["url"], int(record.get("version") or 1))
            for record in iter_records(path, scan)
            if "url" in record
        )
        if trim:
            repair(path, scan)
    return written


def repair(path: Path, scan: FeedScan) -> None:
    """Cut a scanned feed back to its complete lines, and end its last record with a newline."""
    if scan.trimmed_bytes:
        _truncate(path, scan.good_end)
        logger.warning("Trimmed a cut-off last line (%s bytes) from %s", scan.trimmed_bytes, path)
    if scan.records and not scan.ends_with_newline:
        with path.open("ab") as feed:
            feed.write(b"\n")


def sync(paths: Iterable[Path]) -> None:
    """Flush the feeds to stable storage before they are trusted as exported."""
    for path in paths:
        if path.exists():
            descriptor = os.open(path, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)


def _truncate(path: Path, size: int) -> None:
    with path.open("r+b") as feed:
        feed.truncate(size)
