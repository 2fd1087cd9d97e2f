"""End to end: `scrapy crawl friendship` through the real engine against the replica, compared with its truth."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from friendship_crawler.replica import ReplicaServer
from tests.crawling import CrawlRun, aliases, run_crawl, stories

TRAILER_MARKERS = (
    "Tin bài liên quan",
    "Các tin bài khác",
    "Đọc nhiều",
    "Bờ cõi biển đảo",
    "Multimedia",
    "Xin chờ trong giây lát",
    "Phiên bản di động",
    "Theo dõi thoidai.com.vn",
    "Nguồn:",
)
COMPARED = (
    "url", "article_id", "title", "sapo", "text", "author", "source", "published_at", "modified_at",
    "section", "tags", "images", "related_urls", "countries", "provinces", "organizations", "language",
    "content_hash", "version",
)  # fmt: skip


@pytest.fixture(scope="module")
def crawl(replica: ReplicaServer, tmp_path_factory: pytest.TempPathFactory) -> CrawlRun:
    return run_crawl(tmp_path_factory.mktemp("crawl"), replica.base_url)


@pytest.fixture(scope="module")
def truth(replica: ReplicaServer) -> dict[int, dict[str, Any]]:
    """The expected record of every article page served, duplicate pages included."""
    corpus = replica.corpus
    return {i: asdict(corpus.expected(i)) for i in (*corpus.stories, *corpus.duplicates)}


def test_crawl_finishes_cleanly(crawl: CrawlRun) -> None:
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert "'finish_reason': 'finished'" in crawl.log
    assert "Traceback" not in crawl.log
    assert len(crawl.feeds) == 1 and crawl.feeds[0].name.startswith("friendship-")


def test_every_article_exported_exactly_once(crawl: CrawlRun, replica: ReplicaServer) -> None:
    ids = [item["article_id"] for item in crawl.items]
    assert len(ids) == len(set(ids)), "an article id was exported twice"
    assert stories(crawl.items, replica.corpus) == {a.article_id: 1 for a in replica.corpus.truth()}


def test_each_dropped_copy_names_the_exported_one(crawl: CrawlRun, replica: ReplicaServer) -> None:
    exported = {item["article_id"]: item["url"] for item in crawl.items}
    dropped = aliases(crawl.workdir)
    assert dropped, "the replica plants copies of stories"
    for dropped_id, kept_id in dropped.items():
        assert dropped_id not in exported and exported.get(kept_id), (dropped_id, kept_id)
        assert replica.corpus.story_of(dropped_id) == replica.corpus.story_of(kept_id)


def test_no_extraction_fallback_and_non_articles_counted(crawl: CrawlRun) -> None:
    assert "friendship/extract/fallback" not in crawl.log
    for reason in ("video", "infographic", "soft_404"):
        assert f"'friendship/drop/{reason}'" in crawl.log


@pytest.mark.parametrize("field", COMPARED)
def test_fields_equal_ground_truth(crawl: CrawlRun, truth: dict[int, dict[str, Any]], field: str) -> None:
    wrong = {
        item["article_id"]: (item[field], truth[item["article_id"]][field])
        for item in crawl.items
        if item[field] != truth[item["article_id"]][field]
    }
    assert not wrong, f"{len(wrong)} articles differ in {field!r}, e.g. {next(iter(wrong.items()))}"


def test_no_boilerplate_in_text(crawl: CrawlRun) -> None:
    for item in crawl.items:
        for line in item["text"].splitlines():
            assert line.strip() not in TRAILER_MARKERS, (item["url"], line)
        assert "![" not in item["text"] and "| |" not in item["text"]


def test_crawled_at_is_utc_iso(crawl: CrawlRun) -> None:
    assert all(item["crawled_at"].endswith("+00:00") for item in crawl.items)


def test_feed_is_utf8_without_escapes(crawl: CrawlRun) -> None:
    raw = Path(crawl.feeds[0]).read_text(encoding="utf-8")
    assert "\\u" not in raw and "Hữu nghị" in raw
