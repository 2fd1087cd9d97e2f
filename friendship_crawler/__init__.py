"""Crawler and dataset builder for the friendship section (Hữu nghị) of thoidai.com.vn.

from friendship_crawler import read_article, NotAnArticle
article = read_article(html, url)   # a clean `Article`, or NotAnArticle(reason)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from friendship_crawler.extract import NotAnArticle
    from friendship_crawler.reader import read_article

__all__ = ["NotAnArticle", "read_article"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Load the reader on first use: `import friendship_crawler.settings` stays free of parsing libraries."""
    if name == "read_article":
        from friendship_crawler.reader import read_article

        return read_article
    if name == "NotAnArticle":
        from friendship_crawler.extract import NotAnArticle

        return NotAnArticle
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
