"""Dates in the one shape the record uses: ISO 8601 to the second with the site's +07:00 offset.

The page shows "16:43 | 09/08/2023 GMT+7 |" (the print view drops "GMT+7"); JSON-LD and meta carry ISO
strings with `Z`, other offsets, missing seconds or no time at all. All become
`2023-08-09T16:43:00+07:00`; times without an offset are read as Vietnam time.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7))
_TIME_THEN_DATE = re.compile(
    r"(?P<h>\d{1,2})\s*[:hg]\s*(?P<mi>\d{2})(?::(?P<s>\d{2}))?\D{1,20}?"
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
)
_DATE_THEN_TIME = re.compile(
    r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"(?:\D{1,20}?(?P<h>\d{1,2})\s*[:hg]\s*(?P<mi>\d{2})(?::(?P<s>\d{2}))?)?"
)
_GMT_OFFSET = re.compile(r"GMT\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<mi>\d{2}))?", re.I)
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")


def iso_vietnam(moment: datetime) -> str:
    """`moment` as `YYYY-MM-DDTHH:MM:SS+07:00`; a naive moment is taken to be Vietnam time."""
    aware = moment.replace(tzinfo=VIETNAM) if moment.tzinfo is None else moment.astimezone(VIETNAM)
    return aware.replace(microsecond=0).isoformat(timespec="seconds")


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


def parse_date_line(text: str) -> str | None:
    """The page's date line ("16:43 | 09/08/2023 GMT+7 |", "09/08/2023 16:43") normalised, or None."""
    match = _TIME_THEN_DATE.search(text) or _DATE_THEN_TIME.search(text)
    if match is None:
        return None
    hour, minute, second = (int(match[g]) if match[g] else 0 for g in ("h", "mi", "s"))
    zone = VIETNAM
    offset = _GMT_OFFSET.search(text)
    if offset:
        delta = timedelta(hours=int(offset["h"]), minutes=int(offset["mi"] or 0))
        zone = timezone(delta if offset["sign"] == "+" else -delta)
    try:
        day = (int(match["y"]), int(match["m"]), int(match["d"]))
        moment = datetime(*day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None
    return iso_vietnam(moment)
