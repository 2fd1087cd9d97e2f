"""The `friendship` spider's arguments, validated once when the spider is built."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from friendship_crawler.hosts import is_loopback_host
from friendship_crawler.urls import CANONICAL_ROOT, SITE_HOSTS

SECTION_PATH = "/huu-nghi"
KNOWN_SUBSECTIONS: dict[str, str] = {
    "bon-phuong-ket-ban": "Bốn phương kết bạn",
    "chan-dung-be-ban": "Chân dung bè bạn",
    "than-gui-viet-nam": "Thân gửi Việt Nam",
}
"""Subsections known to exist; the crawl discovers the live list from the section page's menu."""
SECTION_SLUG = "huu-nghi"
ALLOWED_SECTIONS = (SECTION_SLUG, *KNOWN_SUBSECTIONS)
ARGUMENTS = ("base_url", "sections", "max_pages", "since", "until", "recheck_days", "full")


class SpiderArgumentError(ValueError):
    """A spider argument (`-a name=value`) that cannot be used; the message names the allowed values."""


@dataclass(frozen=True)
class CrawlParams:
    """Typed spider arguments."""

    base_url: str = CANONICAL_ROOT
    """Site root to crawl: the real site by default, or a local replica (`http://127.0.0.1:PORT`)."""
    sections: frozenset[str] | None = None
    """Slugs of the listings to walk (`huu-nghi` is the section's own listing); None walks all discovered."""
    max_pages: int | None = None
    """Listing pages read per listing at most; None reads to the end."""
    since: date | None = None
    """Skip articles published before this day; a listing stops paging once its entries are older."""
    until: date | None = None
    """Skip articles published after this day."""
    recheck_days: int = 0
    """Re-fetch known articles published in the last N days, to catch edits."""
    full: bool = False
    """Walk every listing to its end and fetch every article, known or not."""

    @classmethod
    def parse(cls, **raw: str | None) -> CrawlParams:
        """Validate `-a` arguments (all strings) into CrawlParams, or raise SpiderArgumentError."""
        unknown = set(raw) - set(ARGUMENTS)
        if unknown:
            raise SpiderArgumentError(
                f"unknown argument(s) {sorted(unknown)}; allowed: {', '.join(ARGUMENTS)}"
            )
        params = cls(
            base_url=_base_url(raw.get("base_url")),
            sections=_sections(raw.get("sections")),
            max_pages=_positive_int("max_pages", raw.get("max_pages")),
            since=_date("since", raw.get("since")),
            until=_date("until", raw.get("until")),
            recheck_days=_positive_int("recheck_days", raw.get("recheck_days")) or 0,
            full=_flag("full", raw.get("full")),
        )
        if params.since and params.until and params.since > params.until:
            raise SpiderArgumentError(f"since ({params.since}) is after until ({params.until})")
        return params

    def wants(self, slug: str) -> bool:
        """Is the listing with this slug part of the crawl?"""
        return self.sections is None or slug in self.sections

    def in_window(self, day: date | None) -> bool:
        """Is a publication day inside since/until? Unknown days are kept."""
        if day is None:
            return True
        return not ((self.since and day < self.since) or (self.until and day > self.until))


def _base_url(value: str | None) -> str:
    if not value:
        return CANONICAL_ROOT
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise SpiderArgumentError(
            f"base_url must be an http(s) site root such as {CANONICAL_ROOT} or http://127.0.0.1:8000, "
            f"got {value!r}"
        )
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise SpiderArgumentError(f"base_url must be a site root without path or query, got {value!r}")
    host = parts.hostname.lower()
    if host not in SITE_HOSTS and not is_loopback_host(host):
        raise SpiderArgumentError(
            f"base_url must be on the site's hosts ({', '.join(sorted(SITE_HOSTS))}) or a local replica "
            f"(127.0.0.1, localhost), got {value!r}"
        )
    return f"{parts.scheme}://{parts.netloc}"


def _sections(value: str | None) -> frozenset[str] | None:
    if not value:
        return None
    names = (s.strip().strip("/") for s in value.split(","))
    slugs = {s.removeprefix(f"{SECTION_SLUG}/") for s in names if s}
    unknown = slugs - set(ALLOWED_SECTIONS)
    if unknown:
        raise SpiderArgumentError(
            f"unknown section(s) {sorted(unknown)}; allowed: {', '.join(ALLOWED_SECTIONS)}"
        )
    return frozenset(slugs)


def _positive_int(name: str, value: str | None) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value))
    except ValueError:
        number = -1
    if number < 1:
        raise SpiderArgumentError(f"{name} must be a whole number of 1 or more, got {value!r}")
    return number


def _date(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise SpiderArgumentError(
            f"{name} must be a date as YYYY-MM-DD, e.g. 2024-01-31, got {value!r}"
        ) from None


def _flag(name: str, value: str | None) -> bool:
    if value in (None, "", "0", "false", "no"):
        return False
    if value in ("1", "true", "yes"):
        return True
    raise SpiderArgumentError(f"{name} must be one of 1, 0, true, false, yes, no; got {value!r}")
