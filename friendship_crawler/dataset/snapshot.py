"""Building one dataset snapshot from a directory of run files: read, choose, write, publish.

The command line (`scrapy export`) only parses options and calls `build_snapshot`; everything a
snapshot contains is decided here and in the modules it composes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from friendship_crawler.dataset.atomic import publish_directory
from friendship_crawler.dataset.card import CardInputs, render_card, write_charts
from friendship_crawler.dataset.ownership import ReplaceRule, write_marker
from friendship_crawler.dataset.runs import (
    BadLine,
    RunReadLog,
    find_duplicates_reports,
    find_run_files,
    read_excluded_ids,
    read_run_records,
)
from friendship_crawler.dataset.select import ArticleFilter, Selection, select_articles
from friendship_crawler.dataset.writers import WRITERS

logger = logging.getLogger(__name__)


class NoRunFiles(FileNotFoundError):
    """The input directory holds no run files to build a snapshot from."""


@dataclass(frozen=True)
class SnapshotRequest:
    """What to build and where."""

    input_dir: Path
    dest: Path
    formats: Sequence[str] = ("jsonl",)
    article_filter: ArticleFilter = field(default_factory=ArticleFilter)
    overwrite: bool = False


@dataclass
class SnapshotResult:
    """What was built."""

    dest: Path
    files: list[str]
    selection: Selection
    bad_lines: list[BadLine]
    run_count: int


def build_snapshot(request: SnapshotRequest) -> SnapshotResult:
    """Write the snapshot for `request` into place atomically and say what it holds."""
    if request.input_dir.is_file():
        raise NoRunFiles(f"input {request.input_dir} is a file, not a directory of run files")
    if request.input_dir.exists() and not request.input_dir.is_dir():
        raise NoRunFiles(f"input {request.input_dir} is not a directory of run files")
    if not request.input_dir.is_dir():
        raise NoRunFiles(f"input directory {request.input_dir} does not exist")
    runs = find_run_files(request.input_dir)
    if not runs:
        raise NoRunFiles(f"no run files (<spider>-<run_id>.jsonl) in {request.input_dir}")
    reports = find_duplicates_reports(request.input_dir)
    read_log = RunReadLog()
    excluded = read_excluded_ids(reports, read_log)
    selection = select_articles(read_run_records(runs, read_log), excluded, request.article_filter)
    unknown = request.article_filter.unknown_sections(selection.sections_seen)
    if unknown:
        known = ", ".join(sorted(selection.sections_seen.values())) or "none"
        raise ValueError(f"no article is in section {', '.join(map(repr, unknown))}; the runs hold: {known}")
    files = [WRITERS[name][0] for name in request.formats]
    may_replace = ReplaceRule.around(request.input_dir)
    with publish_directory(request.dest, request.overwrite, may_replace) as staging:
        for name in request.formats:
            file_name, write = WRITERS[name]
            write(selection.articles, staging / file_name)
        charts = write_charts(selection.articles, staging)
        card = CardInputs(
            selection=selection,
            runs=runs,
            records_per_run=read_log.records_per_run,
            duplicates_reports=[p.name for p in reports],
            bad_lines=read_log.bad_lines,
            article_filter=request.article_filter,
            files=files,
        )
        (staging / "README.md").write_text(render_card(card), encoding="utf-8")
        write_marker(staging)
    logger.info(
        "Snapshot %s: %s articles; run files read: %s (%s older versions, %s duplicates, %s filtered,"
        " %s bad lines)",
        request.dest,
        len(selection.articles),
        len(runs),
        selection.older_versions,
        selection.excluded_duplicates,
        selection.filtered_out,
        len(read_log.bad_lines),
    )
    written = [*files, *charts, "README.md"]
    return SnapshotResult(request.dest, written, selection, read_log.bad_lines, len(runs))
