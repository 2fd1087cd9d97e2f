"""Words the replica writes its Vietnamese with: real sentences and headlines, names, places, folding.

The sentences and headlines in `data/` were copied from pages of the real section; the name lists
follow the people, provinces and partner countries those pages mention. Everything is read once.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib.resources import files

PROVINCES = (
    "Bắc Giang", "Bình Phước", "Bình Dương", "Bạc Liêu", "Vĩnh Phúc", "Tuyên Quang", "Cà Mau", "Đồng Nai",
    "Phú Yên", "Nghệ An", "Thanh Hóa", "Quảng Ninh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Quảng Ngãi",
    "Bắc Ninh", "Thái Nguyên", "Lào Cai", "Điện Biên", "Sơn La", "Lạng Sơn", "Cao Bằng", "Hà Giang",
    "Nam Định", "Ninh Bình", "Thái Bình", "Hưng Yên", "Hải Dương", "Phú Thọ", "Yên Bái", "Hòa Bình",
    "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam", "Bình Định", "Khánh Hòa", "Ninh Thuận",
    "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Lâm Đồng", "Tây Ninh", "Long An", "Tiền Giang",
    "Bến Tre", "Vĩnh Long", "Trà Vinh", "Sóc Trăng", "An Giang", "Kiên Giang", "Đồng Tháp", "Hậu Giang",
    "Bà Rịa - Vũng Tàu", "Hà Tĩnh", "Bắc Kạn", "Lai Châu", "Hà Nam", "Đắk Nông",
)  # fmt: skip
COUNTRIES = (
    "Lào", "Campuchia", "Nhật Bản", "Hàn Quốc", "Trung Quốc", "Liên bang Nga", "Cộng hòa Liên bang Đức",
    "Pháp", "Hoa Kỳ", "Cuba", "Ấn Độ", "Thái Lan", "Indonesia", "Singapore", "Vương quốc Anh", "Italia",
    "Hungary", "Ba Lan", "Séc", "Slovakia", "Belarus", "Ukraine", "Mông Cổ", "Brazil", "Argentina",
    "Venezuela", "Australia", "New Zealand", "Thụy Điển", "Phần Lan", "Na Uy", "Hà Lan", "Bỉ", "Áo",
    "Palestine", "Algeria", "Mozambique", "Angola", "Panama", "Chile",
)  # fmt: skip
FAMILY_NAMES = tuple(
    ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
)
MIDDLE_NAMES = tuple(
    ["Văn", "Thị", "Công", "Thanh", "Minh", "Quang", "Hữu", "Đức", "Phương", "Tuyết", "Anh", "Hồng"]
)
GIVEN_NAMES = (
    "Thắng", "Sơn", "Minh", "Vân", "Nga", "Hùng", "Lan", "Hà", "Tâm", "Dũng", "Hải", "Yến", "Long", "Thảo",
    "Bình", "Nam", "Hương", "Tuấn", "Khánh", "Linh", "Phúc", "Quý", "Trung", "Hoa", "Giang", "Tùng",
)  # fmt: skip
FOREIGN_FRIENDS = (
    "Peter Weiss", "Cora Weiss", "Saadi Salama", "Petr Tsvetov", "Thanyathip Sripana", "Audrey Azoulay",
    "Romesh Chandra", "Daniel Ellsberg", "Noriko Tanaka", "Kim Min-jun", "Souphanh Keomixay",
    "Chea Sophal", "Ivan Petrov", "Marie Dubois", "Hans Müller", "Lucía Fernández", "John McAuliff",
    "Ruth Greenberg", "Park Ji-hoon", "Somsak Charoen", "Anna Kowalska", "Mikko Virtanen", "Olga Ivanova",
)  # fmt: skip
AUTHORS = (
    "Anh Vũ", "Phương Lê", "Minh Thu", "Hoàng Hà", "Thu Hà", "Ngọc Anh", "Đức Anh", "Lan Anh", "Quang Huy",
    "Hải Yến", "Khánh Linh", "Đinh Hòa", "Thanh Tâm", "Phạm Hằng", "Nguyễn Hường",
)  # fmt: skip
AUTHOR_SUFFIXES = ("(tổng hợp)", "(theo Báo Bắc Giang)", "(theo TTXVN)", "(lược dịch)")
SOURCES = (
    "Báo Bắc Giang", "TTXVN", "Báo Quốc tế", "VOV", "Báo Nhân Dân", "Báo Thế giới & Việt Nam",
    "LHHN tỉnh Vĩnh Phúc", "Báo Bạc Liêu", "Cổng thông tin điện tử tỉnh",
)  # fmt: skip
PHOTO_CREDITS = ("Báo Bắc Giang", "Báo Bạc Liêu", "Anh Vũ", "TTXVN", "LHHN tỉnh", "Đinh Hòa", "Thời Đại")
TAG_WORDS = (
    "đối ngoại nhân dân", "Liên hiệp các tổ chức hữu nghị", "hữu nghị", "giao lưu hữu nghị",
    "viện trợ phi chính phủ", "tình hữu nghị", "ngoại giao nhân dân", "hòa bình", "hợp tác quốc tế",
)  # fmt: skip
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII")

_DATA = files("friendship_crawler.replica") / "data"
_NON_SLUG = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[^A-Za-z0-9 ]+")


@cache
def sentences() -> tuple[str, ...]:
    """Sentences copied from article bodies and lead paragraphs of the real section."""
    return _lines("sentences.txt")


@cache
def headlines() -> tuple[str, ...]:
    """Headlines copied from the real section's pages (boxes and rails included)."""
    return _lines("headlines.txt")


def _lines(name: str) -> tuple[str, ...]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return tuple(unicodedata.normalize("NFC", line.strip()) for line in text.splitlines() if line.strip())


@lru_cache(maxsize=65536)
def fold_ascii(text: str) -> str:
    """Vietnamese folded to ASCII as the site writes image alt text: "Liên hiệp" -> "Lien hiep"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def slugify(text: str) -> str:
    """The site's URL slug: folded, lower case, words joined by hyphens."""
    return _NON_SLUG.sub("-", fold_ascii(text).lower()).strip("-")


@lru_cache(maxsize=65536)
def slug_line(text: str) -> str:
    """A lower-case ASCII line as the rails show under their images ("infographic 6 danh hieu ...")."""
    return " ".join(_NON_WORD.sub(" ", fold_ascii(text).lower()).split())
