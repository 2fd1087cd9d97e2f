"""Unicode and whitespace normalisation shared by extraction, cleaning and dedup."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{2,}")


def normalize_line(line: str) -> str:
    """NFC, zero-width characters removed, every run of spaces (NBSP included) made one space."""
    line = _INVISIBLE.sub("", unicodedata.normalize("NFC", line))
    return _SPACES.sub(" ", line).strip()


def normalize_text(text: str) -> str:
    """Normalise each line and drop empty ones: the one-paragraph-per-line shape of `text`."""
    lines = (normalize_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
