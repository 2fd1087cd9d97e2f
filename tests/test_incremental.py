"""Periodic runs against a replica that moves forward: each run fetches only what is new."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from friendship_crawler.replica import ReplicaServer
from friendship_crawler.replica.site import SECTIONS
from tests.crawling import run_crawl


def test_each_run_fetches_only_what_is_new(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    replica = replica_factory(articles=60)
    first = run_crawl(tmp_path, replica.base_url)
    assert first.returncode == 0, first.log[-3000:]
    exported = {item["article_id"] for item in first.items}
    assert exported >= {a.article_id for a in replica.corpus.truth()}

    replica.stats.reset()
    unchanged = run_crawl(tmp_path, replica.base_url)
    assert unchanged.returncode == 0, unchanged.log[-3000:]
    assert unchanged.items == []
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
