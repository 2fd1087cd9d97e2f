"""What the replica answers for a path: routing MasterCMS URLs to pages, with a cache of rendered bytes.

No sockets here, so a test can ask the site for a page directly (`ReplicaSite.respond(path)`).
MasterCMS puts query parameters after `&` with no `?` (`/huu-nghi&s_cond=&BRSR=16`), and shared links add
`?fbclid=`/`utm_*` after a `?`; both are read as parameters.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Literal

from friendship_crawler.replica import v2024
from friendship_crawler.replica.chrome import Hosts
from friendship_crawler.replica.corpus import SECTIONS, Corpus
from friendship_crawler.replica.listing_pages import (
    ROBOTS_TXT,
    home_page,
    listing_page,
    load_more,
    not_found_page,
    special_page,
)
from friendship_crawler.replica.templates import amp_page, article_page, print_page

PathKind = Literal["listing", "article", "amp", "robots", "other"]
ListingTrap = Literal["listing_endless", "listing_first_page"]
PATH_KINDS: tuple[PathKind, ...] = ("listing", "article", "amp", "robots", "other")
_ARTICLE = re.compile(r"^/(?P<slug>[a-z0-9][a-z0-9-]*?)-(?P<id>\d+)\.html$")
_SECTION_PATHS = {section.path: section for section in SECTIONS}
_CACHE_LIMIT = 4000
HTML = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Response:
    """Status, headers and body of one answer."""

    status: int
    body: bytes = b""
    content_type: str = HTML
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ParsedPath:
    path: str
    params: dict[str, str] = field(default_factory=dict)


def parse_path(raw: str) -> ParsedPath:
    """Split `/path&a=1?b=2` into the path and every parameter, wherever it was written."""
    raw, _, query = raw.partition("?")
    path, _, extra = raw.partition("&")
    params: dict[str, str] = {}
    for pair in (p for p in f"{extra}&{query}".split("&") if p):
        key, _, value = pair.partition("=")
        params.setdefault(key, value)
    return ParsedPath(path or "/", params)


def path_kind(raw: str) -> PathKind:
    """Which kind of page a request path asks for, from its shape alone (for the request log)."""
    parsed = parse_path(raw)
    if parsed.path == "/robots.txt":
        return "robots"
    if parsed.path.rstrip("/") in _SECTION_PATHS:
        return "listing"
    if _ARTICLE.match(parsed.path):
        return "amp" if parsed.params.get("amp") == "1" else "article"
    return "other"


class ReplicaSite:
    """Answers requests from the corpus; `lock` guards the corpus against a concurrent `advance`."""

    def __init__(self, corpus: Corpus, hosts: Hosts) -> None:
        self.corpus = corpus
        self.hosts = hosts
        self.lock = threading.RLock()
        self._cache: dict[str, Response] = {}

    def respond(self, raw: str, trap: ListingTrap | None = None) -> Response:
        """The answer for a raw request path; `trap` turns a subsection listing into a pagination trap."""
        key = f"{trap}:{raw}" if trap else raw
        with self.lock:
            cached = self._cache.get(key)
            if cached is None:
                parsed = parse_path(raw)
                cached = self._trapped(parsed, trap) if trap else None
                cached = cached or self._route(parsed)
                if len(self._cache) >= _CACHE_LIMIT:
                    self._cache.clear()
                self._cache[key] = cached
            return cached

    def _trapped(self, parsed: ParsedPath, trap: ListingTrap) -> Response | None:
        section = _SECTION_PATHS.get(parsed.path.rstrip("/"))
        offset = parsed.params.get("BRSR", "0")
        if section is None or not offset.isdigit():
            return None
        if trap == "listing_first_page":
            return _html(listing_page(section, 0, self.corpus, self.hosts))
        return _html(listing_page(section, int(offset), self.corpus, self.hosts, endless=True))

    def advance(self, steps: int) -> list[int]:
        with self.lock:
            added = self.corpus.advance(steps)
            self._cache.clear()
            return added

    def _route(self, parsed: ParsedPath) -> Response:
        path, params = parsed.path, parsed.params
        if path == "/robots.txt":
            return Response(200, ROBOTS_TXT.encode(), "text/plain; charset=utf-8")
        if path == "/":
            return _html(home_page(self.hosts))
        section = _SECTION_PATHS.get(path.rstrip("/"))
        if section is not None:
            offset = params.get("BRSR", "0")
            if not offset.isdigit():
                return self._not_found()
            return _html(listing_page(section, int(offset), self.corpus, self.hosts))
        if path == v2024.LOAD_MORE_PATH:
            return self._load_more(params)
        if path == "/apicenter@/print_article":
            story = self.corpus.stories.get(int(params["i"])) if params.get("i", "").isdigit() else None
            return _html(print_page(story, self.corpus, self.hosts)) if story else self._not_found()
        match = _ARTICLE.match(path)
        if match:
            return self._article(path, match["slug"], int(match["id"]), params)
        return self._not_found()

    def _article(self, path: str, slug: str, article_id: int, params: dict[str, str]) -> Response:
        story = self.corpus.stories.get(article_id)
        if story is not None and story.slug == slug:
            if params.get("mobile") == "yes" and params.get("amp") == "1":
                return _html(amp_page(story, self.corpus, self.hosts))
            render = v2024.article_page if story.generation == "v2024" else article_page
            return _html(render(story, self.corpus, self.hosts))
        if path in self.corpus.redirects:
            target = self.corpus.stories[self.corpus.redirects[path]]
            return Response(301, b"", HTML, (("Location", self.hosts.link(target.path)),))
        special = self.corpus.specials.get(article_id)
        if special is not None and special.slug == slug:
            return _html(special_page(special, self.corpus, self.hosts))
        return self._not_found()

    def _load_more(self, params: dict[str, str]) -> Response:
        section = v2024.section_of_load_more(params.get("cid", ""))
        offset = params.get("BRSR", "")
        page = (
            load_more(section, int(offset), self.corpus, self.hosts) if section and offset.isdigit() else None
        )
        return _html(page) if page is not None else self._not_found()

    def _not_found(self) -> Response:
        return Response(404, not_found_page(self.hosts).encode("utf-8"))


def _html(text: str) -> Response:
    return Response(200, text.encode("utf-8"))
