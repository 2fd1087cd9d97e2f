"""One table of every place name and every phrase that only looks like one, found longest first.

Countries, provinces and look-alikes ("Lào Cai", "Thái Bình Dương", "Việt Nam", "áo dài") share one
table and one regular expression, so that at each position the longest name wins: "Lào Cai" is the
province, never Laos followed by "Cai", and a look-alike consumes its words so nothing inside it is read
as a country. The expression is a prefix tree of every spelling: the regex engine walks a text once and
stops only where a name starts, which keeps the stage a small fraction of extraction time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from friendship_crawler.entities.tokens import key_fragments, name_key, trie_pattern

_MAX_REMEMBERED = 100_000
"""Found names remembered at most (each is short; real texts name a few thousand distinct ones)."""


class Kind(Enum):
    COUNTRY = "country"
    PROVINCE = "province"
    NOT_A_PLACE = "not a place"


class Case(Enum):
    """How the case of a name in the text must agree with the table."""

    EXACT = "exact"
    """Every letter as in the table: "Hòa Bình" the province, not "hòa bình" (peace)."""
    INITIAL = "initial"
    """A capital first letter, the rest in any case: "Vương quốc Anh" and "Vương Quốc Anh"."""
    ANY = "any"
    """Any case after the capital first letter: look-alikes such as "Pháp luật" or "Pháp Luật"."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What a name stands for."""

    kind: Kind
    code: str = ""
    """ISO 3166-1 alpha-2 for a country, the two-digit province code for a province."""
    written: str = ""
    """The canonical spelling of the name as written (an older province keeps its own name)."""
    ambiguous: bool = False
    """Also a common word or given name ("Anh", "Đức", "Nga"): accepted only where the context allows."""
    parties: int = 1
    """2 for a short pair such as "Việt-Trung" (Việt Nam and the country)."""
    after: frozenset[str] = frozenset()
    """When not empty, the name counts only right after one of these words ("Hồ Chí Minh" the city only
    after "thành phố" or "TP"; alone it is the person)."""


@dataclass(frozen=True, slots=True)
class Match:
    """A name found in a text: where it starts and ends, and its entry."""

    start: int
    end: int
    entry: Entry


class Gazetteer:
    """Names by lower-case key; each keeps its written key and case rule."""

    def __init__(self) -> None:
        self._names: dict[str, list[tuple[str, Case, Entry]]] = {}
        self._spellings: set[str] = set()
        self._found: dict[str, Entry | None] = {}
        """Entries of the names already found, by their text: the same few names recur in every page."""

    def add(self, name: str, entry: Entry, case: Case) -> None:
        """Add a name; it must start with a capital letter, as Vietnamese place names do (the look-alikes
        that start in lower case are rules on the word before a name, see `countries.NOT_AFTER`)."""
        key = name_key(name)
        if not key[:1].isupper():
            raise ValueError(f"a place name starts with a capital letter: {name!r}")
        self._names.setdefault(key.lower(), []).append((key, case, entry))
        self._spellings |= _case_variants(key, case)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every spelling of every name, as whole words."""
        return re.compile(rf"(?<!\w){self._name_ends.pattern}")

    @cached_property
    def _name_ends(self) -> re.Pattern[str]:
        """Every spelling of every name, ending a word; where it starts is left to the caller. A pattern
        that opens with its names lets the regex engine skip to the letters they start with (a lookaround
        first makes it try every position: half again as long over an article)."""
        tree = trie_pattern(key_fragments(spelling) for spelling in self._spellings)
        return re.compile(rf"{tree}(?!\w)")

    def entry(self, found: str) -> Entry | None:
        """The entry of a name as found in a text, if its case agrees with the table."""
        if found in self._found:
            return self._found[found]
        key = name_key(found)
        entry = next(
            (
                entry
                for written, case, entry in self._names.get(key.lower(), ())
                if _case_agrees(key, written, case)
            ),
            None,
        )
        if len(self._found) < _MAX_REMEMBERED:
            self._found[found] = entry
        return entry

    def finditer(self, text: str) -> list[Match]:
        """Every name in the text, leftmost and longest first, look-alikes included."""
        found = []
        position = 0
        while (hit := self._name_ends.search(text, position)) is not None:
            start = hit.start()
            if start and _is_word_character(text[start - 1]):  # inside a word: look again a letter on
                position = start + 1
                continue
            entry = self.entry(hit.group())
            if entry is not None:
                found.append(Match(start, hit.end(), entry))
            position = hit.end()
        return found

    def match(self, text: str, position: int) -> Match | None:
        """The longest name starting exactly at `position`, or None."""
        hit = self.pattern.match(text, position)
        if hit is None:
            return None
        entry = self.entry(hit.group())
        return None if entry is None else Match(hit.start(), hit.end(), entry)


def _is_word_character(character: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return character.isalnum() or character == "_"


def _case_variants(key: str, case: Case) -> set[str]:
    """The spellings the expression must find for a key; the table then checks each hit's case."""
    if case is Case.EXACT:
        return {key}
    title = re.sub(r"\w+", lambda word: word.group()[:1].upper() + word.group()[1:], key)
    return {key, title}


def _case_agrees(found: str, written: str, case: Case) -> bool:
    if case is Case.EXACT:
        return found == written
    if case is Case.INITIAL:
        return found[:1].isupper()
    return True
