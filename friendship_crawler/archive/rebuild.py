"""Rebuilding records from archived pages with the current extraction and cleaning rules, fetching nothing.

For each article, the newest stored capture is extracted and cleaned again, one page in memory at a
time. Articles the dedup stage
dropped (named in the runs' duplicates reports) stay dropped. A record is written only
when it differs from the newest record the runs already hold (ignoring `crawled_at` and `version`), with
a version one higher, so `scrapy export` picks it; running it twice with the same rules writes nothing
new the second time.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from itertools import chain
from pathlib import Path
from typing import Any

from friendship_crawler.archive.reader import find_archives, newest_captures, read_bodies, read_captures
from friendship_crawler.dataset.runs import (
    RunReadLog,
    dropped_for_good,
    find_duplicates_reports,
    find_run_files,
    read_excluded_ids,
    read_run_records,
)
from friendship_crawler.dataset.select import newest_records
from friendship_crawler.dataset.writers import write_jsonl
from friendship_crawler.extract import NotAnArticle
from friendship_crawler.items import Article
from friendship_crawler.run import REPROCESS_RUNS, new_run_id

logger = logging.getLogger(__name__)

PageReader = Callable[[bytes, str], Article]
"""A page and its URL in, its clean record out (`read_article`), raising `NotAnArticle`."""
_UNCOMPARED = frozenset({"crawled_at", "version"})
SAME_FETCH = timedelta(minutes=5)
"""How long after its capture a record may be stamped and still come from that fetch: the archive stamps a
page as it arrives, the spider its record once the page is read, seconds later on a busy crawl."""


@dataclass
class RebuildReport:
    """What a rebuild read and wrote."""

    captures: int = 0
    written: int = 0
    unchanged: int = 0
    not_article: Counter[str] = field(default_factory=Counter)
    duplicates: int = 0
    """Captures of articles the dedup stage dropped, left out again."""
    superseded: int = 0
    """Captures older than the record exported for their article (fetched again by a crawl whose archive
    was not read): left out, or the older page would come back as the newest version."""
    left_to_crawl: list[tuple[str, int]] = field(default_factory=list)
    """(URL, id) of the pages no run exported that read as articles now: a crawl's, whose dedup stage
    judges them (`Frontier.reconsider` owes them to the next one)."""

    @property
    def not_exported(self) -> int:
        return len(self.left_to_crawl)

    damaged: list[Path] = field(default_factory=list)
    """Archives read only up to a cut-off or unreadable record."""
    path: Path | None = None


def rebuild_records(
    archive_dir: Path,
    output_dir: Path,
    read: PageReader | None = None,
    run_id: str | None = None,
    runs_dirs: Sequence[Path] = (),
) -> RebuildReport:
    """Read the newest capture of every archived article again (`read`, by default `read_article`); write
    the changed records to `output_dir`. What the runs hold, and which articles they dropped as duplicates,
    is read from the run files and duplicates reports in `output_dir` and in `runs_dirs`."""
    if read is None:
        from friendship_crawler.reader import read_article  # the reading, once there is work

        read = read_article
    report = RebuildReport()
    captures = newest_captures(
        chain.from_iterable(
            read_captures(p, report.damaged, bodies=False) for p in find_archives(archive_dir)
        )
    )
    report.captures = len(captures)
    directories = [d for d in dict.fromkeys(p.resolve() for p in (output_dir, *runs_dirs)) if d.is_dir()]
    runs = sorted(run for d in directories for run in find_run_files(d))
    reports = [found for d in directories for found in find_duplicates_reports(d)]
    read_log = RunReadLog()
    existing = newest_records(read_run_records(runs, read_log))
    dropped = read_excluded_ids(reports, read_log)
    rebuilt: list[Article] = []
    to_read = []
    for aid, capture in captures.items():
        previous = existing.get(aid)
        if aid in dropped and (previous is None or dropped_for_good(dropped, previous)):
            report.duplicates += 1
        else:
            to_read.append(capture)
    for capture in read_bodies(to_read):
        try:
            article = read(capture.body, capture.url)
        except NotAnArticle as exc:
            report.not_article[exc.reason] += 1
            logger.info("Archived page is not an article (%s): %s", exc.reason, capture.url)
            continue
        article.crawled_at = capture.captured_at
        previous = existing.get(article.article_id)  # the page's own id may differ from the capture's
        if previous is None:  # never exported: a crawl reads it, through the dedup stage
            report.left_to_crawl.append((capture.url, article.article_id))
            continue
        if _fetched_before(capture.captured_at, previous.article.crawled_at):
            report.superseded += 1
            logger.info("Archived page is older than its exported record, left out: %s", capture.url)
            continue
        if _comparable(previous.article) == _comparable(article):
            report.unchanged += 1
            continue
        article.version = previous.article.version + 1
        rebuilt.append(article)
    rebuilt.sort(key=lambda article: article.article_id)
    report.left_to_crawl.sort(key=lambda page: page[1])
    report.written = len(rebuilt)
    if rebuilt:
        run_id = run_id or new_run_id()
        report.path = _write_run_file(rebuilt, output_dir / f"{REPROCESS_RUNS}-{run_id}.jsonl")
    logger.info(
        "Rebuilt %s archived articles: %s changed records written, %s unchanged, %s not articles, "
        "%s dropped duplicates left out, %s older than their exported records left out, %s never exported"
        " left to a crawl",
        report.captures,
        report.written,
        report.unchanged,
        sum(report.not_article.values()),
        report.duplicates,
        report.superseded,
        report.not_exported,
    )
    return report


def _fetched_before(captured_at: str, crawled_at: str) -> bool:
    """The exported record's page was fetched after the capture, by a later fetch (both ISO 8601 with an
    offset): more than `SAME_FETCH` after it."""
    try:
        return datetime.fromisoformat(crawled_at) - datetime.fromisoformat(captured_at) > SAME_FETCH
    except (TypeError, ValueError):  # a record without a readable time: nothing says it is newer
        return False


def _comparable(article: Article) -> dict[str, Any]:
    return {k: v for k, v in asdict(article).items() if k not in _UNCOMPARED}


def _write_run_file(articles: list[Article], path: Path) -> Path:
    """Write beside the final name and rename, so export never reads a half-written run file."""
    if path.exists():
        raise FileExistsError(f"run file {path} exists already")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        write_jsonl(articles, partial)
        os.replace(partial, path)
    except BaseException:  # a full disk, or a Ctrl-C: no half-written file left behind
        partial.unlink(missing_ok=True)
        raise
    return path
