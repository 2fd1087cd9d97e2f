"""`scrapy crawl` that checks what it needs before starting and exits non-zero when the run was unhealthy.

Scrapy's own `crawl` exits 1 only when the crawl could not start. This subclass keeps that and adds
`UNHEALTHY_EXIT_CODE` when `RunMonitor` recorded a failed check, so cron, systemd and Scrapyd see it.
Before any crawler exists it makes the project's paths absolute (`friendship_crawler.paths`), checks the
spider's arguments (exit 2) and checks that the dedup state and the frontier can be opened (exit 1 with
one line saying how to rebuild them): an error raised once the engine runs reaches the user wrapped in
tracebacks and a run that fetched nothing. The project's `commands/crawl.py` exposes it as `crawl`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from pathlib import Path

from scrapy import Spider
from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.crawler import Crawler
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings
from scrapy.spiderloader import get_spider_loader
from twisted.internet.defer import Deferred

from friendship_crawler.commands.options import positional_arguments
from friendship_crawler.console.session import (
    RUN_ID_SETTING,
    console_enabled,
    route_log_to_file,
    show_errors_on_console,
    start_notes,
)
from friendship_crawler.console.summary import summary_lines
from friendship_crawler.dedup import feeds
from friendship_crawler.dedup.state import StateError, check_state, state_config
from friendship_crawler.feed_slots import local_path
from friendship_crawler.frontier import check_frontier
from friendship_crawler.monitor.extension import FAILED_CHECKS_STAT, RunMonitor
from friendship_crawler.monitor.masking import mask_all_log_records
from friendship_crawler.paths import not_a_directory, project_path, resolve_project_paths
from friendship_crawler.project_settings import (
    friendship_setting,
    mistyped_settings,
    start_failure,
    undeclared_settings,
)
from friendship_crawler.run import DUPLICATES_FILE, RUN_FILE, Run, claim_run_id, release_run_id
from friendship_crawler.urls import CANONICAL_ROOT

logger = logging.getLogger(__name__)

UNHEALTHY_EXIT_CODE = 3
"""Exit status of a crawl that ran but failed a run check (1 stays "could not start", 2 "usage error")."""


class MonitoredCrawlCommand(ScrapyCrawlCommand):
    """Run a spider of the project; exit 3 when a run check failed (see output/runs/)."""

    def __init__(self) -> None:
        super().__init__()
        self._crawlers: list[Crawler] = []
        self._log_file: Path | None = None
        self._own_feeds: list[str] = []
        self._claimed: tuple[str, str] | None = None
        """The spider and the run id this crawl took (`claim_run_id`), released when it ends."""

    def short_desc(self) -> str:
        return "Run a spider of the current project, by name; exit 3 when a run check fails"

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        crawler = super()._create_crawler(spidercls)
        self._crawlers.append(crawler)
        return crawler

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """Scrapy's options, then the console's: the run id and the run's log file, before logging starts.

        The project's own feeds are noted first when `-o`/`-O` is given: Scrapy adds those feeds to the
        project's, and only the project's are then moved under the project root (feeds set with
        `-s FEEDS=...` are all typed ones)."""
        assert self.settings is not None
        typed = opts.output or opts.overwrite_output
        self._own_feeds = [str(uri) for uri in self.settings.getdict("FEEDS")] if typed else []
        super().process_options(args, opts)
        self._log_file = None
        args[:] = positional_arguments("crawl", args)  # else read as a spider's name (the list run() reads)
        if typed:
            check_typed_feeds(self.settings, self._own_feeds)
        if args:
            check_spider(self.settings, args[0], opts.spargs)
        check_log_options(self.settings)
        unknown = undeclared_settings(self.settings)
        if unknown:
            raise UsageError(
                f"unknown setting(s) {', '.join(unknown)}: README.md lists the FRIENDSHIP_* settings",
                print_help=False,
            )
        mistyped = mistyped_settings(self.settings)
        if mistyped:
            raise UsageError("; ".join(mistyped), print_help=False)
        try:
            console = console_enabled(self.settings)
        except ValueError as exc:  # a value that is no flag, named with its setting
            raise UsageError(str(exc), print_help=False) from None
        if not args:
            return
        try:
            run_id = claim_run_id(self.settings, args[0])
        except OSError as exc:
            blocking = not_a_directory(Run.at(self.settings, args[0], "").reports_dir)
            why = f"{blocking} is no directory" if blocking else f"{exc.strerror or exc} ({exc.filename})"
            sys.stderr.write(f"The crawl cannot take a run id: {why}\n")
            raise SystemExit(1) from exc
        self.settings.set(RUN_ID_SETTING, run_id, priority="cmdline")
        self._claimed = args[0], run_id
        if console:
            try:
                self._log_file = route_log_to_file(self.settings, args[0], run_id)
            except OSError as exc:
                release_run_id(self.settings, *self._claimed)
                sys.stderr.write(f"The crawl cannot write its log: {exc.strerror or exc} ({exc.filename})\n")
                raise SystemExit(1) from exc

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        try:
            self._run(args, opts)
        finally:
            if self._claimed is not None:
                assert self.settings is not None
                release_run_id(self.settings, *self._claimed)

    def _run(self, args: list[str], opts: argparse.Namespace) -> None:
        mask_all_log_records()
        assert self.settings is not None
        console = console_enabled(self.settings)
        if console:
            show_errors_on_console()
        root = resolve_project_paths(self.settings, self._own_feeds)
        try:
            check_stored_state(self.settings)
        except StateError as exc:
            logger.error("%s", exc)
            self.exitcode = 1
            return
        except ValueError as exc:  # a dedup or incremental setting of the wrong type, named with its setting
            logger.error("The crawl could not start: %s", exc)
            self.exitcode = 1
            return
        except OSError as exc:  # a state directory that is a file, or cannot be made
            where = project_path(self.settings, "FRIENDSHIP_STATE_DIR")
            logger.error(
                "The crawl could not start: cannot use the state directory %s: %s", where, exc.strerror or exc
            )
            self.exitcode = 1
            return
        logger.info("Project root %s: state in %s", root, project_path(self.settings, "FRIENDSHIP_STATE_DIR"))
        if console:
            notes = start_notes(self.settings, opts.spargs.get("base_url", CANONICAL_ROOT), self._log_file)
            sys.stderr.write("".join(f"{note}\n" for note in notes))
        failure = self._crawl(args, opts)
        if failure is not None:  # a setting or component refused at start: nothing ran, nothing to sum up
            logger.error("The crawl could not start: %s", start_failure(failure, self.settings))
            self.exitcode = 1
            return
        if console:
            sys.stderr.write("".join(f"{line}\n" for line in self._summary()))
        if self.exitcode:
            return
        failed = sum(int(crawler.stats.get_value(FAILED_CHECKS_STAT, 0)) for crawler in self._crawlers)
        cut_short = any(crawler.stats.get_value("finish_reason") is None for crawler in self._crawlers)
        if failed or cut_short:  # cut short: a forced shutdown closed nothing and checked nothing
            self.exitcode = UNHEALTHY_EXIT_CODE

    def _crawl(self, args: list[str], opts: argparse.Namespace) -> BaseException | None:
        """Scrapy's `crawl`, keeping the error that stopped the crawler from starting (a bad setting value
        raised by a component): Scrapy leaves it to asyncio, which logs "Task exception was never
        retrieved" and a traceback."""
        if len(args) < 1:
            raise UsageError
        if len(args) > 1:
            raise UsageError("running 'scrapy crawl' with more than one spider is not supported")
        assert self.crawler_process is not None
        started = self.crawler_process.crawl(self._create_crawler(args[0]), **opts.spargs)
        failures: list[BaseException] = []
        if isinstance(started, Deferred):
            started.addErrback(lambda failure: failures.append(failure.value))
        elif isinstance(started, asyncio.Future):

            def keep_exception(task: asyncio.Future[object]) -> None:
                error = None if task.cancelled() else task.exception()
                if error is not None:
                    failures.append(error)

            started.add_done_callback(keep_exception)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        return failures[0] if failures else None

    def _summary(self) -> list[str]:
        """The closing summary of each crawl this command ran, from its stats and its run report."""
        lines = []
        for crawler in self._crawlers:
            assert crawler.stats is not None
            monitors = [m for m in crawler.extensions.middlewares if isinstance(m, RunMonitor)]
            report_file = monitors[0].report_file if monitors else None
            report = json.loads(report_file.read_text(encoding="utf-8")) if report_file is not None else None
            lines += summary_lines(crawler.stats.get_stats(), report, report_file, self._log_file)
        return lines


def check_spider(settings: BaseSettings, name: str, spargs: dict[str, str]) -> None:
    """A usage error (exit 2, one line) for a spider the project does not have or for arguments the
    spider's own check refuses, before anything is written; `-a help=1` prints the arguments and ends."""
    loader = get_spider_loader(settings)
    if name not in loader.list():
        spiders = ", ".join(sorted(loader.list()))
        raise UsageError(f"no spider named {name!r}; the project has {spiders}", print_help=False)
    check = getattr(loader.load(name), "check_arguments", None)
    if check is None:
        return
    try:
        check(**spargs)
    except ValueError as exc:
        raise UsageError(f"spider {name}: {exc}", print_help=False) from exc


KEPT_DIRECTORIES = ("FRIENDSHIP_STATE_DIR", "FRIENDSHIP_MONITOR_REPORTS_DIR", "FRIENDSHIP_ARCHIVE_DIR")
"""Directories whose every file the project wrote for itself: state, run reports and logs, WARCs."""


def kept_file(settings: BaseSettings, path: Path) -> bool:
    """An existing file the project keeps, by whatever link it is named: a run file or duplicates report
    anywhere, a feed a run report names as stored (`-O FILE` of an earlier crawl), any file under one of
    `KEPT_DIRECTORIES`. A user's own file beside the run files is theirs to name."""
    target = path.resolve()
    if not target.is_file():
        return False
    if RUN_FILE.match(target.name) or DUPLICATES_FILE.match(target.name):
        return True
    reports = project_path(settings, "FRIENDSHIP_MONITOR_REPORTS_DIR")
    if target in {feed.resolve() for feed in feeds.reported_feeds(reports)}:
        return True
    return any(target.is_relative_to(project_path(settings, name).resolve()) for name in KEPT_DIRECTORIES)


def check_typed_feeds(settings: BaseSettings, own_feeds: list[str]) -> None:
    """A usage error for `-o`/`-O` naming a file the project keeps (`kept_file`), an earlier crawl's run
    file above all: overwritten, its records would be gone while the dedup state holds them as exported;
    appended to, it would hold two runs. So is one that cannot be written (`_unwritable`): Scrapy would fail
    on every item, the project's own run file with it, with a traceback each."""
    for uri in map(str, settings.getdict("FEEDS")):
        path = local_path(uri)
        if uri in own_feeds or path is None:
            continue
        if kept_file(settings, path):
            raise UsageError(
                f"{uri} is a file the project keeps (its runs' records, reports, state or archive); "
                "name another file for -o/-O",
                print_help=False,
            )
        if (why := _unwritable(path)) is not None:
            raise UsageError(f"cannot write the feed {uri}: {why}", print_help=False)


def _unwritable(path: Path) -> str | None:
    """Why a feed file cannot be written at `path` (Scrapy makes its missing directories), or None."""
    if path.is_dir():
        return f"{path} is a directory"
    if (blocking := not_a_directory(path.parent)) is not None:
        return f"{blocking} is no directory"
    existing = path if path.exists() else next(p for p in path.parents if p.exists() or p == p.parent)
    if not os.access(existing, os.W_OK):
        return f"{existing} is not writable"
    return None


def check_log_options(settings: BaseSettings) -> None:
    """A usage error for a log level logging does not know (`-L`) or a log file in no directory."""
    level = settings.get("LOG_LEVEL")
    if not isinstance(level, int) and not isinstance(logging.getLevelName(str(level)), int):
        levels = "DEBUG, INFO, WARNING, ERROR or CRITICAL"
        raise UsageError(f"unknown log level {level!r}: give {levels}", print_help=False)
    log_file = settings.get("LOG_FILE")
    if log_file and not Path(log_file).absolute().parent.is_dir():
        raise UsageError(f"log file {log_file}: {Path(log_file).parent} is no directory", print_help=False)
    if log_file and Path(log_file).resolve().suffix != ".log" and kept_file(settings, Path(log_file)):
        raise UsageError(
            f"log file {log_file} is a file the project keeps; name a log file", print_help=False
        )


def check_stored_state(settings: BaseSettings) -> None:
    """Raise the `StateError` the dedup stage or the frontier would meet when the crawl opens them."""
    if not friendship_setting(settings, "FRIENDSHIP_DEDUP_ENABLED"):
        return
    state_dir = project_path(settings, "FRIENDSHIP_STATE_DIR")
    check_state(state_dir, state_config(settings), exported_before=feeds.earlier_exports(settings))
    if friendship_setting(settings, "FRIENDSHIP_INCREMENTAL"):
        check_frontier(state_dir)
