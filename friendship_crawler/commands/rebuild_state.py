"""`scrapy rebuild_state [--state-dir DIR] [FEED_OR_DIR ...]`: rebuild the dedup state from exported feeds.

The way out when a crawl refuses to start because its dedup state is missing or corrupt: every
complete record of the given feeds (default: the directories the `FEEDS` setting writes to) counts
as exported, so the next crawl exports only what those feeds do not hold.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from friendship_crawler.dedup.feeds import configured_feed_dirs
from friendship_crawler.dedup.minhash import ShingleConfig
from friendship_crawler.dedup.rebuild import rebuild_state
from friendship_crawler.dedup.rule import NearRule


class Command(ScrapyCommand):
    """Rebuild the dedup state (FRIENDSHIP_STATE_DIR) from JSON Lines feeds."""

    requires_project = True
    default_settings = {"LOG_LEVEL": "INFO"}

    def syntax(self) -> str:
        return "[--state-dir DIR] [FEED_OR_DIR ...]"

    def short_desc(self) -> str:
        return "Rebuild the dedup state from exported feeds"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument("--state-dir", type=Path, help="state directory (default: FRIENDSHIP_STATE_DIR)")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        settings = self.settings
        state_dir = opts.state_dir or Path(settings.get("FRIENDSHIP_STATE_DIR", "state"))
        sources = [Path(a) for a in args] or configured_feed_dirs(settings.getdict("FEEDS"))
        if not sources:
            raise UsageError("name the feed files or directories to rebuild from")
        config = ShingleConfig(
            settings.getint("FRIENDSHIP_DEDUP_SHINGLE_WORDS", ShingleConfig.shingle_words),
            settings.getint("FRIENDSHIP_DEDUP_NUM_PERM", ShingleConfig.num_perm),
        )
        near = NearRule(threshold=settings.getfloat("FRIENDSHIP_DEDUP_NEAR_THRESHOLD", NearRule.threshold))
        try:
            summary = rebuild_state(state_dir, sources, config, near)
        except FileNotFoundError as exc:
            raise UsageError(str(exc)) from exc
        sys.stdout.write(
            f"Rebuilt {state_dir} from {summary.feeds} feeds: {summary.exports} exports, "
            f"{summary.superseded} replaced copies; skipped {summary.repeated} repeated and "
            f"{summary.invalid} invalid records."
            + (f" The old state is in {summary.moved_aside}." if summary.moved_aside else "")
            + "\n"
        )
