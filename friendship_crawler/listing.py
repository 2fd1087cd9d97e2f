"""Reading listing pages: article entries and the next page, in both listing markups the site has used.

Current markup: `div._BX_LISTING div.article` with a "view more" link `div.btn-viewmore a`.
2020 markup: `div._MB_CATEGORY_LIST > div.bx-article` with paging `div.__MB_ARTICLE_PAGING` and a "Sau" link.
Pages are addressed as `{section}&s_cond=&BRSR={offset}`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from parsel import Selector

ENTRY_SELECTORS = (
    "div._BX_LISTING div.article",
    "div._MB_CATEGORY_LIST div.bx-article",
)
NEXT_LINK_SELECTORS = (
    "div.btn-viewmore a::attr(href)",
    "div.__MB_ARTICLE_PAGING a[rel=next]::attr(href)",
)
PAGING_LINKS = "div.__MB_ARTICLE_PAGING a"
NEXT_WORDS = frozenset({"sau", "tiếp", "trang sau", "»", "›", "next"})
_DATE = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")
_OFFSET = re.compile(r"[&?]BRSR=(?P<n>\d+)")


@dataclass(frozen=True)
class ListingEntry:
    """One article link of a listing page, with the date the listing shows for it (if any)."""

    url: str
    published: date | None


@dataclass(frozen=True)
class ListingPage:
    """What a listing page offers: its entries in page order and the next page's URL."""

    entries: tuple[ListingEntry, ...]
    next_url: str | None
    markup: str | None
    """"current", "2020" or None when no known listing container matched."""


def listing_url(section_url: str, offset: int) -> str:
    """The listing page at `offset` (MasterCMS appends `&s_cond=&BRSR=N` without a `?`)."""
    base = section_url.split("&", 1)[0]
    return base if offset <= 0 else f"{base}&s_cond=&BRSR={offset}"


def listing_offset(url: str) -> int:
    """The BRSR offset of a listing URL; 0 for the first page."""
    match = _OFFSET.search(url)
    return int(match["n"]) if match else 0


def parse_date(text: str) -> date | None:
    """The first DD/MM/YYYY date in a text, or None."""
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def parse_listing(html: str, page_url: str) -> ListingPage:
    """Entries and next link of a listing page; URLs made absolute against `page_url`."""
    sel = Selector(text=html, base_url=page_url)
    for markup, css in zip(("current", "2020"), ENTRY_SELECTORS, strict=True):
        nodes = sel.css(css)
        if nodes:
            return ListingPage(_entries(nodes, page_url), _next_url(sel, page_url), markup)
    return ListingPage((), _next_url(sel, page_url), None)


def _entries(nodes: list[Selector], page_url: str) -> tuple[ListingEntry, ...]:
    entries: list[ListingEntry] = []
    for node in nodes:
        href = node.css("h3 a::attr(href), h2 a::attr(href)").get() or node.css("a::attr(href)").get()
        if not href:
            continue
        text = " ".join(node.css("*::text").getall())
        entries.append(ListingEntry(_absolute(page_url, href), parse_date(text)))
    return tuple(entries)


def _next_url(sel: Selector, page_url: str) -> str | None:
    for css in NEXT_LINK_SELECTORS:
        href = sel.css(css).get()
        if href:
            return _absolute(page_url, href)
    for link in sel.css(PAGING_LINKS):
        label = " ".join(link.css("::text").getall()).strip().lower()
        href = link.attrib.get("href")
        if href and label in NEXT_WORDS:
            return _absolute(page_url, href)
    return None


def _absolute(page_url: str, href: str) -> str:
    return urljoin(page_url, href.strip())
