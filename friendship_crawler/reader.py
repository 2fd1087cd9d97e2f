"""`read_article`: a page in, its clean record out. The one path from page to record.

The spider, `scrapy reprocess`, `scrapy extract`, the benchmark and the tests all read pages here:
extraction (the site's selectors, then structured data, then the generic layer), cleaning, the verdict
on a page that cleaning leaves without a body, the content hash, and the entities the clean text names
(partner countries, provinces, friendship organisations), each once and in that order.
No Scrapy and no I/O, in the manner of a web-poet page object's `to_item()`:

    from friendship_crawler import read_article
    article = read_article(html, url)        # raises NotAnArticle(reason)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from friendship_crawler.clean import Removal, clean_article_fields, clean_page_text
from friendship_crawler.entities import find_entities
from friendship_crawler.extract import ArticleExtractor, Extraction, NotAnArticle
from friendship_crawler.items import Article


@dataclass(frozen=True)
class Reading:
    """A page's record and how it was read: the spider turns these into stats."""

    article: Article
    extraction: Extraction
    """How extraction went: the template generation, the generic fallback, the layer of each field."""
    removals: list[Removal] = field(default_factory=list)
    """What cleaning removed."""


_DEFAULT_EXTRACTOR = ArticleExtractor()


def read_page(
    html: str | bytes,
    url: str,
    *,
    listing: Sequence[str] | None = None,
    extractor: ArticleExtractor | None = None,
) -> Reading:
    """Read one page; `listing` is the section trail of the listing it was found on, for a page without one.

    Raises `NotAnArticle(reason)`: the extractor's reasons, or `no_text` when cleaning leaves no body.
    """
    extraction = (extractor or _DEFAULT_EXTRACTOR).extract(html, url, listing or ())
    cleaned = clean_article_fields(extraction.article)
    if not cleaned.has_body:
        raise NotAnArticle("no_text", f"no article text left after cleaning: {url}")
    article = cleaned.article  # its content hash is its text's: set when built, set again by cleaning
    article = find_entities(article.title, article.sapo, article.text).on(article)
    return Reading(article, extraction, cleaned.removals)


def read_article(html: str | bytes, url: str, *, listing: Sequence[str] | None = None) -> Article:
    """The clean record of an article page; raises `NotAnArticle(reason)` for any other page."""
    return read_page(html, url, listing=listing).article


def read_page_text(page_text: str) -> dict[str, Any]:
    """The record of a saved page's text (not its HTML): cleaning of the text path, then the entities.

    Raises `PageTextError(reason)` for a text that holds no article.
    """
    cleaned = clean_page_text(page_text)
    entities = find_entities(cleaned.title, "", cleaned.text)
    return {**cleaned.record(), **entities.as_dict()}
