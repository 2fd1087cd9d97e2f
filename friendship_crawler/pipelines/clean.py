"""`CleanPipeline`: the second line of defence, so the exported `text` holds the article and nothing else.

The extractor should already give clean text; this stage removes whatever slipped through (trailer
boxes of a generic fallback, related lines, alt lines, markdown remnants, bylines), leaves correct
text untouched, recomputes `content_hash`, and counts what it removed per rule in
`friendship/clean/lines_removed/<rule>` and `friendship/clean/chars_removed/<rule>`.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import StatsCollector

from friendship_crawler.clean import Removal, clean_article_lines, clean_inline
from friendship_crawler.items import Article, Image, content_hash

logger = logging.getLogger(__name__)

STATS_PREFIX = "friendship/clean"


class CleanPipeline:
    """Cleans `text`, `sapo` and image captions of every `Article`; drops an item left without text."""

    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        if not crawler.settings.getbool("FRIENDSHIP_CLEAN_ENABLED", True):
            raise NotConfigured("FRIENDSHIP_CLEAN_ENABLED is off")
        assert crawler.stats is not None
        return cls(crawler.stats)

    def process_item(self, item: Article) -> Article:
        if not isinstance(item, Article):
            return item
        removals: list[Removal] = []
        sapo, removed = clean_inline(item.sapo)
        removals += removed
        images = []
        for image in item.images:
            caption, removed = clean_inline(image.caption)
            removals += removed
            images.append(Image(url=image.url, caption=caption))
        cleaned = clean_article_lines(item.text.split("\n"), item.title, author=item.author)
        removals += cleaned.removals
        self._count(removals, item.url)
        text = "\n".join(cleaned.lines)
        if not cleaned.body:
            self.stats.inc_value(f"{STATS_PREFIX}/dropped/no_text")
            raise DropItem(f"no article text left after cleaning: {item.url}")
        if text == item.text and sapo == item.sapo and images == item.images:
            return item
        self.stats.inc_value(f"{STATS_PREFIX}/items_changed")
        return replace(
            item,
            text=text,
            sapo=sapo,
            images=images,
            author=item.author or cleaned.author,
            source=item.source or cleaned.source,
            content_hash=content_hash(text),
        )

    def _count(self, removals: list[Removal], url: str) -> None:
        for removal in removals:
            if removal.whole_line:
                self.stats.inc_value(f"{STATS_PREFIX}/lines_removed/{removal.rule}")
            self.stats.inc_value(f"{STATS_PREFIX}/chars_removed/{removal.rule}", len(removal.text))
        if removals:
            logger.debug("Cleaning removed %d lines or parts from %s", len(removals), url)
