"""Reading listing pages: article entries and the next page, in the listing markups of the CMS family.

Current markup: `div._BX_LISTING div.article` with a "view more" link `div.btn-viewmore a`.
2020 markup: `div._MB_CATEGORY_LIST > div.bx-article` with paging `div.__MB_ARTICLE_PAGING` and a "Sau" link.
Load-more markup: `div.__MB_LIST_ITEM article.article` with a "XEM THÊM" button that fetches the hidden
input `__MB_NEXT_URL` (its name, id or class).
Where several known markups match, the list of most entries is the listing (a box of another markup beside
it is a rail); a first page's featured box, above the list in its column, gives its entries first.
Pages are addressed as `{section}&s_cond=&BRSR={offset}`. A button or link that says it goes back
("Trang trước"), to the last page ("Trang cuối") or to an earlier offset is never the next page, nor is a
box's "Xem thêm" to another listing. Where the markup's own next link is missing, a `rel=next` hint, a
link of any paging box of the family that says "next" (in its text, title or class: "Sau", "Tiếp »",
"›"), or the numbered link after the current page gives the next page.

When no known markup matches, the fallback collects the links that look like articles of the site
(`/<slug>-<id>.html`) from the page's main column, leaving out menus, headers, footers and rails such as
"Đọc nhiều", and pages on with the load-more URL, the paging link, the page number its address carries
("/p2", "?page=2") or `&s_cond=&BRSR=N` (markup "fallback"); a paging box without a next link ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from lxml import etree
from lxml.etree import XPath
from lxml.html import HtmlElement
from parsel import Selector

from friendship_crawler.clean.rules import RAIL_BOX_TITLES
from friendship_crawler.hosts import is_loopback_host
from friendship_crawler.site_rules import UPDATED_LABEL, iso_vietnam, match_date_line
from friendship_crawler.urls import SITE_HOSTS, absolute_url, article_id, host_of, linked_article_id

MARKUPS = ("current", "2020", "load-more")
ENTRY_SELECTORS = (
    "div._BX_LISTING div.article",
    "div._MB_CATEGORY_LIST div.bx-article",
    "div.__MB_LIST_ITEM article.article",
)
NEXT_LINKS = (
    ("div.btn-viewmore a", "href"),
    ("div.__MB_ARTICLE_PAGING a[rel=next]", "href"),
    ("input[name=__MB_NEXT_URL]", "value"),
    ("input#__MB_NEXT_URL", "value"),
    ("input.__MB_NEXT_URL", "value"),
    ("span.btn-xemthem", "data-url"),
    ("a[rel=next]", "href"),
    ("link[rel=next]", "href"),
)
"""Elements that give the next page, and the attribute that holds it: the family's "view more" button and
paging, its hidden load-more input (named by `name` on some sister sites, by `id` or class on others), then
the standard `rel=next` hints (a "XEM THÊM" button may carry its URL itself, in `data-url`). A button that
says it goes back ("Trang trước"), or leads to a page that is no later page of this listing (a subsection's
"Xem thêm"), is passed over."""
FULL_PAGE_ENTRIES = 15
"""Entries of a full listing page (the CMS lists 16 a page, 15 on older templates): a full page that links
no next page it is read with has one where the CMS's paging puts it, whatever became of its next link."""
FALLBACK = "fallback"
MIN_FALLBACK_ENTRIES = 5
"""Fewer article links than this in the main column make no listing: an article page links a few too. A
page reached by paging a listing (`&BRSR=`, a page number) is one whatever it holds: a last page may list
a few."""
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside", "form"})
TEASER_PARTS = frozenset({"header", "footer"})
"""Chrome tags that a teaser (`article`) may hold for its own title and date."""
CHROME_CLASS = re.compile(
    r"(?:^|[-_])(?:menu|nav|navbar|navigation|header|footer|sidebar|banner|ads?)(?:[-_]|$)", re.I
)
"""A class name (one token) of the page's chrome: "main-menu", "header-top", "sidebar", "box-ads"."""
LAYOUT_MODIFIER = re.compile(
    r"^(?:(?:has|with|no|is)[-_]|layout[-_].*sidebar|(?:entry|post|card|item|article|news|story|teaser)[-_]"
    r"(?:header|footer)$)",
    re.I,
)
"""A class that says what a layout has ("has-sidebar", "layout-sidebar-right"), or names a part of a teaser
("entry-header" over its title, "item-footer"), not the page's chrome."""
RAIL_TITLES = RAIL_BOX_TITLES | frozenset(
    {"mới nhất", "multimedia", "tin nổi bật", "có thể bạn quan tâm", "tin liên quan", "tiêu điểm",
     "video", "ảnh", "tin ảnh", "infographic", "emagazine", "podcast", "tin khác", "các tin khác",
     "dòng sự kiện", "các dòng sự kiện khác", "sự kiện", "thông tin doanh nghiệp", "quảng cáo",
     "popular", "latest", "related news", "trending", "mới", "mới đăng", "nóng", "nhiều người đọc",
     "xem nhiều"}
)  # fmt: skip
"""Headings of the rails beside or below a listing, whose links are not the listing's entries: the site's
rails (`RAIL_BOX_TITLES`) and the other boxes a listing page sets beside its list."""
RAIL_TITLE_ENDINGS = (
    "nhất",
    "cập nhật",
    "nổi bật",
    "trong ngày",
    "trong tuần",
    "trong tháng",
    "hôm nay",
    "24h",
)
"""What a rail's heading may add to its title: "Tin đọc nhiều nhất", "Tin mới cập nhật", "Sự kiện nổi bật"."""
RAIL_TITLE_NOUNS = ("tin tức", "tin bài", "bài viết", "các tin", "các bài", "tin", "bài")
"""What a rail's heading may name before its title: "Bài đọc nhiều", "Tin tức mới nhất", "Tin nóng"."""
RAIL_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5"})
RAIL_HEADING_CLASS = re.compile(r"title|heading|cat-?name|(?:^|[-_\s])(?:hd|tit|head)(?:[-_\s]|$)", re.I)
"""Headings by tag, or by a class that names a title in any casing and compound ("box-heading",
"titleBox", "cat-name")."""
RAIL_HEADING_WORDS = 6
_TEASER_TAGS = frozenset({"article", "li", "div"})
_CLIMB = 12
TEASER_MAX_LINKS = 4
"""Links a teaser holds at most: to its article (photo, title, comments) and its section."""
FEATURED_MAX_LINKS = 60
"""The links above a list read for its featured box: a featured box holds a few teasers."""
LIST_COLUMN_CLIMB = 3
"""Wrappers around a list's box that hold nothing else, climbed to reach the column of its featured box."""
PAGING_BOXES = (
    "div.__MB_ARTICLE_PAGING, div.grNextPage, [class*=paging], [class*=pagination], [class*=pager],"
    " [class*=phantrang], [class*=phan-trang]"
)
"""Paging boxes of the family, then any box whose class names paging (in English or in Vietnamese)."""
NEXT_LABEL = re.compile(
    r"(?<!\w)(?:sau|tiếp|next|cũ hơn|older)(?!\w)|(?<!\w)kế(?!\w)(?!\s+\w)|^\s*[›>»]+\s*$", re.I
)
"""What a paging link to the next page says, in its text, title or class: "Sau", "Trang sau ›", "Tiếp »",
"Trang kế", "Kế »" (not "Kế hoạch"), "Tin cũ hơn", "Older posts", "»", an icon link of class "next"."""
MORE_LABEL = re.compile(
    r"^\s*(?:(?:xem thêm|tải thêm|xem tiếp)(?:\s+(?:tin tức|tin bài|tin|bài viết|bài|các tin khác))?"
    r"|(?:load|view|show)?\s*more(?:\s+(?:news|stories|articles|posts))?)\s*[›>»]*\s*$",
    re.I,
)
"""What a link under a list says when it loads more of it: "Xem thêm", "Xem thêm tin", "Tải thêm bài",
"Load more", "More stories"."""
BACK_LABEL = re.compile(r"(?<!\w)(?:trước|prev|previous|cuối|đầu|last|first)(?!\w)|^\s*[«‹<]+\s*$", re.I)
"""What a link back or to an end says ("Trang trước", "«", "Trang cuối" on a "»"): never the next page."""
CURRENT_PAGE = re.compile(r"(?<![\w-])(?:is-)?(?:current|active|selected)(?![\w-])", re.I)
"""The class of the paging element that stands for the page being read."""
PAGE_MARK = re.compile(r"[&?](?:BRSR|page|p)=\d+|/(?:p|trang-?|page/?)\d+/?$", re.I)
"""What the address of a later page of a listing carries: an offset or a page number."""
_PAGE_NUMBER = (
    re.compile(r"(?P<before>/p)(?P<n>\d+)(?P<after>/?)$"),
    re.compile(r"(?P<before>/trang-?)(?P<n>\d+)(?P<after>/?)$"),
    re.compile(r"(?P<before>[?&]page=)(?P<n>\d+)(?P<after>)"),
)
"""Page numbers in a listing's address that are not the family's offset ("/tin-tuc/p2", "?page=2")."""
DATE_CLASS = re.compile(r"date|time|publish", re.I)
"""A class that names the element holding a teaser's date ("article-date", "bx-date", "publish-time")."""
TEASER_DATE_MAX_CHARS = 60
"""A teaser's line that dates it is short: a name or a section, then the date."""
_ENDS_WITH_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}(?:\s*[|,-]?\s*\d{1,2}:\d{2})?\s*$")
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
    next_guessed: bool = False
    """`next_url` is the CMS's own address of the next page, which the page names nowhere (a script loads
    it): a page there without entries is the listing's end, not a page in another markup."""


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


def parse_listing(html: str | Selector, page_url: str, *, known_listing: bool = False) -> ListingPage:
    """Entries and next link of a listing page; URLs made absolute against `page_url`.

    `html` is the page's text or a parsel Selector over it (the extractor passes its own parsed tree).
    `known_listing`: the page is a listing whatever it holds (the crawl asked for it as one: a young
    subsection's first page may list a few articles), so the fallback needs no `MIN_FALLBACK_ENTRIES`.
    """
    sel = html if isinstance(html, Selector) else Selector(text=html, base_url=page_url)
    rails = _rail_boxes(sel)
    lists: list[tuple[str, list[HtmlElement], tuple[ListingEntry, ...]]] = []
    for markup, css in zip(MARKUPS, ENTRY_SELECTORS, strict=True):
        nodes = sel.css(css)
        teasers = [node.root for node in nodes if isinstance(node.root, HtmlElement)]
        if teasers:
            lists.append((markup, teasers, _entries(nodes, page_url, _apart_from(rails, teasers))))
    if lists:  # the list of most entries: a box of another markup beside it is a rail or a featured box
        markup, teasers, entries = max(lists, key=lambda found: len(found[2]))
        next_url = _crawlable(_next_url(sel, page_url), page_url, len(entries))
        guessed = next_url is None and (len(entries) >= FULL_PAGE_ENTRIES or _loads_more_by_script(sel))
        if guessed:  # the CMS's own paging still serves the pages
            next_url = _numbered_next(page_url) or listing_url(
                page_url, listing_offset(page_url) + len(entries)
            )
        if _page_number(page_url) is None and listing_offset(page_url) == 0:
            entries = _with_featured(sel, page_url, rails, teasers, entries)
        return ListingPage(entries, next_url, markup, guessed)
    entries = fallback_entries(sel, page_url, rails)
    paged = known_listing or listing_offset(page_url) > 0 or _page_number(page_url) is not None
    if len(entries) < (1 if paged else MIN_FALLBACK_ENTRIES):
        return ListingPage((), _next_url(sel, page_url), None)
    next_url = _next_url(sel, page_url)
    if next_url is None and not sel.css(PAGING_BOXES):  # a paging box without a next link: the last page
        next_url = _numbered_next(page_url) or listing_url(page_url, listing_offset(page_url) + len(entries))
    return ListingPage(entries, _crawlable(next_url, page_url, len(entries)), FALLBACK)


def _with_featured(
    sel: Selector,
    page_url: str,
    rails: RailBoxes,
    teasers: list[HtmlElement],
    entries: tuple[ListingEntry, ...],
) -> tuple[ListingEntry, ...]:
    """A first page's entries after the teasers of its featured box: the articles linked above the list
    in the page's `<main>` or else the list's own column (`_list_column`), from teasers with a photo (a
    ticker's bare links are none), outside rails and chrome, each once; the last `FEATURED_MAX_LINKS` links
    above the list. A featured row may stand above the list's own row, beside other columns."""
    column = next(teasers[0].iterancestors("main"), None)
    if column is None:
        column = _list_column(teasers)
    if column is None:
        return entries
    first = teasers[0]
    above: list[HtmlElement] = []
    for element in column.iter(etree.Element):  # in document order: what comes before the list
        if element is first:
            break
        if element.tag == "a":
            above.append(element)
    pictured = [link for link in above[-FEATURED_MAX_LINKS:] if _has_photo(_teaser_of(link))]
    featured = fallback_entries(sel, page_url, rails, links=pictured)
    known = {article_id(entry.url) for entry in featured}
    return (*featured, *(entry for entry in entries if article_id(entry.url) not in known))


def _has_photo(teaser: HtmlElement | None) -> bool:
    return teaser is not None and next(teaser.iter("img", "amp-img", "picture"), None) is not None


def _list_column(teasers: list[HtmlElement]) -> HtmlElement | None:
    """The column that holds the list: the element around the list's box, past wrappers that hold nothing
    else (`LIST_COLUMN_CLIMB` at most)."""
    box = teasers[0].getparent()
    column = box.getparent() if box is not None else None
    for _ in range(LIST_COLUMN_CLIMB):
        if column is None or len(column) > 1 or column.getparent() is None:
            break
        column = column.getparent()
    return column


def _crawlable(next_url: str | None, page_url: str, count: int) -> str | None:
    """A load-more URL under the CMS's service paths (robots.txt disallows them) as the next `&BRSR=` page:
    at the offset it states, else after the entries read (which a teaser outside the list would skew)."""
    try:
        path = urlsplit(next_url).path if next_url else ""
    except ValueError:  # an address that is none ("http://[::1")
        return None
    if next_url and _API_PATH.search(path):
        stated = listing_offset(next_url)
        return listing_url(page_url, stated if stated > 0 else listing_offset(page_url) + count)
    return next_url


def fallback_entries(
    sel: Selector,
    page_url: str,
    rails: RailBoxes | None = None,
    links: list[HtmlElement] | None = None,
) -> tuple[ListingEntry, ...]:
    """Links to articles of the site (the page's host or the site's) in the main column, in page order,
    each article once (a teaser links it from its photo, its title and its comment count); `links` are
    the links to read, every link of the page by default."""
    page_host = host_of(page_url)
    found: list[tuple[HtmlElement, str, int]] = []
    for element in [link.root for link in sel.css("a[href]")] if links is None else links:
        if not isinstance(element, HtmlElement):
            continue
        url = absolute_url(page_url, element.get("href") or "")
        aid = article_id(url) if url else None
        if url and aid is not None and _same_site(host_of(url), page_host):
            found.append((element, url, aid))
    rails = _apart_from(_rail_boxes(sel) if rails is None else rails, [element for element, _, _ in found])
    entries: list[ListingEntry] = []
    seen: set[int] = set()
    for element, url, aid in found:
        if aid in seen or _in_chrome(element, rails):
            continue
        seen.add(aid)
        entries.append(ListingEntry(url.split("#", 1)[0], teaser_date(_teaser_of(element))))
    return tuple(entries)


def _same_site(host: str, page_host: str) -> bool:
    """The page's own host, the site's hosts together, or a replica's loopback aliases together."""
    if host == page_host:
        return True
    return (host in SITE_HOSTS and page_host in SITE_HOSTS) or (
        is_loopback_host(host) and is_loopback_host(page_host)
    )


RailBoxes = dict[HtmlElement, bool]
"""The rail boxes of a page, each with whether it was climbed to: its heading's own box held no links."""


def _rail_boxes(sel: Selector) -> RailBoxes:
    """The boxes whose heading names a rail ("Đọc nhiều", "Tin mới" ...): the nearest box around the
    heading that holds article links (a title bar with its own "Xem thêm" link holds none)."""
    boxes: RailBoxes = {}
    root = sel.root
    for node in root.iter(etree.Element) if isinstance(root, HtmlElement) else ():
        if not _is_rail_heading(node):
            continue
        parent, climbed = node.getparent(), False
        while parent is not None and parent.getparent() is not None and not _links_articles(parent):
            parent, climbed = parent.getparent(), True
        if parent is not None:
            boxes[parent] = boxes.get(parent, True) and climbed
    return boxes


def _is_rail_heading(node: HtmlElement) -> bool:
    """A heading, by its tag or class, that names a rail (`RAIL_TITLES`, with or without one of
    `RAIL_TITLE_NOUNS` before it or `RAIL_TITLE_ENDINGS` after it), and is no teaser's title (it links no
    article)."""
    if node.tag not in RAIL_HEADING_TAGS and not RAIL_HEADING_CLASS.search(str(node.get("class") or "")):
        return False
    words = node.text_content().split()
    if not words or len(words) > RAIL_HEADING_WORDS:
        return False
    text = " ".join(words).casefold().rstrip(":").strip()
    named = [
        text,
        *(text.removeprefix(f"{noun} ") for noun in RAIL_TITLE_NOUNS if text.startswith(f"{noun} ")),
    ]
    titled = any(
        title in RAIL_TITLES
        or any(
            title.endswith(f" {ending}") and title.removesuffix(f" {ending}") in RAIL_TITLES
            for ending in RAIL_TITLE_ENDINGS
        )
        for title in named
    )
    return titled and not _links_articles(node)


def _apart_from(rails: RailBoxes, teasers: list[HtmlElement]) -> RailBoxes:
    """The rail boxes but those climbed to that hold more than half of the listing's `teasers`: such a box
    is the column around the listing (a rail heading over no links of its own, a footer's "Multimedia"
    over category links, an empty box a widget fills later). A rail's own box stays a rail whatever it
    holds: on a page of no entries, the rail's links are all there is."""
    around = [set(teaser.iterancestors()) for teaser in teasers]
    return {
        box: climbed
        for box, climbed in rails.items()
        if not climbed or 2 * sum(box in ancestors for ancestors in around) <= len(teasers)
    }


def _links_articles(box: HtmlElement) -> bool:
    return any(article_id(link.get("href") or "") for link in box.iter("a"))


def _in_chrome(element: HtmlElement, rails: RailBoxes) -> bool:
    for ancestor in element.iterancestors():
        if ancestor in rails:
            return True
        if ancestor.tag in CHROME_TAGS and not (ancestor.tag in TEASER_PARTS and _in_teaser(ancestor)):
            return True
        if _names_chrome(ancestor.get("class") or "") or _names_chrome(ancestor.get("id") or ""):
            return True
    return False


def _in_teaser(part: HtmlElement) -> bool:
    """A header or footer inside an `article`: a teaser's own, not the page's."""
    return any(ancestor.tag == "article" for ancestor in part.iterancestors())


def _names_chrome(value: str) -> bool:
    """A class or id token that names the page's chrome (`CHROME_CLASS`), not a layout's modifier."""
    return any(CHROME_CLASS.search(token) and not LAYOUT_MODIFIER.match(token) for token in value.split())


def _teaser_of(link: HtmlElement) -> HtmlElement | None:
    """The teaser around a link, for its date and photo: the largest `article`, `li` or `div` around it
    whose links, `TEASER_MAX_LINKS` at most, lead to no other article (a teaser links its article from its
    photo, its title and its comment count, and may link its section), within `_CLIMB` levels. A photo
    and a title set in boxes of their own side by side are one teaser."""
    aid = linked_article_id(link.get("href"))
    teaser: HtmlElement | None = None
    node: HtmlElement | None = link
    for _ in range(_CLIMB):
        node = node.getparent() if node is not None else None
        if node is None or not _links_only_to(node, aid):
            break
        if node.tag in _TEASER_TAGS:
            teaser = node
    return teaser


def _links_only_to(box: HtmlElement, aid: int | None) -> bool:
    """The box holds `TEASER_MAX_LINKS` links at most, none to an article but `aid`; it stops reading at
    the first link too many (a list's column holds thousands)."""
    for count, link in enumerate(box.iter("a"), 1):
        if count > TEASER_MAX_LINKS:
            return False
        other = linked_article_id(link.get("href"))
        if other is not None and other != aid:
            return False
    return True


def teaser_date(teaser: HtmlElement | None) -> date | None:
    """The day a teaser shows for its article: in a `<time>` or an element whose class names a date or a
    time (the day it shows, else its `datetime` in Vietnam time), else in a short line of its own that
    ends with a date ("Phương Lê - 10/10/2024", "Hữu nghị | 10/10/2024 10:10"). A date in its title or
    description (an anniversary's "(2/9/1945 - 2/9/2025)", "Ngày 30/4/1975, …") is not the article's."""
    if teaser is None:
        return None
    elements = list(teaser.iterdescendants(etree.Element))
    for element in elements:
        if element.tag == "time" or DATE_CLASS.search(str(element.get("class") or "")):
            text = " ".join(element.text_content().split())
            if (
                len(text) > TEASER_DATE_MAX_CHARS
                or UPDATED_LABEL.search(text)
                or next(element.iter("a"), None)
            ):
                continue  # a box that holds more than the date, or the update's
            day = parse_date(text) or _vietnam_day(element.get("datetime"))
            if day is not None:
                return day
    for element in elements:
        text = " ".join(element.text_content().split())
        dated = _ENDS_WITH_DATE.search(text) or match_date_line(text)
        if dated and len(text) <= TEASER_DATE_MAX_CHARS and next(element.iter("a"), None) is None:
            return parse_date(text)
    return None


def _vietnam_day(value: str | None) -> date | None:
    """The day of an ISO 8601 time in Vietnam time."""
    try:
        return date.fromisoformat(iso_vietnam(datetime.fromisoformat(value.strip()))[:10]) if value else None
    except ValueError:
        return None


def _entries(nodes: list[Selector], page_url: str, rails: RailBoxes) -> tuple[ListingEntry, ...]:
    """One entry per teaser (`_article_link`), each article once; a teaser of a rail built with the same
    widget is none."""
    page_host = host_of(page_url)
    entries: list[ListingEntry] = []
    seen: set[int | str] = set()
    for node in nodes:
        if isinstance(node.root, HtmlElement) and _in_chrome(node.root, rails):
            continue
        found = _article_link(node, page_url, page_host)
        if found is None or found[1] in seen:
            continue
        seen.add(found[1])
        teaser = node.root if isinstance(node.root, HtmlElement) else None
        entries.append(ListingEntry(found[0], teaser_date(teaser)))
    return tuple(entries)


def _article_link(teaser: Selector, page_url: str, page_host: str) -> tuple[str, int | str] | None:
    """The address a teaser links and what tells it apart: its first link to an article of the site (the
    title's first), by the article's id, else its title's or first link whatever it is, by itself, for the
    spider to judge and count (a link off the site, a link to no article)."""
    titles = teaser.css("h3 a::attr(href), h2 a::attr(href)").getall()
    links = teaser.css("a::attr(href)").getall()
    for href in (*titles, *links):
        url = absolute_url(page_url, href)
        aid = article_id(url) if url else None
        if url is not None and aid is not None and _same_site(host_of(url), page_host):
            return url, aid
    url = next((found for href in (*titles, *links) if (found := absolute_url(page_url, href))), None)
    return (url, url) if url is not None else None


def _next_url(sel: Selector, page_url: str) -> str | None:
    """The next page: the first of `NEXT_LINKS` that goes forward, else a "Xem thêm" link to a later page
    of this listing, else a paging box's link that says "next", else the numbered link after the page
    being read."""
    for css, attribute in NEXT_LINKS:
        for node in sel.css(css):
            element = node.root
            href = (element.get(attribute) or "").strip() if isinstance(element, HtmlElement) else ""
            url = absolute_url(page_url, href) if href and not href.startswith(("#", "javascript:")) else None
            if url is None or BACK_LABEL.search(_label(element)) or goes_back(url, page_url):
                continue
            if css.startswith(("div.btn-viewmore", "span.btn-xemthem")) and not PAGE_MARK.search(url):
                continue  # a box's "Xem thêm" to another listing, not this one's next page
            return url
    for link in sel.css("a[href]"):  # a "Xem thêm" link under the list, to a later page of it
        url = absolute_url(page_url, link.root.get("href") or "")
        if not url or not PAGE_MARK.search(url) or MORE_LABEL.match(link.root.text_content()) is None:
            continue
        if same_listing(url, page_url) and not goes_back(url, page_url):
            return url
    boxes = sel.css(PAGING_BOXES)
    numbered = _after_current(boxes, page_url)
    for link in boxes.css("a"):
        element, href = link.root, (link.root.get("href") or "").strip()
        label = _label(element)
        if href and NEXT_LABEL.search(label) and not BACK_LABEL.search(label):
            url = absolute_url(page_url, href)
            if url is not None and not goes_back(url, page_url):
                return numbered if _skips_to(url, numbered) else url
    return numbered


def _skips_to(url: str, numbered: str | None) -> bool:
    """An arrow that leads past the numbered link after the page being read: a "»" to the last page, which
    would skip every page between (`numbered` is that link)."""
    return numbered is not None and numbered != url and goes_back(numbered, url)


def _label(element: HtmlElement) -> str:
    """What a link says of where it goes: its text, title, ARIA label and class."""
    parts = (element.text_content(), element.get("title"), element.get("aria-label"), element.get("class"))
    return " ".join(part for part in parts if part)


def _after_current(boxes: list[Selector], page_url: str) -> str | None:
    """In a box of numbered links, the numbered link after the element that stands for the page being read
    (a class saying so, or a number that is no link), not one inside it (`<li class="active"><a>2</a>`)."""
    for box in boxes:
        current: HtmlElement | None = None
        for element in box.root.iter():
            if not isinstance(element, HtmlElement):
                continue
            numbered = element.text_content().strip().isdigit()
            if current is None:
                unlinked = element.tag != "a" and next(element.iter("a"), None) is None
                if CURRENT_PAGE.search(element.get("class") or "") or (numbered and unlinked):
                    current = element
            elif element.tag == "a" and numbered and current not in element.iterancestors():
                url = absolute_url(page_url, element.get("href") or "")
                if url is not None and not goes_back(url, page_url):
                    return url
    return None


def goes_back(url: str, page_url: str) -> bool:
    """The link leads to this page or an earlier one of the same listing, by its offset or page number."""
    if url.split("#", 1)[0] == page_url.split("#", 1)[0]:
        return True
    theirs, ours = _page_number(url), _page_number(page_url)
    if theirs is not None and ours is not None and url[: theirs.start()] == page_url[: ours.start()]:
        return int(theirs["n"]) <= int(ours["n"])
    if url.split("&", 1)[0] != page_url.split("&", 1)[0]:
        return False
    return listing_offset(url) <= listing_offset(page_url)


def same_listing(url: str, page_url: str) -> bool:
    """The two addresses are pages of one listing: the same address before its offset or page number."""
    theirs, ours = _page_number(url), _page_number(page_url)
    if theirs is not None:
        return url[: theirs.start()] == (page_url[: ours.start()] if ours is not None else page_url)
    return url.split("&", 1)[0] == page_url.split("&", 1)[0]


def _page_number(url: str) -> re.Match[str] | None:
    return next((found for pattern in _PAGE_NUMBER if (found := pattern.search(url))), None)


SHORT_CONTROLS = XPath(
    "//*[self::button or self::a or self::span or self::div][string-length(normalize-space()) <= 20]"
)
"""Buttons and links short enough to say "Xem thêm" (their text measured by libxml2, not read whole)."""


def _loads_more_by_script(sel: Selector) -> bool:
    """The page shows a "Xem thêm" control that names no address to read (a button, a script's link): its
    next page is only the script's to fetch, yet the CMS serves it at its own address."""
    for element in SHORT_CONTROLS(sel.root):
        if not isinstance(element, HtmlElement) or MORE_LABEL.match(element.text_content()) is None:
            continue
        links = [element, *element.iterdescendants("a"), *element.iterancestors("a")]
        if not any(_names_an_address(link) for link in links):
            return True
    return False


def _names_an_address(element: HtmlElement) -> bool:
    """A link with an address of its own (not "#" nor a script's)."""
    href = (element.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:"))


def _numbered_next(page_url: str) -> str | None:
    """The next page of a listing whose address numbers its pages ("/tin-tuc/p2" -> "/tin-tuc/p3")."""
    found = _page_number(page_url)
    if found is None:
        return None
    number = int(found["n"]) + 1
    return f"{page_url[: found.start()]}{found['before']}{number}{found['after']}{page_url[found.end() :]}"
