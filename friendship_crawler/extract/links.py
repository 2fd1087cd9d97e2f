"""Article URLs as the record keeps them: the page's own URL and the related articles it links.

Every link on the site's hosts is folded to `<canonical root>/<slug>-<id>.html` (hosts, AMP/mobile,
tracking parameters); a page fetched from a local replica also trusts the replica's loopback aliases,
which stand in for the site's hosts. A page of another host (a sister site read by `reprocess` or a test)
keeps its own host: its ids are not the site's, and folding them onto it would invent an article.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

from friendship_crawler.extract import selectors
from friendship_crawler.extract.body import text_of, visible_text
from friendship_crawler.extract.marks import PageMarks
from friendship_crawler.hosts import is_loopback_host
from friendship_crawler.site_rules import RELATED_BOX_TITLES, marker_key
from friendship_crawler.urls import (
    SITE_HOSTS,
    absolute_url,
    article_id,
    canonical_article_url,
    http_parts,
    strip_tracking,
)

RELATED_BOX_CLIMB = 3
"""How many ancestors above a "Tin bài liên quan" heading may hold the box's links."""


class LinkFolder:
    """Folds the links of one page onto canonical article URLs."""

    def __init__(self, canonical_root: str, page_url: str, base: str | None = None) -> None:
        self.canonical_root = canonical_root
        self.page_url = page_url
        self.page_host = _host(page_url)
        self.base = base
        """The page's `<base href>`, absolute: what its relative links are read against, when it has one."""

    def on_site(self, url: str) -> bool:
        """Is this absolute URL on the site (or, for a replica page, on one of its loopback aliases)?"""
        host = _host(url)
        if host in SITE_HOSTS or (host and same_site_name(host, self.page_host)):
            return True
        return is_loopback_host(self.page_host) and is_loopback_host(host)

    def article_url(self, href: str | None) -> str | None:
        """The canonical URL of an article link, or None for other links and other hosts."""
        if not href or not href.strip():
            return None
        href = href.strip()
        joined = absolute_url(self.base, href) if self.base else None
        return _fold(self.canonical_root, self.page_url, joined or href)

    def article_urls(self, hrefs: Iterable[str | None], exclude: str | None = None) -> list[str]:
        """Canonical article URLs of `hrefs`, in order, without repeats and without `exclude`."""
        seen = {exclude} if exclude else set()
        urls: list[str] = []
        for href in hrefs:
            url = self.article_url(href)
            if url and url not in seen:
                seen.add(url)
                urls.append(url)
        return urls


def related_box_hrefs(root: HtmlElement, marks: PageMarks) -> list[str]:
    """`href`s of the "Tin bài liên quan" box(es) after the article, in page order; `marks` are the page's."""
    headings = [e for e in root.iterdescendants(*selectors.BOX_HEADING_TAGS) if _says_related(e)]
    titled = [
        e
        for e in marks.with_classes_like(selectors.TITLED_CLASS)
        if e.tag in selectors.TITLED_BOX_TAGS and _says_related(e)
    ]
    hrefs: list[str] = []
    for heading in selectors.BOX_TITLES(root, headings=headings, titled=titled):
        if marker_key(visible_text(heading)) not in RELATED_BOX_TITLES:
            continue
        own = set(heading.iter("a"))  # the elements themselves: a freed proxy's id is reused
        box = heading.getparent()
        for _ in range(RELATED_BOX_CLIMB):
            if box is None:
                break
            links = [a for a in box.iter("a") if a not in own and a.get("href")]
            if links:
                hrefs.extend(a.get("href", "") for a in links)
                break
            if _is_whole_box(box):
                break  # an empty related box: its neighbours are other boxes, not its links
            box = box.getparent()
    return hrefs


def _says_related(heading: HtmlElement) -> bool:
    """The heading's text says a mark of a related box's title (`selectors.SAYS_RELATED`)."""
    return selectors.SAYS_RELATED.search(text_of(heading)) is not None


def _is_whole_box(element: HtmlElement) -> bool:
    """A box of its own (not a mere wrapper around the heading), or the page itself."""
    if element.tag in {"body", "html", "article", "main", "section"} or len(element) > 1:
        return True
    classes = element.get("class") or ""
    return "box" in classes.lower() or selectors.names_related(classes)


EDITION_PREFIXES = ("www.", "m.", "mobile.", "amp.")
"""Names a site serves its pages under beside its bare name: its web, mobile and AMP editions."""


def same_site_name(host: str, other: str) -> bool:
    """The same host, or the same site under another edition's name (`m.baoquocte.vn`, `baoquocte.vn`)."""
    return host == other or _bare_host(host) == _bare_host(other)


def _bare_host(host: str) -> str:
    for prefix in EDITION_PREFIXES:
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host


@lru_cache(maxsize=8192)
def _fold(canonical_root: str, page_url: str, href: str) -> str | None:
    """Pure and cached: trailer boxes repeat the same links on every page of a crawl."""
    try:
        absolute = urljoin(page_url, href)
        if urlsplit(absolute).scheme not in {"http", "https"}:
            return None
        if not LinkFolder(canonical_root, page_url).on_site(absolute) or article_id(absolute) is None:
            return None
        return canonical_article_url(strip_tracking(absolute), fold_root(canonical_root, absolute))
    except ValueError:
        return None


def fold_root(canonical_root: str, url: str) -> str:
    """The root an article URL folds onto: the canonical root for the site's hosts and loopback names,
    its own origin for any other host."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if host in SITE_HOSTS or is_loopback_host(host):
        return canonical_root
    return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


def page_base(page_url: str, base: str | None) -> str | None:
    """The absolute address of a page's `<base href>`, None without one or for one that is no address."""
    joined = absolute_url(page_url, base) if base else None
    return joined if joined and http_parts(joined) is not None else None


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
