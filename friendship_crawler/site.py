"""The section's own names and paths: one home for the spider, its arguments and both reading paths.

A new subsection is added here, and the spider's `sections` argument, the listing trail given to
`read_article` and the text cleaner's breadcrumb splitting all follow. The crawl still discovers the
live list from the section page's menu: a subsection found there is walked (and accepted by
`-a sections=`) whether or not it is listed here.
"""

from __future__ import annotations

import re

SECTION_SLUG = "huu-nghi"
SECTION_NAME = "Hữu nghị"
SECTION_PATH = f"/{SECTION_SLUG}"

SUBSECTIONS: dict[str, str] = {
    "bon-phuong-ket-ban": "Bốn phương kết bạn",
    "chan-dung-be-ban": "Chân dung bè bạn",
    "than-gui-viet-nam": "Thân gửi Việt Nam",
    "nhip-cau-huu-nghi": "Nhịp cầu hữu nghị",
}
"""Subsections known by slug and name; the first three are observed on the live site (SITE.md)."""

NOT_SUBSECTIONS = frozenset({"rss", "feed", "amp", "tag", "search"})
"""Paths under the section that its menu may link and that are no subsection's listing: its feed, its
tags, its search."""

SECTION_NAMES = (SECTION_NAME, *SUBSECTIONS.values())
"""Names a breadcrumb is made of, the section first."""

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""What a subsection slug looks like (`/huu-nghi/<slug>`)."""


def section_trail(slug: str, discovered: dict[str, str] | None = None) -> list[str]:
    """A listing's breadcrumb: the section, then the subsection's name (known, else as the menu shows it)."""
    name = SUBSECTIONS.get(slug) or (discovered or {}).get(slug)
    return [SECTION_NAME, name] if slug != SECTION_SLUG and name else [SECTION_NAME]
