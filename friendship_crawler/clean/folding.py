"""Vietnamese against its ASCII folding, as the site writes image alt text ("Liên hiệp" -> "Lien hiep")."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold_ascii(text: str) -> str:
    """Diacritics dropped and đ/Đ made d/D, the way the site folds titles into alt text."""
    return "".join(c for c in _decomposed(text) if not unicodedata.combining(c))


def _decomposed(text: str) -> str:
    """Letters and their diacritics as separate characters (NFD), đ/Đ made d/D (they do not decompose)."""
    return unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))


def slug_words(text: str) -> list[str]:
    """Folded, lower case, punctuation dropped, split into words: equal for a title and its alt.

    Characters folding cannot map ("’", "“", "–") are dropped, not spaced, as the site's alt text drops
    them. Folding maps each character on its own and a space always separates words, so the slug words of
    texts joined by spaces are the slug words of each text, one after the other.
    """
    # diacritics are never ASCII: dropping what is not ASCII drops them with the rest, unfiltered
    ascii_only = text if text.isascii() else _decomposed(text).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", ascii_only.lower()).split()


def has_vietnamese_letters(text: str) -> bool:
    """True when folding changes the text: it carries diacritics or đ.

    Folding leaves no character that decomposes, so a composed text that still has one (any Vietnamese
    letter with its diacritic) is changed by it, and is told without folding it.
    """
    composed = unicodedata.normalize("NFC", text)
    return not unicodedata.is_normalized("NFD", composed) or fold_ascii(text) != composed
