"""Reading what crawls left in `output/`: run files, their records, and the dedup stage's drop lists.

Run files are written by the feed export as `<spider>-<run_id>.jsonl` and may end in a line cut short by
a crash; such a line is reported with its file and line number and skipped, so one bad run never stops
an export. Duplicates reports (`<spider>-<run_id>.duplicates.jsonl`) name articles that must never come
back; run reports under `output/runs/` are not run files and are not read.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from friendship_crawler.items import Article
from friendship_crawler.jsonl import json_lines
from friendship_crawler.run import DUPLICATES_FILE, PROJECT_RUNS, RUN_FILE, RUN_ID_FORMAT
from friendship_crawler.schema.validator import ArticleValidator, load_article_schema
from friendship_crawler.urls import article_id

logger = logging.getLogger(__name__)


@dataclass(frozen=True, order=True)
class RunFile:
    """One run file; ordered by run id, so older runs come first."""

    run_id: str
    spider: str
    path: Path

    @property
    def started_at(self) -> datetime:
        """When the run started (UTC), read from its id."""
        return datetime.strptime(self.run_id, RUN_ID_FORMAT).replace(tzinfo=UTC)


@dataclass(frozen=True)
class BadLine:
    """A run-file line that could not be read as a record."""

    path: Path
    line_number: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line_number}: {self.reason}; line skipped"


@dataclass(frozen=True)
class RunRecord:
    """An article as one run exported it, with where it came from (for stable tie-breaks)."""

    article: Article
    run: RunFile
    line_number: int


@dataclass
class RunReadLog:
    """What reading the run files met: bad lines and records read per run."""

    bad_lines: list[BadLine] = field(default_factory=list)
    records_per_run: dict[RunFile, int] = field(default_factory=dict)


def find_run_files(input_dir: Path) -> list[RunFile]:
    """The project's run files directly under `input_dir` (`PROJECT_RUNS`), oldest first; other files
    (reports, archives) are ignored, and a run file of another project's spider is named and left out: its
    records would stand for the site's articles of the same ids."""
    found = []
    for path in input_dir.iterdir():
        match = RUN_FILE.match(path.name)
        if not match or not path.is_file():
            continue
        if match["spider"] not in PROJECT_RUNS:
            logger.warning("%s is no run file of this project (spider %r): not read", path, match["spider"])
            continue
        found.append(RunFile(match["run_id"], match["spider"], path))
    return sorted(found)


def find_duplicates_reports(input_dir: Path) -> list[Path]:
    """Duplicates reports directly under `input_dir`, in name order."""
    return sorted(p for p in input_dir.iterdir() if DUPLICATES_FILE.match(p.name) and p.is_file())


def read_run_records(runs: list[RunFile], log: RunReadLog) -> Iterator[RunRecord]:
    """Every readable record of `runs`, in run then line order; unreadable lines go to `log`."""
    for run in runs:
        count = 0
        for line_number, data in _json_lines(run.path, log):
            try:
                article = _article_from(data)
            except ValueError as exc:
                _bad_line(log, run.path, line_number, str(exc))
                continue
            count += 1
            yield RunRecord(article, run, line_number)
        log.records_per_run[run] = count


def read_excluded_ids(reports: list[Path], log: RunReadLog) -> dict[int, str]:
    """Article id -> the last run whose dedup stage dropped it or marked it superseded: no record of it up
    to that run comes back in a dataset (`dropped_for_good`); a later run that exported it as an article of
    its own has its say."""
    excluded: dict[int, str] = {}
    for path in reports:
        named = DUPLICATES_FILE.match(path.name)
        run_id = named["run_id"] if named else ""
        for line_number, data in _json_lines(path, log):
            dropped = _dropped_id(data)
            if dropped is None:
                _bad_line(log, path, line_number, "duplicates record names no dropped article")
                continue
            if dropped != _kept_id(data):
                excluded[dropped] = max(run_id, excluded.get(dropped, ""))
    return excluded


def dropped_for_good(excluded: dict[int, str], record: RunRecord) -> bool:
    """The record's article was dropped as a duplicate by its own run or a later one (`read_excluded_ids`)."""
    dropped_in = excluded.get(record.article.article_id)
    return dropped_in is not None and record.run.run_id <= dropped_in


def _json_lines(path: Path, log: RunReadLog) -> Iterator[tuple[int, dict[str, Any]]]:
    for line in json_lines(path):
        if line.problem:
            _bad_line(log, path, line.number, line.problem)
        elif line.record is not None:
            yield line.number, line.record


RECORD_CORE = ("url", "article_id", "title")
"""What every record of any version of the project holds; a field it lacks takes its default."""


@cache
def _record_validator() -> ArticleValidator:
    """The record schema for run files of any version: every field it holds of the type the schema says
    (a text that is no string, a section that is no list, a date that is none), the core required, and
    fields the schema does not know (an older or newer version's) let through. Addresses keep only their
    type: a sister site's article address (`…-84147.htm`) is one the project reads too."""
    schema = copy.deepcopy(load_article_schema())
    properties = schema["properties"]
    properties["url"].pop("pattern", None)
    properties["related_urls"]["items"].pop("pattern", None)
    schema.update(required=list(RECORD_CORE), additionalProperties=True)
    return ArticleValidator(schema)


def _article_from(data: dict[str, Any]) -> Article:
    errors = _record_validator().errors(data)
    if errors:
        raise ValueError("; ".join(errors[:3]))
    try:
        return Article.from_dict(data)
    except TypeError as exc:
        raise ValueError(f"not an Article record ({exc})") from exc


def _bad_line(log: RunReadLog, path: Path, line_number: int, reason: str) -> None:
    bad = BadLine(path, line_number, reason)
    log.bad_lines.append(bad)
    logger.warning("%s", bad)


def _id_of(value: Any) -> int | None:
    """An article id given as a number, a URL, or a record with `article_id`/`url`."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return int(value) if value.isdigit() else article_id(value)
    if isinstance(value, dict):
        return _id_of(value.get("article_id")) or _id_of(value.get("url"))
    return None


def _dropped_id(data: dict[str, Any]) -> int | None:
    superseded = data.get("superseded")
    if superseded not in (None, False, True):
        found = _id_of(superseded)
        if found is not None:
            return found
    for key in ("dropped_article_id", "dropped_id", "dropped", "dropped_url"):
        found = _id_of(data.get(key))
        if found is not None:
            return found
    return None


def _kept_id(data: dict[str, Any]) -> int | None:
    for key in ("kept_article_id", "kept_id", "kept", "kept_url"):
        found = _id_of(data.get(key))
        if found is not None:
            return found
    return None
