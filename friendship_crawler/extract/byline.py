"""Bylines and "Nguồn:" lines that end up inside the body, and author names as the record keeps them.

2016-2020 pages and sister sites put the byline in the body as a right-aligned last paragraph in bold or
italic, often with a credit before the name and no colon ("Bài và ảnh Trọng Tùng"); other pages end the
body with a short paragraph that is just a name. Both become `author` and leave the text. A name keeps
no role suffix ("Anh Vũ (tổng hợp)" -> "Anh Vũ", "Phạm Hoàng Anh - Phó Bí thư ..." -> "Phạm Hoàng Anh").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from friendship_crawler.clean import rules
from friendship_crawler.clean.lines import author_name
from friendship_crawler.extract import selectors
from friendship_crawler.extract.body import Block
from friendship_crawler.textnorm import normalize_line

_NAME_SEPARATORS = re.compile(r"[\s,&/–-]+")
_SENTENCE_END = re.compile(r"[.:;!?…\"”»]$")
_ATTRIBUTION = re.compile(r"^theo\s+", re.I)
_SIGNATURE_CREDIT = re.compile(r"^(?:bài\s*(?:và|&|\+)\s*ảnh|bài|ảnh|tin\s*(?:và|&)\s*ảnh)\s+(?=\S)", re.I)
"""A credit a signature line may put before the name without a colon ("Bài và ảnh Trọng Tùng")."""
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 50


@dataclass(frozen=True)
class SplitBody:
    """Body lines with the trailing byline and source line taken out."""

    blocks: list[Block]
    author: str | None
    source: str | None


def clean_author(raw: str | None) -> str | None:
    """An author name without "Bài:"-style prefixes or role suffixes, as the cleaning stage keeps it."""
    if not raw:
        return None
    name = rules.AUTHOR_PREFIX.sub("", normalize_line(raw))
    while True:
        stripped = selectors.ROLE_SUFFIX.sub("", name)
        if stripped == name or not stripped:
            break
        name = stripped
    name = name.strip(" -–,;")
    return author_name(name) if name else None


def signature_author(line: str) -> str | None:
    """The name on a signature line, its credit taken off whether or not a colon follows it."""
    name = clean_author(line)
    if name and ":" not in line:
        name = clean_author(_SIGNATURE_CREDIT.sub("", name))
    return name


def clean_source(raw: str | None) -> str | None:
    """The value of a "Nguồn:" line; None when the line is empty."""
    if raw is None:
        return None
    value = selectors.SOURCE_PREFIX.sub("", normalize_line(raw)).strip()
    return value or None


def looks_like_name(text: str) -> bool:
    """A short line of capitalised words with no sentence punctuation: a byline, not a paragraph."""
    name = clean_author(text) or ""
    if not name or len(name) > MAX_NAME_CHARS or _SENTENCE_END.search(name) or ":" in name:
        return False
    if any(c.isdigit() for c in name):
        return False
    words = [w for w in _NAME_SEPARATORS.split(name) if w]
    return 0 < len(words) <= MAX_NAME_WORDS and all(w[0].isupper() for w in words)


def split_byline(blocks: list[Block], known_author: str | None) -> SplitBody:
    """Take trailing byline and "Nguồn:" lines out of the body.

    A signature (right-aligned, wholly bold or italic) last paragraph is always a byline. A last short
    name-like paragraph is one only when the page names no author elsewhere or names the same one, and
    at least two lines remain.
    """
    kept = list(blocks)
    author: str | None = None
    source: str | None = None
    known = clean_author(known_author)
    for _ in range(3):
        if not kept or kept[-1].caption:
            break
        last = kept[-1].text
        if selectors.SOURCE_PREFIX.match(last):
            source = source or clean_source(last)
        elif kept[-1].signed and _ATTRIBUTION.match(last):
            source = source or _ATTRIBUTION.sub("", last)
        elif kept[-1].signed:
            author = author or signature_author(last)
        elif (
            author is None
            and len(kept) > 2
            and looks_like_name(last)
            and (known is None or clean_author(last) == known)
        ):
            author = clean_author(last)
        else:
            break
        kept.pop()
    return SplitBody(kept, author, source)
