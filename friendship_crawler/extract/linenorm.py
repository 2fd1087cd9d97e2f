"""`textnorm.normalize_line` with a fast path for text that is already clean.

Extraction normalises every line of every page; most lines are already NFC, carry no invisible
characters and no odd spaces, and the full rewrite (`str.translate` with a dict, a regex substitution
at every space) would cost more than parsing the page. This module checks first and rewrites only what
needs it, with the same rules in the same order as `friendship_crawler.textnorm` (tested equal).
"""

from __future__ import annotations

import re
import unicodedata

from friendship_crawler.textnorm import normalize_line

_ODD_CHARACTERS = re.compile(r"[\t\u00a0\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad]")


def clean_line(line: str) -> str:
    """Same result as `textnorm.normalize_line`, without rewriting a line that is already clean."""
    if not line or line.isspace():
        return ""
    edges_clean = not (line[0].isspace() or line[-1].isspace())
    if (
        edges_clean
        and "  " not in line
        and unicodedata.is_normalized("NFC", line)
        and _ODD_CHARACTERS.search(line) is None
    ):
        return line
    return normalize_line(line)
