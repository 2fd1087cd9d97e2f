"""End to end: real `scrapy crawl friendship` runs against the replica, through the dedup stage.

Two consecutive crawls (the second, fetching every article again with `full=1`, exports nothing); a
crawl after the replica moves on (exactly the new stories and one update); and crawls killed with SIGKILL at several points, after which the next
run exports every article the killed runs did not finish writing, and none twice.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from friendship_crawler import settings as project_settings
from friendship_crawler.dedup.feeds import read_feed
from friendship_crawler.replica import ReplicaServer
from tests.crawling import CrawlRun, crawl_until, feed_files, run_crawl, stories

pytestmark = pytest.mark.slow

ARTICLES = 60
PIPELINES = json.dumps(
    {
        **getattr(project_settings, "ITEM_PIPELINES", {}),
        "friendship_crawler.dedup.pipeline.DedupPipeline": 900,
    }
)
DEDUP = {"ITEM_PIPELINES": PIPELINES}


def exported(workdir: Path) -> list[dict[str, Any]]:
    """Every complete record of every feed in the work directory."""
    return [record for feed in feed_files(workdir) for record in read_feed(feed).records]


def dataset_ids(workdir: Path, replica: ReplicaServer) -> list[int]:
    """The replica stories the feeds hold; fails when one is there twice."""
    counts = stories(exported(workdir), replica.corpus)
    assert max(counts.values()) == 1, counts.most_common(3)
    return sorted(counts)


def crawl(workdir: Path, replica: ReplicaServer, *args: str) -> CrawlRun:
    run = run_crawl(workdir, replica.base_url, *args, settings=DEDUP)
    assert run.returncode == 0, run.log[-3000:]
    return run


@pytest.fixture
def small_replica(replica_factory: Callable[..., ReplicaServer]) -> ReplicaServer:
    return replica_factory(articles=ARTICLES)


def truth_ids(replica: ReplicaServer) -> list[int]:
    return sorted(a.article_id for a in replica.corpus.truth())


def test_second_crawl_exports_nothing_new(small_replica: ReplicaServer, tmp_path: Path) -> None:
    first = crawl(tmp_path, small_replica)
    assert dataset_ids(tmp_path, small_replica) == truth_ids(small_replica)
    assert first.stats.get("friendship/dedup/exact", 0) + first.stats.get("friendship/dedup/near", 0) >= 1
    time.sleep(1.1)  # run ids have one-second resolution
    second = crawl(tmp_path, small_replica, "-a", "full=1")  # fetch every article again, known or not
    assert second.items == []
    assert second.stats["friendship/dedup/unchanged"] >= len(truth_ids(small_replica))


def test_crawl_after_the_site_moves_on_exports_new_stories_and_one_update(
    small_replica: ReplicaServer, tmp_path: Path
) -> None:
    crawl(tmp_path, small_replica)
    added = small_replica.advance(1)
    edited = small_replica.corpus.edited_ids[-1]
    time.sleep(1.1)
    second = crawl(tmp_path, small_replica, "-a", "full=1")  # the edited story is an old, known one
    got = sorted((r["article_id"], r["version"]) for r in second.items)
    assert got == sorted([*((a, 1) for a in added), (edited, 2)])
    assert second.stats["friendship/dedup/updated"] == 1


@pytest.mark.parametrize("kill_points", [(0, 3, 12)])
def test_killed_crawls_lose_nothing_and_repeat_nothing(
    small_replica: ReplicaServer, tmp_path: Path, kill_points: tuple[int, ...]
) -> None:
    tmp_path.mkdir(exist_ok=True)
    for lines in kill_points:
        crawl_until(tmp_path, small_replica.base_url, lines, settings=DEDUP)
    killed_records = len(exported(tmp_path))
    assert 0 < killed_records < len(truth_ids(small_replica)), (
        "the kills must fall in the middle of the crawl"
    )
    final = crawl(tmp_path, small_replica)
    assert final.items, "the run after the kills exports what they did not finish"
    assert "ended without a clean close" in final.log
    records = exported(tmp_path)
    repeated = [key for key, n in Counter((r["url"], r["version"]) for r in records).items() if n > 1]
    assert repeated == []
    assert dataset_ids(tmp_path, small_replica) == truth_ids(small_replica)
    assert all(text.endswith(b"\n") for text in (f.read_bytes() for f in feed_files(tmp_path)) if text)
    assert os.path.getsize(tmp_path / "state" / "dedup.sqlite3") > 0


def test_fresh_runs_on_one_replica_export_the_same_records(
    small_replica: ReplicaServer, tmp_path: Path
) -> None:
    """Arrival order varies from run to run; the number of records and the stories they hold do not."""
    runs = [crawl(tmp_path / f"fresh-{n}", small_replica) for n in range(3)]
    assert [len(run.items) for run in runs] == [len(truth_ids(small_replica))] * 3
    assert all(dataset_ids(run.workdir, small_replica) == truth_ids(small_replica) for run in runs)
