"""`scrapy rebuild_state [--state-dir DIR] [FEED_OR_DIR ...]`: rebuild the dedup state from exported feeds.

The way out when a crawl refuses to start because its dedup state or frontier is missing or corrupt:
every complete record of the given feeds (default: the run files in the directories the project's
`FEEDS` write to, under the project root, and the feeds run reports name) counts as exported, so the
next crawl exports only what those feeds do not hold; the frontier starts afresh. A named file that is
no feed is refused before anything is moved.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from friendship_crawler.commands.options import positional_arguments
from friendship_crawler.console.session import ends_on_ctrl_c
from friendship_crawler.dedup.feeds import configured_feed_dirs
from friendship_crawler.dedup.rebuild import NotAFeed, rebuild_state
from friendship_crawler.dedup.state import StateError, near_rule, state_config
from friendship_crawler.paths import project_path, resolve_project_paths

logger = logging.getLogger(__name__)


class Command(ScrapyCommand):
    """Rebuild the dedup state (FRIENDSHIP_STATE_DIR) from JSON Lines feeds."""

    requires_project = True
    requires_crawler_process = False
    default_settings = {"LOG_LEVEL": "WARNING"}
    """The summary goes to standard output; the log shows only what went wrong or was moved aside."""

    def syntax(self) -> str:
        return "[--state-dir DIR] [FEED_OR_DIR ...]"

    def short_desc(self) -> str:
        return "Rebuild the dedup state from exported feeds"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "--state-dir",
            type=_directory,
            help="state directory (default FRIENDSHIP_STATE_DIR under the project root)",
        )

    @ends_on_ctrl_c("rebuild_state")
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        settings = self.settings
        args = positional_arguments("rebuild_state", args)
        resolve_project_paths(settings)
        state_dir = (opts.state_dir or project_path(settings, "FRIENDSHIP_STATE_DIR")).absolute()
        sources = [Path(a) for a in args] or configured_feed_dirs(settings.getdict("FEEDS"))
        if not sources:
            raise UsageError("name the feed files or directories to rebuild from")
        reports_dir = project_path(settings, "FRIENDSHIP_MONITOR_REPORTS_DIR")
        try:
            summary = rebuild_state(
                state_dir, sources, state_config(settings), near_rule(settings), reports_dir=reports_dir
            )
        except (FileNotFoundError, NotAFeed) as exc:
            raise UsageError(f"{exc}; the state is left as it is", print_help=False) from exc
        except StateError as exc:
            logger.error("%s", exc)
            self.exitcode = 1
            return
        except sqlite3.Error as exc:  # a new state that cannot be made (a full disk): the old one is back
            logger.error("Cannot rebuild the state in %s: %s; the state is left as it was", state_dir, exc)
            self.exitcode = 1
            return
        except OSError as exc:  # a state directory that cannot be written, or its lock made
            reason = exc.strerror or exc
            logger.error(
                "Cannot rebuild the state in %s: %s (%s); the state is left as it was",
                state_dir,
                reason,
                exc.filename,
            )
            self.exitcode = 1
            return
        sys.stdout.write(
            f"Rebuilt {state_dir}; feeds read: {summary.feeds}, {summary.exports} exports, "
            f"{summary.superseded} replaced copies; skipped {summary.repeated} repeated and "
            f"{summary.invalid} invalid records."
            + (f" The replaced state is kept in {summary.moved_aside}." if summary.moved_aside else "")
            + (
                f" The frontier starts afresh (the replaced one is kept in {summary.frontier_aside})."
                if summary.frontier_aside
                else ""
            )
            + " Only the newest replaced copy of each file is kept.\n"
        )


def _directory(value: str) -> Path:
    """A directory argument; an empty one would put the state in whatever directory the command runs in."""
    if not value.strip():
        raise argparse.ArgumentTypeError("give a directory")
    return Path(value)
