"""The adapter over Scrapy's feed-exporter internals, checked against the installed Scrapy.

If a Scrapy upgrade renames or moves what `friendship_crawler.feed_slots` reads, these tests fail here,
by name, instead of the dedup stage or the run monitor failing somewhere in a crawl.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy import signals
from scrapy.utils.test import get_crawler

from friendship_crawler.feed_slots import FeedSlotView, feed_exporter, feed_slots, local_path

NO_DOWNLOADS = {scheme: None for scheme in ("http", "https", "ftp", "s3", "file", "data")}


class TwoItems(scrapy.Spider):
    name = "slots"

    async def start(self) -> AsyncIterator[Any]:
        for n in (1, 2):
            yield {"url": f"https://thoidai.com.vn/a-{n}.html", "article_id": n}


def test_the_slots_of_a_real_crawl_are_read_as_views(tmp_path: Path) -> None:
    plain, packed = tmp_path / "out.jsonl", tmp_path / "out.jsonl.gz"
    crawler = get_crawler(TwoItems, {
        "FEEDS": {
            str(plain): {"format": "jsonlines"},
            packed.as_uri(): {"format": "jsonlines", "postprocessing": ["scrapy.extensions.postprocessing.GzipPlugin"]},
            str(tmp_path / "out.csv"): {"format": "csv"},
        },
        "DOWNLOAD_HANDLERS": NO_DOWNLOADS,
    })  # fmt: skip
    seen: list[list[FeedSlotView]] = []

    def spider_closed() -> None:
        seen.append(feed_slots(feed_exporter(crawler)))

    crawler.signals.connect(spider_closed, signal=signals.spider_closed)
    asyncio.run(crawler.crawl_async())
    (views,) = seen
    by_uri = {Path(view.path or "").name: view for view in views}
    assert set(by_uri) == {"out.jsonl", "out.jsonl.gz", "out.csv"}
    assert all(view.items == 2 and view.storage == "FileFeedStorage" for view in views)
    assert by_uri["out.jsonl"].readable_jsonlines and by_uri["out.jsonl"].path == plain
    assert by_uri["out.jsonl.gz"].postprocessed and not by_uri["out.jsonl.gz"].readable_jsonlines
    assert by_uri["out.csv"].format == "csv" and not by_uri["out.csv"].readable_jsonlines


def test_no_feed_exporter_means_no_slots() -> None:
    crawler = get_crawler(TwoItems, {"FEEDS": {}})
    assert feed_exporter(crawler) is None and feed_slots(None) == []


def test_local_paths_of_feed_uris() -> None:
    assert local_path("output/x.jsonl") == Path("output/x.jsonl").absolute()
    assert local_path("file:///tmp/a%20b.jsonl") == Path("/tmp/a b.jsonl")
    assert local_path("ftp://user:pw@host/x.jsonl") is None
    assert local_path("s3://bucket/x.jsonl") is None
