"""Vietnam's 34 provinces and centrally-run cities since 1 July 2025, and every older name mapped to them.

Current codes and names come from the `vietnam-provinces` package (its 2025 data set); what it lacks is
the old-to-new mapping, which `provinces.json` gives from Nghị quyết 202/2025/QH15 (see its "source").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib.resources import files

from vietnam_provinces import Province

from friendship_crawler.entities.gazetteer import Case, Entry, Kind
from friendship_crawler.entities.tokens import spelling_variants

_DATA = files("friendship_crawler.entities") / "provinces.json"
"""Read as package data, so the stage also works from a zipped egg (Scrapyd)."""
_CITY_PREFIX = "Thành phố "
"""Prefix of a centrally-run city's official name, left out of the short name ("Hà Nội")."""
_KEEPS_PREFIX = frozenset({"Thành phố Hồ Chí Minh"})
"""Without its prefix this city's name is the person's."""


@cache
def _data() -> dict:
    data: dict = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


@cache
def current_provinces() -> dict[str, str]:
    """Two-digit code -> today's short official name ("01" -> "Hà Nội")."""
    names = {}
    for province in Province.iter_all():
        name = province.name
        if name.startswith(_CITY_PREFIX) and name not in _KEEPS_PREFIX:
            name = name[len(_CITY_PREFIX) :]
        names[f"{province.code.value:02d}"] = name
    return names


def designation(written: str) -> str:
    """ "thành phố" for a centrally-run city's name, "tỉnh" for a province's (for organisation names)."""
    return "thành phố" if written in _data()["cities"] else "tỉnh"


def code_of(written: str) -> str:
    """The current code of a province or city by its canonical written name, current or older."""
    for code, names in _data()["merged_into"].items():
        if written in names:
            return code
    raise KeyError(f"no province is written {written!r}")


def province_entries() -> Iterator[tuple[str, Entry, Case]]:
    """Every current and older name and spelling, with its current code and its canonical spelling."""
    data = _data()
    known = current_provinces()
    for code, names in data["merged_into"].items():
        if code not in known:
            raise ValueError(f"{_DATA.name}: code {code} is not a current province")
        for written in names:
            after = frozenset(data["only_after"].get(written, ()))
            yield from _spellings(written, Entry(Kind.PROVINCE, code, written, after=after))
    for spelling, written in data["spellings"].items():
        yield from _spellings(spelling, Entry(Kind.PROVINCE, code_of(written), written))


def _spellings(name: str, entry: Entry) -> Iterator[tuple[str, Entry, Case]]:
    for spelling in spelling_variants(name):
        yield spelling, entry, Case.EXACT
