"""A hostile web, end to end: each fault mode of the replica, crawled through the real Scrapy engine.

Every test crawls a small replica with politeness off and checks what the issue asks of each fault: the
run finishes, every recoverable article is exported once, every page lost for good is counted by reason.
The replica decides per page (seeded), so each run faults the same pages; transient faults last a few
attempts per page only, so a retrying crawl must lose nothing.
"""

from __future__ import annotations

import gzip
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from crawling import CrawlRun, run_crawl

from bench.faults import (
    MatrixReport,
    failed_by_reason,
    fault_config,
    fault_settings,
    run_matrix,
)
from friendship_crawler.middlewares.failures import gzip_whole
from friendship_crawler.monitor.command import UNHEALTHY_EXIT_CODE
from friendship_crawler.replica import SECTIONS, ReplicaServer
from friendship_crawler.replica.faults import (
    FAULT_MODES,
    SCRIPT_MARKER,
    FaultRequest,
    fault_key,
    selects,
)
from friendship_crawler.replica.listing_pages import PAGE_SIZES


@dataclass
class FaultCrawl:
    """One crawl of a faulty replica: the server (still answering questions), the run, Scrapy's stats."""

    server: ReplicaServer
    run: CrawlRun
    stats: dict[str, Any]


def crawl_with_faults(
    workdir: Path, faults: Mapping[str, float], articles: int = 40, seed: int = 0
) -> FaultCrawl:
    server = ReplicaServer(fault_config(faults, articles=articles, seed=seed)).start()
    try:
        run = run_crawl(workdir, server.base_url, settings=fault_settings())
    finally:
        server.stop()
    assert run.returncode in (0, UNHEALTHY_EXIT_CODE), run.log[-3000:]
    assert run.stats["finish_reason"] == "finished"
    return FaultCrawl(server, run, run.stats)


TRANSIENT = {
    "http_429": 0.2,
    "http_503": 0.2,
    "connection_reset": 0.2,
    "truncated": 0.2,
    "gzip_cut": 0.2,
    "empty_200": 0.2,
    "slow": 0.1,
}
RECOVERABLE_PAGES = (
    "wrong_charset", "missing_charset", "bom", "nfd",
    "unclosed_tags", "nested_tables", "no_container", "script_title", "hostile_paths",
)  # fmt: skip
UNRECOVERABLE = (
    "oversized",
    "gzip_bomb",
    "redirect_loop",
    "redirect_offsite",
    "redirect_private",
    "redirect_scheme",
)


@pytest.fixture(scope="module")
def transient(tmp_path_factory: pytest.TempPathFactory) -> FaultCrawl:
    return crawl_with_faults(tmp_path_factory.mktemp("transient"), TRANSIENT)


@pytest.fixture(scope="module")
def recoverable(tmp_path_factory: pytest.TempPathFactory) -> FaultCrawl:
    return crawl_with_faults(
        tmp_path_factory.mktemp("recoverable"), dict.fromkeys(RECOVERABLE_PAGES, 0.1), seed=3
    )


@pytest.fixture(scope="module")
def unrecoverable(tmp_path_factory: pytest.TempPathFactory) -> FaultCrawl:
    return crawl_with_faults(
        tmp_path_factory.mktemp("unrecoverable"), dict.fromkeys(UNRECOVERABLE, 0.06), seed=0
    )


def exported_ids(run: CrawlRun, server: ReplicaServer) -> Counter[int]:
    """Stories exported, each copy of a story counted as its original (whichever copy came first is kept)."""
    return Counter(server.corpus.story_of(int(item["article_id"])) for item in run.items)


def assert_nothing_lost(server: ReplicaServer, run: CrawlRun) -> None:
    """Every expected article exported, none twice, none the replica does not serve."""
    ids = exported_ids(run, server)
    assert [i for i, n in ids.items() if n > 1] == []
    assert sorted(server.expected_ids() - set(ids)) == []
    assert sorted(set(ids) - set(server.corpus.stories)) == []
    assert not set(ids) & server.lost_ids()


def records_of(run: CrawlRun, ids: set[int]) -> dict[int, dict[str, Any]]:
    return {int(item["article_id"]): item for item in run.items if int(item["article_id"]) in ids}


# --- the replica's fault machinery ----------------------------------------------------------------
def test_selection_is_deterministic_and_proportional() -> None:
    keys = [f"article:{n}" for n in range(4000)]
    first = [k for k in keys if selects("http_503", k, 0.25, seed=3)]
    assert first == [k for k in keys if selects("http_503", k, 0.25, seed=3)]
    assert first != [k for k in keys if selects("http_503", k, 0.25, seed=4)]
    assert 0.22 < len(first) / len(keys) < 0.28
    assert not any(selects("http_503", k, 0.0, seed=3) for k in keys)
    assert fault_key("/a-b-123.html&mobile=yes&amp=1", "amp") == "article:123"
    assert fault_key("/huu-nghi/chan-dung-be-ban&s_cond=&BRSR=15", "listing", per_listing=True) == (
        "listing:/huu-nghi/chan-dung-be-ban"
    )


def test_transient_fault_stops_after_its_attempts(replica_factory) -> None:
    server = replica_factory(articles=40, faults={"http_503": 1.0})
    statuses = [server.handle("/huu-nghi", "127.0.0.1").status for _ in range(4)]
    assert statuses == [503, 503, 200, 200]
    assert server.faults_injected["http_503"] == 2


def test_unrecoverable_modes_spare_duplicate_pairs(replica_factory) -> None:
    server = replica_factory(articles=40, faults={"oversized": 1.0})
    paired = set(server.corpus.duplicates) | set(server.corpus.duplicates.values())
    assert server.lost_ids() == set(server.corpus.stories) - paired
    assert server.expected_ids() == {a.article_id for a in server.corpus.truth()} - server.lost_ids()


def test_every_mode_answers_without_error(replica) -> None:
    assert replica.site is not None
    story = next(iter(replica.corpus.stories.values()))
    for name, mode in FAULT_MODES.items():
        kind = "listing" if "listing" in mode.kinds and "article" not in mode.kinds else "article"
        path = "/huu-nghi/bon-phuong-ket-ban" if kind == "listing" else story.path
        answer = mode.answer(
            FaultRequest(path, kind, "127.0.0.1", original=partial(replica.site.respond, path))
        )
        assert 200 <= answer.status < 600, name


# --- transient faults: a retrying crawl loses nothing ---------------------------------------------
def test_transient_faults_lose_nothing(transient: FaultCrawl) -> None:
    assert_nothing_lost(transient.server, transient.run)
    assert failed_by_reason(transient.stats) == Counter()
    assert "Traceback" not in transient.run.log


def test_rate_limits_and_503_bursts_are_retried(transient: FaultCrawl) -> None:
    """Every 429 and 503 the server sent is retried as such, but for one the crawl gave up on before it
    arrived (the timeout is short and a loaded machine slow): that one is retried as a timeout, beside the
    timeouts of the pages made slow on purpose."""
    injected, stats = transient.server.faults_injected, transient.stats
    timeouts = stats.get("downloader/exception_type_count/scrapy.exceptions.DownloadTimeoutError", 0)
    retried = {
        "http_429": stats.get("retry/reason_count/429 Unknown Status", 0),
        "http_503": stats.get("retry/reason_count/503 Service Unavailable", 0),
    }
    assert injected["http_429"] > 0 and injected["http_503"] > 0
    for mode, count in retried.items():
        assert 0 < count <= injected[mode], mode
    assert sum(injected[mode] - count for mode, count in retried.items()) <= timeouts - injected["slow"]


def test_resets_and_cut_bodies_are_retried(transient: FaultCrawl) -> None:
    injected, stats = transient.server.faults_injected, transient.stats
    assert injected["connection_reset"] > 0 and injected["truncated"] > 0
    assert stats["downloader/exception_type_count/scrapy.exceptions.ResponseDataLossError"] > 0
    assert stats["downloader/exception_type_count/scrapy.exceptions.DownloadFailedError"] > 0


def test_gzip_streams_cut_short_are_retried_not_read_cut(transient: FaultCrawl) -> None:
    """Scrapy would inflate what a cut gzip stream holds and pass it on as the page: the article would be
    exported cut."""
    injected = transient.server.faults_injected["gzip_cut"]
    assert transient.stats["retry/reason_count/gzip_cut_short"] == injected > 0
    corpus = transient.server.corpus
    texts = {corpus.story_of(int(item["article_id"])): item["text"] for item in transient.run.items}
    assert [aid for aid, text in texts.items() if text != corpus.expected(aid).text] == []


def test_pages_cut_short_with_a_matching_length_are_retried_not_read_cut(tmp_path: Path) -> None:
    """A page cut a few paragraphs into its body, its Content-Length that of what was sent: only the markup
    that never closes says it is short."""
    crawl = crawl_with_faults(tmp_path, {"cut_html": 0.3}, articles=60)
    injected = crawl.server.faults_injected["cut_html"]  # a redirect's answer among them, cut to no harm
    assert 0 < crawl.stats["retry/reason_count/page_cut_short"] <= injected
    assert_nothing_lost(crawl.server, crawl.run)
    corpus = crawl.server.corpus  # each record against its own page: which copy of a pair comes first varies
    records = {int(item["article_id"]): item for item in crawl.run.items}
    assert [aid for aid, item in records.items() if item["text"] != corpus.expected(aid).text] == []


def test_empty_200_pages_are_retried(transient: FaultCrawl) -> None:
    assert (
        transient.stats["retry/reason_count/empty_body"] == transient.server.faults_injected["empty_200"] > 0
    )


def test_responses_slower_than_the_timeout_are_retried(transient: FaultCrawl) -> None:
    assert transient.server.faults_injected["slow"] > 0
    assert transient.stats["downloader/exception_type_count/scrapy.exceptions.DownloadTimeoutError"] > 0


# --- permanent but recoverable: charset, Unicode and markup faults --------------------------------
def test_recoverable_page_faults_lose_nothing(recoverable: FaultCrawl) -> None:
    assert_nothing_lost(recoverable.server, recoverable.run)
    assert failed_by_reason(recoverable.stats) == Counter()


@pytest.mark.parametrize("mode", ["wrong_charset", "missing_charset", "bom", "nfd"])
def test_charset_and_unicode_faults_keep_the_text(recoverable: FaultCrawl, mode: str) -> None:
    server, run = recoverable.server, recoverable.run
    faulted = server.faulted_ids(mode) & server.expected_ids()
    assert faulted
    for article_id, record in records_of(run, faulted).items():
        expected = server.corpus.expected(article_id)
        assert (record["title"], record["sapo"]) == (expected.title, expected.sapo), article_id
        assert record["text"] == expected.text, article_id
        assert unicodedata.is_normalized("NFC", record["text"]), article_id


@pytest.mark.parametrize(
    "mode", ["unclosed_tags", "nested_tables", "no_container", "script_title", "hostile_paths"]
)
def test_malformed_pages_are_exported_without_markup(recoverable: FaultCrawl, mode: str) -> None:
    server, run = recoverable.server, recoverable.run
    faulted = server.faulted_ids(mode) & server.expected_ids()
    assert faulted
    for article_id, record in records_of(run, faulted).items():
        expected = server.corpus.expected(article_id)
        assert record["title"] == expected.title, article_id
        assert "<" not in record["title"] and SCRIPT_MARKER not in str(record), article_id
        assert expected.sapo in record["text"], article_id
    if mode == "no_container":
        assert recoverable.stats["friendship/extract/fallback"] >= len(records_of(run, faulted))


# --- pages lost for good: counted by reason, never a crash ----------------------------------------
def test_unrecoverable_faults_lose_only_their_pages(unrecoverable: FaultCrawl) -> None:
    server, run = unrecoverable.server, unrecoverable.run
    assert_nothing_lost(server, run)
    assert all(server.faulted_ids(mode) for mode in UNRECOVERABLE)
    assert sum(failed_by_reason(unrecoverable.stats).values()) == len(server.lost_ids())


@pytest.mark.parametrize(
    ("modes", "reason"),
    [
        (("oversized",), "oversized"),
        (("gzip_bomb",), "decompression_bomb"),
        (("redirect_loop",), "redirect_loop"),
        (("redirect_offsite", "redirect_private"), "offsite"),
        (("redirect_scheme",), "bad_redirect"),
    ],
)
def test_lost_pages_are_counted_by_reason(
    unrecoverable: FaultCrawl, modes: tuple[str, ...], reason: str
) -> None:
    lost = set().union(*(unrecoverable.server.faulted_ids(mode) for mode in modes))
    assert lost
    assert failed_by_reason(unrecoverable.stats)[reason] == len(lost)


def test_redirects_off_the_site_are_refused(unrecoverable: FaultCrawl) -> None:
    server, stats = unrecoverable.server, unrecoverable.stats
    offsite = server.faulted_ids("redirect_offsite") | server.faulted_ids("redirect_private")
    assert stats["friendship/offsite/refused"] == len(offsite)
    assert {request.host for request in server.stats.requests} <= {"127.0.0.1", "127.0.0.2", "localhost"}
    assert "Missing scheme" not in unrecoverable.run.log


# --- pagination traps -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("trap", "stop"), [("listing_endless", "no_new_entries"), ("listing_first_page", "back_to_first_page")]
)
def test_pagination_traps_end_and_lose_nothing(tmp_path: Path, trap: str, stop: str) -> None:
    """Repeats past a listing's end end it; a next page that answers a full first page again is the site's
    paging broken, which the run's check reports (articles filed in another listing are read there; an
    endless listing of one full page looks the same)."""
    crawl = crawl_with_faults(tmp_path, {trap: 1.0}, articles=100)
    server, run, stats = crawl.server, crawl.run, crawl.stats
    assert server.faults_injected[trap] > 0
    assert_nothing_lost(server, run)
    real_pages = sum(-(-len(server.corpus.listed(s)) // PAGE_SIZES[s.markup]) for s in SECTIONS)
    assert stats["friendship/listing/pages"] <= real_pages + len(SECTIONS)
    assert stats.get(f"friendship/listing/stopped/{stop}", 0) >= 1
    broken = stats.get("friendship/listing/stopped/back_to_first_page", 0)
    assert ("Run check failed: listing_paging" in run.log) == (broken > 0)


# --- the whole matrix at once ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def matrix(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MatrixReport]:
    yield run_matrix(tmp_path_factory.mktemp("matrix"), articles=120, fraction=0.1, seed=7)


def test_matrix_loses_nothing_recoverable(matrix: MatrixReport) -> None:
    assert matrix.stats["finish_reason"] == "finished"
    assert matrix.run.returncode == UNHEALTHY_EXIT_CODE  # pages were lost for good: the run says so
    assert sum(matrix.injected.values()) > 0 and matrix.lost_expected > 0
    assert sorted(matrix.missing) == []
    assert sum(matrix.failed.values()) == matrix.lost_expected, matrix.table()


def test_matrix_exports_each_article_once(matrix: MatrixReport) -> None:
    """Needs the dedup pipeline: near copies and renumbered ids fold into ground truth's one record."""
    assert sorted(matrix.unexpected) == [], matrix.table()
    assert matrix.duplicates == 0, matrix.table()


def test_matrix_run_report_names_what_went_wrong(matrix: MatrixReport) -> None:
    report = matrix.run.report
    assert report["healthy"] is False and report["failed_checks"]
    assert failed_by_reason(report["stats"])["oversized"] == matrix.planted["oversized"]


def test_a_whole_gzip_stream_is_whole_whatever_follows_it() -> None:
    page = "<p>Hữu nghị Việt - Lào</p>".encode() * 500
    packed = gzip.compress(page)
    assert gzip_whole(packed, page) and gzip_whole(packed + b"\r\n", page)
    assert gzip_whole(packed + gzip.compress(b"!"), page + b"!"), "two members, each ended"
    assert not gzip_whole(packed[: len(packed) * 3 // 5], page[:100])
