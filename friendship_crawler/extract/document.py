"""Turning fetched bytes or text into one lxml tree, whatever the page claims about its encoding.

The site serves UTF-8, but saved and proxied copies come with a BOM, a wrong or missing charset
declaration, NUL bytes or an XML declaration. Valid UTF-8 is trusted over any declaration (a wrong
declaration would garble every Vietnamese letter); only bytes that are not UTF-8 are decoded by their
declaration or, without one, by detection. The page's own header and footer are cut from the bytes
before they are parsed, or emptied in the tree where the bytes cannot tell their bounds (`page_chrome`):
nothing of the article is in them, and on a real page they hold more than half of the elements.
"""

from __future__ import annotations

import codecs
import copy
import re

import charset_normalizer
from lxml import etree, html
from w3lib.encoding import html_body_declared_encoding, resolve_encoding

from friendship_crawler.extract.errors import NotAnArticle
from friendship_crawler.extract.page_chrome import cut_page_chrome, empty_page_chrome

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_MARKUP = re.compile(rb"<\s*[a-zA-Z!?/]")
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters a parsed page may hold (from `&#1;` and the like) that lxml refuses to write back."""
_PARSER = html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True, collect_ids=False
)
"""`huge_tree` raises libxml2's depth limit from 256 to 2048 nested elements (what lies deeper is dropped
by the parser: such a page reads as no article); no table of ids is kept (nothing looks an element up by
id, and a page repeats ids freely)."""
# Every element an `HtmlElement`, chosen in C: lxml.html's own lookup (form controls get classes of their
# own) runs Python for every element object made, a sixth of the time a real-weight page takes to read.
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=html.HtmlElement,
        comment=html.HtmlComment,
        pi=html.HtmlProcessingInstruction,
        entity=html.HtmlEntity,
    )
)


def decode_page(data: str | bytes) -> str:
    """The page as text: BOM first, then strict UTF-8, then the declared charset, then detection."""
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = html_body_declared_encoding(data)
    declared_encoding = resolve_encoding(declared) if declared else None
    if declared_encoding and declared_encoding != "utf-8":
        try:
            return data.decode(declared_encoding, errors="replace")
        except LookupError:
            pass
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def page_bytes(data: str | bytes) -> bytes:
    """The page as UTF-8 bytes without a BOM: bytes that are valid UTF-8 (a fetched page of the site) as they
    came, decoded only to check them (encoding the text again would cost a tenth of a millisecond on a
    real-weight page), anything else as `decode_page` reads it. An XML declaration may stay: the parser
    reads UTF-8 whatever it declares, and drops it."""
    if isinstance(data, bytes):
        body = data.removeprefix(codecs.BOM_UTF8)
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return body
    return decode_page(data).encode("utf-8", errors="replace")


SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(https?://[^\s>]+?)\s*-->", re.I)
"""The mark a browser writes at the top of a page it saves ("Mark of the Web"): where it was fetched."""
SAVED_FROM_REACH = 4096
"""The mark stands before the `<html>` tag or just after it."""


def saved_from(data: str | bytes) -> str | None:
    """The address a browser saved the page from, as the mark at the top of the page says; None without."""
    head = data[:SAVED_FROM_REACH]
    text = head.decode("utf-8", errors="replace") if isinstance(head, bytes) else head
    match = SAVED_FROM.search(text)
    return match[1] if match else None


def writable_copy(root: html.HtmlElement) -> html.HtmlElement:
    """A copy of the page to rework (drop boxes, settle tables) whose text lxml can write back wherever it
    moves: without the characters a parsed page may hold from `&#1;` and the like (`NOT_XML`)."""
    page = copy.deepcopy(root)
    for element in page.iter():
        if element.text and NOT_XML.search(element.text):
            element.text = NOT_XML.sub("", element.text)
        if element.tail and NOT_XML.search(element.tail):
            element.tail = NOT_XML.sub("", element.tail)
    return page


def parse_page(data: str | bytes) -> html.HtmlElement:
    """One lxml tree of the page, or NotAnArticle("not_html") when there is no HTML to parse."""
    raw = cut_page_chrome(page_bytes(data)).translate(None, _CONTROL_BYTES)
    if not _MARKUP.search(raw[:8192]):
        raise NotAnArticle("not_html", "no markup in the document" if raw.strip() else "empty document")
    try:
        root = html.document_fromstring(raw, parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise NotAnArticle("not_html", str(exc)) from exc
    if root is None or not isinstance(root.tag, str):
        raise NotAnArticle("not_html", "no root element")
    empty_page_chrome(root)
    return root
