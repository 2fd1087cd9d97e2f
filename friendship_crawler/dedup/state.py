"""What earlier runs exported, in SQLite: lookups by URL, id, content hash and MinHash band, and runs.

One row per exported version of an article holds what the rule needs (`Fingerprint`); lookups by URL,
id and hash are index seeks, and near-duplicate candidates come from an in-memory LSH band index built
from the stored signatures when the state opens (`bands.BandIndex`), so each item costs the same
whatever the state's size and writes a single row. Rows are written *pending* for the run that exports them
and only count as exported for good once the run is confirmed against its feed files (`confirm_run`);
a run killed before that is settled by the next run from what its feed files hold.
"""

from __future__ import annotations

import fcntl
import logging
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from scrapy.settings import BaseSettings

from friendship_crawler.dedup.anchors import anchors_bytes, anchors_from_bytes
from friendship_crawler.dedup.bands import BandIndex
from friendship_crawler.dedup.minhash import (
    DEFAULT_CONFIG,
    ShingleConfig,
    signature_bytes,
    signature_from_bytes,
)
from friendship_crawler.dedup.rule import DEFAULT_NEAR, LSH_WEIGHTS, Fingerprint, NearRule
from friendship_crawler.project_settings import friendship_setting

logger = logging.getLogger(__name__)

STATE_FILE = "dedup.sqlite3"
LOCK_FILE = "dedup.lock"
SCHEMA_VERSION = 1
REBUILD_COMMAND = "scrapy rebuild_state --state-dir {state_dir} {feeds}"

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
    run_id TEXT PRIMARY KEY,
    started_at TEXT NOT NULL,
    settled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE run_feeds (
    run_id TEXT NOT NULL REFERENCES runs(run_id),
    path TEXT NOT NULL,
    PRIMARY KEY (run_id, path)
);
CREATE TABLE exports (
    seq INTEGER PRIMARY KEY,
    run_id TEXT NOT NULL,
    url TEXT NOT NULL,
    article_id INTEGER NOT NULL,
    version INTEGER NOT NULL,
    content_hash BLOB NOT NULL,
    modified_at TEXT,
    signature BLOB NOT NULL,
    anchors BLOB NOT NULL,
    supersedes TEXT,
    confirmed INTEGER NOT NULL DEFAULT 0,
    UNIQUE (url, version)
);
CREATE INDEX exports_article_id ON exports(article_id);
CREATE INDEX exports_content_hash ON exports(content_hash);
CREATE INDEX exports_supersedes ON exports(supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX exports_pending ON exports(run_id) WHERE confirmed = 0;
"""
_COLUMNS = "seq, run_id, url, article_id, version, content_hash, modified_at, signature, anchors, confirmed"


class StateError(RuntimeError):
    """The dedup state cannot be used as it is; the message says what to do."""


@dataclass(frozen=True)
class StoredExport:
    """One exported version of an article, as the state holds it."""

    seq: int
    run_id: str
    fingerprint: Fingerprint
    confirmed: bool

    @property
    def url(self) -> str:
        return self.fingerprint.url


@dataclass(frozen=True)
class SettledRun:
    """What settling one run against its feed files decided."""

    run_id: str
    confirmed: int
    released: int


def rebuild_hint(state_dir: Path, feeds: str = "") -> str:
    """The command that rebuilds the state; without `feeds` it reads the directories `FEEDS` writes to."""
    return REBUILD_COMMAND.format(state_dir=state_dir, feeds=feeds).strip()


def state_config(settings: BaseSettings) -> ShingleConfig:
    """The signature settings a state is built with (`FRIENDSHIP_DEDUP_SHINGLE_WORDS`, `..._NUM_PERM`)."""
    return ShingleConfig(
        shingle_words=friendship_setting(settings, "FRIENDSHIP_DEDUP_SHINGLE_WORDS"),
        num_perm=friendship_setting(settings, "FRIENDSHIP_DEDUP_NUM_PERM"),
    )


def confirmed_article_ids(state_dir: Path) -> set[int]:
    """Article ids the dedup state in `state_dir` holds as exported for good, read without taking its lock.

    The frontier asks this at the start of a crawl; an unreadable state gives no ids (every listing is
    walked), the dedup stage itself reports the problem.
    """
    path = state_dir / STATE_FILE
    if not path.exists():
        return set()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {aid for (aid,) in db.execute("SELECT DISTINCT article_id FROM exports WHERE confirmed = 1")}
    except sqlite3.DatabaseError as exc:
        logger.warning("Cannot read exported articles from %s (%s): every listing is walked", path, exc)
        return set()
    finally:
        db.close()


def near_rule(settings: BaseSettings) -> NearRule:
    """The near-duplicate rule (`FRIENDSHIP_DEDUP_NEAR_THRESHOLD`, `FRIENDSHIP_DEDUP_MAX_ANCHOR_CONFLICT`)."""
    threshold = friendship_setting(settings, "FRIENDSHIP_DEDUP_NEAR_THRESHOLD")
    max_conflict = friendship_setting(settings, "FRIENDSHIP_DEDUP_MAX_ANCHOR_CONFLICT")
    try:
        return NearRule(threshold=threshold, max_anchor_conflict=max_conflict)
    except ValueError as exc:
        given = (
            f"FRIENDSHIP_DEDUP_NEAR_THRESHOLD={threshold}, "
            f"FRIENDSHIP_DEDUP_MAX_ANCHOR_CONFLICT={max_conflict}"
        )
        raise ValueError(f"{given}: {exc}") from None


def check_state(state_dir: Path, config: ShingleConfig, *, exported_before: Iterable[Path] = ()) -> None:
    """Raise the `StateError` that `DedupState.open` would, without loading the state (creating a new one).

    A crawl calls this before its engine starts: the same error raised while the engine opens the
    pipelines reaches the user wrapped in Scrapy's and asyncio's tracebacks.
    """
    state_dir.mkdir(parents=True, exist_ok=True)
    lock = take_lock(state_dir)
    try:
        _open_checked(state_dir / STATE_FILE, config, exported_before).close()
    finally:
        lock.close()


class DedupState:
    """The persistent record of exported articles; one crawl at a time holds it (a lock file says so)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        state_dir: Path,
        config: ShingleConfig,
        near: NearRule,
        lock: IO[str],
    ) -> None:
        self._db = connection
        self.state_dir = state_dir
        self.config = config
        self.near = near
        self._lock = lock
        self.bands = BandIndex(near.threshold, config.num_perm, LSH_WEIGHTS)
        self.bands.load(connection.execute("SELECT seq, signature FROM exports"))

    # Opening and closing

    @classmethod
    def open(
        cls,
        state_dir: Path,
        config: ShingleConfig = DEFAULT_CONFIG,
        near: NearRule = DEFAULT_NEAR,
        *,
        exported_before: Iterable[Path] = (),
        lock: IO[str] | None = None,
    ) -> DedupState:
        """Open (or, on a first run, create) the state in `state_dir`.

        `exported_before` are feed files found where this crawl writes: if any exists while the state file
        does not, the state was lost, and starting afresh would export everything again, so this refuses.
        `lock` is the state's lock when the caller already holds it (`take_lock`): a failure here leaves it
        held.
        """
        state_dir.mkdir(parents=True, exist_ok=True)
        held = lock or take_lock(state_dir)
        connection: sqlite3.Connection | None = None
        try:
            connection = _open_checked(state_dir / STATE_FILE, config, exported_before)
            return cls(connection, state_dir, config, near, held)
        except BaseException:
            if connection is not None:
                connection.close()
            if lock is None:  # a lock the caller holds stays held
                held.close()
            raise

    def close(self, *, keep_lock: bool = False) -> None:
        """Close the database and release the lock, unless `keep_lock` (its holder releases it later)."""
        self._db.close()
        if not keep_lock:
            self._lock.close()

    # Runs

    def begin_run(self, run_id: str) -> None:
        started = datetime.now(UTC).replace(microsecond=0).isoformat()
        with self._db:
            self._db.execute(
                "INSERT OR IGNORE INTO runs(run_id, started_at) VALUES (?, ?)", (run_id, started)
            )

    def add_feeds(self, run_id: str, paths: Iterable[Path]) -> None:
        """Remember where `run_id` writes its feeds, before any of its exports can reach them."""
        with self._db:
            self._db.executemany(
                "INSERT OR IGNORE INTO run_feeds(run_id, path) VALUES (?, ?)",
                ((run_id, str(p)) for p in paths),
            )

    def unsettled_runs(self, but: str | None = None) -> list[tuple[str, list[Path]]]:
        """Runs that ended without being settled (killed or crashed), with their feed files."""
        rows = self._db.execute("SELECT run_id FROM runs WHERE settled = 0 ORDER BY run_id").fetchall()
        return [(run_id, self.feeds_of(run_id)) for (run_id,) in rows if run_id != but]

    def feeds_of(self, run_id: str) -> list[Path]:
        rows = self._db.execute("SELECT path FROM run_feeds WHERE run_id = ? ORDER BY path", (run_id,))
        return [Path(path) for (path,) in rows]

    def settle_run(self, run_id: str, written: set[tuple[str, int]] | None) -> SettledRun:
        """Confirm the run's exports found in its feeds (`written` (url, version) pairs) and release the rest.

        `written=None` confirms every export of the run (a run without feed files has nothing to check).
        """
        pending = self._db.execute(
            f"SELECT {_COLUMNS} FROM exports WHERE run_id = ? AND confirmed = 0", (run_id,)
        ).fetchall()
        confirmed = released = 0
        with self._db:
            for row in pending:
                export = _export(row)
                if written is None or (export.url, export.fingerprint.version) in written:
                    self._db.execute("UPDATE exports SET confirmed = 1 WHERE seq = ?", (export.seq,))
                    confirmed += 1
                else:
                    self._delete(export)
                    released += 1
            self._db.execute("UPDATE runs SET settled = 1 WHERE run_id = ?", (run_id,))
        return SettledRun(run_id, confirmed, released)

    # Lookups

    def candidates(self, fingerprint: Fingerprint) -> list[StoredExport]:
        """Latest stored version of every article that shares a URL, id, content hash or LSH band with it."""
        seqs: set[int] = set()
        db = self._db
        seqs.update(s for (s,) in db.execute("SELECT seq FROM exports WHERE url = ?", (fingerprint.url,)))
        seqs.update(
            s
            for (s,) in db.execute("SELECT seq FROM exports WHERE article_id = ?", (fingerprint.article_id,))
        )
        digest = bytes.fromhex(fingerprint.content_hash)
        seqs.update(s for (s,) in db.execute("SELECT seq FROM exports WHERE content_hash = ?", (digest,)))
        if fingerprint.signature is not None:
            seqs.update(self.bands.query(signature_bytes(fingerprint.signature)))
        if not seqs:
            return []
        marks = ",".join("?" * len(seqs))
        urls = {
            u for (u,) in db.execute(f"SELECT DISTINCT url FROM exports WHERE seq IN ({marks})", list(seqs))
        }
        return [latest for url in sorted(urls) if (latest := self.latest(url)) is not None]

    def latest(self, url: str) -> StoredExport | None:
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM exports WHERE url = ? ORDER BY version DESC LIMIT 1", (url,)
        ).fetchone()
        return _export(row) if row else None

    def superseded_by(self, url: str) -> str | None:
        """The URL of the copy that replaced `url` as the kept copy of its article, if any."""
        row = self._db.execute("SELECT url FROM exports WHERE supersedes = ? LIMIT 1", (url,)).fetchone()
        return row[0] if row else None

    def kept_url(self, url: str) -> str:
        """Follow replacements from `url` to the copy kept now."""
        seen = {url}
        while (successor := self.superseded_by(url)) is not None and successor not in seen:
            seen.add(successor)
            url = successor
        return url

    def superseded(self) -> Iterator[tuple[str, str]]:
        """(replaced URL, replacing URL) of every confirmed replacement."""
        yield from self._db.execute(
            "SELECT supersedes, url FROM exports WHERE supersedes IS NOT NULL AND confirmed = 1 ORDER BY seq"
        )

    # Writing

    def record_export(
        self, run_id: str, fingerprint: Fingerprint, *, supersedes: str | None = None, confirmed: bool = False
    ) -> None:
        """Record one export (pending unless `confirmed`), committed before the item can reach a feed."""
        if fingerprint.signature is None:
            raise ValueError(f"cannot record {fingerprint.url} without a signature")
        packed = signature_bytes(fingerprint.signature)
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO exports(run_id, url, article_id, version, content_hash, modified_at, signature, "
                "anchors, supersedes, confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    run_id,
                    fingerprint.url,
                    fingerprint.article_id,
                    fingerprint.version,
                    bytes.fromhex(fingerprint.content_hash),
                    fingerprint.modified_at,
                    packed,
                    anchors_bytes(fingerprint.anchors),
                    supersedes,
                    int(confirmed),
                ),
            )
            seq = cursor.lastrowid
        assert seq is not None
        self.bands.add(seq, packed)

    def mark_superseded(self, replaced_url: str, kept_url: str) -> bool:
        """Record that `kept_url` replaced `replaced_url` (used when rebuilding from reports)."""
        latest = self.latest(kept_url)
        if latest is None or self.latest(replaced_url) is None:
            return False
        with self._db:
            self._db.execute("UPDATE exports SET supersedes = ? WHERE seq = ?", (replaced_url, latest.seq))
        return True

    def _delete(self, export: StoredExport) -> None:
        assert export.fingerprint.signature is not None
        self._db.execute("DELETE FROM exports WHERE seq = ?", (export.seq,))
        self.bands.remove(export.seq, signature_bytes(export.fingerprint.signature))

    # Size

    def article_count(self) -> int:
        return int(self._db.execute("SELECT COUNT(DISTINCT url) FROM exports").fetchone()[0])

    def size_bytes(self) -> int:
        """Bytes the state takes on disk (database plus write-ahead log)."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(p.stat().st_size for p in self.state_dir.glob(f"{STATE_FILE}*"))


def _dirs(paths: Iterable[str]) -> str:
    return " ".join(sorted({str(Path(p).parent) for p in paths}))


def take_lock(state_dir: Path) -> IO[str]:
    """Hold the state's lock until the returned file is closed; a `StateError` if a crawl holds it."""
    lock = (state_dir / LOCK_FILE).open("a", encoding="utf-8")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()
        raise StateError(
            f"Another crawl is using the dedup state in {state_dir}; wait for it to end "
            "or give this crawl its own FRIENDSHIP_STATE_DIR."
        ) from None
    return lock


def _open_checked(path: Path, config: ShingleConfig, exported_before: Iterable[Path]) -> sqlite3.Connection:
    """A connection to the state at `path`, created if it is new, or the `StateError` that says what to do."""
    if not path.exists():
        found = sorted(str(p) for p in exported_before)
        if found:
            raise StateError(
                f"The dedup state {path} is missing, but feeds were exported before "
                f"({', '.join(found[:3])}{' ...' if len(found) > 3 else ''}). Starting afresh would "
                "export every article again. Rebuild the state from the exported feeds: "
                f"`{rebuild_hint(path.parent, _dirs(found))}`, "
                "or move the old feeds away to start a new dataset on purpose."
            )
        _create(path, config)
        logger.info("Created a new dedup state in %s", path)
        return _connect(path)
    try:
        connection = _connect(path)
    except sqlite3.DatabaseError as exc:
        raise StateError(
            f"The dedup state {path} is corrupt ({exc}). Rebuild it: `{rebuild_hint(path.parent)}`."
        ) from exc
    _check(connection, path, config)
    return connection


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level="DEFERRED")
    # WAL with synchronous=NORMAL survives a killed process (not a power cut) at a small cost per commit.
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    return connection


def _create(path: Path, config: ShingleConfig) -> None:
    """Build an empty state under a temporary name and rename it into place.

    A crawl killed while creating the state then leaves no file that looks like a state without being
    one; the next crawl finds none and creates it again. The temporary file uses a rollback journal, so
    once closed it is complete on its own (WAL is switched on when the state is opened).
    """
    partial = path.with_name(f"{path.name}.partial")
    for leftover in (partial, partial.with_name(f"{partial.name}-journal")):
        leftover.unlink(missing_ok=True)
    connection = sqlite3.connect(partial)
    try:
        with connection:
            connection.executescript(_SCHEMA)
            connection.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", _meta(config).items())
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    finally:
        connection.close()
    partial.replace(path)


def _meta(config: ShingleConfig) -> dict[str, str]:
    return {
        "shingle_words": str(config.shingle_words),
        "num_perm": str(config.num_perm),
        "signature": "datasketch affine32 MinHash of xxh32 word shingles, seed 1",
    }


def _check(connection: sqlite3.Connection, path: Path, config: ShingleConfig) -> None:
    hint = rebuild_hint(path.parent)
    try:
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        stored = dict(connection.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise StateError(f"The dedup state {path} is corrupt ({exc}). Rebuild it: `{hint}`.") from exc
    if verdict != "ok" or version != SCHEMA_VERSION:
        connection.close()
        problem = f"integrity check says {verdict!r}" if verdict != "ok" else f"schema version {version}"
        raise StateError(f"The dedup state {path} cannot be used ({problem}). Rebuild it: `{hint}`.")
    if stored != _meta(config):
        connection.close()
        raise StateError(
            f"The dedup state {path} was built with other signature settings ({stored}); "
            f"rebuild it with the current ones: `{hint}`."
        )


def _export(row: tuple) -> StoredExport:
    seq, run_id, url, article_id, version, digest, modified_at, packed, anchors, confirmed = row
    fingerprint = Fingerprint(
        url=url,
        article_id=article_id,
        content_hash=bytes(digest).hex(),
        modified_at=modified_at,
        version=version,
        signature=signature_from_bytes(packed),
        anchors=anchors_from_bytes(anchors),
    )
    return StoredExport(seq, run_id, fingerprint, bool(confirmed))
