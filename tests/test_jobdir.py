"""Pause and resume with JOBDIR, through real crawls of the replica: after Ctrl-C and after kill -9."""

from __future__ import annotations

import signal
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from friendship_crawler.archive.reader import find_archives, read_captures
from friendship_crawler.dedup.feeds import read_feed
from friendship_crawler.dedup.report import read_report
from friendship_crawler.jobdir import QUEUE_DIR, RUNNING_MARK
from friendship_crawler.monitor.command import UNHEALTHY_EXIT_CODE
from friendship_crawler.replica import ReplicaServer
from friendship_crawler.site import SECTION_PATH
from tests.crawling import crawl_until, feed_files, run_crawl, stories

pytestmark = pytest.mark.slow

JOB = {"JOBDIR": "crawls/friendship-1", "FRIENDSHIP_ARCHIVE_LISTINGS": "1"}
"""Listing pages are archived too: every page a run fetches is in its WARC."""


def exported_stories(workdir: Path, replica: ReplicaServer) -> Counter[int]:
    """How often each replica story was exported, whichever of its copies was the first exported."""
    records = [record for feed in feed_files(workdir) for record in read_feed(feed).records]
    return stories(records, replica.corpus)


@pytest.fixture
def replica(replica_factory: Callable[..., ReplicaServer]) -> ReplicaServer:
    return replica_factory(articles=60)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_a_stopped_crawl_resumes_and_exports_every_article_once(
    replica: ReplicaServer, tmp_path: Path, stop: signal.Signals
) -> None:
    status = crawl_until(tmp_path, replica.base_url, 10, settings=JOB, stop=stop)
    assert status == (UNHEALTHY_EXIT_CODE if stop == signal.SIGINT else -signal.SIGKILL)
    job = tmp_path / JOB["JOBDIR"]
    assert (job / QUEUE_DIR).is_dir()
    assert (job / RUNNING_MARK).exists() == (stop == signal.SIGKILL)
    before = exported_stories(tmp_path, replica)
    assert 0 < sum(before.values()) < len(replica.corpus.truth()), "the stop must fall mid-crawl"

    resumed = run_crawl(tmp_path, replica.base_url, settings=JOB)
    assert resumed.returncode == 0, resumed.log[-3000:]
    assert resumed.stats.get("friendship/jobdir/discarded_queue", 0) == (stop == signal.SIGKILL)
    assert "struct.error" not in resumed.log
    after = exported_stories(tmp_path, replica)
    assert set(after) == {article.article_id for article in replica.corpus.truth()}
    assert max(after.values()) == 1
    assert not (job / RUNNING_MARK).exists()
    for report in (tmp_path / "output").glob("*.duplicates.jsonl"):
        merges = [(entry["kept_url"], entry["dropped_url"]) for entry in read_report(report)]
        assert len(merges) == len(set(merges)), f"a merge reported twice in {report.name}"
    if stop == signal.SIGINT:  # a paused run goes on from its queue: no page of its first part again
        fetched = Counter(
            capture.url
            for archive in find_archives(tmp_path / "output" / "archive")
            for capture in read_captures(archive)
        )
        starts = {f"{replica.base_url}{SECTION_PATH}", f"{replica.base_url}/robots.txt"}  # every run's
        assert fetched[f"{replica.base_url}{SECTION_PATH}"] == 2, fetched.most_common(3)
        assert max(count for url, count in fetched.items() if url not in starts) == 1, fetched.most_common(3)


def test_a_finished_run_leaves_nothing_to_resume_and_the_next_run_with_the_jobdir_finds_new_articles(
    replica: ReplicaServer, tmp_path: Path
) -> None:
    first = run_crawl(tmp_path, replica.base_url, settings=JOB)
    assert first.returncode == 0, first.log[-3000:]
    second = run_crawl(tmp_path, replica.base_url, settings=JOB)
    assert second.returncode == 0, second.log[-3000:]
    subsections = second.stats.get("friendship/sections/discovered", 0)
    assert subsections >= 1
    assert second.stats.get("friendship/listing/pages", 0) >= 1 + subsections  # every listing read again


def test_a_crawl_forced_down_by_a_second_ctrl_c_is_unhealthy_and_a_rerun_exports_every_article_once(
    replica: ReplicaServer, tmp_path: Path
) -> None:
    """The second Ctrl-C stops the reactor at once: nothing is closed or checked, so the run cannot be
    called healthy; the next run goes on from what it exported."""
    status = crawl_until(tmp_path, replica.base_url, 10, stop=signal.SIGINT, times=2)
    assert status == UNHEALTHY_EXIT_CODE
    before = exported_stories(tmp_path, replica)
    assert 0 < sum(before.values()) < len(replica.corpus.truth()), "the stop must fall mid-crawl"
    rerun = run_crawl(tmp_path, replica.base_url)
    assert rerun.returncode == 0, rerun.log[-3000:]
    after = exported_stories(tmp_path, replica)
    assert set(after) == {article.article_id for article in replica.corpus.truth()}
    assert max(after.values()) == 1
