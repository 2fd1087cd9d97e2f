"""Word shingles and compact MinHash signatures of an article's text, for near-duplicate detection.

The signature is datasketch's `affine32` MinHash over xxHash32 of each shingle (a third of SHA-1's
cost); its values fit in uint32, so one article's signature is `4 * num_perm` bytes in the state.
Changing the hash function or the seed invalidates stored signatures (`scrapy rebuild_state`
recomputes them). Shingle size and permutation count were chosen by measurement on
the labelled pairs of `bench/dedup_pairs.py` (see `python -m bench.dedup calibrate`).

datasketch is imported where a signature is first made or read, not with the module: its package
imports scipy, which took 0.4 s of the 1.4 s every `scrapy` command spent starting (Scrapy imports
every command's module to start any one of them, and the console's tally reaches the dedup rule).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import xxhash

if TYPE_CHECKING:
    from datasketch import LeanMinHash, MinHash

from friendship_crawler.textnorm import normalize_text

SEED = 1
SCHEME = "affine32"
_WORD = re.compile(r"\w+")
_SIGNATURE_DTYPE = np.dtype("<u4")
_SPACE = ord(" ")


@dataclass(frozen=True)
class ShingleConfig:
    """How texts become signatures: words per shingle and MinHash permutations."""

    shingle_words: int = 4
    num_perm: int = 128

    def __post_init__(self) -> None:
        if self.shingle_words < 1:
            raise ValueError(f"shingle_words must be at least 1, got {self.shingle_words}")
        if self.num_perm < 16:
            raise ValueError(f"num_perm must be at least 16, got {self.num_perm}")


def words(text: str) -> list[str]:
    """Word tokens of the normalised text, case kept; punctuation and line breaks only separate words."""
    return _WORD.findall(normalize_text(text))


def shingles(tokens: list[str] | str, size: int) -> set[str]:
    """The set of lower-cased `size`-word shingles; a text shorter than one shingle is a single shingle."""
    lowered = [t.lower() for t in (words(tokens) if isinstance(tokens, str) else tokens)]
    if len(lowered) <= size:
        return {" ".join(lowered)} if lowered else set()
    return {" ".join(lowered[i : i + size]) for i in range(len(lowered) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two shingle sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


DEFAULT_CONFIG = ShingleConfig()
"""4-word shingles, 128 permutations: chosen on the labelled pairs (`python -m bench.dedup calibrate`)."""


@cache
def _empty_minhash(num_perm: int) -> MinHash:
    # Drawing the permutations costs far more than hashing one article: draw them once per setting.
    from datasketch import MinHash  # on first use: datasketch imports scipy, see the module's docstring

    return MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME, hashfunc=xxhash.xxh32_intdigest)


def _shingle_bytes(tokens: list[str] | str, size: int) -> list[bytes]:
    """The UTF-8 of every `shingles` member, repeats included, cut from one encoded string.

    Encoding the text once and slicing it at its spaces costs a fraction of joining and encoding each
    shingle; a repeat changes no MinHash minimum, so there is no need to drop repeats first.
    """
    word_list = words(tokens) if isinstance(tokens, str) else tokens
    if not word_list:
        return []
    # Lower-casing the joined words lower-cases each word alike: a space is neither cased nor
    # case-ignorable, so it stops the context look-up of the final sigma, the one context-dependent case.
    data = " ".join(word_list).lower().encode("utf-8")
    if len(word_list) <= size:
        return [data]
    # UTF-8 never uses byte 0x20 inside a multi-byte character, so these are the word boundaries.
    spaces = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == _SPACE).tolist()
    starts = [0, *(position + 1 for position in spaces)]
    ends = [*spaces[size - 1 :], len(data)]
    return [data[start:end] for start, end in zip(starts, ends, strict=False)]


def signature(tokens: list[str] | str, config: ShingleConfig) -> LeanMinHash:
    """The MinHash signature of a text's shingles (give the text, or its `words` to save tokenising twice)."""
    from datasketch import LeanMinHash

    minhash = _empty_minhash(config.num_perm).copy()
    minhash.update_batch(_shingle_bytes(tokens, config.shingle_words))
    return LeanMinHash(minhash)


def signature_bytes(sig: LeanMinHash) -> bytes:
    """Pack a signature as little-endian uint32 values (4 bytes per permutation)."""
    return np.asarray(sig.hashvalues).astype(_SIGNATURE_DTYPE).tobytes()


def signature_from_bytes(data: bytes) -> LeanMinHash:
    """Unpack a signature stored by `signature_bytes`."""
    if not data or len(data) % _SIGNATURE_DTYPE.itemsize:
        raise ValueError(f"a stored signature must be a non-empty multiple of 4 bytes, got {len(data)}")
    from datasketch import LeanMinHash

    values = np.frombuffer(data, dtype=_SIGNATURE_DTYPE)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def estimated_similarity(a: LeanMinHash, b: LeanMinHash) -> float:
    """Estimated Jaccard similarity: the share of permutations whose minimum agrees."""
    return float(a.jaccard(b))
