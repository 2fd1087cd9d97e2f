"""`Run`: one id and one stem for every file a crawl leaves, under the project's directories."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from scrapy import Spider
from scrapy.utils.test import get_crawler

from friendship_crawler.replica import ReplicaServer
from friendship_crawler.run import (
    DUPLICATES_FILE,
    RUN_FILE,
    Run,
    claim_run_id,
    duplicates_file_of,
    new_run_id,
    release_run_id,
)
from tests.crawling import crawl_command, crawl_env


def test_every_file_of_a_run_shares_its_stem(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={
        "FRIENDSHIP_OUTPUT_DIR": str(tmp_path / "out"),
        "FRIENDSHIP_MONITOR_REPORTS_DIR": str(tmp_path / "out" / "runs"),
        "FRIENDSHIP_ARCHIVE_DIR": str(tmp_path / "warc"),
    })  # fmt: skip
    run = Run.at(crawler.settings, "friendship", "20261203T080000Z")
    assert run.feed_file == tmp_path / "out" / "friendship-20261203T080000Z.jsonl"
    assert run.duplicates_file == duplicates_file_of(run.feed_file)
    assert run.duplicates_file.name == "friendship-20261203T080000Z.duplicates.jsonl"
    assert run.report_file == tmp_path / "out" / "runs" / "friendship-20261203T080000Z.json"
    assert run.log_file.with_suffix(".json") == run.report_file
    assert run.archive_file == tmp_path / "warc" / "friendship-20261203T080000Z.warc.gz"
    assert RUN_FILE.match(run.feed_file.name) and DUPLICATES_FILE.match(run.duplicates_file.name)
    assert not RUN_FILE.match(run.duplicates_file.name)


def test_run_ids_are_utc_seconds() -> None:
    assert new_run_id(datetime(2026, 12, 3, 8, 5, 9, tzinfo=UTC)) == "20261203T080509Z"
    assert RUN_FILE.match(f"friendship-{new_run_id()}.jsonl")


def test_a_spider_without_a_run_id_gets_one_that_every_component_shares() -> None:
    crawler = get_crawler(Spider)
    spider = Spider.from_crawler(crawler, "other")
    first = Run.of(crawler, spider)
    assert Run.of(crawler, spider).run_id == first.run_id == spider.run_id  # type: ignore[attr-defined]
    assert first.spider == "other"


def test_runs_started_in_one_second_take_different_ids(tmp_path: Path) -> None:
    """Two crawls started together on one output directory would share every file: the second takes the
    next free second; a second a finished run's files hold is not free either; the claim goes at the end."""
    settings = get_crawler(settings_dict={
        "FRIENDSHIP_OUTPUT_DIR": str(tmp_path / "out"),
        "FRIENDSHIP_MONITOR_REPORTS_DIR": str(tmp_path / "out" / "runs"),
    }).settings  # fmt: skip
    now = datetime(2026, 12, 3, 8, 0, 0, tzinfo=UTC)
    first = claim_run_id(settings, "friendship", now)
    second = claim_run_id(settings, "friendship", now)
    assert (first, second) == ("20261203T080000Z", "20261203T080001Z")
    release_run_id(settings, "friendship", first)
    Run.at(settings, "friendship", first).feed_file.write_text("")  # the finished run's file
    assert claim_run_id(settings, "friendship", now) == "20261203T080002Z"
    release_run_id(settings, "friendship", second)
    assert claim_run_id(settings, "friendship", now) == second
    assert sorted(p.name for p in (tmp_path / "out" / "runs").iterdir()) == [
        "friendship-20261203T080001Z.claim",
        "friendship-20261203T080002Z.claim",
    ]


def test_two_crawls_started_together_on_one_output_write_apart(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    """Each with its own state (as the refusal of a second crawl on one state advises), both in one output
    directory: two run files of each article once, two reports, no claim left."""
    replica = replica_factory(articles=40)
    crawls = [
        subprocess.Popen(
            crawl_command(replica.base_url, settings={"FRIENDSHIP_STATE_DIR": f"state-{n}"}),
            cwd=tmp_path,
            env=crawl_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(2)
    ]
    logs = [crawl.communicate(timeout=240)[1] for crawl in crawls]
    assert [crawl.returncode for crawl in crawls] == [0, 0], [log[-2000:] for log in logs]
    feeds = [p for p in (tmp_path / "output").glob("*.jsonl") if RUN_FILE.match(p.name)]
    assert len(feeds) == 2
    for feed in feeds:
        ids = [json.loads(line)["article_id"] for line in feed.read_text(encoding="utf-8").splitlines()]
        assert len(ids) == len(set(ids)) == len(replica.corpus.truth())
    runs = tmp_path / "output" / "runs"
    assert len(list(runs.glob("*.json"))) == 2 and list(runs.glob("*.claim")) == []
