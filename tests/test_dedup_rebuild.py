"""`scrapy rebuild_state`: the way out of a lost or corrupt state or frontier, proven by the crawl that follows."""

from __future__ import annotations

import argparse
import json
import logging
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import Settings

from friendship_crawler.commands import rebuild_state as rebuild_command
from friendship_crawler.dataset.ownership import MARKER_FILE
from friendship_crawler.dedup import rebuild as rebuild_module
from friendship_crawler.dedup.feeds import FeedScan
from friendship_crawler.dedup.rebuild import NotAFeed, StateNotRestored, feed_files, rebuild_state, run_id_of
from friendship_crawler.dedup.state import STATE_FILE, DedupState, StateError, take_lock
from friendship_crawler.frontier import FRONTIER_FILE, Frontier
from friendship_crawler.replica import ReplicaServer
from tests.crawling import crawl_env, run_crawl
from tests.test_dedup_pipeline import copy_of, crawl, story
from tests.test_paths import SMALL


def assert_put_back(state_dir: Path, articles: int) -> None:
    """The old state is where it was, with its `articles`, and no copy of it is left aside."""
    assert list(state_dir.glob("*.replaced-*")) == []
    state = DedupState.open(state_dir)
    try:
        assert state.article_count() == articles
    finally:
        state.close()


def test_rebuilt_state_exports_only_what_the_feeds_lack(tmp_path: Path) -> None:
    first = [story(n) for n in range(61001, 61006)]
    crawl(tmp_path, first, "20261101T080000Z")
    crawl(tmp_path, [copy_of(first[0], 99001), first[0]], "20261102T080000Z")
    (tmp_path / "state" / STATE_FILE).write_bytes(b"not a database at all" * 100)

    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "rebuild_state", "--state-dir", "state", "output"],
        cwd=tmp_path,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "5 exports" in result.stdout
    assert list((tmp_path / "state").glob(f"{STATE_FILE}.replaced-*")), "the broken state is kept aside"

    again = crawl(tmp_path, [*first, story(61006)], "20261108T080000Z")
    assert [r["article_id"] for r in again.exported] == [61006]


def test_a_rebuilt_state_drops_later_copies_of_the_kept_article(tmp_path: Path) -> None:
    original = story(62001)
    crawl(tmp_path, [copy_of(original, 99002), original], "20261101T080000Z")
    summary = rebuild_state(tmp_path / "state", [tmp_path / "output"])
    assert (summary.exports, summary.superseded) == (1, 0)
    later = crawl(tmp_path, [original], "20261108T080000Z")
    assert later.exported == [] and later.report[0]["kept_id"] == 99002


def test_rebuild_restores_copies_that_older_reports_mark_as_replaced(tmp_path: Path) -> None:
    original = story(62002)
    copy = copy_of(original, 99003)
    crawl(tmp_path, [copy], "20261101T080000Z")
    crawl(tmp_path, [original], "20261102T080000Z", FRIENDSHIP_DEDUP_ENABLED=False)
    (tmp_path / "output" / "friendship-20261102T080000Z.duplicates.jsonl").write_text(
        json.dumps({"kept_url": original.url, "dropped_url": copy.url, "superseded": True}) + "\n",
        encoding="utf-8",
    )
    summary = rebuild_state(tmp_path / "state", [tmp_path / "output"])
    assert (summary.exports, summary.superseded) == (2, 1)
    later = crawl(tmp_path, [copy], "20261108T080000Z")
    assert later.exported == [] and later.report[0]["kept_id"] == 62002


def test_feed_files_are_read_oldest_run_first_and_reports_are_left_out(tmp_path: Path) -> None:
    for name in (
        "friendship-20261108T080000Z.jsonl",
        "friendship-20261101T080000Z.jsonl",
        "friendship-20261101T080000Z.duplicates.jsonl",
    ):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [run_id_of(p) for p in feed_files([tmp_path])] == ["20261101T080000Z", "20261108T080000Z"]


def test_a_directory_gives_its_run_files_and_reported_feeds_never_another_dataset(tmp_path: Path) -> None:
    output, reports = tmp_path / "output", tmp_path / "output" / "runs"
    reports.mkdir(parents=True)
    for name in ("friendship-20261101T080000Z.jsonl", "mine.jsonl", "truth.jsonl", "other-dataset.jsonl"):
        (output / name).write_text('{"url": "https://thoidai.com.vn/a-1234.html"}\n', encoding="utf-8")
    report = {"exported": {"feeds": [{"uri": (output / "mine.jsonl").as_uri()}]}}
    (reports / "friendship-20261102T080000Z.json").write_text(json.dumps(report), encoding="utf-8")
    found = feed_files([output], reports)
    assert [p.name for p in found] == ["friendship-20261101T080000Z.jsonl", "mine.jsonl"]


def test_a_named_file_that_is_no_feed_is_refused_and_the_state_left_as_it_is(tmp_path: Path) -> None:
    crawl(tmp_path, [story(n) for n in range(64001, 64003)], "20261101T080000Z")
    state = tmp_path / "state"
    before = sorted(p.name for p in state.iterdir())
    readme = tmp_path / "README.md"
    readme.write_text("# a project\n\nNot records.\n", encoding="utf-8")
    with pytest.raises(NotAFeed):
        rebuild_state(state, [readme])
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "rebuild_state", "--state-dir", "state", "README.md"],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "README.md is not a feed" in result.stderr and "the state is left as it is" in result.stderr
    assert sorted(p.name for p in state.iterdir()) == before
    again = crawl(tmp_path, [story(64001), story(64003)], "20261108T080000Z")
    assert [r["article_id"] for r in again.exported] == [64003]


def test_a_dataset_snapshot_is_no_feed_to_rebuild_from(tmp_path: Path) -> None:
    """A snapshot may be filtered (`--since`): a state rebuilt from it would export the rest again."""
    crawl(tmp_path, [story(n) for n in range(64001, 64003)], "20261101T080000Z")
    state = tmp_path / "state"
    before = sorted(p.name for p in state.iterdir())
    snapshot = tmp_path / "dataset"
    snapshot.mkdir()
    [feed] = (tmp_path / "output").glob("friendship-*Z.jsonl")
    (snapshot / "data.jsonl").write_text(feed.read_text(encoding="utf-8").splitlines()[0] + "\n", "utf-8")
    (snapshot / MARKER_FILE).write_text('{"files": ["data.jsonl"]}\n', encoding="utf-8")
    with pytest.raises(NotAFeed, match="dataset snapshot"):
        rebuild_state(state, [snapshot / "data.jsonl"])
    assert sorted(p.name for p in state.iterdir()) == before


def test_a_state_directory_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    crawl(tmp_path, [story(64001)], "20261101T080000Z")
    (tmp_path / "notes.txt").write_text("a file, not a directory\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "rebuild_state", "--state-dir", "notes.txt/state", "output"],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Cannot rebuild the state in {tmp_path}/notes.txt/state: Not a directory ({tmp_path}/notes.txt/state);"
        " the state is left as it was"
    ]


def test_no_feeds_to_rebuild_from_is_refused_and_the_state_left_as_it_is(tmp_path: Path) -> None:
    """Rebuilt from nothing, the state would forget every export, and a second such rebuild would drop the
    copy the first moved aside."""
    crawl(tmp_path, [story(n) for n in range(64001, 64003)], "20261101T080000Z")
    state = tmp_path / "state"
    before = {p.name: p.read_bytes() for p in state.iterdir()}
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "friendship-20261102T080000Z.jsonl").mkdir()  # named like a run file, no file
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "rebuild_state", "--state-dir", "state", "empty"],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "no feeds in empty: nothing to rebuild the state from" in result.stderr
    assert {p.name: p.read_bytes() for p in state.iterdir()} == before


def test_a_corrupt_state_and_no_feeds_yet_can_still_be_rebuilt(tmp_path: Path) -> None:
    """The crawl points at rebuild_state for a corrupt state; with nothing exported yet, the way out is an
    empty state, not a refusal."""
    state_dir = tmp_path / "state"
    state_dir.mkdir()
    (state_dir / STATE_FILE).write_bytes(b"not a database")
    (tmp_path / "output").mkdir()
    summary = rebuild_state(state_dir, [tmp_path / "output"])
    assert (summary.feeds, summary.exports) == (0, 0)
    state = DedupState.open(state_dir)
    assert state.article_count() == 0
    state.close()


def test_a_rebuild_that_fails_part_way_puts_the_old_state_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl(tmp_path, [story(64001)], "20261101T080000Z")
    crawl(tmp_path, [story(64002)], "20261108T080000Z")
    state_dir = tmp_path / "state"
    state = DedupState.open(state_dir)
    exported_before = state.article_count()
    state.close()
    read = iter(["ok", "fails"])

    def flaky_records(feed: Path, scan: FeedScan | None = None) -> Iterator[dict[str, Any]]:
        if next(read) == "fails":
            raise OSError(5, "Input/output error", str(feed))
        yield from original(feed, scan)

    original = rebuild_module.iter_records
    monkeypatch.setattr(rebuild_module, "iter_records", flaky_records)
    put_back, locked_while_put_back = rebuild_module._put_back, []

    def put_back_probing_the_lock(*args: Any) -> None:
        try:
            take_lock(state_dir).close()
        except StateError:
            locked_while_put_back.append(True)
        else:
            locked_while_put_back.append(False)
        put_back(*args)

    monkeypatch.setattr(rebuild_module, "_put_back", put_back_probing_the_lock)
    older = state_dir / f"{STATE_FILE}.replaced-20200101T000000Z"
    older.write_bytes(b"a copy an earlier rebuild kept")
    with pytest.raises(OSError):
        rebuild_state(state_dir, [tmp_path / "output"])
    assert list(state_dir.glob("*.replaced-*")) == [older], "nothing moved aside, nothing kept dropped"
    assert locked_while_put_back == [True, True], "no crawl can open the half-built state meanwhile"
    state = DedupState.open(state_dir)
    assert state.article_count() == exported_before == 2
    state.close()


def test_a_new_state_that_cannot_be_made_puts_the_old_one_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl(tmp_path, [story(64001)], "20261101T080000Z")
    state_dir = tmp_path / "state"

    class Unwritable(DedupState):
        @classmethod
        def open(cls, *args: Any, **kwargs: Any) -> DedupState:
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(rebuild_module, "DedupState", Unwritable)
    with pytest.raises(sqlite3.OperationalError):
        rebuild_state(state_dir, [tmp_path / "output"])
    assert_put_back(state_dir, articles=1)


def test_an_old_state_that_cannot_be_put_back_is_named_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl(tmp_path, [story(64001)], "20261101T080000Z")
    state_dir = tmp_path / "state"
    Frontier(state_dir).close()

    def unreadable(feed: Path, scan: FeedScan | None = None) -> Iterator[dict[str, Any]]:
        raise OSError(5, "Input/output error", str(feed))

    def stuck(state_dir: Path, name: str, aside: Path | None) -> None:
        if name == STATE_FILE:
            raise PermissionError(13, "Permission denied", str(aside))
        put_back(state_dir, name, aside)

    put_back = rebuild_module._put_back
    monkeypatch.setattr(rebuild_module, "iter_records", unreadable)
    monkeypatch.setattr(rebuild_module, "_put_back", stuck)
    with pytest.raises(StateNotRestored) as raised:
        rebuild_state(state_dir, [tmp_path / "output"])
    aside = min(state_dir.glob(f"{STATE_FILE}.replaced-*"), key=lambda path: len(path.name))  # not its WAL
    assert str(raised.value) == (
        f"The rebuild failed ([Errno 5] Input/output error: '{next((tmp_path / 'output').glob('*.jsonl'))}') "
        f"and the old state could not be put back: move {aside} back to {state_dir / STATE_FILE} "
        "(Permission denied) before the next crawl"
    )
    assert isinstance(raised.value.__cause__, OSError)
    assert (state_dir / FRONTIER_FILE).exists(), "what could be put back is"


def test_a_new_state_that_cannot_be_made_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(rebuild_command, "rebuild_state", full_disk)
    command = rebuild_command.Command()
    command.settings = Settings()
    command.settings.setmodule("friendship_crawler.settings")
    command.run([str(tmp_path / "output")], argparse.Namespace(state_dir=tmp_path / "state"))
    assert command.exitcode == 1
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == [
        f"Cannot rebuild the state in {tmp_path / 'state'}: database or disk is full; the state is left as it was"
    ]


def test_lines_that_hold_no_record_are_counted_and_named_by_number(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    crawl(tmp_path, [story(n) for n in range(65001, 65004)], "20261101T080000Z")
    (feed,) = (tmp_path / "output").glob("friendship-*.jsonl")
    first, *rest = feed.read_bytes().splitlines(keepends=True)
    feed.write_bytes(b"".join([first, b'{"url": "cut\n', b"[1, 2]\n", *rest]))
    caplog.set_level(logging.WARNING, logger="friendship_crawler")
    summary = rebuild_state(tmp_path / "state", [tmp_path / "output"])
    assert (summary.exports, summary.invalid) == (3, 2)
    warnings = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Skipping line")]
    assert warnings == [
        f"Skipping line 2 of {feed}: truncated or invalid JSON (Unterminated string starting, column 9)",
        f"Skipping line 3 of {feed}: a JSON list, not a record",
    ]


def test_a_rebuild_stopped_between_moving_two_files_aside_moves_the_first_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl(tmp_path, [story(64001)], "20261101T080000Z")
    state_dir = tmp_path / "state"
    Frontier(state_dir).close()
    move_aside = rebuild_module._move_aside

    def interrupted(state_dir: Path, name: str, renamed: list[tuple[Path, Path]]) -> Path | None:
        if name == FRONTIER_FILE:
            raise KeyboardInterrupt
        return move_aside(state_dir, name, renamed)

    monkeypatch.setattr(rebuild_module, "_move_aside", interrupted)
    with pytest.raises(KeyboardInterrupt):
        rebuild_state(state_dir, [tmp_path / "output"])
    assert_put_back(state_dir, articles=1)


def test_files_that_cannot_be_moved_back_are_named_with_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl(tmp_path, [story(64001)], "20261101T080000Z")
    state_dir = tmp_path / "state"
    Frontier(state_dir).close()
    move_aside, rename = rebuild_module._move_aside, Path.rename

    def frontier_fails(state_dir: Path, name: str, renamed: list[tuple[Path, Path]]) -> Path | None:
        if name == FRONTIER_FILE:
            monkeypatch.setattr(Path, "rename", refused)
            raise OSError(5, "Input/output error", str(state_dir / name))
        return move_aside(state_dir, name, renamed)

    def refused(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(rebuild_module, "_move_aside", frontier_fails)
    with pytest.raises(StateNotRestored) as raised:
        rebuild_state(state_dir, [tmp_path / "output"])
    monkeypatch.setattr(Path, "rename", rename)
    aside = min(state_dir.glob(f"{STATE_FILE}.replaced-*"), key=lambda path: len(path.name))
    assert f"move {aside} back to {state_dir / STATE_FILE} (Permission denied)" in str(raised.value)
    assert str(raised.value).startswith("The rebuild failed ([Errno 5] Input/output error")


def test_two_rebuilds_keep_one_replaced_copy_of_each_file(tmp_path: Path) -> None:
    crawl(tmp_path, [story(n) for n in range(63001, 63004)], "20261101T080000Z")
    state_dir = tmp_path / "state"
    Frontier(state_dir).close()
    stale = [
        state_dir / f"{STATE_FILE}.replaced-20200101T000000Z",
        state_dir / f"{FRONTIER_FILE}.replaced-x-wal",
    ]
    for path in stale:
        path.write_bytes(b"an older copy")

    first = rebuild_state(state_dir, [tmp_path / "output"])
    second = rebuild_state(state_dir, [tmp_path / "output"])

    assert first.exports == second.exports == 3
    assert first.frontier_aside is not None and second.frontier_aside is None, "the frontier started afresh"
    assert second.moved_aside is not None
    assert sorted(p.name for p in state_dir.glob("*.replaced-*")) == sorted(
        [second.moved_aside.name, first.frontier_aside.name]
    )
    assert (state_dir / STATE_FILE).exists() and not (state_dir / FRONTIER_FILE).exists()


def test_rebuild_leaves_the_state_of_a_running_crawl_alone(tmp_path: Path) -> None:
    crawl(tmp_path, [story(64001)], "20261101T080000Z")
    running = DedupState.open(tmp_path / "state")
    try:
        with pytest.raises(StateError, match="Another crawl"):
            rebuild_state(tmp_path / "state", [tmp_path / "output"])
        assert list((tmp_path / "state").glob("*.replaced-*")) == []
        assert running.article_count() == 1
    finally:
        running.close()


@pytest.mark.parametrize(
    ("broken", "says"),
    [(STATE_FILE, "The dedup state"), (FRONTIER_FILE, "The crawl frontier")],
)
def test_a_corrupt_state_file_stops_the_crawl_in_one_line_until_rebuild_state_fixes_it(
    replica: ReplicaServer, tmp_path: Path, broken: str, says: str
) -> None:
    first = run_crawl(tmp_path, replica.base_url, *SMALL)
    assert first.returncode == 0, first.log[-3000:]
    (tmp_path / "state" / broken).write_bytes(b"not a database at all" * 100)

    refused = run_crawl(tmp_path, replica.base_url, *SMALL)
    assert refused.returncode == 1, refused.log[-3000:]
    assert "Traceback" not in refused.log
    [error] = [line for line in refused.log.splitlines() if " ERROR: " in line]
    assert f"{says} {tmp_path / 'state' / broken} is corrupt" in error
    assert f"`scrapy rebuild_state --state-dir {tmp_path / 'state'}`" in error
    assert refused.feeds == [] and len(list((tmp_path / "output" / "runs").glob("*.json"))) == 1

    rebuilt = subprocess.run(
        [sys.executable, "-m", "scrapy", "rebuild_state", "--state-dir", str(tmp_path / "state")],
        cwd=tmp_path,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr[-2000:]

    again = run_crawl(tmp_path, replica.base_url, *SMALL)
    assert again.returncode == 0, again.log[-3000:]
    assert again.items == [], "the rebuilt state knows every exported article"
    assert again.stats["friendship/incremental/known_at_start"] == len(first.items)
