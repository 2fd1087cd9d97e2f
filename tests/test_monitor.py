"""Run checks as pure functions of stats and item tallies, the report file, and the thresholds' settings."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from friendship_crawler.items import Article
from friendship_crawler.monitor import CHECKS, ItemTally, RunMonitor, Thresholds, run_checks
from friendship_crawler.monitor.report import (
    ExportedFeed,
    build_report,
    feed_status,
    write_report,
)
from friendship_crawler.paths import project_root
from friendship_crawler.run import Run
from friendship_crawler.schema import ArticleValidator

HEALTHY_STATS: dict[str, Any] = {
    "finish_reason": "finished",
    "start_time": datetime(2026, 11, 23, 8, 0, tzinfo=UTC),
    "downloader/response_count": 100,
    "downloader/response_status_count/200": 98,
    "downloader/response_status_count/503": 2,
    "response_received_count": 98,
    "retry/count": 2,
    "item_scraped_count": 80,
    "friendship/listing/pages": 6,
    "feedexport/success_count/FileFeedStorage": 1,
    "log_count/INFO": 10,
}


def _record(**changes: Any) -> dict[str, Any]:
    article = Article(
        url="https://thoidai.com.vn/gap-mat-ban-be-194335.html",
        article_id=194335,
        title="Gặp mặt bạn bè",
        text="Gặp mặt bạn bè\nĐoạn một.",
        published_at="2023-08-09T16:43:00+07:00",
        crawled_at="2026-11-23T08:00:00+00:00",
    )
    return {**asdict(article), **changes}


def _tally(*records: dict[str, Any]) -> ItemTally:
    tally = ItemTally(ArticleValidator())
    for record in records:
        tally.add(record)
    return tally


def _verdicts(stats: dict[str, Any], tally: ItemTally | None = None, **limits: Any) -> dict[str, bool]:
    results = run_checks(stats, tally or _tally(_record()), Thresholds(**limits))
    return {result.name: result.passed for result in results}


def test_a_healthy_run_passes_every_check() -> None:
    verdicts = _verdicts(HEALTHY_STATS)
    assert verdicts == dict.fromkeys((check.__name__ for check in CHECKS), True)


@pytest.mark.parametrize(
    ("changes", "failing"),
    [
        ({"finish_reason": "shutdown"}, "finish_reason"),
        ({"finish_reason": "closespider_errorcount"}, "finish_reason"),
        ({"log_count/ERROR": 1}, "errors"),
        ({"retry/max_reached": 1}, "retries"),
        ({"retry/count": 60}, "retries"),
        ({"httperror/response_ignored_count": 3}, "http_errors"),
        ({"friendship/extract/fallback": 1}, "extraction_fallback"),
        ({"friendship/listing/pages": 0}, "listing_markup"),
        ({"friendship/listing/unrecognised": 1}, "listing_markup"),
        ({"feedexport/failed_count/FTPFeedStorage": 1}, "feeds"),
        ({"feedexport/success_count/FileFeedStorage": None}, "feeds"),
        ({"friendship/listing/fallback": 1}, "listing_markup"),
        ({"friendship/listing/entries": 40, "friendship/listing/refused": 40}, "listing_markup"),
        ({"friendship/listing/stopped/back_to_first_page": 1}, "listing_paging"),
        ({"friendship/listing/stopped/offset_not_advancing": 1}, "listing_paging"),
    ],
)
def test_each_stats_check_fails_on_its_own_symptom(changes: dict[str, Any], failing: str) -> None:
    """A run that exported items and stored no feed at all (one that could not be opened) lost them."""
    stats = {key: value for key, value in {**HEALTHY_STATS, **changes}.items() if value is not None}
    verdicts = _verdicts(stats)
    assert [name for name, passed in verdicts.items() if not passed] == [failing]


def test_fallback_rate_threshold_allows_drift_when_asked() -> None:
    stats = {**HEALTHY_STATS, "friendship/extract/fallback": 4}
    assert not _verdicts(stats)["extraction_fallback"]
    assert _verdicts(stats, max_fallback_rate=0.05)["extraction_fallback"]
    assert not _verdicts(stats, max_fallback_rate=0.04)["extraction_fallback"]


def test_fallback_detail_says_the_markup_drifted() -> None:
    stats = {**HEALTHY_STATS, "friendship/extract/fallback": 2}
    [result] = [r for r in run_checks(stats, _tally(), Thresholds()) if r.name == "extraction_fallback"]
    assert "2 of 80" in result.detail
    assert "markup no longer matches" in result.detail


def test_invalid_item_fails_the_schema_check_and_is_quoted() -> None:
    tally = _tally(_record(), _record(published_at="09/08/2023"))
    assert tally.invalid == 1
    assert tally.examples[0].errors[0].startswith("published_at: ")
    verdicts = _verdicts(HEALTHY_STATS, tally)
    assert not verdicts["item_schema"]
    assert verdicts["field_coverage"]


def test_missing_required_field_fails_coverage() -> None:
    tally = _tally(_record(), _record(published_at=None), _record(), _record())
    assert tally.coverage() == {"title": 1.0, "text": 1.0, "published_at": 0.75}
    assert tally.invalid == 0
    assert not _verdicts(HEALTHY_STATS, tally)["field_coverage"]
    assert _verdicts(HEALTHY_STATS, tally, min_coverage=0.75)["field_coverage"]


def test_no_items_is_healthy_unless_a_minimum_is_set() -> None:
    stats = {**HEALTHY_STATS, "item_scraped_count": 0}
    assert all(_verdicts(stats, _tally()).values())
    assert not _verdicts(stats, _tally(), min_items=1)["item_count"]


def test_thresholds_come_from_settings() -> None:
    settings = Settings(
        {
            "FRIENDSHIP_MAX_FALLBACK_RATE": "0.1",
            "FRIENDSHIP_MONITOR_MAX_ERRORS": "3",
            "FRIENDSHIP_MONITOR_MIN_ITEMS": "5",
            "FRIENDSHIP_MONITOR_MIN_COVERAGE": "0.9",
            "FRIENDSHIP_MONITOR_MAX_GUESSED_SHARE": "0.8",
            "FRIENDSHIP_MONITOR_MAX_UNREADABLE_SHARE": "0.4",
        }
    )
    limits = Thresholds.from_settings(settings)
    assert (
        limits.max_fallback_rate,
        limits.max_errors,
        limits.min_items,
        limits.min_coverage,
        limits.max_guessed_share,
        limits.max_unreadable_share,
    ) == (0.1, 3, 5, 0.9, 0.8, 0.4)
    assert Thresholds.from_settings(Settings()) == Thresholds()


def test_report_is_written_whole_and_json_ready(tmp_path: Path) -> None:
    tally = _tally(_record(), _record(title=""))
    checks = run_checks(HEALTHY_STATS, tally, Thresholds())
    report = build_report(
        spider_name="friendship",
        run_id="20261123T080000Z",
        base_url="https://thoidai.com.vn",
        checks=checks,
        stats=HEALTHY_STATS,
        tally=tally,
        feeds=[
            ExportedFeed("output/friendship-20261123T080000Z.jsonl", "jsonlines", 80),
            ExportedFeed("ftp://bot:FtpS3cretPW@ftp.example/x.jsonl", "jsonlines", 80, status="failed"),
        ],
    )
    path = tmp_path / "runs" / "friendship-20261123T080000Z.json"
    write_report(path, report)
    assert [p.name for p in path.parent.iterdir()] == ["friendship-20261123T080000Z.json"]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["healthy"] is False
    assert saved["failed_checks"] == ["item_schema", "field_coverage"]
    assert saved["stats"]["start_time"] == "2026-11-23T08:00:00+00:00"
    assert saved["exported"] == {
        "items": 80,
        "feeds": [
            {
                "uri": "output/friendship-20261123T080000Z.jsonl",
                "format": "jsonlines",
                "items": 80,
                "status": "stored",
            }
        ],
        "not_stored": [
            {
                "uri": "ftp://bot:***@ftp.example/x.jsonl",
                "format": "jsonlines",
                "items": 80,
                "status": "failed",
            }
        ],
    }
    assert saved["items"]["invalid_examples"][0]["errors"][0].startswith("title: ")


@pytest.mark.parametrize(
    ("counts", "status"),
    [
        ({"success_count": 1}, "stored"),
        ({"failed_count": 2}, "failed"),
        ({"success_count": 1, "failed_count": 1}, "unknown"),
        ({}, "not_stored"),
    ],
)
def test_feed_status_comes_from_the_store_counts_of_its_storage_class(
    counts: dict[str, int], status: str
) -> None:
    stats = {f"feedexport/{name}/FTPFeedStorage": n for name, n in counts.items()}
    stats["feedexport/failed_count/FileFeedStorage"] = 1
    assert feed_status(stats, "FTPFeedStorage") == status


def test_report_write_failure_leaves_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "friendship-x.json"
    with pytest.raises(TypeError):
        write_report(path, {"unserialisable": object()})
    assert list(tmp_path.iterdir()) == []


def test_the_monitor_can_be_switched_off() -> None:
    crawler = get_crawler(settings_dict={"FRIENDSHIP_MONITOR_ENABLED": False})
    with pytest.raises(NotConfigured):
        RunMonitor.from_crawler(crawler)
    crawler = get_crawler(settings_dict={"FRIENDSHIP_MONITOR_REPORTS_DIR": "reports"})
    assert Run.at(crawler.settings, "friendship", "20261123T080000Z").report_file == (
        project_root() / "reports" / "friendship-20261123T080000Z.json"
    )


@pytest.mark.parametrize(
    ("changes", "cause"),
    [
        (
            {"friendship/listing/pages": 0, "robotstxt/forbidden": 1},
            "robots.txt disallows the section's pages",
        ),
        (
            {"friendship/listing/pages": 0, "robotstxt/forbidden": 3, "friendship/robots/unreachable": 1},
            "robots.txt could not be fetched, so no page was asked for (RFC 9309: the site is unreachable)",
        ),
        (
            {"friendship/listing/pages": 0, "friendship/sections/not_found": 1},
            "no section asked for is in the section's menu",
        ),
        ({"friendship/listing/fallback": 6}, "the site's listing markup no longer matches the selectors"),
        (
            {"friendship/listing/entries": 120, "friendship/listing/refused": 118},
            "the listings link article addresses the URL rules no longer read",
        ),
    ],
)
def test_a_listing_check_that_fails_names_what_changed(changes: dict[str, Any], cause: str) -> None:
    (result,) = [
        r
        for r in run_checks({**HEALTHY_STATS, **changes}, _tally(_record()), Thresholds())
        if r.name == "listing_markup"
    ]
    assert not result.passed and result.detail.endswith(cause)


def test_a_few_refused_links_and_a_fallback_the_settings_allow_pass_the_listing_check() -> None:
    stats = {**HEALTHY_STATS, "friendship/listing/entries": 120, "friendship/listing/refused": 3}
    assert _verdicts(stats)["listing_markup"]
    assert _verdicts({**stats, "friendship/listing/fallback": 1}, max_fallback_rate=0.5)["listing_markup"]


@pytest.mark.parametrize(
    ("changes", "passed"),
    [
        ({"friendship/drop/no_text": 7, "item_scraped_count": 0}, False),
        ({"robotstxt/forbidden": 7, "item_scraped_count": 0}, False),
        ({"friendship/drop/no_text": 2, "item_scraped_count": 0}, True),
        ({"friendship/drop/no_text": 5}, True),
        ({"friendship/incremental/given_up": 1}, True),
        ({"friendship/drop/no_text": 3, "item_scraped_count": 12}, False),
        (
            {
                "friendship/drop/soft_404": 3,
                "friendship/incremental/retried_unread": 3,
                "item_scraped_count": 4,
            },
            True,
        ),
        (
            {"friendship/drop/no_text": 6, "friendship/incremental/retried": 5, "item_scraped_count": 19},
            False,
        ),
    ],
    ids=[
        "script-rendered",
        "robots-forbids",
        "a-page-or-two",
        "a-few-among-many",
        "given-up",
        "three-and-a-fifth",
        "earlier-runs-pages-unread-again",
        "earlier-runs-pages-read-now",
    ],
)
def test_article_pages_that_give_no_record_fail_the_run_from_a_few_and_a_share(
    changes: dict[str, Any], passed: bool
) -> None:
    """A body rendered by a script or pages robots.txt now forbids: the run says the pages changed, before
    they are given up; a deleted article or two, or a few among many pages, is the site's own."""
    (result,) = [
        r
        for r in run_checks({**HEALTHY_STATS, **changes}, _tally(_record()), Thresholds())
        if r.name == "unreadable_pages"
    ]
    assert result.passed is passed
    if not passed:
        assert result.detail.endswith(
            "the site's article pages changed or are blocked; the next runs request them again"
        )
    if "friendship/incremental/given_up" in changes:
        assert "1 pages no run could read are no longer requested" in result.detail


@pytest.mark.parametrize(
    ("layers", "drifted"),
    [
        ({"title/selectors": 200, "published_at/selectors": 160, "published_at/generic": 40}, None),
        ({"title/generic": 200, "published_at/json-ld": 200}, "title"),
        (
            {"published_at/htmldate": 120, "published_at/generic": 40, "published_at/selectors": 40},
            "published_at",
        ),
        ({"author/generic": 6, "author/selectors": 2}, None),
        ({"published_at/generic": 32, "published_at/selectors": 26}, None),
    ],
    ids=[
        "the-sites-own",
        "titles-guessed",
        "dates-guessed",
        "too-few-to-tell",
        "the-current-templates-date-line",
    ],
)
def test_a_field_guessed_on_most_pages_is_markup_drift(layers: dict[str, int], drifted: str | None) -> None:
    """Every article still has its title and date (`field_coverage` passes), but from the generic layers:
    the site's own markup for the field changed."""
    stats = {**HEALTHY_STATS, **{f"friendship/extract/{key}": n for key, n in layers.items()}}
    (result,) = [r for r in run_checks(stats, _tally(_record()), Thresholds()) if r.name == "field_layers"]
    assert result.passed is (drifted is None)
    if drifted:
        assert result.detail.endswith(f"the site's markup for {drifted} no longer matches")


def test_the_drift_checks_limits_are_settings() -> None:
    """A site whose pages a run may guess or miss more often than the defaults allow is told so by them."""
    stats = {
        **HEALTHY_STATS,
        "friendship/extract/title/generic": 70,
        "friendship/extract/title/selectors": 30,
    }
    stats |= {"friendship/drop/no_text": 5, "item_scraped_count": 15}
    assert not _verdicts(stats)["field_layers"] and not _verdicts(stats)["unreadable_pages"]
    relaxed = _verdicts(stats, max_guessed_share=0.8, max_unreadable_share=0.3)
    assert relaxed["field_layers"] and relaxed["unreadable_pages"]


def test_retries_without_any_response_say_so_instead_of_a_share() -> None:
    stats = {**HEALTHY_STATS, "retry/count": 4, "downloader/response_count": 0}
    (result,) = [r for r in run_checks(stats, _tally(_record()), Thresholds()) if r.name == "retries"]
    assert result.detail.startswith("4 retries (no response came back, max ")


def test_a_listing_that_stopped_paging_early_is_named_and_walked_again() -> None:
    stats = {
        **HEALTHY_STATS,
        "friendship/listing/stopped/back_to_first_page": 2,
        "friendship/listing/next_guessed": 1,
    }
    [result] = [r for r in run_checks(stats, _tally(_record()), Thresholds()) if r.name == "listing_paging"]
    assert not result.passed
    assert "2 back to first page" in result.detail and "the next run walks them again" in result.detail
    ended = {
        **HEALTHY_STATS,
        "friendship/listing/stopped/no_new_entries": 3,
        "friendship/listing/stopped/end": 5,
    }
    assert _verdicts(ended)["listing_paging"]
