"""`scrapy export DEST`: one dataset snapshot (every article once, newest version) from all run files."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError
from scrapy.utils.log import configure_logging

from friendship_crawler.dataset.atomic import DestinationExists
from friendship_crawler.dataset.select import ArticleFilter, parse_date
from friendship_crawler.dataset.snapshot import NoRunFiles, SnapshotRequest, build_snapshot
from friendship_crawler.dataset.writers import WRITERS, parse_formats

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
            "(data files, README.md card, articles_per_month.png) atomically."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        group = parser.add_argument_group("Export options")
        group.add_argument("--input", metavar="DIR", default="output",
                           help="directory holding the run files (default: output)")
        group.add_argument("--format", action="append", default=[], metavar="NAMES",
                           help=f"comma-separated, repeatable: {', '.join(WRITERS)} (default: jsonl)")
        group.add_argument("--since", metavar="YYYY-MM-DD", help="keep articles published on/after this date")
        group.add_argument("--until", metavar="YYYY-MM-DD", help="keep articles published until this date")
        group.add_argument("--section", action="append", default=[], metavar="NAME",
                           help="keep articles of this section or subsection (name or slug; repeatable)")
        group.add_argument("--min-chars", type=int, default=0, metavar="N",
                           help="keep articles whose text has at least N characters")
        group.add_argument("--overwrite", action="store_true", help="replace an existing DEST atomically")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        configure_logging(self.settings)
        if len(args) != 1:
            raise UsageError("give exactly one destination directory DEST", print_help=False)
        try:
            request = SnapshotRequest(
                input_dir=Path(opts.input),
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
        if result.bad_lines:
            logger.warning("%s unreadable run-file lines were skipped (listed above)", len(result.bad_lines))
        logger.info("Wrote %s: %s", result.dest, ", ".join(result.files))
