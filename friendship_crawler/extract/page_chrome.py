"""The page's own header and footer, cut from the bytes before they are parsed (each left as an empty
element, so that the text around it stays apart as it was).

On a real MasterCMS page the header (logo, a mega-menu and its mobile copy) and the footer hold two
fifths of the bytes and three fifths of the elements, and nothing of the article is in them (what a last
resort could take from them is the site's: a top-bar date, a copyright year). Parsing them costs half
the parse, and every later walk of the tree pays for them again: cutting them first makes the whole
reading of a real-weight page about a fifth cheaper, for a tenth of the parse spent looking.

A region is cut only when its bounds are certain from the bytes alone and nothing in it could give a
field: the page's first `<header>`, before any `<article>` or `<main>` opens and holding the site's
menus, and its last `<footer>`, after which no `<article>`, `<main>` or `<section>` closes and which
says whose the site is (©, a licence); neither nested in its own kind, neither holding a headline, a
date element, a breadcrumb, main content or raw text (scripts, styles, comments: their text could hide
a tag), and neither lying inside raw text. Only lower-case tags are looked for: searching the bytes for
a tag in any case would cost more than the cut saves.

A region the bytes cannot give up (raw text in or around it, a tag in capitals) meets the same rules in
the parsed tree (`empty_page_chrome`), where raw text hides nothing and the tree says what encloses
what: either way the site's header and footer are not read, and a page reads the same whether its
chrome was cut from the bytes or emptied in the tree.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.etree import XPath
from lxml.html import HtmlElement

HEADER = (b"<header", b"</header>")
FOOTER = (b"<footer", b"</footer>")
EMPTY_HEADER, EMPTY_FOOTER = b"<header></header>", b"<footer></footer>"
"""What a cut region leaves: the element, empty, so that the text around it stays apart as it was."""
CONTENT_OPENS = re.compile(rb"<(?:article|main)")
"""Where the article's own markup starts: a header after one of these may be the article's."""
CONTENT_CLOSES = (b"</article", b"</main", b"</section")
"""Where the article's own markup ends: a footer before one of these may be the article's."""
MENU_MARKS = (b"<nav", b"<ul")
"""What a site's own header holds (lower-cased) and an article's header (headline, date, byline) does
not: the site's menus."""
OWNER_MARKS = ("©".encode(), b"&copy;", b"copyright", "bản quyền".encode(), "giấy phép".encode())
"""What a site's own footer says (lower-cased) and an article's footer (tags, sharing) does not: whose the
site is, under which licence."""
KEEPS_TAGS = re.compile(rb"<(?:h1|article|main|time|header|footer|script|style|!--)")
"""Found in a region after its own tag (lower-cased), these keep it: a field is read from them, the
region nests one of its kind, or raw text opens in it. (One literal `<` first lets the regex engine
skip from tag to tag: an alternative that starts otherwise makes the search ten times slower. Even a
single literal is found faster by the regex engine than by `bytes.find` when it starts with `<`.)"""
TRAIL_WORD, PATH_WORD = re.compile(rb"crumb"), re.compile(rb"path")
SVG_PATH = (b"<path", b"</path")
"""A class naming "crumb" or "path" (as `fallbacks.TRAIL_CLASS` reads a trail) keeps a region; the `path`
elements of its icons do not."""
RAW_TEXT = ((b"<script", b"</script"), (b"<style", b"</style"), (b"<!--", b"-->"))
"""Raw text that may quote a tag: a region inside one is no region."""
KEEPS_ELEMENTS = re.compile(rb"<(?:h1|article|main|time|header|footer)")
"""`KEEPS_TAGS` in a parsed region, where raw text can no longer hide a tag."""
CONTENT_AROUND = {
    "header": XPath("boolean(ancestor::article | ancestor::main | preceding::article | preceding::main)"),
    "footer": XPath(
        "boolean(ancestor::article | ancestor::main | ancestor::section"
        " | following::article | following::main | following::section)"
    ),
}
"""The tree's reading of `CONTENT_OPENS` before a header and of `CONTENT_CLOSES` after a footer."""
_TAG_NAME_ENDS = frozenset(b" \t\n\r\f/>")


def cut_page_chrome(page: bytes) -> bytes:
    """The page with its own header and footer emptied where the module's rules allow it: each keeps its
    tags, so the text around it is split where it was."""
    header_start, header_end = _header_region(page)
    footer_start, footer_end = _footer_region(page, after=max(header_end, 0))
    if footer_start >= 0:
        page = page[:footer_start] + EMPTY_FOOTER + page[footer_end:]
    if header_start >= 0:
        page = page[:header_start] + EMPTY_HEADER + page[header_end:]
    return page


def empty_page_chrome(root: HtmlElement) -> None:
    """The same rules on a parsed page, for a header or footer its bytes could not give up (raw text in or
    around it): the page's first header and last footer emptied where nothing in them could give a field.
    A region the bytes gave up is already empty, and an empty element is left as it is."""
    header = next(root.iter("header"), None)
    if header is not None and _is_site_chrome(header, MENU_MARKS):
        _empty(header)
    footers = list(root.iter("footer"))
    if footers and _is_site_chrome(footers[-1], OWNER_MARKS):
        _empty(footers[-1])


def _is_site_chrome(element: HtmlElement, marks: tuple[bytes, ...]) -> bool:
    if not len(element) or CONTENT_AROUND[element.tag](element):
        return False
    region = etree.tostring(element, encoding="utf-8", with_tail=False).lower()
    if KEEPS_ELEMENTS.search(region, 1) or TRAIL_WORD.search(region) or _names_a_path(region):
        return False
    return any(mark in region for mark in marks)


def _empty(element: HtmlElement) -> None:
    """The element without its text and children; the text after it stays."""
    for child in list(element):
        element.remove(child)
    element.text = None


def _header_region(page: bytes) -> tuple[int, int]:
    """(start, end) of the page's own header, or (-1, -1)."""
    opener, closer = HEADER
    start = page.find(opener)
    if start < 0 or not _opens_tag(page, start + len(opener)):
        return -1, -1
    close = page.find(closer, start)
    if close < 0:
        return -1, -1
    end = close + len(closer)
    region = page[start:end].lower()
    if _holds_what_keeps_it(region) or not any(mark in region for mark in MENU_MARKS):
        return -1, -1
    if CONTENT_OPENS.search(page, 0, start) or _opens_in_raw_text(page, start):
        return -1, -1
    return start, end


def _footer_region(page: bytes, after: int) -> tuple[int, int]:
    """(start, end) of the page's own footer, found after `after`, or (-1, -1)."""
    opener, closer = FOOTER
    close = page.rfind(closer, after)
    start = page.rfind(opener, after, close) if close >= 0 else -1
    if start < 0 or not _opens_tag(page, start + len(opener)):
        return -1, -1
    end = close + len(closer)
    region = page[start:end].lower()
    if _holds_what_keeps_it(region) or not any(mark in region for mark in OWNER_MARKS):
        return -1, -1
    if any(ending in region for _, ending in RAW_TEXT):
        return -1, -1  # raw text opened before the footer may end in it
    tail = page[end:]
    if any(tag in tail for tag in CONTENT_CLOSES) or _closes_in_raw_text(tail):
        return -1, -1
    return start, end


def _holds_what_keeps_it(region: bytes) -> bool:
    """The lower-cased region holds a tag of `KEEPS_TAGS` after its own, or a trail."""
    return bool(KEEPS_TAGS.search(region, 1) or TRAIL_WORD.search(region)) or _names_a_path(region)


def _names_a_path(region: bytes) -> bool:
    """The word "path" stands in the region other than as an SVG `path` element."""
    return bool(PATH_WORD.search(region)) and region.count(b"path") > sum(
        region.count(tag) for tag in SVG_PATH
    )


def _opens_in_raw_text(page: bytes, position: int) -> bool:
    """`position` lies inside a script, a style or a comment opened before it."""
    for opener, closer in RAW_TEXT:
        last_open = page.rfind(opener, 0, position)
        if last_open >= 0 and page.find(closer, last_open, position) < 0:
            return True
    return False


def _closes_in_raw_text(tail: bytes) -> bool:
    """What comes before `tail` lies inside raw text: the tail ends one before it opens one."""
    for opener, closer in RAW_TEXT:
        close = tail.find(closer)
        if close >= 0 and tail.find(opener, 0, close) < 0:
            return True
    return False


def _opens_tag(page: bytes, name_end: int) -> bool:
    """The tag name ends at `name_end` (`<header>`, `<header class=…>`, not `<headers>`)."""
    return name_end < len(page) and page[name_end] in _TAG_NAME_ENDS
