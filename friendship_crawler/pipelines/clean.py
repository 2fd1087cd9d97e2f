"""`CleanPipeline`: the second line of defence, so the exported `text` holds the article and nothing else.

The extractor should already give clean text; this stage removes whatever slipped through (trailer
boxes of a generic fallback, related lines, alt lines, markdown remnants, bylines), leaves correct
text untouched, recomputes `content_hash`, and counts what it removed per rule in
`friendship/clean/lines_removed/<rule>` and `friendship/clean/chars_removed/<rule>`.
"""

from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.statscollectors import StatsCollector

from friendship_crawler.clean import Removal, clean_article_fields
from friendship_crawler.items import Article

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
        cleaned = clean_article_fields(item)
        self._count(cleaned.removals, item.url)
        if not cleaned.has_body:
            self.stats.inc_value(f"{STATS_PREFIX}/dropped/no_text")
            raise DropItem(f"no article text left after cleaning: {item.url}")
        if cleaned.article is not item:
            self.stats.inc_value(f"{STATS_PREFIX}/items_changed")
        return cleaned.article

    def _count(self, removals: list[Removal], url: str) -> None:
        for removal in removals:
            if removal.whole_line:
                self.stats.inc_value(f"{STATS_PREFIX}/lines_removed/{removal.rule}")
            self.stats.inc_value(f"{STATS_PREFIX}/chars_removed/{removal.rule}", len(removal.text))
        if removals:
            logger.debug("Cleaning removed %d lines or parts from %s", len(removals), url)
