"""Rebuild the dedup state from exported feeds, when the state file is lost or corrupt.

The feeds are the truth about what was exported: every complete record becomes a confirmed export
(its URL, id, version, text fingerprint), and the duplicates reports beside them restore which copies
were replaced. The crawl frontier, a cache of what crawls learnt that the feeds cannot restore, starts
afresh: the next crawl walks every listing once. Files in the way are moved aside as
`<name>.replaced-<time>`, keeping one such copy of each (the one just replaced), so rebuilds do not pile up
copies of the state.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from friendship_crawler.dataset.ownership import MARKER_FILE
from friendship_crawler.dedup.feeds import FeedScan, iter_records, reported_feeds, run_feeds_in
from friendship_crawler.dedup.minhash import DEFAULT_CONFIG, ShingleConfig
from friendship_crawler.dedup.report import read_report
from friendship_crawler.dedup.rule import DEFAULT_NEAR, Fingerprint, NearRule
from friendship_crawler.dedup.state import STATE_FILE, DedupState, StateError, take_lock
from friendship_crawler.frontier import FRONTIER_FILE
from friendship_crawler.run import RUN_FILE, duplicates_file_of, new_run_id

logger = logging.getLogger(__name__)


@dataclass
class RebuildSummary:
    """What a rebuild read and recorded."""

    feeds: int = 0
    exports: int = 0
    repeated: int = 0
    invalid: int = 0
    superseded: int = 0
    moved_aside: Path | None = None
    """Where the replaced dedup state now is, if there was one."""
    frontier_aside: Path | None = None
    """Where the replaced frontier now is, if there was one."""


class NotAFeed(ValueError):
    """A file named as a feed holds no exported records."""


def feed_files(sources: Iterable[Path], reports_dir: Path | None = None) -> list[Path]:
    """The feeds `sources` name, oldest run first: a file as named, once it shows a record; in a directory,
    its run files (`<spider>-<run id>.jsonl`) and the feeds that the run reports in `reports_dir` name as
    stored (`-O FILE`), never another `*.jsonl` there (a truth file, another dataset).

    Raises FileNotFoundError for a source that is neither file nor directory, NotAFeed for a file whose
    first line is no record or that belongs to a dataset snapshot (a filtered snapshot would make the
    state forget what was exported).
    """
    reported = reported_feeds(reports_dir) if reports_dir is not None else set()
    found: set[Path] = set()
    for source in sources:
        if source.is_dir():
            found.update(run_feeds_in(source, reported))
        elif source.is_file():
            if (source.parent / MARKER_FILE).is_file():
                raise NotAFeed(
                    f"{source} is in a dataset snapshot written by scrapy export (it may be filtered), "
                    "not a crawl's feed: name the run files"
                )
            if not _opens_with_a_record(source):
                raise NotAFeed(f"{source} is not a feed: its first line is no exported record")
            found.add(source)
        else:
            raise FileNotFoundError(f"no feed file or directory at {source}")
    return sorted(found, key=lambda p: (run_id_of(p), p.name))


def _opens_with_a_record(path: Path) -> bool:
    """The file's first non-blank line is a JSON object with a `url`, as every exported record is."""
    with path.open("rb") as lines:
        for line in lines:
            if line.strip():
                try:
                    record = json.loads(line)
                except ValueError:
                    return False
                return isinstance(record, dict) and isinstance(record.get("url"), str)
    return False


def run_id_of(feed: Path) -> str:
    """The run id in a feed's name (`friendship-20261123T080000Z.jsonl`), else the file's name."""
    match = RUN_FILE.match(feed.name)
    return match["run_id"] if match else feed.name


def rebuild_state(
    state_dir: Path,
    sources: Iterable[Path],
    config: ShingleConfig = DEFAULT_CONFIG,
    near: NearRule = DEFAULT_NEAR,
    reports_dir: Path | None = None,
) -> RebuildSummary:
    """Replace the state in `state_dir` by one rebuilt from the feeds found in `sources` (see `feed_files`);
    a source that is no feed raises before anything is moved."""
    feeds = feed_files(sources, reports_dir)
    if not feeds and _holds_exports(state_dir, config, near):  # rebuilt from nothing, it would forget them
        raise NotAFeed(f"no feeds in {', '.join(map(str, sources))}: nothing to rebuild the state from")
    summary = RebuildSummary(feeds=len(feeds))
    state_dir.mkdir(parents=True, exist_ok=True)
    lock = take_lock(state_dir)  # a running crawl keeps its state: nothing is moved
    try:  # held to the end: a crawl that started while the old state comes back would open a half-built one
        _rebuild_holding_lock(state_dir, feeds, summary, lock, config, near)
    finally:
        lock.close()
    logger.info(
        "Rebuilt %s; feeds read: %s, %s exports, %s replaced copies; skipped %s repeated, %s invalid records",
        state_dir / STATE_FILE, summary.feeds, summary.exports, summary.superseded, summary.repeated,
        summary.invalid,
    )  # fmt: skip
    return summary


def _rebuild_holding_lock(
    state_dir: Path,
    feeds: list[Path],
    summary: RebuildSummary,
    lock: IO[str],
    config: ShingleConfig,
    near: NearRule,
) -> None:
    """Move the state aside, build the new one from `feeds` (counted in `summary`), and put the old one back
    if that fails; `lock` stays held throughout (the caller releases it)."""
    older = set(state_dir.glob("*.replaced-*"))
    renamed: list[tuple[Path, Path]] = []
    try:
        summary.moved_aside = _move_aside(state_dir, STATE_FILE, renamed)
        summary.frontier_aside = _move_aside(state_dir, FRONTIER_FILE, renamed)
    except BaseException as failure:
        _move_back(renamed, failure)  # a rename that failed, or a Ctrl-C, between two files
        raise
    moved = {aside for aside, _ in renamed}
    state: DedupState | None = None
    try:
        state = DedupState.open(state_dir, config, near, lock=lock)
        seen: set[tuple[str, int]] = set()
        for feed in feeds:
            _record_feed(state, feed, summary, seen, config)
        for report in sorted({duplicates_file_of(f) for f in feeds}):
            if report.exists():
                for entry in read_report(report):
                    if entry.get("superseded") and state.mark_superseded(
                        entry["dropped_url"], entry["kept_url"]
                    ):
                        summary.superseded += 1
    except BaseException as failure:  # a state that could not be made or a feed that could not be read
        if state is not None:
            state.close(keep_lock=True)
            state = None
        _restore(state_dir, summary, failure)
        raise
    finally:
        if state is not None:
            state.close(keep_lock=True)
    for name in (STATE_FILE, FRONTIER_FILE):
        if any(aside.name.startswith(f"{name}.replaced-") for aside in moved):  # a new copy of it was kept:
            for stale in older - moved:  # the copies earlier rebuilds kept go
                if stale.name.startswith(f"{name}.replaced-"):
                    stale.unlink(missing_ok=True)


def _record_feed(
    state: DedupState, feed: Path, summary: RebuildSummary, seen: set[tuple[str, int]], config: ShingleConfig
) -> None:
    """Every record of `feed` in `state` as an export of its run, confirmed (it is in the feed); a version
    `seen` already is counted repeated."""
    run_id = run_id_of(feed)
    state.begin_run(run_id)
    state.add_feeds(run_id, [feed.absolute()])
    scan = FeedScan()
    for record in iter_records(feed, scan):
        try:
            fingerprint = Fingerprint.of(record, config)
        except (ValueError, TypeError) as exc:
            summary.invalid += 1
            logger.warning("Skipping a record of %s: %s", feed, exc)
            continue
        if (fingerprint.url, fingerprint.version) in seen:
            summary.repeated += 1
            continue
        seen.add((fingerprint.url, fingerprint.version))
        state.record_export(run_id, fingerprint, confirmed=True)
        summary.exports += 1
    summary.invalid += scan.skipped
    state.settle_run(run_id, None)


def record_feed(
    state_dir: Path, feed: Path, config: ShingleConfig = DEFAULT_CONFIG, near: NearRule = DEFAULT_NEAR
) -> RebuildSummary:
    """Add one feed a command wrote outside a crawl (`scrapy reprocess`) to the state, as a crawl's export
    would be: the next crawl compares with its versions, and exports none of them again. Refused
    (`StateError`) while a crawl holds the state."""
    summary = RebuildSummary(feeds=1)
    state = DedupState.open(state_dir, config, near)
    try:
        _record_feed(state, feed, summary, set(), config)
    finally:
        state.close()
    return summary


class StateNotRestored(StateError):
    """A rebuild failed and the state it replaced could not be put back: the message says where it is."""


def _restore(state_dir: Path, summary: RebuildSummary, failure: BaseException) -> None:
    """Put the old state and frontier back after a failed rebuild; a `StateNotRestored` naming where the old
    files are when that fails too (a half-built state left in place would export everything again)."""
    unrestored = []
    for name, aside in ((STATE_FILE, summary.moved_aside), (FRONTIER_FILE, summary.frontier_aside)):
        try:
            _put_back(state_dir, name, aside)
        except OSError as error:
            what = f"move {aside} back to {state_dir / name}" if aside else f"remove {state_dir / name}"
            unrestored.append(f"{what} ({error.strerror or error})")
    if unrestored:
        raise _not_restored(failure, unrestored) from failure


def _move_back(renamed: list[tuple[Path, Path]], failure: BaseException) -> None:
    """Rename each moved file back, every one tried; a `StateNotRestored` naming those that stay aside."""
    stuck = []
    for aside, original in reversed(renamed):
        try:
            aside.rename(original)
        except OSError as error:
            stuck.append(f"move {aside} back to {original} ({error.strerror or error})")
    if stuck:
        raise _not_restored(failure, stuck) from failure


def _not_restored(failure: BaseException, what_to_do: list[str]) -> StateNotRestored:
    return StateNotRestored(
        f"The rebuild failed ({failure}) and the old state could not be put back: "
        f"{'; '.join(what_to_do)} before the next crawl"
    )


def _put_back(state_dir: Path, name: str, aside: Path | None) -> None:
    """Undo `_move_aside`: the half-built database `name` goes, the one moved to `aside` (if any) returns."""
    for suffix in ("", "-wal", "-shm"):
        (state_dir / f"{name}{suffix}").unlink(missing_ok=True)
        if aside is not None and aside.with_name(aside.name + suffix).exists():
            aside.with_name(aside.name + suffix).rename(state_dir / f"{name}{suffix}")
    if aside is not None:
        logger.warning("Put the old %s back from %s", name, aside)


def _move_aside(state_dir: Path, name: str, renamed: list[tuple[Path, Path]]) -> Path | None:
    """Rename the database `name` (with its WAL files) to `name.replaced-<time>`: that name (None when there
    was no database); each file moved is added to `renamed` as (new path, old path) as soon as it moves."""
    current = state_dir / name
    if not current.exists():
        return None
    aside = state_dir / f"{name}.replaced-{new_run_id()}"
    for suffix in ("", "-wal", "-shm"):
        part = state_dir / f"{name}{suffix}"
        if part.exists():
            renamed.append((part.rename(aside.with_name(aside.name + suffix)), part))
    logger.warning("Moved the old %s aside to %s", name, aside)
    return aside


def _holds_exports(state_dir: Path, config: ShingleConfig, near: NearRule) -> bool:
    """The state in `state_dir` opens and holds exports (a corrupt or missing one holds nothing to lose)."""
    if not (state_dir / STATE_FILE).exists():
        return False
    try:
        state = DedupState.open(state_dir, config, near)
    except StateError:
        return False
    try:
        return state.article_count() > 0
    finally:
        state.close()
