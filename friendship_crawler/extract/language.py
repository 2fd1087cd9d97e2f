"""The language of an article's text: Vietnamese unless the text shows another.

A page's `<html lang>` is often its template's, not its text's (Vietnamese sites declare "en"), so the
text decides first: Vietnamese writes nearly every word with a letter outside ASCII, an English edition
of a sister site only its names. A text of another language takes the tag its page declares, else
"en" when it reads as English.
"""

from __future__ import annotations

import re

DEFAULT = "vi"
SAMPLE_CHARS = 1500
"""How much of the text is read: the opening tells the language as well as the whole."""
VIETNAMESE_SHARE = 0.16
"""Share of characters (spaces aside) outside ASCII from which a text is Vietnamese: 0.26-0.29 in the
section's sample texts, 0.17 and more in its real page texts with their menus and links, 0.15 in an English
sentence crowded with Vietnamese names, 0.09 in French."""
ENGLISH_WORDS = frozenset({"the", "and", "of", "to", "in", "is", "for", "with", "on", "that", "was", "by"})
ENGLISH_SHARE = 0.08
"""Share of words that are English function words in an English text (a fifth or more in prose)."""
_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$")


def text_language(text: str, declared: str | None = None) -> str:
    """The BCP 47 primary tag of the text's language ("vi", "en"), `DEFAULT` when unsure."""
    sample = text[:SAMPLE_CHARS]
    written = len(sample) - sample.count(" ")  # letters, figures and marks alike: telling letters costs more
    outside_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    if not written or outside_ascii >= VIETNAMESE_SHARE * written:
        return DEFAULT
    tag = _TAG.match((declared or "").strip())
    if tag and tag[1].lower() != DEFAULT:
        return tag[1].lower()
    words = sample.lower().split()
    if words and sum(word in ENGLISH_WORDS for word in words) >= ENGLISH_SHARE * len(words):
        return "en"
    return DEFAULT
