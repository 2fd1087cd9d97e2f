"""What the site's URLs mean: article ids, canonical forms, and which hosts belong to the site.

MasterCMS appends queries with `&` and no `?` (`/huu-nghi&s_cond=&BRSR=16`,
`...-194335.html&mobile=yes&amp=1`), so these helpers read the path and the query by hand
where `urllib` would misread them.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

SITE_HOSTS = frozenset({"thoidai.com.vn", "www.thoidai.com.vn", "tacnghiep.thoidai.com.vn"})
"""Hosts that serve the section (same path, same id); any other subdomain is a foreign-language subsite."""
CANONICAL_ROOT = "https://thoidai.com.vn"

_ARTICLE_PATH = re.compile(
    r"^/(?:[a-z0-9][a-z0-9-]*/)?(?P<slug>[a-z0-9][a-z0-9-]*?)-(?:post|d|a)?(?P<id>[1-9]\d{2,17})\.html?$"
)
"""`/<slug>-<id>.html`; sister sites on the same CMS mark the id with a letter or a word
(`-post301234.html`, `-d384321.html`, `-a320123.html`), which is not part of it, end it in `.htm`
(`-103441.htm`) or file it under one folder (`/bai-viet/<slug>-50211.htm`)."""
_PRINT_PATH = re.compile(r"^/apicenter@/print_article$")
_PRINT_ID = re.compile(r"(?:^|&)i=(?P<id>[1-9]\d{0,17})(?:&|$)")
"""An id is a number as the site writes one: no leading zero, and short enough to stay a number."""
_TRACKING = re.compile(r"^(?:utm_[a-z_]+|fbclid|gclid|zarsrc|_gl)$", re.I)


def split_mastercms(url: str) -> tuple[str, str, str, str]:
    """Split a URL into (scheme, host, path, query), reading `&` after the path as the query start; a URL
    that cannot be split (`http://[bad`) splits into empty parts, and names no article."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "", "", "", ""
    path, query = parts.path, parts.query
    if "&" in path:
        path, extra = path.split("&", 1)
        query = f"{extra}&{query}" if query else extra
    return parts.scheme, (parts.hostname or "").lower(), path, query


def article_id(url: str) -> int | None:
    """The numeric id of an article URL (any host, variant or print view); None for other pages."""
    _, _, path, query = split_mastercms(url)
    match = _ARTICLE_PATH.match(path)
    if match:
        return int(match["id"])
    if _PRINT_PATH.match(path):
        printed = _PRINT_ID.search(query)
        return int(printed["id"]) if printed else None
    return None


def linked_article_id(href: str | None) -> int | None:
    """The id of the article a link leads to, relative or not, whatever page it stands on; None for any
    other link (only the address's shape matters)."""
    return article_id(urljoin("https://host/", href)) if href else None


def article_slug(url: str) -> str | None:
    """The slug of an article URL (`/<slug>-<id>.html`, any host); None for other pages and print views."""
    match = _ARTICLE_PATH.match(split_mastercms(url)[2])
    return match["slug"] if match else None


def is_print_view(url: str) -> bool:
    """The print view of an article (`/apicenter@/print_article&i=<id>`), whose address has no slug."""
    return bool(_PRINT_PATH.match(split_mastercms(url)[2]))


def is_article_url(url: str) -> bool:
    """True for an article page, its AMP/mobile variant or its print view."""
    return article_id(url) is not None


def canonical_article_url(url: str, root: str = CANONICAL_ROOT) -> str:
    """Fold hosts, AMP/mobile and tracking parameters into `<root>/<slug>-<id>.html`.

    A print view carries no slug; it maps to `<root>/<id>.html` only as a last resort, and the
    extractor prefers the page's own `<link rel=canonical>` when there is one.
    """
    _, _, path, query = split_mastercms(url)
    if _ARTICLE_PATH.match(path):
        return f"{root.rstrip('/')}{path}"
    aid = article_id(url)
    if aid is None:
        raise ValueError(f"not an article URL: {url!r}")
    return f"{root.rstrip('/')}/{aid}.html"


def strip_tracking(url: str) -> str:
    """Drop `utm_*`, `fbclid` and similar parameters, keeping every other query parameter."""
    scheme, host, path, query = split_mastercms(url)
    if not query:
        return url
    kept = [p for p in query.split("&") if p and not _TRACKING.match(p.split("=", 1)[0])]
    parts = urlsplit(url)
    netloc = parts.netloc
    if "&" in parts.path:
        return urlunsplit((scheme, netloc, path, "", "")) + ("&" + "&".join(kept) if kept else "")
    return urlunsplit((scheme, netloc, path, "&".join(kept), ""))


def host_of(url: str) -> str:
    """Lower-case host name of a URL, without port ("" when the URL cannot be split)."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def absolute_url(base: str, href: str) -> str | None:
    """The absolute URL of a link read against `base`; None for one that is no URL (`http://[bad`)."""
    try:
        return urljoin(base, href.strip())
    except ValueError:
        return None


class BadPort(ValueError):
    """An http(s) URL whose port is no number up to 65535."""


def http_url(value: str) -> SplitResult:
    """The parts of an http(s) URL with a host; ValueError saying what is wrong with anything else (a
    path, a bare slug, another scheme, an unclosed `[` of IPv6; `BadPort` for a port that is no number
    up to 65535)."""
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise ValueError(f"{value!r} is no URL: {exc}") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"{value!r} is no http(s) URL with a host")
    try:
        parts.port  # noqa: B018 (reading it checks it)
    except ValueError:
        raise BadPort(f"{value!r} has a port that is no number up to 65535") from None
    return parts


def http_parts(value: str) -> SplitResult | None:
    """`http_url` of the stripped value, or None for anything that is no http(s) URL with a host."""
    try:
        return http_url(value.strip())
    except ValueError:
        return None
