"""Reading listing pages: article entries and the next page, in the listing markups of the CMS family.

Current markup: `div._BX_LISTING div.article` with a "view more" link `div.btn-viewmore a`.
2020 markup: `div._MB_CATEGORY_LIST > div.bx-article` with paging `div.__MB_ARTICLE_PAGING` and a "Sau" link.
Load-more markup: `div.__MB_LIST_ITEM article.article` with a "XEM THÊM" button that fetches the hidden
input `__MB_NEXT_URL` (its name, id or class).
Pages are addressed as `{section}&s_cond=&BRSR={offset}`. Where the markup's own next link is missing, a
`rel=next` hint or a next link ("Sau", "»", ">") in any paging box of the family gives the next page.

When no known markup matches, the fallback collects the links that look like articles of the site
(`/<slug>-<id>.html`) from the page's main column, leaving out menus, headers, footers and rails such as
"Đọc nhiều", and pages on with the load-more URL, the paging link or `&s_cond=&BRSR=N` (markup "fallback").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement
from parsel import Selector

from friendship_crawler.hosts import is_loopback_host
from friendship_crawler.urls import SITE_HOSTS, article_id, host_of

MARKUPS = ("current", "2020", "load-more")
ENTRY_SELECTORS = (
    "div._BX_LISTING div.article",
    "div._MB_CATEGORY_LIST div.bx-article",
    "div.__MB_LIST_ITEM article.article",
)
NEXT_LINK_SELECTORS = (
    "div.btn-viewmore a::attr(href)",
    "div.__MB_ARTICLE_PAGING a[rel=next]::attr(href)",
    "input[name=__MB_NEXT_URL]::attr(value)",
    "input#__MB_NEXT_URL::attr(value)",
    "input.__MB_NEXT_URL::attr(value)",
    "a[rel=next]::attr(href)",
    "link[rel=next]::attr(href)",
)
"""The hidden load-more input is named by `name` on some sister sites, by `id` or class on others; the
standard `rel=next` hints come last."""
FALLBACK = "fallback"
MIN_FALLBACK_ENTRIES = 5
"""Fewer article links than this in the main column make no listing: an article page links a few too."""
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside", "form"})
CHROME_CLASS = re.compile(r"menu|nav|header|footer|sidebar|banner|\bads?\b", re.I)
RAIL_TITLES = frozenset(
    {"đọc nhiều", "xem nhiều", "tin đọc nhiều", "tin xem nhiều", "tin mới", "tin mới nhất", "mới nhất",
     "bờ cõi biển đảo", "multimedia", "tin nổi bật", "có thể bạn quan tâm", "tin liên quan"}
)  # fmt: skip
"""Headings of the rails beside or below a listing, whose links are not the listing's entries."""
RAIL_HEADINGS = "h2, h3, h4, .cat-name, .title, .box-title, .cat-title"
_TEASER_TAGS = frozenset({"article", "li", "div"})
_CLIMB = 12
PAGING_LINKS = (
    "div.__MB_ARTICLE_PAGING a, div.grNextPage a, [class*=paging] a, [class*=pagination] a, [class*=pager] a"
)
"""Paging boxes of the family, then any box whose class names paging."""
NEXT_WORDS = frozenset({"sau", "tiếp", "trang sau", "trang tiếp", "tiếp theo", "»", "›", ">", "next"})
_DATE = re.compile(r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})")
_OFFSET = re.compile(r"[&?]BRSR=(?P<n>\d{1,9})(?!\d)")
_API_PATH = re.compile(r"/api\w*@/")
"""MasterCMS's service paths (`/apicenter@/`, `/apiservice@/`), which the sites' robots.txt disallow."""


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


def parse_listing(html: str | Selector, page_url: str) -> ListingPage:
    """Entries and next link of a listing page; URLs made absolute against `page_url`.

    `html` is the page's text or a parsel Selector over it (the extractor passes its own parsed tree).
    """
    sel = html if isinstance(html, Selector) else Selector(text=html, base_url=page_url)
    for markup, css in zip(MARKUPS, ENTRY_SELECTORS, strict=True):
        nodes = sel.css(css)
        if nodes:
            entries = _entries(nodes, page_url)
            return ListingPage(entries, _crawlable(_next_url(sel, page_url), page_url, len(entries)), markup)
    entries = fallback_entries(sel, page_url)
    if len(entries) < MIN_FALLBACK_ENTRIES:
        return ListingPage((), _next_url(sel, page_url), None)
    next_url = _next_url(sel, page_url) or listing_url(page_url, listing_offset(page_url) + len(entries))
    return ListingPage(entries, _crawlable(next_url, page_url, len(entries)), FALLBACK)


def _crawlable(next_url: str | None, page_url: str, count: int) -> str | None:
    """A load-more URL under the CMS's service paths (robots.txt disallows them) as the next `&BRSR=` page:
    at the offset it states, else after the entries read (which a teaser outside the list would skew)."""
    if next_url and _API_PATH.search(urlsplit(next_url).path):
        stated = listing_offset(next_url)
        return listing_url(page_url, stated if stated > 0 else listing_offset(page_url) + count)
    return next_url


def fallback_entries(sel: Selector, page_url: str) -> tuple[ListingEntry, ...]:
    """Links to articles of the site (the page's host or the site's) in the main column, in page order."""
    page_host = host_of(page_url)
    rails = _rail_boxes(sel)
    entries: list[ListingEntry] = []
    seen: set[str] = set()
    for link in sel.css("a[href]"):
        url = _absolute(page_url, link.root.get("href") or "")
        if url is None or url in seen or article_id(url) is None or not _same_site(host_of(url), page_host):
            continue
        element = link.root
        if not isinstance(element, HtmlElement) or _in_chrome(element, rails):
            continue
        seen.add(url)
        entries.append(ListingEntry(url, parse_date(_teaser_text(element))))
    return tuple(entries)


def _same_site(host: str, page_host: str) -> bool:
    """The page's own host, the site's hosts together, or a replica's loopback aliases together."""
    if host == page_host:
        return True
    return (host in SITE_HOSTS and page_host in SITE_HOSTS) or (
        is_loopback_host(host) and is_loopback_host(page_host)
    )


def _rail_boxes(sel: Selector) -> set[HtmlElement]:
    """The boxes whose heading names a rail ("Đọc nhiều", "Tin mới" ...): the heading's parent box."""
    boxes: set[HtmlElement] = set()
    for heading in sel.css(RAIL_HEADINGS):
        text = " ".join(" ".join(heading.css("::text").getall()).split()).casefold()
        node = heading.root
        if text in RAIL_TITLES and isinstance(node, HtmlElement):
            parent = node.getparent()
            while parent is not None and parent.getparent() is not None and len(parent) < 2:
                parent = parent.getparent()
            if parent is not None:
                boxes.add(parent)
    return boxes


def _in_chrome(element: HtmlElement, rails: set[HtmlElement]) -> bool:
    for ancestor in element.iterancestors():
        if ancestor.tag in CHROME_TAGS or ancestor in rails:
            return True
        if CHROME_CLASS.search(ancestor.get("class") or "") or CHROME_CLASS.search(ancestor.get("id") or ""):
            return True
    return False


def _teaser_text(link: HtmlElement) -> str:
    """The text of the teaser around a link (the nearest `article`, `li` or small `div`), for its date."""
    node: HtmlElement | None = link
    for _ in range(_CLIMB):
        node = node.getparent() if node is not None else None
        if node is None:
            break
        if node.tag in _TEASER_TAGS and len(node.findall(".//a[@href]")) <= 4:
            return node.text_content()
    return ""


def _entries(nodes: list[Selector], page_url: str) -> tuple[ListingEntry, ...]:
    entries: list[ListingEntry] = []
    for node in nodes:
        href = node.css("h3 a::attr(href), h2 a::attr(href)").get() or node.css("a::attr(href)").get()
        if not href:
            continue
        url = _absolute(page_url, href)
        if url is None:
            continue
        text = " ".join(node.css("*::text").getall())
        entries.append(ListingEntry(url, parse_date(text)))
    return tuple(entries)


def _next_url(sel: Selector, page_url: str) -> str | None:
    for css in NEXT_LINK_SELECTORS:
        href = sel.css(css).get()
        if href:
            return _absolute(page_url, href)
    for link in sel.css(PAGING_LINKS):
        label = " ".join(link.css("::text").getall()).strip().lower()
        href = link.root.get("href")  # one attribute: a malformed other one cannot fail it
        if href and label in NEXT_WORDS:
            return _absolute(page_url, href)
    return None


def _absolute(page_url: str, href: str) -> str | None:
    """The absolute URL of a link; None for one that is no URL (`http://[bad`)."""
    try:
        return urljoin(page_url, href.strip())
    except ValueError:
        return None
