"""`CleanPipeline` through a real crawler: stats, drops, untouched clean items, and a whole crawl of the replica."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

from friendship_crawler.clean.lines import is_media_item, is_related_line
from friendship_crawler.items import Article, Image, content_hash
from friendship_crawler.pipelines.clean import CleanPipeline
from friendship_crawler.replica import ReplicaServer
from friendship_crawler.replica.vocab import sentences
from tests.crawling import run_crawl

TITLE = "Giao lưu hữu nghị Việt Nam - Lào tại Bắc Giang"
SAPO = "Ngày 6/7, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang đã tổ chức giao lưu hữu nghị."
BODY = "Phát biểu tại buổi giao lưu, ông Trần Công Thắng cho biết quan hệ hữu nghị không ngừng được củng cố."
CLEAN_TEXT = f"{TITLE}\n{SAPO}\n{BODY}"
BOILERPLATE_SENTENCES = frozenset(s for s in sentences() if is_related_line(s) or is_media_item(s))


def make_pipeline(**settings: object) -> tuple[CleanPipeline, dict[str, object]]:
    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()  # type: ignore[union-attr]
    pipeline = CleanPipeline.from_crawler(crawler)
    return pipeline, crawler.stats._stats  # type: ignore[union-attr]


def article(text: str, **fields: object) -> Article:
    values: dict[str, object] = {
        "url": "https://thoidai.com.vn/giao-luu-1.html",
        "article_id": 1,
        "title": TITLE,
        "sapo": SAPO,
    }
    values.update(fields)
    return Article(text=text, **values)  # type: ignore[arg-type]


def test_clean_item_passes_unchanged_and_counts_nothing() -> None:
    pipeline, stats = make_pipeline()
    item = article(
        CLEAN_TEXT, author="Thu Hà", images=[Image("https://x/a.jpg", "Quang cảnh buổi giao lưu.")]
    )
    assert pipeline.process_item(item) is item
    assert not any(key.startswith("friendship/clean/") for key in stats)


def test_leaked_boilerplate_is_removed_counted_and_hashed_again() -> None:
    pipeline, stats = make_pipeline()
    leaked = "\n".join(
        [
            TITLE,
            SAPO,
            "Giao lưu hữu nghị Việt Nam - Nhật Bản tại Cà Mau Giao lưu hữu nghị Việt Nam - Nhật Bản tại Cà Mau",
            BODY + " |",
            "Thu Hà",
            "Tin bài liên quan",
            "Một bài khác",
        ]
    )
    item = article(leaked, author="Thu Hà")
    cleaned = pipeline.process_item(item)
    assert cleaned.text == CLEAN_TEXT
    assert cleaned.content_hash == content_hash(CLEAN_TEXT) != item.content_hash
    assert stats["friendship/clean/lines_removed/related"] == 1
    assert stats["friendship/clean/lines_removed/byline"] == 1
    assert stats["friendship/clean/lines_removed/trailer"] == 2
    assert stats["friendship/clean/chars_removed/trailer"] == len("Tin bài liên quan") + len("Một bài khác")
    assert stats["friendship/clean/chars_removed/markdown"] == 1
    assert "friendship/clean/lines_removed/markdown" not in stats, "a stripped bar is not a removed line"
    assert stats["friendship/clean/items_changed"] == 1


def test_byline_and_source_found_in_text_fill_empty_fields() -> None:
    pipeline, _ = make_pipeline()
    cleaned = pipeline.process_item(article(f"{CLEAN_TEXT}\nThu Hà\nNguồn: TTXVN"))
    assert (cleaned.text, cleaned.author, cleaned.source) == (CLEAN_TEXT, "Thu Hà", "TTXVN")


def test_sapo_and_captions_lose_their_remnants() -> None:
    pipeline, stats = make_pipeline()
    item = article(
        CLEAN_TEXT, sapo=f"| {SAPO} |", images=[Image("https://x/a.jpg", "Quang cảnh buổi giao lưu. |")]
    )
    cleaned = pipeline.process_item(item)
    assert cleaned.sapo == SAPO
    assert cleaned.images == [Image("https://x/a.jpg", "Quang cảnh buổi giao lưu.")]
    assert stats["friendship/clean/chars_removed/markdown"] == 3


@pytest.mark.parametrize("text", ["", TITLE, f"{TITLE}\nTin bài liên quan\nMột bài khác"])
def test_an_item_left_without_text_is_dropped_with_its_reason(text: str) -> None:
    pipeline, stats = make_pipeline()
    with pytest.raises(DropItem, match="no article text left after cleaning"):
        pipeline.process_item(article(text, sapo=""))
    assert stats["friendship/clean/dropped/no_text"] == 1


def test_other_items_pass_through() -> None:
    pipeline, _ = make_pipeline()
    other = {"url": "https://thoidai.com.vn/x-1.html"}
    assert pipeline.process_item(other) is other  # type: ignore[arg-type]


def test_the_pipeline_can_be_switched_off() -> None:
    with pytest.raises(NotConfigured):
        make_pipeline(FRIENDSHIP_CLEAN_ENABLED=False)


def test_decomposed_text_gives_the_composed_record() -> None:
    pipeline, _ = make_pipeline()
    composed = pipeline.process_item(article(CLEAN_TEXT))
    decomposed = pipeline.process_item(
        article(unicodedata.normalize("NFD", CLEAN_TEXT), title=unicodedata.normalize("NFD", TITLE))
    )
    assert decomposed.text == composed.text and decomposed.content_hash == composed.content_hash


def test_a_crawl_with_the_pipeline_exports_the_replica_truth(replica_factory: object, tmp_path: Path) -> None:
    """Replica pages through the real engine, the extractor and this stage give the ground-truth text.

    The only lines allowed to differ are replica sentences that are themselves site boilerplate (a
    related title written twice, a "[Video]" rail item), and a subheading the replica happened to draw
    equal to the title (on the site, a body line equal to the title is an image alt): this stage
    removes them, as it must.
    """
    server: ReplicaServer = replica_factory(seed=2026, articles=60)  # type: ignore[operator]
    pipelines = json.dumps({"friendship_crawler.pipelines.clean.CleanPipeline": 300})
    run = run_crawl(tmp_path, server.base_url, settings={"ITEM_PIPELINES": pipelines}, timeout=120)
    assert run.returncode == 0, run.log[-3000:]
    exported = {item["article_id"] for item in run.items}
    assert {a.article_id for a in server.corpus.truth()} <= exported
    exact = 0
    for item in run.items:
        expected = server.corpus.expected(item["article_id"])
        if item["text"] == expected.text:
            assert item["content_hash"] == expected.content_hash
            exact += 1
            continue
        allowed = BOILERPLATE_SENTENCES | {expected.title}
        missing = missing_once(expected.text, item["text"])
        assert missing and missing <= allowed, (item["url"], missing)
        assert not missing_once(item["text"], expected.text), "cleaning never adds a line"
        assert item["content_hash"] == content_hash(item["text"])
    assert exact >= 0.8 * len(run.items)
    assert "'friendship/clean/dropped" not in run.log


def missing_once(expected: str, got: str) -> set[str]:
    """Lines of `expected` that `got` holds fewer times (a removed line, even when it repeats)."""
    have = Counter(got.split("\n"))
    want = Counter(expected.split("\n"))
    return {line for line, count in want.items() if have[line] < count}
