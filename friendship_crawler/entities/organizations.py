"""Friendship organisations named in a text, normalised, with the country or province they belong to.

Two families are recognised, the ones this section reports on:
- bilateral associations, "Hội hữu nghị Việt Nam – Lào" ("Hội hữu nghị và hợp tác Việt Nam – Pháp") and
  their foreign counterparts ("Hội hữu nghị Lào – Việt Nam"), short forms included ("Hội Hữu nghị
  Việt-Nga"), with a province branch when one follows ("... tỉnh Điện Biên");
- the Union of Friendship Organisations: "Liên hiệp các tổ chức hữu nghị Việt Nam" (VUFO, also written
  "VUFO", "LHHN Việt Nam", "Liên hiệp CTCHN Việt Nam") and its provincial unions ("Liên hiệp hữu nghị
  tỉnh Bình Phước", "Liên hiệp Bình Dương", "HUFO").
A bare "Liên hiệp hữu nghị" is not taken for VUFO: in provincial reports it mostly means the province's
own union or the unions in general ("52 Liên hiệp Hữu nghị cấp tỉnh"). Nor is an association counted
("16 Hội hữu nghị Việt Nam - Lào") or called local ("Hội hữu nghị Việt - Nga địa phương") taken for the
central one: those are its branches, unnamed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from friendship_crawler.entities.countries import VIET_NAM, canonical_name
from friendship_crawler.entities.gazetteer import Gazetteer, Kind, Match
from friendship_crawler.entities.provinces import code_of, designation
from friendship_crawler.entities.tokens import is_capitalised, is_vietnamese_syllable
from friendship_crawler.items import Organization

VUFO = "Liên hiệp các tổ chức hữu nghị Việt Nam"
_UNION_PREFIX = "Liên hiệp các tổ chức hữu nghị"
_DASH = " – "
_ABBREVIATIONS = {"VUFO": None, "HUFO": "Hồ Chí Minh", "HAUFO": "Hà Nội"}
"""Abbreviations of the union: None for VUFO itself, else the written name of its province."""
_NAME_STARTS = ("Hội", "Liên", "LHH", "CTCHN", *_ABBREVIATIONS)
"""What every name `_NAMES` finds starts with: found by plain substring search, they are the only places
where `_NAMES` is tried (a scan of the whole text by the expression costs four times more)."""

_SPACE = r"[^\S\n]+"
_NAMES = re.compile(
    rf"(?=[HLCV])(?<!\w)(?:"
    rf"(?P<association>Hội{_SPACE}(?i:hữu{_SPACE}nghị)(?P<cooperation>{_SPACE}(?i:và{_SPACE}hợp{_SPACE}tác))?{_SPACE})"
    rf"|(?P<union>Liên{_SPACE}(?i:hiệp)"
    rf"(?:(?P<named>{_SPACE}(?i:(?:các{_SPACE}tổ{_SPACE}chức{_SPACE})?hữu{_SPACE}nghị)|{_SPACE}CTCHN)"
    rf"(?:[^\S\n]*\((?:CTCHN|LHHN|LHH)\))?)?{_SPACE})"
    rf"|(?P<short_union>(?:LHHN|LHH|CTCHN)\)?{_SPACE})"
    rf"|(?P<abbreviation>{'|'.join(_ABBREVIATIONS)})(?!\w))"
)
"""Where an organisation's name starts: an association, a union, or an abbreviation."""
_SPACES = re.compile(_SPACE)
_LOCAL = re.compile(rf"{_SPACE}(?i:các{_SPACE})?(?i:địa{_SPACE}phương)(?!\w)")
"""After an association's parties: its local branches."""
_COUNT = re.compile(r"(?<![\d.,])\d{1,3}[^\S\n]+$")
"""Before an association's name: how many of its branches."""
_COUNT_LOOK_BACK = 6
_VIET_NAM_WORDS = re.compile(r"Việt[^\S\n]+Nam(?!\w)")
_VIET_NAM = re.compile(r"(?:Việt(?:[^\S\n]+Nam)?|VN)(?!\w)")
_PARTY_DASH = re.compile(r"[^\S\n]*[-–—‐‑][^\S\n]*")
_DESIGNATION = re.compile(rf"(?:(?i:tỉnh|thành{_SPACE}phố)|TP\.?|Tp\.?)[^\S\n]*")
_FOREIGN_PLACE = re.compile(rf"{_SPACE}((?i:tỉnh|thành{_SPACE}phố)){_SPACE}(\w+)")


def find_organizations(text: str, table: Gazetteer) -> list[Organization]:
    """Every friendship organisation named, in order of mention."""
    found: list[Organization] = []
    for hit in _names(text):
        if hit.group("association"):
            if _COUNT.search(text, max(0, hit.start() - _COUNT_LOOK_BACK), hit.start()):
                continue
            organization = _association(text, hit.end(), table, cooperation=bool(hit.group("cooperation")))
        elif hit.group("union"):
            organization = _union_target(text, hit.end(), table, allow_viet_nam=bool(hit.group("named")))
        elif hit.group("short_union"):
            organization = _union_target(text, hit.end(), table, allow_viet_nam=True)
        else:
            organization = _abbreviation(hit.group("abbreviation"))
        if organization is not None:
            found.append(organization)
    return found


def _names(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_NAMES` that `finditer` gives, left to right without overlap, tried only where
    one of `_NAME_STARTS` stands."""
    starts: set[int] = set()
    for start in _NAME_STARTS:
        position = text.find(start)
        while position >= 0:
            starts.add(position)
            position = text.find(start, position + 1)
    end = 0
    for position in sorted(starts):
        if position < end:
            continue
        hit = _NAMES.match(text, position)
        if hit is not None:
            end = hit.end()
            yield hit


def _association(text: str, position: int, table: Gazetteer, cooperation: bool) -> Organization | None:
    """Two or more parties joined by dashes, one of them Việt Nam, then an optional branch."""
    parties: list[str] = []
    while True:
        party = _party(text, position, table)
        if party is None:
            break
        codes, position = party
        parties.extend(codes)
        dash = _PARTY_DASH.match(text, position)
        if dash is None:
            break
        position = dash.end()
    partners = [code for code in parties if code != VIET_NAM]
    if len(parties) < 2 or not partners or len(partners) == len(parties) or _LOCAL.match(text, position):
        return None
    prefix = "Hội hữu nghị và hợp tác" if cooperation else "Hội hữu nghị"
    name = f"{prefix} {_DASH.join(_party_name(code) for code in parties)}"
    branch = _branch(text, position, table)
    if branch is None:
        return Organization(name, partners[0], None)
    suffix, province = branch
    return Organization(f"{name} {suffix}", partners[0], province)


def _party(text: str, position: int, table: Gazetteer) -> tuple[list[str], int] | None:
    """The country codes of the party at `position` (a country, a pair such as "Việt-Trung", or Việt Nam
    as "Việt Nam", "Việt", "VN") and where it ends."""
    match = table.match(text, position)
    if match is not None and match.entry.kind is Kind.COUNTRY:
        if match.entry.parties == 2:
            viet_first = text.startswith("Việt", position)
            pair = [VIET_NAM, match.entry.code] if viet_first else [match.entry.code, VIET_NAM]
            return pair, match.end
        return [match.entry.code], match.end
    viet_nam = _VIET_NAM.match(text, position)
    return ([VIET_NAM], viet_nam.end()) if viet_nam is not None else None


def _party_name(code: str) -> str:
    return "Việt Nam" if code == VIET_NAM else canonical_name(code)


def _branch(text: str, position: int, table: Gazetteer) -> tuple[str, str | None] | None:
    """A province branch after an association ("tỉnh Nghệ An", "TP. HCM"), or a foreign one ("tỉnh
    Ibaraki"): the normalised suffix and the province code (None abroad)."""
    space = _SPACES.match(text, position)
    if space is None:
        return None
    province = _province_at(text, space.end(), table)
    if province is not None:
        return f"{designation(province.entry.written)} {province.entry.written}", province.entry.code
    foreign = _FOREIGN_PLACE.match(text, position)
    if (
        foreign is not None
        and is_capitalised(foreign.group(2))
        and not is_vietnamese_syllable(foreign.group(2))
    ):
        return f"{' '.join(foreign.group(1).lower().split())} {foreign.group(2)}", None
    return None


def _province_at(text: str, position: int, table: Gazetteer) -> Match | None:
    """A province named at `position`, after an optional "tỉnh" / "thành phố" / "TP"."""
    starts = [position]
    designation_word = _DESIGNATION.match(text, position)
    if designation_word is not None:
        starts.append(designation_word.end())
    for start in starts:
        match = table.match(text, start)
        if match is not None and match.entry.kind is Kind.PROVINCE:
            return match
    return None


def _union_target(text: str, position: int, table: Gazetteer, allow_viet_nam: bool) -> Organization | None:
    """VUFO ("... Việt Nam") or a provincial union ("... tỉnh Bắc Giang", "... Bình Dương")."""
    if allow_viet_nam and _VIET_NAM_WORDS.match(text, position):
        return Organization(VUFO, None, None)
    province = _province_at(text, position, table)
    if province is None:
        return None
    written = province.entry.written
    return Organization(f"{_UNION_PREFIX} {designation(written)} {written}", None, province.entry.code)


def _abbreviation(abbreviation: str) -> Organization:
    written = _ABBREVIATIONS[abbreviation]
    if written is None:
        return Organization(VUFO, None, None)
    return Organization(f"{_UNION_PREFIX} {designation(written)} {written}", None, code_of(written))
