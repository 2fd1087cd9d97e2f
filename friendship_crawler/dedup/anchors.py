"""Names and figures of a text ("anchors"), the evidence that tells look-alike articles apart.

Provincial congress reports, yearly reports of one union and template stories share most of their
wording and differ in who, where and how many. A republication with small edits keeps those; a
look-alike swaps them on both sides. Anchors are the capitalised words and numbers, kept as a small
set of 32-bit hashes whose lowest bit says "number", so the state stores a few hundred bytes per article.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from friendship_crawler.textnorm import normalize_text

_WORD = re.compile(r"\w+")
_DTYPE = np.dtype("<u4")
NAME_WEIGHT = 1
NUMBER_WEIGHT = 2
"""A differing figure weighs twice a differing name: copy edits rarely touch figures; look-alikes do."""


def anchors(tokens: list[str] | str) -> frozenset[int]:
    """Hashes of a text's capitalised words and numbers (lowest bit set for numbers); text or its words."""
    found: set[int] = set()
    for word in _WORD.findall(normalize_text(tokens)) if isinstance(tokens, str) else tokens:
        first = word[0]
        if first.isdigit():
            found.add(zlib.crc32(word.encode("utf-8")) | 1)
        elif first.isupper():
            found.add(zlib.crc32(word.encode("utf-8")) & ~1)
    return frozenset(found)


def conflict(a: frozenset[int], b: frozenset[int]) -> int:
    """How much two texts disagree on names and figures: the lesser side's weight of anchors the other lacks.

    Taking the lesser side means a paragraph added to (or dropped from) one copy does not count:
    only anchors replaced on both sides, as in a look-alike article, do.
    """
    return min(weight(a - b), weight(b - a))


def weight(hashes: frozenset[int]) -> int:
    """Names count 1, figures 2."""
    return sum(NUMBER_WEIGHT if h & 1 else NAME_WEIGHT for h in hashes)


def anchors_bytes(hashes: frozenset[int]) -> bytes:
    """Pack anchors as sorted little-endian uint32 values."""
    return np.array(sorted(hashes), dtype=_DTYPE).tobytes()


def anchors_from_bytes(data: bytes) -> frozenset[int]:
    """Unpack anchors stored by `anchors_bytes`."""
    if len(data) % _DTYPE.itemsize:
        raise ValueError(f"stored anchors must be a multiple of 4 bytes, got {len(data)}")
    return frozenset(int(h) for h in np.frombuffer(data, dtype=_DTYPE))
