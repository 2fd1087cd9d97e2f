"""Page text as a text browser shows it: one line per block, `<img alt>` in place of the image.

The saved page texts of the real site (`sample-documents/`) were made this way; rendering replica pages
the same way lets tests compare their shape with those texts and feed replica pages to the text cleaner.
Like those texts, the header menu is left out: they start at the breadcrumb line.
"""

from __future__ import annotations

import lxml.html
from lxml.etree import _Element

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
SKIPPED_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "header", "nav", "iframe", "svg"}
)
IMAGE_TAGS = frozenset({"img", "amp-img"})


def render_page_text(html: str) -> str:
    """The page's visible text, one block per line, whitespace collapsed, empty lines dropped."""
    root = lxml.html.document_fromstring(html)
    lines: list[str] = []
    pending: list[str] = []
    _walk(root, lines, pending)
    _flush(lines, pending)
    return "\n".join(lines)


def _walk(element: _Element, lines: list[str], pending: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED_TAGS or not tag:
        return
    block = tag in BLOCK_TAGS
    if block:
        _flush(lines, pending)
    if tag in IMAGE_TAGS:
        pending.append(f" {element.get('alt') or ''} ")
    elif tag == "br":
        _flush(lines, pending)
    elif tag == "td":
        pending.append(" ")
    if element.text:
        pending.append(element.text)
    for child in element:
        _walk(child, lines, pending)
        if child.tail:
            pending.append(child.tail)
    if block:
        _flush(lines, pending)


def _flush(lines: list[str], pending: list[str]) -> None:
    text = " ".join("".join(pending).split())
    pending.clear()
    if text:
        lines.append(text)
