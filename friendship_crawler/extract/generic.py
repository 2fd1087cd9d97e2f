"""The generic main-content layer: trafilatura reads the body when no template selector finds one.

It is the last resort for markup nobody here has seen; the extractor reports every use of it, so a run
on the live site says loudly which selectors stopped matching.
"""

from __future__ import annotations

import logging

import trafilatura
from lxml.html import HtmlElement

from friendship_crawler.extract.body import Block
from friendship_crawler.textnorm import normalize_text

logger = logging.getLogger(__name__)


def generic_blocks(root: HtmlElement, url: str) -> list[Block]:
    """Main-text lines of a page by trafilatura (which works on its own copy of the tree)."""
    text = trafilatura.extract(
        root,
        url=url,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        with_metadata=False,
    )
    if not text:
        logger.debug("Generic extraction found no main text on %s", url)
        return []
    return [Block(line) for line in normalize_text(text).split("\n")]
