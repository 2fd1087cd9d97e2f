"""Vietnamese country names: CLDR's (through Babel) plus the press's own forms, and the phrases that only
look like a country.

Babel's Vietnamese territory names are CLDR's and follow today's press ("Hàn Quốc", "Triều Tiên", "Séc",
"Campuchia", "Hoa Kỳ"); pycountry's Vietnamese ISO 3166 translations are older transliterations ("Ao" for
Austria, "Căm Bốt", "Do Thái" for Israel, "Nam Dương" for Indonesia) that would both miss today's names
and read "người Do Thái" as Israel. The aliases below add what CLDR lacks: short forms ("Mỹ", "Nga",
"Nhật", "Cu-ba"), phonetic spellings ("Ma-lai-xi-a") and the short pairs of association names
("Việt-Trung").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from babel import Locale

from friendship_crawler.entities.gazetteer import Case, Entry, Kind
from friendship_crawler.entities.tokens import spelling_variants

VIET_NAM = "VN"

ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("Mỹ", "Hoa Kỳ", "Hoa Kì", "Hợp chủng quốc Hoa Kỳ"),
    "RU": ("Nga", "Liên bang Nga", "LB Nga"),
    "GB": ("Anh", "Vương quốc Anh", "Anh Quốc", "Liên hiệp Vương quốc Anh"),
    "KP": ("Triều Tiên", "Bắc Triều Tiên", "CHDCND Triều Tiên", "Bắc Hàn"),
    "KR": ("Hàn Quốc", "Nam Triều Tiên", "Đại Hàn", "Nam Hàn"),
    "CZ": ("Séc", "Cộng hòa Séc", "CH Séc", "Czech"),
    "CU": ("Cu-ba", "Cu Ba", "Cuba"),
    "LA": ("Lào", "CHDCND Lào"),
    "KH": ("Campuchia", "Căm-pu-chia", "Cam-pu-chia", "Cam Pu Chia", "Cambodia"),
    "DE": ("Đức", "CHLB Đức"),
    "FR": ("Pháp",),
    "IT": ("Ý", "Italia", "I-ta-li-a"),
    "JP": ("Nhật Bản", "Nhật"),
    "CN": ("Trung Quốc", "Trung Hoa"),
    "IN": ("Ấn Độ",),
    "TH": ("Thái Lan",),
    "MM": ("Myanmar", "Mi-an-ma", "Miến Điện"),
    "SG": ("Singapore", "Xin-ga-po", "Xinhgapo"),
    "MY": ("Malaysia", "Ma-lai-xi-a", "Malaixia"),
    "ID": ("Indonesia", "In-đô-nê-xi-a", "Inđônêxia"),
    "PH": ("Philippines", "Phi-líp-pin", "Phi-lip-pin", "Philippin"),
    "BN": ("Brunei", "Bru-nây"),
    "TL": ("Đông Timor", "Timor Leste", "Timor-Leste"),
    "AU": ("Úc", "Australia", "Ô-xtrây-li-a"),
    "NZ": ("New Zealand", "Niu Di-lân"),
    "CA": ("Canada", "Ca-na-đa"),
    "MX": ("Mexico", "Mê-hi-cô"),
    "BR": ("Brazil", "Bra-xin"),
    "AR": ("Argentina", "Ác-hen-ti-na"),
    "CL": ("Chile", "Chi-lê"),
    "VE": ("Venezuela", "Vê-nê-xu-ê-la"),
    "NI": ("Nicaragua", "Ni-ca-ra-goa"),
    "PE": ("Peru", "Pê-ru"),
    "CO": ("Colombia", "Columbia", "Cô-lôm-bi-a"),
    "BO": ("Bolivia", "Bô-li-vi-a"),
    "UY": ("Uruguay", "U-ru-goay"),
    "DZ": ("Algeria", "An-giê-ri", "Angieri"),
    "AO": ("Angola", "Ăng-gô-la"),
    "MZ": ("Mozambique", "Mô-dăm-bích"),
    "MA": ("Ma-rốc", "Morocco", "Maroc"),
    "PS": ("Palestine", "Pa-le-xtin"),
    "IL": ("Israel", "I-xra-en"),
    "IR": ("Iran", "I-ran"),
    "IQ": ("Iraq", "I-rắc"),
    "SY": ("Syria", "Xy-ri", "Xi-ri"),
    "CH": ("Thụy Sĩ", "Thụy Sỹ"),
    "NO": ("Na Uy", "Nauy"),
    "HU": ("Hungary", "Hung-ga-ri", "Hunggari"),
    "BG": ("Bulgaria", "Bun-ga-ri", "Bungari"),
    "RO": ("Romania", "Ru-ma-ni", "Rumani"),
    "SK": ("Slovakia", "Xlô-va-ki-a"),
    "UA": ("Ukraine", "Ukraina", "U-crai-na"),
    "BY": ("Belarus", "Bê-la-rút"),
    "KZ": ("Kazakhstan", "Ca-dắc-xtan"),
    "AM": ("Armenia", "Ác-mê-ni-a"),
    "TW": ("Đài Loan",),
    "HK": ("Hồng Kông", "Hong Kong"),
    "MO": ("Ma Cao", "Macao"),
    "IE": ("Ai-len", "Ireland"),
    "RS": ("Serbia", "Xéc-bi-a"),
    "LK": ("Sri Lanka", "Xri Lan-ca"),
    "SA": ("Ả Rập Xê-út", "Saudi Arabia"),
    "TR": ("Thổ Nhĩ Kỳ",),
}
"""What CLDR's names lack, by code."""

SHORT_PAIRS: dict[str, str] = {
    "Trung": "CN", "Hàn": "KR", "Thái": "TH", "Ấn": "IN", "Miên": "KH", "Hung": "HU", "Triều": "KP",
    "Mỹ": "US", "Nga": "RU", "Lào": "LA", "Nhật": "JP", "Đức": "DE", "Pháp": "FR", "Anh": "GB", "Ý": "IT",
    "Úc": "AU", "Séc": "CZ", "Cu": "CU",
}  # fmt: skip
"""Short forms used only next to "Việt" ("Việt-Trung", "Nhật-Việt"): alone "Trung" or "Thái" is a name."""

AMBIGUOUS = frozenset({"Anh", "Đức", "Nga", "Mỹ", "Ý", "Nhật", "Áo", "Pháp", "Bỉ", "Séc", "Úc", "Síp"})
"""Country names that are also given names, pronouns or common words."""

CANONICAL = {
    "US": "Hoa Kỳ",
    "GB": "Anh",
    "MM": "Myanmar",
    "HK": "Hồng Kông",
    "MO": "Ma Cao",
    "PS": "Palestine",
    "CD": "CHDC Congo",
    "VA": "Vatican",
}
"""Names used in normalised association names and datasets where CLDR's is long or qualified."""

NOT_COUNTRIES: tuple[str, ...] = (
    # Việt Nam itself, and states that no longer exist (not ISO 3166-1 countries today)
    "Việt Nam", "Nam Tư", "Liên Xô", "Xô viết", "Tiệp Khắc", "Đông Đức", "Tây Đức", "CHDC Đức",
    "Cộng hòa Dân chủ Đức", "Việt-Xô", "Xô-Việt",
    # oceans and regions that contain a country's name
    "Thái Bình Dương", "Ấn Độ Dương", "Đại Tây Dương", "Bắc Mỹ", "Nam Mỹ", "Trung Mỹ", "Mỹ Latinh",
    "Mỹ La tinh", "Mỹ La-tinh", "Mỹ Latin",
    # common words that start with a country's short name
    "Pháp luật", "Pháp lý", "Pháp lệnh", "Pháp quyền", "Pháp nhân", "Pháp chế", "Pháp phục", "Pháp sư",
    "Pháp môn", "Pháp Luân Công", "Áo dài", "Nhật ký", "Nhật kí", "Đức tin", "Đức tính", "Đức độ",
    "Đức hạnh", "Đức Phật", "Đức Thánh Cha", "Đức Giáo hoàng", "Mỹ thuật", "Mỹ phẩm", "Mỹ nghệ", "Mỹ học",
    "Mỹ quan", "Mỹ nhân", "Ý kiến", "Ý nghĩa", "Ý tưởng", "Ý chí", "Ý thức", "Ý định", "Ý nguyện",
    "Anh hùng", "Anh em", "Anh ấy", "Anh chị", "Anh đào",
    # a province is not a country, nor is a battle
    "Điện Biên Phủ",
)  # fmt: skip
"""Capitalised phrases that contain or start with a country's name but are not the country."""

NOT_AFTER = frozenset({"tiếng", "châu", "la", "đôla", "đảo", "ngữ", "điển"})
"""After these words a country's name is a language, a continent, a currency, a peninsula or a language
pair, not the country: "tiếng Anh", "châu Mỹ", "đô la Mỹ", "bán đảo Triều Tiên", "song ngữ Anh - Việt",
"từ điển Anh - Việt"."""


@cache
def cldr_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> CLDR's Vietnamese name, for real countries and territories only."""
    names = {}
    for code, name in Locale("vi").territories.items():
        if len(code) == 2 and code.isalpha() and code not in {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}:
            names[code] = name
    return names


def canonical_name(code: str) -> str:
    """The country's Vietnamese name as the press writes it ("Lào", "Hoa Kỳ", "Hàn Quốc"); else the code."""
    return CANONICAL.get(code) or cldr_names().get(code, code)


def country_entries() -> Iterator[tuple[str, Entry, Case]]:
    """Every country name, short pair and look-alike, with its entry and case rule."""
    for code, name in cldr_names().items():
        if code == VIET_NAM:
            continue
        for part in _name_parts(name):
            yield from _entries(part, code)
        for alias in ALIASES.get(code, ()):
            yield from _entries(alias, code)
    for short, code in SHORT_PAIRS.items():
        for pair in (f"Việt-{short}", f"{short}-Việt"):
            yield pair, Entry(Kind.COUNTRY, code, parties=2), Case.INITIAL
    regions = (name for code, name in Locale("vi").territories.items() if code.isdigit())
    for phrase in (*NOT_COUNTRIES, *regions):
        for spelling in spelling_variants(phrase):
            yield spelling, Entry(Kind.NOT_A_PLACE), Case.ANY


def _name_parts(name: str) -> Iterator[str]:
    """A CLDR name and its plain parts: "Myanmar (Miến Điện)" gives both names; "..., Trung Quốc" its head."""
    head = name.split(",", 1)[0]
    if "(" in head:
        outer, inner = head.split("(", 1)
        yield outer.strip()
        yield inner.rstrip(")").strip()
    else:
        yield head.strip()


def _entries(name: str, code: str) -> Iterator[tuple[str, Entry, Case]]:
    entry = Entry(Kind.COUNTRY, code, ambiguous=name in AMBIGUOUS)
    for spelling in spelling_variants(name):
        yield spelling, entry, Case.EXACT if entry.ambiguous else Case.INITIAL
