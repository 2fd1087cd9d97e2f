"""Unicode and whitespace normalisation shared by extraction, cleaning and dedup.

Every line of every page passes through here, and most lines are already clean: a line that is NFC, has
no invisible character, no odd space and no doubled or edge space is returned as it is, without rewriting.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_INVISIBLE_CHARACTERS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff"
"""Zero-width and soft-hyphen characters, control characters and non-characters: dropped."""
_SPACE_CHARACTERS = "\t\n\r\x0b\x0c\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""Whitespace other than the space: each run (with spaces) becomes one space."""
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARACTERS}]")
_SPACES = re.compile(f"[ {_SPACE_CHARACTERS}]+")
_ODD = re.compile(f"[{_INVISIBLE_CHARACTERS}{_SPACE_CHARACTERS}]")
"""Characters that make a line need rewriting (a doubled space is checked apart: an alternation in the
pattern would make the regex engine try it at every position, three times slower on long lines). None of
them is printable, so a printable line, tested at half the cost of this search, has none."""


@lru_cache(maxsize=128)
def normalize_line(line: str) -> str:
    """NFC, invisible and control characters removed, every run of whitespace (NBSP included) one space.

    A page's lines come back here several times (each walk of its body, the record's text, its cleaning)
    within a few dozen other lines: the last lines are remembered, and a line seen again is not scanned.
    """
    if not line or line.isspace():
        return ""
    if (
        not line[0].isspace()
        and not line[-1].isspace()
        and "  " not in line
        and (line.isprintable() or _ODD.search(line) is None)
        and unicodedata.is_normalized("NFC", line)
    ):
        return line
    line = unicodedata.normalize("NFC", _INVISIBLE.sub("", line))  # a soft hyphen must not keep a mark apart
    return _SPACES.sub(" ", line).strip()


def normalize_text(text: str) -> str:
    """Normalise each line and drop empty ones: the one-paragraph-per-line shape of `text`."""
    lines = (normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def _vietnamese_capitals() -> str:
    """Every capital letter of Vietnamese, toned ones included, for a regex character class."""
    vowels = "AĂÂEÊIOÔƠUƯY"
    tones = "\u0300\u0301\u0303\u0309\u0323"
    return "A-ZĐĂÂÊÔƠƯ" + "".join(
        unicodedata.normalize("NFC", vowel + tone) for vowel in vowels for tone in tones
    )


CAPITAL = f"[{_vietnamese_capitals()}]"
"""A regex class for one capital letter, "Ấ" and "Đ" as well as "A": `[A-Z]` misses names like "Ấp Bắc"."""
