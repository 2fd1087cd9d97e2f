"""`scrapy rebuild_state`: the way out of a lost or corrupt state, proven by the crawl that follows it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from friendship_crawler.dedup.rebuild import feed_files, rebuild_state, run_id_of
from friendship_crawler.dedup.state import STATE_FILE
from tests.crawling import crawl_env
from tests.test_dedup_pipeline import copy_of, crawl, story


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


def test_rebuild_restores_replaced_copies_from_the_reports(tmp_path: Path) -> None:
    original = story(62001)
    crawl(tmp_path, [copy_of(original, 99002), original], "20261101T080000Z")
    summary = rebuild_state(tmp_path / "state", [tmp_path / "output"])
    assert (summary.exports, summary.superseded) == (2, 1)
    later = crawl(tmp_path, [copy_of(original, 99002)], "20261108T080000Z")
    assert later.exported == [] and later.report[0]["kept_id"] == 62001


def test_feed_files_are_read_oldest_run_first_and_reports_are_left_out(tmp_path: Path) -> None:
    for name in (
        "friendship-20261108T080000Z.jsonl",
        "friendship-20261101T080000Z.jsonl",
        "friendship-20261101T080000Z.duplicates.jsonl",
    ):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [run_id_of(p) for p in feed_files([tmp_path])] == ["20261101T080000Z", "20261108T080000Z"]
