"""`scrapy export DEST`: one dataset snapshot (every article once, newest version) from all run files."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from friendship_crawler.commands.options import positional_arguments
from friendship_crawler.console.session import command_log, ends_on_ctrl_c
from friendship_crawler.dataset.atomic import DestinationExists
from friendship_crawler.dataset.select import ArticleFilter, parse_date
from friendship_crawler.dataset.snapshot import NoRunFiles, SnapshotRequest, build_snapshot
from friendship_crawler.dataset.writers import WRITERS, parse_formats
from friendship_crawler.paths import project_path

logger = logging.getLogger(__name__)


class Command(ScrapyCommand):
    """Build DEST/ with data files in the chosen formats, a chart and a dataset card."""

    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_LEVEL": "INFO"}

    def syntax(self) -> str:
        return "[options] DEST"

    def short_desc(self) -> str:
        return "Build a dataset snapshot (newest version of every article) from all run files"

    def long_desc(self) -> str:
        return (
            "Read every run file <spider>-<run_id>.jsonl under --input, keep each article once in its newest "
            "version (dropping articles the dedup stage reported), apply the filters, and write DEST/ "
            "(data files, README.md card, articles_per_month.png) atomically. --overwrite replaces only a "
            "snapshot this command wrote (it leaves a marker file in each), never the input, project or "
            "current directory nor a directory holding other files."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        group = parser.add_argument_group("Export options")
        group.add_argument(
            "--input",
            metavar="DIR",
            default=None,
            help="directory holding the run files (default FRIENDSHIP_OUTPUT_DIR, output/ of the project)",
        )
        group.add_argument(
            "--format",
            action="append",
            default=[],
            metavar="NAMES",
            help=f"comma-separated, repeatable; any of {', '.join(WRITERS)} (default jsonl)",
        )
        group.add_argument("--since", metavar="YYYY-MM-DD", help="keep articles published on/after this date")
        group.add_argument("--until", metavar="YYYY-MM-DD", help="keep articles published until this date")
        group.add_argument(
            "--section",
            action="append",
            default=[],
            metavar="NAME",
            help="keep articles of this section or subsection (name or slug; repeatable)",
        )
        group.add_argument(
            "--min-chars",
            type=int,
            default=0,
            metavar="N",
            help="keep articles whose text has at least N characters",
        )
        group.add_argument(
            "--overwrite",
            action="store_true",
            help="replace an existing DEST atomically (only a snapshot this command wrote)",
        )

    @ends_on_ctrl_c("export")
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        command_log(self.settings)
        args = positional_arguments("export", args)
        if len(args) != 1:
            raise UsageError("give exactly one destination directory DEST", print_help=False)
        input_dir = Path(opts.input) if opts.input else project_path(self.settings, "FRIENDSHIP_OUTPUT_DIR")
        try:
            request = SnapshotRequest(
                input_dir=input_dir,
                dest=Path(args[0]),
                formats=parse_formats(opts.format),
                article_filter=ArticleFilter(
                    since=parse_date(opts.since, "--since") if opts.since else None,
                    until=parse_date(opts.until, "--until") if opts.until else None,
                    sections=tuple(opts.section),
                    min_chars=opts.min_chars,
                ),
                overwrite=opts.overwrite,
            )
            result = build_snapshot(request)
        except (ValueError, DestinationExists, NoRunFiles) as exc:
            raise UsageError(str(exc), print_help=False) from exc
        except OSError as exc:  # a read-only or full disk, a file where a directory should be
            logger.error("cannot write the snapshot %s: %s", args[0], _reason(exc))
            self.exitcode = 1
            return
        if result.bad_lines:
            logger.warning("%s unreadable run-file lines were skipped (listed above)", len(result.bad_lines))
        logger.info("Wrote %s: %s", result.dest, ", ".join(result.files))


def _reason(error: OSError) -> str:
    """`reason: path`, without the `[Errno N]` prefix."""
    if error.filename is None:
        return error.strerror or str(error)
    return f"{error.strerror}: {error.filename}"
