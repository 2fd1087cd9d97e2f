"""The word shapes the entity rules ask about, and how a name's words may be joined in a text.

A name is a run of words joined by spaces, a dash or a dot ("TP.HCM"): "Cu-ba", "Cu - ba" and "Cu – ba"
are the same name, and a comma, a bracket or a line end ends every name. Case is kept: in Vietnamese a
capital letter is most of what tells the country "Anh" from the pronoun "anh".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
_SENTENCE_END = re.compile(r"[.!?:;\n\"“”(|]")
_NEXT = re.compile(r"([^\S\n]*)(\w+)")
_BACKWARDS = re.compile(r"(\W*)(\w*)")
"""The gap and the word before a position, read on the reversed text before it."""
_GAPS = re.compile(r"(\W+)")
_LOOK_BACK = 48
"""Characters looked back for the previous word: more than any gap between two words."""

SEPARATOR_PATTERNS = {" ": r"[^\S\n]+", "-": r"[^\S\n]*[-–—‐‑][^\S\n]*", ".": r"\.[^\S\n]*"}
"""How each separator of a name may be written between its words in a text."""


def separator_key(gap: str) -> str | None:
    """What a gap between two words of a name stands for: " ", "-", "." or None (no name spans it)."""
    stripped = gap.strip()
    if not stripped:
        return " " if gap and "\n" not in gap else None
    if "\n" in gap:
        return None
    if len(stripped) == 1 and stripped in "-–—‐‑":
        return "-"
    return "." if stripped == "." else None


def name_key(name: str) -> str:
    """The lookup key of a name: its words joined by their separator keys ("Cu – ba" -> "Cu-ba")."""
    parts = _GAPS.split(unicodedata.normalize("NFC", name).strip())
    key = [parts[0]]
    for gap, word in zip(parts[1::2], parts[2::2], strict=False):
        if word:
            key.append(separator_key(gap) or " ")
            key.append(word)
    return "".join(key)


def key_fragments(key: str) -> list[str]:
    """The regular-expression fragments of a key, one per character, one per separator."""
    fragments = []
    for part in _GAPS.split(key):
        if part in SEPARATOR_PATTERNS:
            fragments.append(SEPARATOR_PATTERNS[part])
        else:
            fragments.extend(re.escape(char) for char in part)
    return fragments


def trie_pattern(entries: Iterable[Sequence[str]]) -> str:
    """A regular expression matching any of `entries` (sequences of fragments), longest first, factored
    by common prefixes so that the regex engine decides at each position from one character instead of
    trying every entry."""
    trie: dict = {}
    for entry in entries:
        node = trie
        for fragment in entry:
            node = node.setdefault(fragment, {})
        node[""] = {}
    return _trie_to_pattern(trie)


def _trie_to_pattern(node: dict) -> str:
    branches = [fragment + _trie_to_pattern(child) for fragment, child in sorted(node.items()) if fragment]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def previous_word(text: str, start: int) -> tuple[str, str]:
    """The word before position `start` and the characters between it and `start` ("" if none near)."""
    backwards = _BACKWARDS.match(text[max(0, start - _LOOK_BACK) : start][::-1])
    assert backwards is not None, "the pattern matches any text, the empty one included"
    return backwards.group(2)[::-1], backwards.group(1)[::-1]


def following_word(text: str, end: int) -> str:
    """The word right after position `end` when only spaces stand between (else "")."""
    match = _NEXT.match(text, end)
    return match.group(2) if match is not None and match.group(1) else ""


def starts_sentence(gap: str, previous: str) -> bool:
    """Whether a word after `gap` (following the word `previous`) opens a sentence, a quote or a line."""
    return not previous or _SENTENCE_END.search(gap) is not None


def toneless(word: str) -> str:
    """The word without its tone marks (vowel shapes such as ơ or â are kept)."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if char not in _TONE_MARKS))


def is_capitalised(word: str) -> bool:
    """Capital first letter, the rest lower case: the shape of a Vietnamese name syllable."""
    return word[:1].isupper() and word[1:].islower() if len(word) > 1 else word.isupper()


def is_vietnamese_syllable(word: str) -> bool:
    """Whether the word could be one Vietnamese syllable ("Minh", "Đức"; not "Angela", "Putin", "CHLB")."""
    return _SYLLABLE.fullmatch(toneless(word).lower()) is not None


_OLD_TONE_PLACEMENT = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}  # fmt: skip


def spelling_variants(name: str) -> set[str]:
    """The name with the new and the old tone placement ("Hòa" and "Hoà", "Thụy" and "Thuỵ")."""
    variants = {name}
    for new, old in _OLD_TONE_PLACEMENT.items():
        variants |= {variant.replace(new, old) for variant in variants}
        variants |= {variant.replace(old, new) for variant in variants}
    return variants
