"""The page's own header, cut from the bytes before they are parsed.

On a real MasterCMS page the header (logo, a mega-menu and its mobile copy) holds a third of the bytes
and more than half of the elements, and no field is read from it. Parsing it costs half the parse, and
every later walk of the tree pays for it again: cutting it first makes the whole reading of a real-weight
page about a third cheaper, for a tenth of the parse spent looking.

The header is cut only when its bounds are certain from the bytes alone and nothing in it could give a
field: the first `<header>` of the page, before any `<article>` or `<main>` opens, with no header nested
in it, holding no headline, date element, breadcrumb or microdata, and no raw text (scripts, styles,
comments: their text could hide a closing tag) in it or around its start. Any other page is parsed
whole, so a page the rule does not fit reads exactly as it would without it. Only lower-case tags are
looked for: searching the bytes for a tag in any case would cost more than the cut saves.
"""

from __future__ import annotations

import re

OPEN, CLOSE = b"<header", b"</header>"
CONTENT_OPENS = (b"<article", b"<main")
"""Where the article's own markup starts: a header after one of these may be the article's."""
KEEPS_TAGS = re.compile(rb"<(?:h1|article|main|time|header|script|style|!--)")
"""Tags that keep a header (lower-cased): a field is read from them, a header nests in it, or their raw
text may hide a tag."""
TRAIL_WORD, SVG_PATH = b"crumb", (b"<path", b"</path")
"""A class naming "crumb" or "path" (as `fallbacks.TRAIL_CLASS` reads a trail) keeps a header; the
`path` elements of its icons do not."""
RAW_TEXT = ((b"<script", b"</script"), (b"<style", b"</style"), (b"<!--", b"-->"))
"""Raw text that may quote a tag: a header that seems to start inside one is no header."""
_TAG_NAME_ENDS = frozenset(b" \t\n\r\f/>")


def cut_page_chrome(page: bytes) -> bytes:
    """The page without its own header where the module's rule allows cutting it."""
    start, end = _header_region(page)
    return page if start < 0 else page[:start] + b" " + page[end:]


def _header_region(page: bytes) -> tuple[int, int]:
    """(start, end) of the page's own header, or (-1, -1)."""
    start = page.find(OPEN)
    if start < 0 or not _opens_tag(page, start + len(OPEN)):
        return -1, -1
    close = page.find(CLOSE, start)
    if close < 0:
        return -1, -1
    end = close + len(CLOSE)
    region = page[start:end].lower()
    if KEEPS_TAGS.search(region, 1) or TRAIL_WORD in region or _names_a_path(region):
        return -1, -1
    if any(page.find(tag, 0, start) >= 0 for tag in CONTENT_OPENS) or _in_raw_text(page, start):
        return -1, -1
    return start, end


def _names_a_path(region: bytes) -> bool:
    """The word "path" stands in the region other than as an SVG `path` element."""
    return b"path" in region and region.count(b"path") > sum(region.count(tag) for tag in SVG_PATH)


def _in_raw_text(page: bytes, position: int) -> bool:
    """`position` lies inside a script, a style or a comment."""
    for opener, closer in RAW_TEXT:
        last_open = page.rfind(opener, 0, position)
        if last_open >= 0 and page.find(closer, last_open, position) < 0:
            return True
    return False


def _opens_tag(page: bytes, name_end: int) -> bool:
    """The tag name ends at `name_end` (`<header>`, `<header class=…>`, not `<headers>`)."""
    return name_end < len(page) and page[name_end] in _TAG_NAME_ENDS
