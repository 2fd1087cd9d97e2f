"""One crawl run: its id, the directories it writes to and the names of every file it leaves.

The spider owns the run id (`FRIENDSHIP_RUN_ID` when `scrapy crawl` chose it, else a new one);
every extension, pipeline and command gets the rest from `Run.of(crawler)` or `Run.at(...)`, so a
run file, its duplicates report, its run report, its log and its archive always share one stem.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from scrapy import Spider
from scrapy.crawler import Crawler
from scrapy.settings import BaseSettings

from friendship_crawler.paths import project_path

RUN_ID_FORMAT = "%Y%m%dT%H%M%SZ"
CRAWL_SPIDER, REPROCESS_RUNS = "friendship", "reprocess"
"""Whose run files are the project's: the spider's, and `scrapy reprocess`'s."""
PROJECT_RUNS = frozenset({CRAWL_SPIDER, REPROCESS_RUNS})
_STEM = r"(?P<spider>[A-Za-z0-9_.]+?)-(?P<run_id>\d{8}T\d{6}Z)"
RUN_FILE = re.compile(rf"^{_STEM}\.jsonl$")
"""A run file: `<spider>-<run id>.jsonl`."""
DUPLICATES_SUFFIX = ".duplicates.jsonl"
DUPLICATES_FILE = re.compile(rf"^{_STEM}\.duplicates\.jsonl$")
"""A run's duplicates report: `<spider>-<run id>.duplicates.jsonl`."""


def new_run_id(now: datetime | None = None) -> str:
    """A run id: the UTC start time to the second."""
    return (now or datetime.now(UTC)).strftime(RUN_ID_FORMAT)


CLAIM_SUFFIX = ".claim"
CLAIM_TRIES = 600
"""Seconds after the start time a run id may be taken from, when runs keep starting together."""


def claim_run_id(settings: BaseSettings, spider: str, now: datetime | None = None) -> str:
    """A run id no other run of `spider` holds: the UTC start time to the second, or the first later
    second that is free. Two crawls started in the same second on one output directory would otherwise
    write one run file, one report and one log. An id is free when no file of a run has its stem (in the
    output and reports directories), and it is taken by creating `<stem>.claim` in the reports directory
    exclusively, which `release_run_id` removes when the crawl ends."""
    start = now or datetime.now(UTC)
    run = Run.at(settings, spider, new_run_id(start))
    run.reports_dir.mkdir(parents=True, exist_ok=True)
    for step in range(CLAIM_TRIES):
        candidate = Run.at(settings, spider, new_run_id(start + timedelta(seconds=step)))
        folders = (candidate.output_dir, candidate.reports_dir)
        if any(next(folder.glob(f"{candidate.stem}.*"), None) for folder in folders):
            continue  # a run of that second left its files
        try:
            os.close(os.open(candidate.claim_file, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        return candidate.run_id
    raise OSError(f"no free run id in {CLAIM_TRIES} s from {new_run_id(start)} under {run.reports_dir}")


def release_run_id(settings: BaseSettings, spider: str, run_id: str) -> None:
    """Remove the claim `claim_run_id` left for the run: its files now hold its id."""
    Run.at(settings, spider, run_id).claim_file.unlink(missing_ok=True)


@dataclass(frozen=True)
class Run:
    """One run's identity and where its files go."""

    spider: str
    run_id: str
    output_dir: Path
    reports_dir: Path
    archive_dir: Path
    state_dir: Path

    @classmethod
    def at(cls, settings: BaseSettings, spider: str, run_id: str) -> Run:
        """The run `run_id` of `spider`, with the directories the settings name (under the project root)."""
        return cls(
            spider,
            run_id,
            output_dir=project_path(settings, "FRIENDSHIP_OUTPUT_DIR"),
            reports_dir=project_path(settings, "FRIENDSHIP_MONITOR_REPORTS_DIR"),
            archive_dir=project_path(settings, "FRIENDSHIP_ARCHIVE_DIR"),
            state_dir=project_path(settings, "FRIENDSHIP_STATE_DIR"),
        )

    @classmethod
    def of(cls, crawler: Crawler, spider: Spider | None = None) -> Run:
        """The run of a crawler's spider (`spider`, else the open one); a spider without a run id gets one."""
        spider = spider or crawler.spider
        assert spider is not None, "the spider is not open yet"
        if not getattr(spider, "run_id", None):
            spider.run_id = new_run_id()  # type: ignore[attr-defined]
        return cls.at(crawler.settings, spider.name, str(spider.run_id))  # type: ignore[attr-defined]

    @property
    def stem(self) -> str:
        return f"{self.spider}-{self.run_id}"

    @property
    def claim_file(self) -> Path:
        """What holds the run id while the run starts (`claim_run_id`)."""
        return self.reports_dir / f"{self.stem}{CLAIM_SUFFIX}"

    @property
    def feed_file(self) -> Path:
        """The run file the project's default `FEEDS` entry writes."""
        return self.output_dir / f"{self.stem}.jsonl"

    @property
    def duplicates_file(self) -> Path:
        """The duplicates report of a run without a local feed."""
        return self.output_dir / f"{self.stem}{DUPLICATES_SUFFIX}"

    @property
    def report_file(self) -> Path:
        return self.reports_dir / f"{self.stem}.json"

    @property
    def log_file(self) -> Path:
        return self.reports_dir / f"{self.stem}.log"

    @property
    def archive_file(self) -> Path:
        return self.archive_dir / f"{self.stem}.warc.gz"


def duplicates_file_of(feed: Path) -> Path:
    """The duplicates report beside a feed: `<feed stem>.duplicates.jsonl`."""
    return feed.with_name(f"{feed.name.removesuffix(feed.suffix)}{DUPLICATES_SUFFIX}")
