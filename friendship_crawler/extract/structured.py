"""What the page states about itself in its head: JSON-LD `NewsArticle`, meta tags, the canonical link.

This is the most specific evidence for titles and dates, and it survives template changes of the body,
so the extractor reads it first and falls back to the visible markup.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from friendship_crawler.extract import selectors
from friendship_crawler.textnorm import normalize_line

_TAGS = re.compile(r"<[^>]*>")
_BLOCK_ENDS = re.compile(r"<(?:br|/p|/div|/li|/h[1-6]|/blockquote)\b[^>]*>", re.IGNORECASE)
"""Where a paragraph ends in markup set inside a JSON-LD string."""
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
"""A `\\uD800`-style escape of half a character: JSON decodes it, no UTF-8 text can hold it, so it goes."""
MAX_LD_DEPTH = 8
"""How deep in lists and `@graph`s a JSON-LD node is looked for (real pages nest two or three levels)."""


@dataclass
class HeadData:
    """Head evidence of one page; absent values are None or empty."""

    canonical: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    """Meta tags by lower-cased `property`, `name` or `itemprop`; the first of each name wins."""
    article_tags: list[str] = field(default_factory=list)
    """Every `article:tag` meta tag, in page order (Open Graph repeats it, one per tag)."""
    article: dict[str, Any] = field(default_factory=dict)
    """The first JSON-LD node typed as an article (`NewsArticle` and kin)."""
    breadcrumb: list[str] = field(default_factory=list)
    """Names of a JSON-LD `BreadcrumbList`, in position order."""
    html_title: str = ""
    base: str | None = None
    """The `href` of the page's `<base>`: what its relative links and images are read against."""
    time_datetime: str | None = None
    """The `datetime` of the page's first `<time>` element."""
    notes: list[str] = field(default_factory=list)
    """Problems met on the way (unparseable JSON-LD), for the caller to log."""

    def text(self, value: object) -> str | None:
        """A JSON-LD or meta string as plain NFC text (entities decoded, stray tags dropped)."""
        if not isinstance(value, str):
            return None
        cleaned = normalize_line(_TAGS.sub(" ", html.unescape(value)))
        return cleaned or None

    @property
    def headline(self) -> str | None:
        return self.text(self.article.get("headline") or self.article.get("name"))

    @property
    def is_article(self) -> bool:
        """The head itself says this is an article page."""
        return bool(self.article) or self.meta.get("og:type", "").lower() == "article"

    @property
    def ld_author(self) -> str | None:
        """The `Person` authors in JSON-LD, joined as a byline joins them ("Minh Anh, Thu Hà"); an
        organisation is the publisher, not a byline."""
        authors = self.article.get("author")
        names: list[str] = []
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, dict) and not _types(author) & {"Person"}:
                continue
            name = self.text(author.get("name") if isinstance(author, dict) else author)
            if name and name not in names:
                names.append(name)
        return ", ".join(names) or None

    @property
    def ld_url(self) -> str | None:
        page = self.article.get("mainEntityOfPage")
        if isinstance(page, dict):
            page = page.get("@id") or page.get("url")
        candidate = page if isinstance(page, str) else self.article.get("url")
        return candidate.strip() if isinstance(candidate, str) else None

    @property
    def ld_body_lines(self) -> list[str]:
        """The JSON-LD `articleBody`, one line per paragraph (a break or a paragraph's end in the markup some
        sites put there): the text of a page that renders its article by script alone."""
        body = self.article.get("articleBody")
        if not isinstance(body, str):
            return []
        text = html.unescape(_TAGS.sub(" ", _BLOCK_ENDS.sub("\n", body)))
        return [line for line in map(normalize_line, text.splitlines()) if line]

    @property
    def ld_keywords(self) -> list[str]:
        keywords = self.article.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        if not isinstance(keywords, list):
            return []
        return [k for k in (self.text(word) for word in keywords) if k]


def read_head(root: HtmlElement) -> HeadData:
    """Collect canonical link, meta tags and JSON-LD of a parsed page."""
    data = HeadData()
    for meta in selectors.META(root):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and key not in data.meta:
            data.meta[key] = meta.get("content", "")
        if key == "article:tag" and (tag := data.text(meta.get("content"))):
            data.article_tags.append(tag)
    for link in selectors.LINKS(root):
        if "canonical" in (link.get("rel") or "").lower().split():
            data.canonical = (link.get("href") or "").strip() or None
            break
    base = next((element for element in root.iter("base") if element.get("href") is not None), None)
    if base is not None:  # the first with an address, as a browser reads it; an empty one is the page's own
        data.base = (base.get("href") or "").strip() or None
    for title in selectors.HTML_TITLE(root)[:1]:
        data.html_title = normalize_line(title.text_content())
    for value in selectors.TIME_DATETIME(root)[:1]:
        data.time_datetime = str(value)
    for script in selectors.JSON_LD(root):
        _read_json_ld(script.text or "", data)
    return data


def _types(node: dict[str, Any]) -> set[str]:
    declared = node.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    return {name.rsplit("/", 1)[-1] for name in names if isinstance(name, str)}


def _nodes(value: Any, depth: int = 0) -> list[dict[str, Any]]:
    """Every object of a JSON-LD document, `@graph` members, a page's `mainEntity` (a WebPage around its
    NewsArticle) and list items included, to `MAX_LD_DEPTH`."""
    if depth > MAX_LD_DEPTH:
        return []
    if isinstance(value, list):
        return [node for item in value for node in _nodes(item, depth + 1)]
    if not isinstance(value, dict):
        return []
    return [
        value,
        *_nodes(value.get("@graph", []), depth + 1),
        *_nodes(value.get("mainEntity", []), depth + 1),
    ]


def _read_json_ld(raw: str, data: HeadData) -> None:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
    if not raw:
        return
    if "\\u" in raw:
        raw = _LONE_SURROGATE.sub("", raw)
    try:
        document = json.loads(raw, strict=False)
    except (ValueError, RecursionError) as exc:
        data.notes.append(f"unparseable JSON-LD: {exc}")
        return
    for node in _nodes(document):
        types = _types(node)
        if not data.article and types & selectors.ARTICLE_LD_TYPES:
            data.article = node
        elif not data.breadcrumb and "BreadcrumbList" in types:
            data.breadcrumb = _breadcrumb_names(node, data)


def _breadcrumb_names(node: dict[str, Any], data: HeadData) -> list[str]:
    items = node.get("itemListElement")
    if not isinstance(items, list):
        return []
    ranked: list[tuple[float, str]] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            continue
        inner = item.get("item")
        named = inner if isinstance(inner, dict) else item
        name = data.text(item.get("name") or named.get("name"))
        position = item.get("position")
        rank = float(position) if isinstance(position, int | float) else float(index)
        if name:
            ranked.append((rank, name))
    return [name for _, name in sorted(ranked)]
