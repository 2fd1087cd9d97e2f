"""Article extraction: `html, url -> Article`, with no Scrapy and no I/O, testable from a saved page.

extractor = ArticleExtractor(canonical_root="https://thoidai.com.vn")
result = extractor.extract(html, url)   # raises NotAnArticle(reason, detail)
result.article, result.fallback, result.generation, result.sources

The extractor (its selectors, rules and parsing libraries) loads on first use: a command that only
names `NotAnArticle` does not pay for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from friendship_crawler.extract.errors import NOT_ARTICLE_REASONS, NotAnArticle

if TYPE_CHECKING:
    from friendship_crawler.extract.extractor import ArticleExtractor, Extraction

__all__ = ["NOT_ARTICLE_REASONS", "ArticleExtractor", "Extraction", "NotAnArticle"]


def __getattr__(name: str) -> Any:
    if name in ("ArticleExtractor", "Extraction"):
        from friendship_crawler.extract import extractor

        return getattr(extractor, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
