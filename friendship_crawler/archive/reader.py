"""Reading the run archives back: every stored article capture, and the newest one per article.

A WARC cut short by a crash is read up to its last whole record; the damage is logged with the file
name and the number of records read, and reading goes on with the next file. The newest captures are
chosen without their bodies and read again one at a time (`read_bodies`): an archive of every page the
runs fetched would not fit in memory at once.
"""

from __future__ import annotations

import logging
import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from friendship_crawler.urls import article_id

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Capture:
    """One stored response: the URL fetched, when, and the body the spider saw."""

    url: str
    captured_at: str
    """ISO 8601 in UTC with offset (`2026-11-23T08:00:00+00:00`), like `Article.crawled_at`."""
    body: bytes
    archive: Path
    position: int
    """Index of the record in its archive, for a stable tie-break."""

    @property
    def article_id(self) -> int | None:
        return article_id(self.url)


def find_archives(directory: Path) -> list[Path]:
    """The WARC files of a directory, in name (that is run) order."""
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.name.endswith((".warc.gz", ".warc")) and p.is_file())


def read_captures(path: Path, damaged: list[Path] | None = None, *, bodies: bool = True) -> Iterator[Capture]:
    """Every HTTP 200 response record of a WARC file, up to the first unreadable byte or cut-off record
    (then logged, and `path` added to `damaged`); without `bodies`, each capture's body is left empty
    (it is read all the same, to find a cut-off record)."""
    count = 0
    size = path.stat().st_size
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        try:
            for position, record in enumerate(records):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                if record.http_headers.get_statuscode() != "200":
                    continue
                body = record.content_stream().read()
                if len(body) < _stated_length(record.http_headers, len(body)):
                    _damaged(
                        damaged, "Archive %s ends in a cut-off record after %s readable captures", path, count
                    )
                    return
                count += 1
                yield _capture(record, body if bodies else b"", path, position)
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as exc:
            message = "Archive %s is damaged after %s readable captures (%s); the rest is skipped"
            _damaged(damaged, message, path, count, _short(exc))
            return
        if records.offset < size:
            message = "Archive %s ends in a cut-off record after %s readable captures (%s bytes unread)"
            _damaged(damaged, message, path, count, size - records.offset)


def read_bodies(captures: Iterable[Capture]) -> Iterator[Capture]:
    """The captures with their bodies, read again from their archives (archive by archive, in record
    order), one at a time. Each was read whole before (`read_captures`): what lies past a damage is
    never asked for."""
    wanted: dict[Path, set[int]] = defaultdict(set)
    for capture in captures:
        wanted[capture.archive].add(capture.position)
    for path in sorted(wanted):
        positions, last = wanted[path], max(wanted[path])
        with path.open("rb") as stream:
            for position, record in enumerate(ArchiveIterator(stream)):
                if position in positions:
                    yield _capture(record, record.content_stream().read(), path, position)
                if position >= last:
                    break


def _capture(record: Any, body: bytes, path: Path, position: int) -> Capture:
    url = record.rec_headers.get_header("WARC-Target-URI")
    return Capture(url, _utc_iso(record.rec_headers.get_header("WARC-Date")), body, path, position)


def _damaged(damaged: list[Path] | None, message: str, path: Path, *args: object) -> None:
    """Say what is wrong with the archive at `path`, and add it to `damaged`."""
    logger.warning(message, path, *args)
    if damaged is not None:
        damaged.append(path)


def _short(error: Exception) -> str:
    """The reader's error in one printable line: warcio quotes the unreadable bytes it met."""
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    text = "".join(char if char.isprintable() and char.isascii() else "?" for char in text)
    return text[:120] + ("…" if len(text) > 120 else "")


def _stated_length(headers: Any, default: int) -> int:
    """The body length the stored HTTP headers state (the archive writes it); `default` without one."""
    try:
        return int(headers.get_header("Content-Length") or default)
    except ValueError:
        return default


def newest_captures(captures: Iterable[Capture]) -> dict[int, Capture]:
    """The newest capture of each article id (latest capture time, then later archive and record)."""
    newest: dict[int, Capture] = {}
    for capture in captures:
        aid = capture.article_id
        if aid is None:
            continue
        current = newest.get(aid)
        if current is None or _recency(capture) > _recency(current):
            newest[aid] = capture
    return newest


def _recency(capture: Capture) -> tuple[str, str, int]:
    return (capture.captured_at, capture.archive.name, capture.position)


def _utc_iso(warc_date: str) -> str:
    return datetime.fromisoformat(warc_date.replace("Z", "+00:00")).replace(microsecond=0).isoformat()
