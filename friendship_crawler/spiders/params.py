"""The `friendship` spider's arguments, validated once when the spider is built, and described by `-a help=1`.

Each argument's meaning, default and allowed values live beside its field in `CrawlParams`; the help
table and the error messages are made from them, so what `-a help=1` prints is what `parse` accepts.
"""

from __future__ import annotations

import sys
import textwrap
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from friendship_crawler.hosts import is_loopback_host
from friendship_crawler.site import SECTION_SLUG, SLUG, SUBSECTIONS
from friendship_crawler.urls import CANONICAL_ROOT, SITE_HOSTS, BadPort, http_url

ALLOWED_SECTIONS = (SECTION_SLUG, *SUBSECTIONS)
"""The listings known by slug; any other well-formed slug names a subsection the section's menu may list."""
HELP_ARGUMENT = "help"
"""`-a help=1` prints the argument table and ends the program before anything is fetched."""
_FLAG_VALUES = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}
_WHOLE_NUMBER = "a whole number of 1 or more"
_DAY = "a date as YYYY-MM-DD, e.g. 2024-01-31"


class SpiderArgumentError(ValueError):
    """A spider argument (`-a name=value`) that cannot be used; the message names the allowed values."""


def _argument(default: Any, meaning: str, allowed: str, shown_default: str | None = None) -> Any:
    """A `CrawlParams` field with what the help table says about it."""
    shown = shown_default if shown_default is not None else str(default)
    return field(default=default, metadata={"meaning": meaning, "allowed": allowed, "default": shown})


@dataclass(frozen=True)
class CrawlParams:
    """Typed spider arguments."""

    base_url: str = _argument(
        CANONICAL_ROOT,
        "Site root to crawl: the real site, or a local replica.",
        f"http(s) root on {', '.join(sorted(SITE_HOSTS))}, or on 127.0.0.1 / localhost (a replica)",
    )
    sections: frozenset[str] | None = _argument(
        None,
        f"Comma-separated listings to walk ({SECTION_SLUG} is the section's own listing).",
        f"{', '.join(ALLOWED_SECTIONS)}, or another subsection slug the section's menu links to",
        shown_default="every listing the section page's menu links to",
    )
    max_pages: int | None = _argument(
        None, "Listing pages read per listing at most.", _WHOLE_NUMBER, shown_default="no limit"
    )
    since: date | None = _argument(
        None,
        "Skip articles published before this day; a listing stops paging once its entries are older.",
        _DAY,
        shown_default="none",
    )
    until: date | None = _argument(
        None, "Skip articles published after this day.", _DAY, shown_default="none"
    )
    recheck_days: int = _argument(
        0,
        "Re-fetch known articles published in the last N days, to catch edits.",
        _WHOLE_NUMBER,
        shown_default="off",
    )
    full: bool = _argument(
        False,
        "Walk every listing to its end and fetch every article, known or not.",
        ", ".join(_FLAG_VALUES),
        shown_default="0",
    )

    @classmethod
    def parse(cls, **raw: str | None) -> CrawlParams:
        """Validate `-a` arguments (all strings) into CrawlParams, or raise SpiderArgumentError.

        `help` among them prints the argument table and raises `SystemExit(0)`, as argparse does for
        `--help`: the crawl must not start, and asking for help is not an error.
        """
        if HELP_ARGUMENT in raw:
            if _flag(HELP_ARGUMENT, raw[HELP_ARGUMENT]) or raw[HELP_ARGUMENT] == "":  # `-a help=` asks too
                sys.stdout.write(arguments_help())
                raise SystemExit(0)
            raw = {name: value for name, value in raw.items() if name != HELP_ARGUMENT}  # `help=0`: no help
        unknown = set(raw) - set(ARGUMENTS)
        if unknown:
            raise SpiderArgumentError(
                f"unknown argument(s) {sorted(unknown)}; allowed: {', '.join(ARGUMENTS)} "
                f"(-a {HELP_ARGUMENT}=1 describes them)"
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


ARGUMENTS: tuple[str, ...] = tuple(f.name for f in fields(CrawlParams))


def arguments_help(width: int = 100) -> str:
    """The argument table `-a help=1` prints: each argument with its meaning, default and allowed values."""
    lines = ["Arguments of the friendship spider: scrapy crawl friendship -a NAME=VALUE [-a NAME=VALUE ...]"]
    indent = " " * 16
    for arg in fields(CrawlParams):
        about = arg.metadata
        lines.append(
            textwrap.fill(
                about["meaning"], width, initial_indent=f"\n  {arg.name:<13} ", subsequent_indent=indent
            )
        )
        for label in ("default", "allowed"):
            lines.append(
                textwrap.fill(
                    f"{label}: {about[label]}",
                    width,
                    initial_indent=indent,
                    subsequent_indent=indent + "  ",
                    break_on_hyphens=False,  # a slug stays whole
                )
            )
    return "\n".join(lines) + "\n"


def _base_url(value: str | None) -> str:
    if not value:
        return CANONICAL_ROOT
    try:
        parts = http_url(value.strip())
    except BadPort:
        raise SpiderArgumentError(f"base_url's port must be a number up to 65535, got {value!r}") from None
    except ValueError:
        raise SpiderArgumentError(
            f"base_url must be an http(s) site root such as {CANONICAL_ROOT} or http://127.0.0.1:8000, "
            f"got {value!r}"
        ) from None
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise SpiderArgumentError(f"base_url must be a site root without path or query, got {value!r}")
    host = (parts.hostname or "").lower()  # http_url saw to it that there is one
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
    if not slugs:
        raise SpiderArgumentError(
            f"sections {value!r} names no listing: give slugs like {', '.join(ALLOWED_SECTIONS)}"
        )
    malformed = sorted(s for s in slugs if not SLUG.match(s))
    if malformed:
        raise SpiderArgumentError(
            f"section(s) {malformed} are not slugs like {', '.join(ALLOWED_SECTIONS)} "
            "(lowercase ASCII words joined by '-')"
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
        raise SpiderArgumentError(f"{name} must be {_WHOLE_NUMBER}, got {value!r}")
    return number


def _date(name: str, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise SpiderArgumentError(f"{name} must be {_DAY}, got {value!r}") from None


def _flag(name: str, value: str | None) -> bool:
    if value in (None, ""):
        return False
    if value in _FLAG_VALUES:
        return _FLAG_VALUES[value]
    raise SpiderArgumentError(f"{name} must be one of {', '.join(_FLAG_VALUES)}; got {value!r}")
