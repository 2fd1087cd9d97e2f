"""The run monitor through the real engine: `scrapy crawl friendship` against the replica, report and exit code."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from crawling import run_crawl

from friendship_crawler import settings as project_settings
from friendship_crawler.monitor.command import UNHEALTHY_EXIT_CODE
from friendship_crawler.replica import ReplicaServer

MONITORED = {
    "EXTENSIONS": json.dumps({"friendship_crawler.monitor.RunMonitor": 500}),
}
"""Enable the monitor whatever settings.py says, so these tests exercise it."""


def _unreachable_ftp_feed() -> dict[str, str]:
    """The project's feeds plus one on an FTP port where nothing listens: storing it fails at the end."""
    feeds = {
        **project_settings.FEEDS,
        f"ftp://user:FtpS3cretPW@127.0.0.1:{_closed_port()}/x.jsonl": {"format": "jsonlines"},
    }
    return {"FEEDS": json.dumps(feeds)}


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_healthy_run_exits_zero_and_reports_what_it_exported(
    tmp_path: Path, replica: ReplicaServer
) -> None:
    run = run_crawl(tmp_path, replica.base_url, settings=MONITORED)

    assert run.returncode == 0, run.log[-3000:]
    report = run.report
    assert report["healthy"] is True, report["checks"]
    assert report["failed_checks"] == []
    assert report["spider"] == "friendship"
    assert report["base_url"] == replica.base_url
    [feed] = run.feeds
    assert feed.name == f"friendship-{report['run_id']}.jsonl"
    assert report["exported"]["items"] == len(run.items) > 0
    assert [Path(f["uri"]).name for f in report["exported"]["feeds"]] == [feed.name]
    assert report["items"] == {
        "seen": len(run.items),
        "invalid": 0,
        "coverage": {"title": 1.0, "text": 1.0, "published_at": 1.0},
        "invalid_examples": [],
    }
    assert report["stats"]["finish_reason"] == "finished"
    assert report["exported"]["not_stored"] == []
    assert "Run healthy: all 13 checks passed" in run.log


def test_a_failed_check_exits_non_zero_and_names_the_check(tmp_path: Path, replica: ReplicaServer) -> None:
    run = run_crawl(
        tmp_path,
        replica.base_url,
        "-a",
        "sections=than-gui-viet-nam",
        "-a",
        "max_pages=1",
        settings={**MONITORED, "FRIENDSHIP_MONITOR_MIN_ITEMS": "100000"},
    )

    assert run.returncode == UNHEALTHY_EXIT_CODE, run.log[-3000:]
    assert run.items, "the run still exports what it found"
    report = run.report
    assert report["healthy"] is False
    assert report["failed_checks"] == ["item_count"]
    assert "Run check failed: item_count" in run.log


def test_an_unreachable_site_is_an_unhealthy_run(tmp_path: Path) -> None:
    run = run_crawl(
        tmp_path,
        f"http://127.0.0.1:{_closed_port()}",
        settings={**MONITORED, "RETRY_TIMES": "1"},
        timeout=60,
    )

    assert run.returncode == UNHEALTHY_EXIT_CODE, run.log[-3000:]
    report = run.report
    assert {"errors", "retries", "listing_markup"} <= set(report["failed_checks"])
    assert report["exported"]["items"] == 0


def test_a_feed_that_fails_to_store_fails_the_run(tmp_path: Path, replica: ReplicaServer) -> None:
    run = run_crawl(
        tmp_path, replica.base_url, "-a", "max_pages=1", settings={**MONITORED, **_unreachable_ftp_feed()}
    )

    assert run.returncode == UNHEALTHY_EXIT_CODE, run.log[-3000:]
    report = run.report
    assert report["healthy"] is False
    assert "feeds" in report["failed_checks"]
    [check] = [check for check in report["checks"] if check["name"] == "feeds"]
    assert "1 failed to store (FTPFeedStorage)" in check["detail"]
    [local] = run.feeds
    assert len(run.items) > 0
    assert report["exported"]["feeds"] == [
        {"uri": f"output/{local.name}", "format": "jsonlines", "items": len(run.items), "status": "stored"}
    ]
    [failed] = report["exported"]["not_stored"]
    assert failed["status"] == "failed"
    assert failed["uri"].startswith("ftp://user:***@127.0.0.1:")
    assert "Run check failed: feeds" in run.log
