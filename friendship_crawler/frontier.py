"""What earlier runs already know, so a periodic run fetches only what is new.

An article counts as known once the dedup state holds it as exported for good (confirmed against the feed
files, so an article whose export a crash lost is fetched again), or once its page turned out not to be an
article, or a duplicate of one: those outcomes are remembered here, in `frontier.sqlite3` beside the dedup
state (the dedup stage owns its own file; this module only reads it). It is a cache of what crawls
learnt: `scrapy rebuild_state` starts it afresh, and the next run walks every listing once.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from friendship_crawler.dedup.state import StateError, confirmed_article_ids, rebuild_hint

logger = logging.getLogger(__name__)

FRONTIER_FILE = "frontier.sqlite3"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS outcomes (
    article_id INTEGER PRIMARY KEY,
    outcome TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS listings (
    slug TEXT PRIMARY KEY,
    walked_at TEXT NOT NULL
);
"""


class Frontier:
    """Article ids known when the run started: confirmed exports plus remembered non-article outcomes.

    What this run learns is written down for the next run but does not change `knows()`: within a run,
    Scrapy's duplicate filter already keeps each URL to one fetch, and a listing must not stop paging at an
    entry that was new when the run began.
    """

    def __init__(self, state_dir: Path) -> None:
        state_dir.mkdir(parents=True, exist_ok=True)
        path = state_dir / FRONTIER_FILE
        self._db = sqlite3.connect(path)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(_SCHEMA)
            self._known = {aid for (aid,) in self._db.execute("SELECT article_id FROM outcomes")}
            self._walked = {slug for (slug,) in self._db.execute("SELECT slug FROM listings")}
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise _corrupt(path, exc) from exc
        self._known |= confirmed_article_ids(state_dir)

    def __len__(self) -> int:
        return len(self._known)

    def knows(self, article_id: int) -> bool:
        return article_id in self._known

    def walked(self, slug: str) -> bool:
        """Had a finished run read this listing to its end? Only then may a known entry stop its paging."""
        return slug in self._walked

    def mark_walked(self, slugs: set[str]) -> None:
        """Record listings read to their end by a run that finished (a killed run never gets here)."""
        now = _now()
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO listings VALUES (?, ?)", [(s, now) for s in slugs])

    def remember(self, article_id: int, outcome: str) -> None:
        """Record that a page is not (or not another) article: `duplicate`, `video`, `soft_404`, ..."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO outcomes VALUES (?, ?, ?)",
                (article_id, outcome, _now()),
            )

    def close(self) -> None:
        self._db.close()


def check_frontier(state_dir: Path) -> None:
    """Raise a `StateError` that says what to do if the frontier exists but cannot be read.

    A crawl calls this before its engine starts; the spider opens the frontier only once the engine runs,
    where an error ends the crawl with tracebacks and a run that fetched nothing.
    """
    path = state_dir / FRONTIER_FILE
    if not path.exists():
        return
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise _corrupt(path, exc) from exc
    finally:
        db.close()
    if verdict != "ok":
        raise _corrupt(path, f"integrity check says {verdict!r}")


def _corrupt(path: Path, problem: object) -> StateError:
    return StateError(
        f"The crawl frontier {path} is corrupt ({problem}). Rebuild the state, which starts the frontier "
        f"afresh: `{rebuild_hint(path.parent)}`."
    )


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()
