"""Fault injection: the modes a `ReplicaConfig.faults` entry may name, and what each one answers.

A mode turns the request about to be served into a misbehaving answer: an HTTP error, a dropped or stalled
connection, a body cut short, a page in a wrong charset, a hostile or broken page, a redirect to nowhere, a
pagination trap. Which requests a mode hits is decided from a seeded hash of the page (not a shared random
stream), so a run with many concurrent requests faults the same pages every time:

- transient modes (`attempts` set) fault a selected page on its first N requests only, so a retrying
  crawler recovers it and must export every article;
- permanent modes fault a selected page on every request; `recoverable` says whether the article can
  still be exported (charset and markup faults) or is lost (oversized page, redirect loop ...), in which
  case the run must count it under a reason.

Unrecoverable modes select only plain stories (never a duplicate pair or a non-article page) so that the
expected export is simply the ground truth minus `ReplicaServer.lost_ids()`.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from friendship_crawler.replica.site import PathKind, Response, parse_path

ARTICLE_KINDS: frozenset[PathKind] = frozenset({"article", "amp"})
PAGE_KINDS: frozenset[PathKind] = frozenset({"article", "amp", "listing"})
LISTING_KINDS: frozenset[PathKind] = frozenset({"listing"})
BOMB_BYTES = 32 * 1024 * 1024
"""What a gzip bomb inflates to: far over any sane `DOWNLOAD_MAXSIZE`, about 32 KiB on the wire."""
_ARTICLE_ID = re.compile(r"-(\d+)\.html$")


@dataclass(frozen=True)
class FaultResponse(Response):
    """An answer that also misbehaves on the wire (the server honours these fields)."""

    delay: float = 0.0
    """Seconds to stall before sending anything."""
    reset: bool = False
    """Abort the connection (TCP reset) instead of answering."""
    declared_length: int | None = None
    """Content-Length to announce instead of the body's length (a body cut short when larger)."""


@dataclass(frozen=True)
class FaultRequest:
    """What a fault mode knows of the request it replaces."""

    path: str
    kind: PathKind
    host: str
    attempt: int = 1
    """1 the first time this page is faulted by this mode, 2 the second time, and so on."""
    original: Callable[[], Response] = field(default=lambda: Response(404), compare=False)
    """The answer the page would get without the fault."""
    canonical: str = "http://127.0.0.1"
    """The replica's canonical base URL, for redirects."""
    slow_seconds: float = 3.0
    oversize_bytes: int = 9 * 1024 * 1024


@dataclass(frozen=True)
class FaultMode:
    """One selectable fault: what it answers, which pages it may hit, and whether a crawl can recover."""

    answer: Callable[[FaultRequest], Response]
    kinds: frozenset[PathKind]
    attempts: int | None = None
    """Transient: fault only the first N requests of a page. None: fault every request."""
    recoverable: bool = True
    """False: the page is lost for good; the run must count it by reason."""
    reason: str = ""
    """What the crawl is expected to count a lost page under (documentation and bench report)."""
    per_listing: bool = False
    """Select whole listings (by section path) rather than single pages."""

    @property
    def transient(self) -> bool:
        return self.attempts is not None


def selects(mode: str, key: str, probability: float, seed: int) -> bool:
    """Deterministic per page: the same seed, mode and key always give the same answer."""
    if probability <= 0.0:
        return False
    digest = hashlib.sha256(f"{seed}:{mode}:{key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < probability


def fault_key(path: str, kind: PathKind, per_listing: bool = False) -> str:
    """What a page is selected by: the article id (any URL variant), or the listing page (or listing)."""
    parsed = parse_path(path)
    if kind in ARTICLE_KINDS:
        match = _ARTICLE_ID.search(parsed.path)
        if match:
            return f"article:{int(match[1])}"
    if per_listing:
        return f"listing:{parsed.path.rstrip('/')}"
    return path


# --- transient transport and HTTP faults ------------------------------------------------------------
def http_429(request: FaultRequest) -> Response:
    """Cloudflare rate limiting: "too many requests", come back in a second."""
    body = b"<html><body><h1>429 Too Many Requests</h1></body></html>"
    return Response(429, body, headers=(("Retry-After", "1"),))


def http_503(request: FaultRequest) -> Response:
    """Cloudflare-style "service unavailable", asking the client to come back in a second."""
    body = b"<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"
    return Response(503, body, headers=(("Retry-After", "1"),))


def connection_reset(request: FaultRequest) -> Response:
    """The connection is reset before any byte of the answer."""
    return FaultResponse(200, reset=True)


def slow(request: FaultRequest) -> Response:
    """The page arrives, but only after longer than the crawl's download timeout."""
    page = request.original()
    return FaultResponse(page.status, page.body, page.content_type, page.headers, delay=request.slow_seconds)


def truncated(request: FaultRequest) -> Response:
    """Content-Length promises the whole page, the connection closes after half of it."""
    page = request.original()
    half = page.body[: len(page.body) // 2]
    return FaultResponse(page.status, half, page.content_type, page.headers, declared_length=len(page.body))


def cut_html(request: FaultRequest) -> Response:
    """The page cut three paragraphs into its body (two thirds in, without paragraphs), its Content-Length
    that of what is sent (a chunked answer, a cache that kept a cut page): nothing at the transport level
    says it is short."""
    page = request.original()
    body = page.body
    end = max(body.find(b"<body"), 0)
    for _ in range(3):
        paragraph_end = body.find(b"</p>", end)
        if paragraph_end < 0:
            end = len(body) * 2 // 3
            break
        end = paragraph_end + len(b"</p>")
    return Response(page.status, body[:end], page.content_type, page.headers)


def gzip_cut(request: FaultRequest) -> Response:
    """The page gzipped and cut short, its length declared as sent: the HTTP answer is whole, the gzip
    stream is not (a proxy or CDN that dropped the connection's end)."""
    page = request.original()
    packed = gzip.compress(page.body)
    return Response(
        page.status,
        packed[: len(packed) * 3 // 5],
        page.content_type,
        (*page.headers, ("Content-Encoding", "gzip")),
    )


def empty_200(request: FaultRequest) -> Response:
    """HTTP 200 with an empty body, as a struggling origin behind a CDN sometimes answers."""
    return Response(200, b"")


# --- charset and Unicode faults (permanent, recoverable) --------------------------------------------
_META_CHARSET = re.compile(rb'<meta charset="utf-8">', re.I)


def wrong_charset(request: FaultRequest) -> Response:
    """A UTF-8 page declared as windows-1252, in the header and in the page."""
    page = request.original()
    body = _META_CHARSET.sub(b'<meta charset="windows-1252">', page.body, count=1)
    return Response(page.status, body, "text/html; charset=windows-1252", page.headers)


def missing_charset(request: FaultRequest) -> Response:
    """A UTF-8 page with no charset anywhere: neither in Content-Type nor in a meta tag."""
    page = request.original()
    return Response(page.status, _META_CHARSET.sub(b"", page.body, count=1), "text/html", page.headers)


def bom(request: FaultRequest) -> Response:
    """A UTF-8 page starting with a byte order mark."""
    page = request.original()
    return Response(page.status, b"\xef\xbb\xbf" + page.body, page.content_type, page.headers)


def nfd(request: FaultRequest) -> Response:
    """Every Vietnamese letter decomposed (NFD), as pages pasted from some editors are."""
    page = request.original()
    body = unicodedata.normalize("NFD", page.body.decode("utf-8")).encode("utf-8")
    return Response(page.status, body, page.content_type, page.headers)


# --- pages that cannot be fetched (permanent, unrecoverable) ----------------------------------------
def oversized(request: FaultRequest) -> Response:
    """The page padded with a comment to `oversize_bytes`, over the crawl's `DOWNLOAD_MAXSIZE`."""
    page = request.original()
    padding = max(0, request.oversize_bytes - len(page.body))
    body = page.body.replace(b"</body>", b"<!--" + b"x" * padding + b"--></body>", 1)
    return Response(page.status, body, page.content_type, page.headers)


def gzip_bomb(request: FaultRequest) -> Response:
    """A small gzip body that inflates to `BOMB_BYTES`."""
    return Response(200, _bomb(), headers=(("Content-Encoding", "gzip"),))


@functools.cache
def _bomb() -> bytes:
    """Built once per process, chunk by chunk (never holding the inflated bytes)."""
    out = io.BytesIO()
    chunk = b" " * (1024 * 1024)
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6) as packer:
        packer.write(b"<html><body>")
        for _ in range(BOMB_BYTES // len(chunk)):
            packer.write(chunk)
    return out.getvalue()


def redirect_loop(request: FaultRequest) -> Response:
    """Each answer redirects to the same page with a new `&loop=N`: a loop no dupefilter catches."""
    parsed = parse_path(request.path)
    step = int(parsed.params.get("loop", "0")) + 1 if parsed.params.get("loop", "0").isdigit() else 1
    return _redirect(f"{request.canonical}{parsed.path}&loop={step}")


OFFSITE_TARGETS = ("https://evil.example.net{path}", "https://vietnamtimes.thoidai.com.vn{path}")
PRIVATE_TARGETS = (
    "http://10.0.0.1{path}",
    "http://192.168.1.1{path}",
    "http://169.254.169.254/latest/meta-data{path}",
    "http://127.0.0.1:1{path}",
    "http://[fd00::1]{path}",
)


def redirect_offsite(request: FaultRequest) -> Response:
    """A redirect to a host that is not the site's."""
    path = parse_path(request.path).path
    return _redirect(OFFSITE_TARGETS[len(path) % len(OFFSITE_TARGETS)].format(path=path))


def redirect_private(request: FaultRequest) -> Response:
    """A redirect to an IP literal: a private, link-local (cloud metadata) or other-port loopback address."""
    path = parse_path(request.path).path
    return _redirect(PRIVATE_TARGETS[len(path) % len(PRIVATE_TARGETS)].format(path=path))


def redirect_scheme(request: FaultRequest) -> Response:
    """A redirect to a `file:` or `javascript:` URL."""
    path = parse_path(request.path).path
    return _redirect("file:///etc/passwd" if len(path) % 2 else "javascript:alert(document.cookie)")


def _redirect(location: str) -> Response:
    return Response(302, b"", headers=(("Location", location),))


# --- hostile and broken markup (permanent, recoverable) ---------------------------------------------
_CLOSING_AUTO = re.compile(rb"</(?:p|li|td|tr|h2|h3|span)>", re.I)


def unclosed_tags(request: FaultRequest) -> Response:
    """Paragraphs, list items, cells and headings never closed."""
    page = request.original()
    return Response(page.status, _CLOSING_AUTO.sub(b"", page.body), page.content_type, page.headers)


def nested_tables(request: FaultRequest) -> Response:
    """The article wrapped in three levels of layout tables, as old CMS skins do."""
    page = request.original()
    opening = b"<table><tr><td>" * 3
    closing = b"</td></tr></table>" * 3
    body = page.body.replace(b'<div class="article-detail">', opening + b'<div class="article-detail">', 1)
    body = body.replace(b'<div class="box-related">', closing + b'<div class="box-related">', 1)
    return Response(page.status, body, page.content_type, page.headers)


def no_container(request: FaultRequest) -> Response:
    """The body's content container renamed: selectors find no body, generic extraction must."""
    page = request.original()
    body = page.body
    for signature in (b"__MB_CONTENT_FOR_PRINTER", b"__MB_MASTERCMS_EL", b"__MASTERCMS_CONTENT"):
        body = body.replace(signature, b"story-content-x")
    return Response(page.status, body, page.content_type, page.headers)


_H1 = re.compile(rb'(<h1 class="article-detail-title">)(.*?)(</h1>)', re.S)
_HEAD_TITLE = re.compile(rb"(<title>)(.*?)(</title>)", re.S)
SCRIPT_MARKER = "friendship-fault-script"
"""Text inside the script injected into titles: it must never reach a record."""


def script_title(request: FaultRequest) -> Response:
    """A headline with inline markup and a script inside it, and markup-looking text in `<title>`."""
    page = request.original()
    script = f"<script>var x='{SCRIPT_MARKER}';</script>".encode()
    body = _H1.sub(lambda m: m[1] + b"<b>" + script + m[2] + b"</b><i></i>" + m[3], page.body, count=1)
    body = _HEAD_TITLE.sub(lambda m: m[1] + b"&lt;b&gt;" + m[2] + m[3], body, count=1)
    return Response(page.status, body, page.content_type, page.headers)


HOSTILE_SECTION_NAMES = ("../../../../tmp/friendship-escape", "/tmp/friendship-escape-abs", "..")


def hostile_paths(request: FaultRequest) -> Response:
    """Breadcrumb names that look like paths (`../`, absolute): page content that must never become one."""
    page = request.original()
    crumbs = "".join(f'<a href="/huu-nghi">{name}</a>' for name in HOSTILE_SECTION_NAMES).encode()
    body = page.body.replace(b'<div class="breadcrumbs">', b'<div class="breadcrumbs">' + crumbs, 1)
    return Response(page.status, body, page.content_type, page.headers)


HOSTILE_LINKS = (
    "file:///etc/passwd",
    "javascript:alert(document.cookie)",
    "http://10.0.0.1/huu-nghi/bai-viet-123456.html",
    "http://169.254.169.254/latest/meta-data/x-123457.html",
    "http://127.0.0.1:1/bai-viet-123458.html",
    "https://evil.example.net/bai-viet-123459.html",
    "data:text/html,<script>alert(1)</script>",
)


def hostile_links(request: FaultRequest) -> Response:
    """Listing entries that point at `file:`, `javascript:`, private and foreign URLs."""
    page = request.original()
    entries = "".join(
        f'<div class="article"><h3><a href="{href}">Bài viết {n}</a></h3></div>'
        f'<div class="bx-article"><h3><a href="{href}">Bài viết {n}</a></h3></div>'
        f'<article class="article"><h3 class="article-title"><a href="{href}">Bài viết {n}</a></h3></article>'
        for n, href in enumerate(HOSTILE_LINKS)
    ).encode()
    body = re.sub(
        rb'(<div class="(?:_BX_LISTING|_MB_CATEGORY_LIST|cat-content __MB_LIST_ITEM)"[^>]*>)',
        lambda m: m[1] + entries,
        page.body,
        count=1,
    )
    return Response(page.status, body, page.content_type, page.headers)


# Pagination traps are rendered by the site itself (they need the corpus); these markers name them.
def listing_endless(request: FaultRequest) -> Response:
    """Past its last page the listing never ends: the same entries again, with a next link further on."""
    return request.original()


def listing_first_page(request: FaultRequest) -> Response:
    """Every offset of the listing answers its first page."""
    return request.original()


FAULT_MODES: dict[str, FaultMode] = {
    "http_503": FaultMode(http_503, PAGE_KINDS, attempts=2),
    "http_429": FaultMode(http_429, PAGE_KINDS, attempts=1),
    "connection_reset": FaultMode(connection_reset, PAGE_KINDS, attempts=1),
    "slow": FaultMode(slow, PAGE_KINDS, attempts=1),
    "truncated": FaultMode(truncated, PAGE_KINDS, attempts=1),
    "gzip_cut": FaultMode(gzip_cut, ARTICLE_KINDS, attempts=1),
    "cut_html": FaultMode(cut_html, ARTICLE_KINDS, attempts=1),
    "empty_200": FaultMode(empty_200, PAGE_KINDS, attempts=1),
    "wrong_charset": FaultMode(wrong_charset, ARTICLE_KINDS),
    "missing_charset": FaultMode(missing_charset, ARTICLE_KINDS),
    "bom": FaultMode(bom, ARTICLE_KINDS),
    "nfd": FaultMode(nfd, ARTICLE_KINDS),
    "oversized": FaultMode(oversized, ARTICLE_KINDS, recoverable=False, reason="oversized"),
    "gzip_bomb": FaultMode(gzip_bomb, ARTICLE_KINDS, recoverable=False, reason="decompression_bomb"),
    "redirect_loop": FaultMode(redirect_loop, ARTICLE_KINDS, recoverable=False, reason="redirect_loop"),
    "redirect_offsite": FaultMode(redirect_offsite, ARTICLE_KINDS, recoverable=False, reason="offsite"),
    "redirect_private": FaultMode(redirect_private, ARTICLE_KINDS, recoverable=False, reason="offsite"),
    "redirect_scheme": FaultMode(redirect_scheme, ARTICLE_KINDS, recoverable=False, reason="http_302"),
    "unclosed_tags": FaultMode(unclosed_tags, ARTICLE_KINDS),
    "nested_tables": FaultMode(nested_tables, ARTICLE_KINDS),
    "no_container": FaultMode(no_container, ARTICLE_KINDS),
    "script_title": FaultMode(script_title, ARTICLE_KINDS),
    "hostile_paths": FaultMode(hostile_paths, ARTICLE_KINDS),
    "hostile_links": FaultMode(hostile_links, LISTING_KINDS),
    "listing_endless": FaultMode(listing_endless, LISTING_KINDS, per_listing=True),
    "listing_first_page": FaultMode(listing_first_page, LISTING_KINDS, per_listing=True),
}
LISTING_TRAPS = frozenset({"listing_endless", "listing_first_page"})
"""Modes the site renders itself; they trap subsection listings only, so every article stays reachable
through the section's own listing (which lists the subsections' articles too)."""
