"""Load, end to end: a large replica crawled with politeness off loses nothing, repeats nothing, and the
crawl's memory grows with the number of articles no faster than the dedup state does.

The 10,000-article measurement (`python -m bench.load`) takes minutes; this test runs two smaller sizes
so that CI stays quick, and bounds the growth of peak RSS per extra article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.load import LoadResult, crawl_once, growth_per_article

SIZES = (300, 1200)
MAX_GROWTH_PER_ARTICLE = 16 * 1024
"""Bytes of peak RSS per extra article: the dedup state (fingerprints, MinHash signatures, LSH buckets; about
4-5 KiB) and Scrapy's request fingerprints and queue, with allocator slack. Measured at these sizes: 7-8.5
KiB; about 30 KiB when the feed was read back whole at close. Pages, items and records must not be kept."""


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> list[LoadResult]:
    root = tmp_path_factory.mktemp("load")
    return [crawl_once(Path(root) / str(size), size) for size in SIZES]


@pytest.mark.slow
def test_large_crawl_loses_and_repeats_nothing(crawls: list[LoadResult]) -> None:
    for result in crawls:
        assert result.returncode == 0, result.line()
        assert (result.missing, result.repeated) == (0, 0), result.line()
        assert result.exported == result.expected, result.line()


@pytest.mark.slow
def test_memory_grows_no_faster_than_the_dedup_state(crawls: list[LoadResult]) -> None:
    small, large = crawls
    assert large.peak_rss_bytes > 0 and small.peak_rss_bytes > 0
    assert growth_per_article(small, large) < MAX_GROWTH_PER_ARTICLE, [small.line(), large.line()]
