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
from urllib.parse import unquote, urlsplit

from scrapy.crawler import Crawler
from scrapy.extensions.feedexport import FeedExporter

logger = logging.getLogger(__name__)

JSONLINES_FORMATS = frozenset({"jsonlines", "jsonl", "jl"})
REPORT_SUFFIX = ".duplicates.jsonl"


@dataclass(frozen=True)
class FeedRecords:
    """The complete records of one feed file, and how many bytes of a cut-off last line were trimmed."""

    path: Path
    records: list[dict[str, Any]]
    trimmed_bytes: int = 0


def local_path(uri: str) -> Path | None:
    """The absolute local path of a feed URI (`file://` or a plain path), or None for remote storage."""
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(unquote(parts.path)).absolute()
    if parts.scheme == "" or len(parts.scheme) == 1:  # a plain path (or a Windows drive letter)
        return Path(uri).absolute()
    return None


def feed_exporter(crawler: Crawler) -> FeedExporter | None:
    extensions = getattr(crawler, "extensions", None)
    for extension in getattr(extensions, "middlewares", ()):
        if isinstance(extension, FeedExporter):
            return extension
    return None


def open_feed_paths(exporter: FeedExporter) -> list[Path]:
    """Local JSON Lines files the exporter writes to now (its slots exist once the spider is open)."""
    paths = []
    for slot in exporter.slots:
        path = local_path(slot.uri)
        if path is None or slot.format not in JSONLINES_FORMATS or "postprocessing" in slot.feed_options:
            continue
        paths.append(path)
    return paths


def unchecked_feeds(exporter: FeedExporter) -> list[str]:
    """Feed URIs the dedup stage cannot read back (remote, not JSON Lines, or post-processed)."""
    return [
        slot.uri
        for slot in exporter.slots
        if local_path(slot.uri) is None
        or slot.format not in JSONLINES_FORMATS
        or "postprocessing" in slot.feed_options
    ]


def configured_feed_dirs(feeds: dict[str, Any]) -> list[Path]:
    """Directories the `FEEDS` setting writes local files to (those whose directory part is fixed)."""
    dirs = []
    for uri in feeds:
        path = local_path(str(uri))
        if path is not None and "%(" not in str(path.parent):
            dirs.append(path.parent)
    return dirs


def exported_feeds(directories: Iterable[Path]) -> list[Path]:
    """Non-empty JSON Lines feeds already in the given directories (duplicates reports excluded)."""
    found = []
    for directory in directories:
        if directory.is_dir():
            found += [
                p
                for p in sorted(directory.glob("*.jsonl"))
                if not p.name.endswith(REPORT_SUFFIX) and p.stat().st_size > 0
            ]
    return found


def read_feed(path: Path, *, trim: bool = False) -> FeedRecords:
    """The complete records of a feed; with `trim`, cut a partial last line off the file itself."""
    if not path.exists():
        return FeedRecords(path, [])
    data = path.read_bytes()
    records: list[dict[str, Any]] = []
    good_end = 0
    offset = 0
    for line in data.splitlines(keepends=True):
        offset += len(line)
        stripped = line.strip()
        if not stripped:
            good_end = offset
            continue
        try:
            record = json.loads(stripped)
        except (json.JSONDecodeError, UnicodeDecodeError):
            if offset == len(data):  # only the last line may be cut off by a kill
                break
            logger.warning("Skipping an unreadable line in the middle of %s", path)
            good_end = offset
            continue
        if isinstance(record, dict):
            records.append(record)
        good_end = offset
    trimmed = len(data) - good_end
    if trim and trimmed:
        _truncate(path, good_end)
        logger.warning("Trimmed a cut-off last line (%s bytes) from %s", trimmed, path)
    if trim and records and not data[:good_end].endswith(b"\n"):
        with path.open("ab") as feed:
            feed.write(b"\n")
    return FeedRecords(path, records, trimmed)


def written_versions(paths: Iterable[Path], *, trim: bool = False) -> set[tuple[str, int]]:
    """(url, version) of every complete record in the given feeds."""
    written: set[tuple[str, int]] = set()
    for path in paths:
        for record in read_feed(path, trim=trim).records:
            if "url" in record:
                written.add((record["url"], int(record.get("version") or 1)))
    return written


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


def records_in(paths: Iterable[Path]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every complete record of the given feeds, in file order."""
    for path in paths:
        for record in read_feed(path).records:
            yield path, record
