"""Boilerplate cleaning: the article's own sentences, nothing the site wrapped around them.

    cleaned = clean_article_lines(article.text.split("\n"), article.title)   # lines of one article
    cleaned = clean_article_fields(article)   # the whole record, as `read_article` uses it
    page = clean_page_text(raw)          # `scrapy cleantext`; raises PageTextError
    page.record() -> {"title", "text", "author", "source", "published_at", "section"}

Markers live in `rules.py` (data; the conventions the HTML path meets too in `site_rules.py`), the rules
in `lines.py` (pure functions), the chain in `article.py`.
"""

from friendship_crawler.clean.article import (
    RULES,
    CleanedArticle,
    CleanedLines,
    clean_article_fields,
    clean_article_lines,
    clean_inline,
)
from friendship_crawler.clean.lines import Removal
from friendship_crawler.clean.page import PAGE_TEXT_ERRORS, CleanedPage, PageTextError, clean_page_text

__all__ = [
    "PAGE_TEXT_ERRORS",
    "RULES",
    "CleanedArticle",
    "CleanedLines",
    "CleanedPage",
    "PageTextError",
    "Removal",
    "clean_article_fields",
    "clean_article_lines",
    "clean_inline",
    "clean_page_text",
]
