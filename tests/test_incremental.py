"""Periodic runs against a replica that moves forward: each run fetches only what is new."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from friendship_crawler.replica import ReplicaServer
from friendship_crawler.replica.site import SECTIONS
from tests.crawling import run_crawl, stories


def test_each_run_fetches_only_what_is_new(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    replica = replica_factory(articles=60)
    first = run_crawl(tmp_path, replica.base_url)
    assert first.returncode == 0, first.log[-3000:]
    assert set(stories(first.items, replica.corpus)) >= {a.article_id for a in replica.corpus.truth()}

    replica.stats.reset()
    archives = set((tmp_path / "output" / "archive").glob("*.warc.gz"))
    unchanged = run_crawl(tmp_path, replica.base_url)
    assert unchanged.returncode == 0, unchanged.log[-3000:]
    assert unchanged.items == []
    assert unchanged.feeds == [], "a run with nothing new leaves no empty run file"
    assert set((tmp_path / "output" / "archive").glob("*.warc.gz")) == archives, "nor an empty WARC"
    counts = replica.stats.counts
    assert counts["listing"] <= len(SECTIONS), replica.stats.paths
    assert counts["article"] == counts["amp"] == 0, replica.stats.paths
    assert counts["robots"] <= 1

    replica.stats.reset()
    added = replica.advance(1)
    edited = replica.corpus.edited_ids[-1]
    newer = run_crawl(tmp_path, replica.base_url)
    assert newer.returncode == 0, newer.log[-3000:]
    assert sorted(item["article_id"] for item in newer.items) == sorted(added)
    assert replica.stats.count("article") == len(added)

    full = run_crawl(tmp_path, replica.base_url, "-a", "full=1")
    assert full.returncode == 0, full.log[-3000:]
    assert [(item["article_id"], item["version"]) for item in full.items] == [(edited, 2)]
    assert full.items[0]["text"] == replica.corpus.expected(edited).text


def test_recheck_days_refetches_recent_known_articles_and_exports_only_the_edit(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    replica = replica_factory(articles=60)
    assert run_crawl(tmp_path, replica.base_url).returncode == 0
    added = replica.advance(1)
    edited = replica.corpus.expected(replica.corpus.edited_ids[-1])
    assert edited.published_at
    days = (datetime.now(UTC).date() - date.fromisoformat(edited.published_at[:10])).days + 1
    window_start = datetime.now(UTC).date() - timedelta(days=days)
    known = [a for a in replica.corpus.truth() if a.article_id not in added]
    due = [a for a in known if a.published_at and date.fromisoformat(a.published_at[:10]) >= window_start]
    assert 0 < len(due) < len(known)

    replica.stats.reset()
    rechecked = run_crawl(tmp_path, replica.base_url, "-a", f"recheck_days={days}")
    assert rechecked.returncode == 0, rechecked.log[-3000:]
    got = sorted((item["article_id"], item["version"]) for item in rechecked.items)
    assert got == sorted([*((aid, 1) for aid in added), (edited.article_id, 2)])
    assert rechecked.stats["friendship/incremental/recheck"] >= len(due)
    assert replica.stats.count("article") >= len(added) + len(due)

    replica.stats.reset()
    quiet = run_crawl(tmp_path, replica.base_url, "-a", "recheck_days=1")
    assert quiet.returncode == 0 and quiet.items == []
    assert replica.stats.count("article") == 0
