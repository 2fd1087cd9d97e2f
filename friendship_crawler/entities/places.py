"""Countries and provinces found in a text, after the rules that tell a place from a word that looks like one.

A name that is also a given name or a common word ("Anh", "Đức", "Nga", "Mỹ", "Ý") counts only where its
neighbours allow: not inside a run of capitalised name syllables ("Nguyễn Minh Đức", "Thúy Nga", "Đức
Phật", "Mỹ Tho"), not after a kinship word or title ("chị Nga", "anh Đức"), and "Anh", "Áo", "Ý" not at the
start of a sentence before a lower-case word ("Anh cho biết", "Áo dài", "Ý kiến"). No country counts after
a word that makes it a language, a continent or a currency ("tiếng Anh", "châu Mỹ", "đô la Mỹ"). A
province whose name is also a given name ("Hòa Bình", "Huế") does not count right after a family or
middle name.
"""

from __future__ import annotations

import re
from functools import cache

from friendship_crawler.entities.countries import NOT_AFTER, country_entries
from friendship_crawler.entities.gazetteer import Entry, Gazetteer, Kind, Match
from friendship_crawler.entities.provinces import province_entries
from friendship_crawler.entities.tokens import (
    following_word,
    is_capitalised,
    is_vietnamese_syllable,
    previous_word,
    starts_sentence,
)

KINSHIP = frozenset({
    "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "cụ", "thầy", "cậu", "dì", "mợ", "thím",
    "con", "bé", "chàng", "nàng", "chí", "Ông", "Bà", "Anh", "Chị", "Em", "Cô", "Chú", "Bác", "Cháu", "Cụ",
    "Thầy",
})  # fmt: skip
"""Words before a person's given name ("chị Nga", "anh Đức", "Ông Mỹ")."""

PLACE_CUES = frozenset(["tại", "ở", "sang", "nước", "người", "đến", "từ", "thăm", "giữa"])
"""Words before a place: after them a country keeps its name even before a family name ("tại Nga Đặng
Minh Khôi" is the ambassador in Russia, Đặng Minh Khôi), though not before another syllable of a place
("đến Mỹ Tho")."""

SENTENCE_AMBIGUOUS = frozenset({"Anh", "Áo", "Ý"})
"""Names that open a sentence mostly as a pronoun or a common word ("Anh cho biết", "Áo dài", "Ý kiến")."""

FAMILY_NAMES = frozenset({
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
    "Dương", "Lý", "Đinh", "Đào", "Lương", "Trương", "Mai", "Lâm", "Phùng", "Tạ", "Tô", "Cao", "Hà", "Đàm",
    "Kiều", "Lưu", "Quách", "Triệu", "Vương",
})  # fmt: skip
PERSON_SYLLABLES = FAMILY_NAMES | {
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu", "Hồng", "Anh", "Công", "Đình",
    "Quang", "Kim", "Phương", "Thúy", "Hải", "Tuấn", "Mạnh", "Trọng", "Tiến", "Thế", "Bá", "Khắc", "Như",
    "Gia", "Bảo", "Huy",
}  # fmt: skip
"""Family and middle names: a province name right after one is part of a person's name ("Nguyễn Hòa
Bình", "Nguyễn Thị Huế")."""


@cache
def gazetteer() -> Gazetteer:
    """Every country, province and look-alike in one table (built once, on first use)."""
    table = Gazetteer()
    for name, entry, case in (*country_entries(), *province_entries()):
        table.add(name, entry, case)
    return table


def places_named(text: str) -> list[Entry]:
    """Every country and province the text names, each once, in order of first mention (look-alikes
    consume their words); a place already found is not judged again where the text names it again."""
    found: dict[str, Entry] = {}  # by code: a country's is two letters, a province's two digits
    for match in gazetteer().finditer(text):
        entry = match.entry
        if entry.kind is Kind.NOT_A_PLACE or entry.code in found:
            continue
        if _plausible(text, match):
            found[entry.code] = entry
    return list(found.values())


PLACE_PUNCTUATION = " .,;:-–"
"""What may stand around a place written alone on a line ("Hà Nội.", "- TP.HCM -")."""
NAMED_AFTER = frozenset({
    "Hòa Bình", "Thái Bình", "Ninh Bình", "Hải Dương", "Bình Dương", "Thái Nguyên", "Hà Giang", "Kiên Giang",
    "An Giang", "Hà Nam", "Long An", "Huế",
})  # fmt: skip
"""Provinces whose names people bear ("Nguyễn Hòa Bình", a writer signing "Hải Dương"): alone on a line,
a name as well as a place."""
ADMINISTRATIVE = re.compile(r"(?:TP\.?|Thành phố|Tỉnh)\s*", re.IGNORECASE)
"""What says a name is a province's or a city's ("Tỉnh Hòa Bình", "TP. Cần Thơ")."""


def is_place_alone(text: str) -> bool:
    """The text is one place's name and nothing else ("Hà Nội", "TP.HCM", "Quảng Ninh", "Tỉnh Hòa Bình",
    "Nhật Bản"): where a text was written, not who wrote it. A name that is also a person's ("Anh", "Đức",
    "Hòa Bình", `NAMED_AFTER`) is none, unless written as a province's ("Tỉnh …")."""
    name = text.strip(PLACE_PUNCTUATION)
    matches = gazetteer().finditer(name)
    if len(matches) != 1 or matches[0].end != len(name) or matches[0].entry.kind is Kind.NOT_A_PLACE:
        return False
    match, prefix = matches[0], name[: matches[0].start]
    if prefix and not ADMINISTRATIVE.fullmatch(prefix):
        return False
    if match.entry.kind is Kind.PROVINCE:
        return bool(prefix) or name not in NAMED_AFTER
    return not match.entry.ambiguous


def _plausible(text: str, match: Match) -> bool:
    found_previous, gap = previous_word(text, match.start)
    previous = found_previous if gap and not gap.strip(" ") else ""
    if match.entry.after:
        return found_previous in match.entry.after and gap.strip(" .") == ""
    if match.entry.kind is Kind.PROVINCE:
        return previous not in PERSON_SYLLABLES and previous not in KINSHIP
    if previous in NOT_AFTER:
        return False
    if not match.entry.ambiguous:
        return True
    if previous in KINSHIP or _name_syllable(previous):
        return False
    following = following_word(text, match.end)
    if _name_syllable(following) and not (previous in PLACE_CUES and following in FAMILY_NAMES):
        return False
    name = text[match.start : match.end]
    opens = starts_sentence(gap, found_previous)
    return not (name in SENTENCE_AMBIGUOUS and opens and following[:1].islower())


def _name_syllable(word: str) -> bool:
    return bool(word) and is_capitalised(word) and is_vietnamese_syllable(word)
