"""`scrapy reprocess`: rebuild records from the archived pages with today's extraction and cleaning rules.

Nothing is fetched. The rebuilt records that differ from what the runs hold are written to
`<output>/reprocess-<run_id>.jsonl` with higher versions, so the next `scrapy export` uses them.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from friendship_crawler.archive.reader import find_archives
from friendship_crawler.archive.rebuild import rebuild_records
from friendship_crawler.commands.options import positional_arguments
from friendship_crawler.console.session import command_log, ends_on_ctrl_c
from friendship_crawler.dedup.rebuild import record_feed
from friendship_crawler.dedup.state import STATE_FILE, StateError, near_rule, state_config
from friendship_crawler.frontier import Frontier
from friendship_crawler.items import Article
from friendship_crawler.paths import project_path
from friendship_crawler.project_settings import friendship_setting
from friendship_crawler.site import SECTION_SLUG

logger = logging.getLogger(__name__)


class Command(ScrapyCommand):
    """Re-extract and re-clean every archived article page, fetching nothing."""

    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_LEVEL": "INFO"}

    def syntax(self) -> str:
        return "[options]"

    def short_desc(self) -> str:
        return "Rebuild records from archived pages with the current extraction and cleaning rules"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        group = parser.add_argument_group("Reprocess options")
        group.add_argument(
            "--archive",
            metavar="DIR",
            default=None,
            help="directory of WARC archives (default FRIENDSHIP_ARCHIVE_DIR)",
        )
        group.add_argument(
            "--output",
            metavar="DIR",
            default=None,
            help="directory the new run file is written to; run files there are read along with the "
            "project's (default FRIENDSHIP_OUTPUT_DIR, output)",
        )

    @ends_on_ctrl_c("reprocess")
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        command_log(self.settings)
        args = positional_arguments("reprocess", args)
        if args:
            raise UsageError(f"unexpected arguments: {' '.join(args)}", print_help=False)
        settings = self.settings
        archive_dir = _archive(
            Path(opts.archive) if opts.archive else project_path(settings, "FRIENDSHIP_ARCHIVE_DIR")
        )
        output_dir = Path(opts.output) if opts.output else project_path(settings, "FRIENDSHIP_OUTPUT_DIR")
        from friendship_crawler.extract import ArticleExtractor  # the reading, once there is work
        from friendship_crawler.reader import read_page

        extractor = ArticleExtractor(friendship_setting(self.settings, "FRIENDSHIP_CANONICAL_ROOT"))

        def read(page: bytes, url: str) -> Article:
            return read_page(page, url, extractor=extractor).article

        if output_dir.exists() and not output_dir.is_dir():
            raise UsageError(f"--output {output_dir} is no directory", print_help=False)
        project_runs = project_path(settings, "FRIENDSHIP_OUTPUT_DIR")
        try:
            report = rebuild_records(archive_dir, output_dir, read, runs_dirs=[project_runs])
        except OSError as exc:  # a directory that cannot be made or written
            logger.error("Cannot write the reprocessed records in %s: %s", output_dir, exc.strerror or exc)
            self.exitcode = 1
            return
        if report.left_to_crawl:
            self._owe_to_the_next_crawl(report.left_to_crawl)
        if report.path is None:
            logger.info("Nothing changed: no run file written")
        else:
            logger.info("Wrote %s records to %s", report.written, report.path)
            if output_dir.resolve() == project_runs.resolve():
                self._record_in_state(report.path)
        if report.damaged:  # what lies past the damage was not read: the status says so
            logger.error(
                "%s of the archives are damaged; the pages past the damage were not reprocessed: %s",
                len(report.damaged),
                ", ".join(map(str, report.damaged)),
            )
            self.exitcode = 1

    def _owe_to_the_next_crawl(self, pages: list[tuple[str, int]]) -> None:
        """Pages no run exported that read as articles now: the next crawl fetches them again, and its dedup
        stage judges them."""
        assert self.settings is not None
        frontier = Frontier(project_path(self.settings, "FRIENDSHIP_STATE_DIR"))
        try:
            for url, aid in pages:
                frontier.reconsider(url, aid, SECTION_SLUG)
        finally:
            frontier.close()
        logger.info("%s pages no run exported read as articles now: the next crawl fetches them", len(pages))

    def _record_in_state(self, run_file: Path) -> None:
        """The new versions in the dedup state, as a crawl records its exports: the next crawl compares
        with them, and exports none again."""
        assert self.settings is not None
        state_dir = project_path(self.settings, "FRIENDSHIP_STATE_DIR")
        if not (state_dir / STATE_FILE).exists():  # made here, it would hide that the state was lost
            logger.error(
                "No dedup state in %s: run `scrapy rebuild_state` before the next crawl, or it exports the"
                " project's articles again",
                state_dir,
            )
            self.exitcode = 1
            return
        try:
            record_feed(state_dir, run_file, state_config(self.settings), near_rule(self.settings))
        except (StateError, sqlite3.Error, OSError) as exc:
            logger.error(
                "The new versions are not in the dedup state (%s): run `scrapy rebuild_state` before the next"
                " crawl, or it exports them again",
                exc,
            )
            self.exitcode = 1


def _archive(archive_dir: Path) -> Path:
    """`archive_dir` when it holds WARC files; else a UsageError, as a mistyped --archive would otherwise
    pass for an archive with nothing new in it ("Nothing changed")."""
    if not archive_dir.is_dir():
        missing = "is no directory" if archive_dir.exists() else "does not exist"
        raise UsageError(f"archive directory {archive_dir} {missing}", print_help=False)
    if not find_archives(archive_dir):
        raise UsageError(
            f"archive directory {archive_dir} holds no WARC files (*.warc.gz, *.warc); nothing to reprocess",
            print_help=False,
        )
    return archive_dir
