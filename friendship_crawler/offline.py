"""The main job, offline: serve the bundled replica on a free port and crawl it with the project's settings.

    python -m friendship_crawler.offline [--articles N] [scrapy crawl options such as -s NAME=VALUE]

It runs `scrapy crawl friendship -a base_url=http://127.0.0.1:PORT` against the live site's stand-in:
the records land in `output/friendship-<run>.jsonl`, the run report in `output/runs/`. The replica is
this machine's own server, so the live site's delays are switched off (`-s` options given here win).
The replica serves until the crawl has exited: a Ctrl-C reaches the crawl from the terminal, and the
crawl still fetches what it had asked for while it closes.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from types import FrameType
from typing import NoReturn

logger = logging.getLogger(__name__)

LOCAL_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
}
"""Politeness toward the live site is pointless against a local server; waiting only slows the demo."""


CRAWL_ENTRY = (
    "import signal, sys\n"
    "def interrupted(*_):\n"
    "    sys.stderr.write('offline: interrupted before the crawl started\\n')\n"
    "    sys.exit(130)\n"
    "signal.signal(signal.SIGINT, interrupted)\n"
    "from scrapy.cmdline import execute\n"
    "sys.argv[0] = 'scrapy'\n"
    "execute()\n"
)
"""`python -m scrapy` (named so in its messages), but a Ctrl-C while Scrapy is still loading ends it in one
line (exit 130) instead of with the traceback of whatever import it cut short; Scrapy's own handler takes
over once the crawl runs."""


def main(argv: Sequence[str] | None = None) -> int:
    signal.signal(signal.SIGINT, _interrupted_while_loading)
    # Imported here, after the handler above: loading Scrapy and the replica takes a second or more.
    from scrapy.utils.conf import closest_scrapy_cfg

    from friendship_crawler.replica import ReplicaConfig, ReplicaServer

    parser = argparse.ArgumentParser(
        prog="python -m friendship_crawler.offline",
        description="Crawl the bundled replica of the friendship section, offline.",
    )
    parser.add_argument("--articles", type=int, default=240, help="stories in the replica")
    parser.add_argument("--seed", type=int, default=2026, help="replica seed")
    args, crawl_options = parser.parse_known_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    unknown = unknown_crawl_options(crawl_options, parser.prog)
    if unknown:  # before the replica starts and a log is opened: Scrapy would call it a second spider
        parser.error(f"not an option of this job or of scrapy crawl: {' '.join(unknown)}")
    try:
        config = ReplicaConfig(seed=args.seed, articles=args.articles)
    except ValueError as exc:
        parser.error(str(exc))
    if not (closest_scrapy_cfg() or "SCRAPY_SETTINGS_MODULE" in os.environ):
        # checked before the replica starts: elsewhere scrapy only says the command is not available
        logger.error("offline: run it in the project directory (the one holding scrapy.cfg)")
        return 2
    with ReplicaServer(config) as replica:
        caught: list[int] = []  # a Ctrl-C or a stop while the crawl starts: ending here would orphan it
        for stop in (signal.SIGINT, signal.SIGTERM):
            signal.signal(stop, lambda signum, _: caught.append(signum))
        crawl = subprocess.Popen(replica_crawl_command(replica.base_url, *crawl_options))
        signal.signal(signal.SIGINT, lambda *_: None)  # the crawl hears the terminal's Ctrl-C and decides
        signal.signal(signal.SIGTERM, lambda *_: crawl.terminate())
        for signum in caught:  # they may have come before the crawl could hear them: it hears them now
            crawl.send_signal(signum)
        return exit_status(crawl.wait())


def unknown_crawl_options(options: Sequence[str], prog: str) -> list[str]:
    """What in `options` `scrapy crawl` has no option for, read by Scrapy's own option parser (a value it
    misses ends the program with its usage error, as `scrapy crawl` would)."""
    from scrapy.cmdline import ScrapyArgumentParser
    from scrapy.commands.crawl import Command
    from scrapy.settings import Settings

    command = Command()
    command.settings = Settings()
    crawl_parser = ScrapyArgumentParser(prog=prog, add_help=False, conflict_handler="resolve")
    command.add_options(crawl_parser)
    return crawl_parser.parse_known_args(list(options))[1]


def _interrupted_while_loading(signum: int, frame: FrameType | None) -> NoReturn:
    """A Ctrl-C before the crawl runs: one line and exit 130, as a shell reports an interrupted command."""
    logger.error("offline: interrupted before the crawl started")
    raise SystemExit(128 + signum)


def exit_status(returncode: int) -> int:
    """`returncode` as a shell reports it: Popen's -N for a child killed by signal N becomes 128+N, which
    `sys.exit` would otherwise turn into 256-N; the signal is named in one line."""
    if returncode >= 0:
        return returncode
    try:
        name = signal.Signals(-returncode).name
    except ValueError:  # a real-time signal has no name of its own
        name = str(-returncode)
    logger.error("offline: the crawl was stopped by signal %s", name)
    return 128 - returncode


def replica_crawl_command(
    base_url: str, *options: str, settings: Mapping[str, str] = LOCAL_SETTINGS
) -> list[str]:
    """`scrapy crawl friendship` of a local replica at `base_url`, with `settings` as `-s` options first."""
    command = [sys.executable, "-c", CRAWL_ENTRY, "crawl", "friendship", "-a", f"base_url={base_url}"]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    return [*command, *options]


if __name__ == "__main__":
    sys.exit(main())
