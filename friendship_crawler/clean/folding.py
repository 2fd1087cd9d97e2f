"""Vietnamese against its ASCII folding, as the site writes image alt text ("Liên hiệp" -> "Lien hiep")."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold_ascii(text: str) -> str:
    """Diacritics dropped and đ/Đ made d/D, the way the site folds titles into alt text."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug_words(text: str) -> list[str]:
    """Folded, lower case, punctuation dropped, split into words: equal for a title and its alt.

    Characters folding cannot map ("’", "“", "–") are dropped, not spaced, as the site's alt text drops
    them. Folding maps each character on its own and a space always separates words, so the slug words of
    texts joined by spaces are the slug words of each text, one after the other.
    """
    ascii_only = fold_ascii(text).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", ascii_only.lower()).split()


def has_vietnamese_letters(text: str) -> bool:
    """True when folding changes the text: it carries diacritics or đ."""
    return fold_ascii(text) != unicodedata.normalize("NFC", text)
