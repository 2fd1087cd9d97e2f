"""What earlier runs already know, so a periodic run fetches only what is new, and what they left undone.

An article counts as known once the dedup state holds it as exported for good (confirmed against the feed
files, so an article whose export a crash lost is fetched again), or once its page turned out not to be an
article, or a duplicate of one: those outcomes are remembered here, in `frontier.sqlite3` beside the dedup
state (the dedup stage owns its own file; this module only reads it). It is a cache of what crawls
learnt: `scrapy rebuild_state` starts it afresh, and the next run walks every listing once.

Nothing a run left undone is lost to the runs after it, whatever stopped it (an error, Ctrl-C, a kill,
`max_pages`, a full disk):

- every article page a run requests is written down before it is fetched, and one that no run has turned
  into a known outcome yet is requested again by the next run, up to `PENDING_RUNS` runs (a page that
  said it was missing, or held no text, is not known for good until then: a maintenance page or a cut
  download says so for a while);
- a listing counts as walked (its paging may stop at a known entry, everything below it being known) only
  while the last run that began walking it read it to its end: a run that begins walking a listing
  forgets that it was walked, and a walk it leaves unfinished makes the next run read the listing whole.
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
CREATE TABLE IF NOT EXISTS pending (
    url TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL,
    slug TEXT NOT NULL,
    runs INTEGER NOT NULL,
    seen_at TEXT NOT NULL
);
"""
PENDING_RUNS = 3
"""Runs that request an article page before the crawl stops asking for it when none could read it."""
UNSETTLED = frozenset({"soft_404", "no_text", "no_title", "not_html"})
"""What a page may say for a while (a maintenance page, an error page, a download cut short): not known
for good until `PENDING_RUNS` runs found it so."""


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
            pending = self._db.execute("SELECT url, article_id, slug, runs FROM pending").fetchall()
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise _corrupt(path, exc) from exc
        self._known |= confirmed_article_ids(state_dir)
        self.retry: list[tuple[str, str]] = []
        """(URL, listing slug) of the article pages earlier runs requested and none could read yet."""
        self.given_up: list[str] = []
        """URLs of the pages `PENDING_RUNS` runs could not read: no longer requested, named once."""
        self._settle_pending(pending)

    def _settle_pending(self, pending: list[tuple[str, int, str, int]]) -> None:
        """Forget the pages a run has read since they were requested; of the others, ask again for those
        fewer than `PENDING_RUNS` runs requested, and count the rest as known (named once, in `given_up`)."""
        resolved = [(url,) for url, aid, _, _ in pending if aid in self._known]
        for url, aid, slug, runs in pending:
            if aid in self._known:
                continue
            if runs < PENDING_RUNS:
                self.retry.append((url, slug))
                continue
            self._known.add(aid)  # no run could read it: a listing may stop at it
            if runs == PENDING_RUNS:
                self.given_up.append(url)
        with self._db:
            self._db.executemany("DELETE FROM pending WHERE url = ?", resolved)
            self._db.executemany(
                "UPDATE pending SET runs = runs + 1 WHERE url = ?", [(u,) for u in self.given_up]
            )

    def __len__(self) -> int:
        return len(self._known)

    def knows(self, article_id: int) -> bool:
        return article_id in self._known

    def walked(self, slug: str) -> bool:
        """Did the last run that walked this listing read it to its end? Only then may a known entry stop
        its paging."""
        return slug in self._walked

    def begin_walk(self, slug: str) -> None:
        """A run begins walking this listing: until it reads it to its end (`mark_walked`), the listing
        does not count as walked, for the next run, whatever stops this one."""
        with self._db:
            self._db.execute("DELETE FROM listings WHERE slug = ?", (slug,))

    def mark_walked(self, slugs: set[str]) -> None:
        """Record listings this run read to their end (a killed run never gets here)."""
        now = _now()
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO listings VALUES (?, ?)", [(s, now) for s in slugs])

    def settle(self, url: str) -> None:
        """A page this run read and left aside (outside its date window): no later run owes it a fetch."""
        with self._db:
            self._db.execute("DELETE FROM pending WHERE url = ?", (url,))

    def reconsider(self, url: str, article_id: int, slug: str) -> None:
        """Forget what earlier runs made of a page and owe it to the next runs (`retry`): today's rules read
        it otherwise (`scrapy reprocess` found an article where a crawl found none)."""
        with self._db:
            self._db.execute("DELETE FROM outcomes WHERE article_id = ?", (article_id,))
            self._db.execute(
                "INSERT INTO pending VALUES (?, ?, ?, 0, ?) ON CONFLICT(url) DO UPDATE SET runs = 0",
                (url, article_id, slug, _now()),
            )

    def moved(self, url: str, to: str) -> None:
        """A page owed to this run is requested at another address (the crawl's base moved: another port of
        a local replica, `www.` added): its runs so far count there."""
        with self._db:
            self._db.execute("UPDATE OR REPLACE pending SET url = ? WHERE url = ?", (to, url))

    def requested(self, url: str, article_id: int, slug: str) -> None:
        """Write down, before it is fetched, an article page this run requests: until a run turns it into a
        known outcome, the next run requests it again (`retry`)."""
        with self._db:
            self._db.execute(
                "INSERT INTO pending VALUES (?, ?, ?, 1, ?)"
                " ON CONFLICT(url) DO UPDATE SET runs = runs + 1, seen_at = excluded.seen_at",
                (url, article_id, slug, _now()),
            )

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
