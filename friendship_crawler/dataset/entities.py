"""The partner countries, provinces and organisations of a record, as the dataset outputs read them.

Records exported before the entity stage existed have no such fields; they read as empty lists, so an
old run file still builds every output. Entries may be dataclasses or plain dicts (as read from JSON).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, is_dataclass
from functools import cache
from typing import Any

import pycountry

from friendship_crawler.items import Article

VIETNAMESE_NAMES = {
    "LA": "Lào",
    "KH": "Campuchia",
    "CN": "Trung Quốc",
    "JP": "Nhật Bản",
    "KR": "Hàn Quốc",
    "KP": "Triều Tiên",
    "MN": "Mông Cổ",
    "TH": "Thái Lan",
    "IN": "Ấn Độ",
    "TW": "Đài Loan",
    "RU": "Nga",
    "FR": "Pháp",
    "DE": "Đức",
    "GB": "Anh",
    "US": "Hoa Kỳ",
    "ES": "Tây Ban Nha",
    "PT": "Bồ Đào Nha",
    "NL": "Hà Lan",
    "BE": "Bỉ",
    "CH": "Thụy Sĩ",
    "SE": "Thụy Điển",
    "NO": "Na Uy",
    "FI": "Phần Lan",
    "DK": "Đan Mạch",
    "PL": "Ba Lan",
    "CZ": "Séc",
    "AT": "Áo",
    "GR": "Hy Lạp",
    "TR": "Thổ Nhĩ Kỳ",
    "EG": "Ai Cập",
    "ZA": "Nam Phi",
    "CU": "Cuba",
    "CD": "CHDC Congo",
    "PS": "Palestine",
    "VA": "Vatican",
}
"""Countries the Vietnamese press calls by a Vietnamese name; every other country goes by its English
short name, as the press writes it ("Indonesia", "Venezuela", "Mozambique"). pycountry's Vietnamese
catalogue is not used: it holds dated or wrong names ("Nam Dương", "Căm Bốt", "Ao" for Austria)."""


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city by its current official code and name."""

    code: str
    name: str


@dataclass(frozen=True)
class Organization:
    """A friendship organisation with the partner country (ISO code) or province code it belongs to."""

    name: str
    country: str | None = None
    province: str | None = None


def countries_of(article: Article) -> list[str]:
    """ISO 3166-1 alpha-2 codes of the partner countries, in order of first mention."""
    return [str(code) for code in getattr(article, "countries", None) or []]


def provinces_of(article: Article) -> list[Province]:
    """The provinces named, in record order."""
    return [
        Province(str(p["code"]), str(p["name"]))
        for p in map(_as_dict, getattr(article, "provinces", None) or [])
    ]


def organizations_of(article: Article) -> list[Organization]:
    """The friendship organisations named, in record order."""
    return [
        Organization(str(o["name"]), o.get("country") or None, o.get("province") or None)
        for o in map(_as_dict, getattr(article, "organizations", None) or [])
    ]


@cache
def country_name(code: str) -> str:
    """Display name of an ISO code: Vietnamese name, else pycountry's English short name, else the code."""
    if code in VIETNAMESE_NAMES:
        return VIETNAMESE_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def _as_dict(entry: Any) -> dict[str, Any]:
    return asdict(entry) if is_dataclass(entry) and not isinstance(entry, type) else dict(entry)
