"""Dates the page head states (JSON-LD, meta), in the one shape the record uses.

JSON-LD and meta carry ISO strings with `Z`, other offsets, missing seconds or no time at all; all become
`2023-08-09T16:43:00+07:00`, and times without an offset are read as Vietnam time. The visible date line
("16:43 | 09/08/2023 GMT+7 |") is the site's convention, read by `site_rules.parse_date_line`.
"""

from __future__ import annotations

import re
from datetime import datetime

from friendship_crawler.site_rules import iso_vietnam, parse_date_line

_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
DAY_ALONE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
"""A machine date without a time of day ("2025-05-12"): a date line the page shows on that day is exact."""


def parse_iso(value: object) -> str | None:
    """An ISO 8601 string (JSON-LD, meta) normalised; None when it is not a date."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    text = re.sub(r"[zZ]$", "+00:00", text)
    text = _COMPACT_OFFSET.sub(r"\1:\2", text)
    try:
        return iso_vietnam(datetime.fromisoformat(text))
    except ValueError:
        return parse_date_line(text)
