"""Where a crawl keeps its state and output: relative paths count from the project root, never the cwd.

Scrapy resolves its own data directory (`.scrapy`, `HTTPCACHE_DIR`) against the directory of the closest
`scrapy.cfg`; the crawl's state and output follow the same rule, so `scrapy crawl` started in a
subdirectory uses the same dedup state and output directory as one started at the top. A Scrapyd job
runs from an egg in Scrapyd's own directory with no `scrapy.cfg` near it: there the `FRIENDSHIP_HOME`
setting (or environment variable) names the project root.

Feed URIs typed on the command line (`-o`, `-O`, `-s FEEDS=...`) stay relative to the current directory,
like any file named on a command line; only the project's configured `FEEDS` are moved under the root
(those in the default `output/` into `FRIENDSHIP_OUTPUT_DIR`, wherever it points), also when Scrapy has
added command-line feeds to them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from scrapy.utils.conf import closest_scrapy_cfg

from friendship_crawler.project_settings import friendship_setting

HOME = "FRIENDSHIP_HOME"
"""Setting, or environment variable, naming the project root when no `scrapy.cfg` is found above the cwd."""
DIRECTORIES = (
    "FRIENDSHIP_STATE_DIR",
    "FRIENDSHIP_OUTPUT_DIR",
    "FRIENDSHIP_MONITOR_REPORTS_DIR",
    "FRIENDSHIP_ARCHIVE_DIR",
)
"""The directory settings a crawl writes to; their defaults (in settings.py) count from the project root."""


def project_root(settings: BaseSettings | None = None) -> Path:
    """`FRIENDSHIP_HOME` (setting, then environment), else the closest scrapy.cfg's directory, else cwd."""
    home = (friendship_setting(settings, HOME) if settings is not None else None) or os.environ.get(HOME)
    if home:
        return Path(home).expanduser().absolute()
    config = closest_scrapy_cfg()
    return Path(config).parent if config else Path.cwd()


def project_path(settings: BaseSettings, name: str) -> Path:
    """The absolute directory a `DIRECTORIES` setting names, a relative value counting from the root."""
    if name not in DIRECTORIES:
        raise KeyError(f"{name} is not one of the directory settings: {', '.join(DIRECTORIES)}")
    path = Path(friendship_setting(settings, name)).expanduser()
    return path if path.is_absolute() else project_root(settings) / path


def resolve_project_paths(settings: BaseSettings, own_feeds: Iterable[str] = ()) -> Path:
    """Make the directory settings and the project's local `FEEDS` absolute in place; returns the root.

    Called before a crawler copies the settings, so every component, the feed exporter included, sees
    the same absolute paths. Each setting keeps the priority it had. Scrapy adds the feeds typed on the
    command line to the project's, all at the command line's priority: `own_feeds` (the project's feed
    URIs as they were before) says which of them are the project's.
    """
    root = project_root(settings)
    for name in DIRECTORIES:
        settings.set(
            name, str(project_path(settings, name)), priority=settings.getpriority(name) or "default"
        )
    priority = settings.getpriority("FEEDS")
    if priority is not None:
        own = None if priority <= SETTINGS_PRIORITIES["project"] else set(own_feeds)
        output_dir = project_path(settings, "FRIENDSHIP_OUTPUT_DIR")
        feeds = {}
        for key, options in settings.getdict("FEEDS").items():
            uri = str(key)
            feeds[_under(root, output_dir, uri) if own is None or uri in own else uri] = options
        settings.set("FEEDS", feeds, priority=priority)
    return root


DEFAULT_OUTPUT_DIR = "output"
"""`FRIENDSHIP_OUTPUT_DIR`'s default, where the project's own `FEEDS` write (settings.py)."""


def not_a_directory(path: Path) -> Path | None:
    """The file that stands where `path` or one of the directories above it should be (a directory cannot
    be made there), or None."""
    found = next((p for p in (path, *path.parents) if p.exists() or p == p.parent), path)
    return None if found.is_dir() else found


def _under(root: Path, output_dir: Path, uri: str) -> str:
    """A relative local feed path moved under `root`, one in the default output directory into
    `output_dir` (`FRIENDSHIP_OUTPUT_DIR`, wherever it points); any other URI as it is."""
    if urlsplit(uri).scheme or Path(uri).is_absolute():
        return uri
    relative = Path(uri)
    if relative.parts[:1] == (DEFAULT_OUTPUT_DIR,):
        return str(output_dir.joinpath(*relative.parts[1:]))
    return str(root / uri)
