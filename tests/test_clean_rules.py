"""The marker data: how lines are compared with markers, and the header patterns."""

from __future__ import annotations

import unicodedata

import pytest

from friendship_crawler.clean import rules
from friendship_crawler.clean.lines import match_date_line


@pytest.mark.parametrize("line", ["Tin liên quan", "TIN LIÊN QUAN:", "Tin liên quan …", " tin liên quan. "])
def test_marker_key_ignores_case_and_trailing_punctuation(line: str) -> None:
    assert rules.marker_key(line) == "tin liên quan"


def test_marker_key_composes_decomposed_text() -> None:
    assert rules.marker_key(unicodedata.normalize("NFD", "Đọc nhiều")) == "đọc nhiều"


def test_box_titles_and_rail_titles_are_stored_as_keys() -> None:
    for marker in rules.TRAILER_BOXES | rules.RAIL_TITLES | rules.NOT_FOUND_TITLES:
        assert rules.marker_key(marker) == marker


@pytest.mark.parametrize(
    ("line", "when"),
    [
        ("16:43 | 09/08/2023 GMT+7", ("16", "43", "09", "08", "2023")),
        ("16:43 | 09/08/2023 GMT+7 |", ("16", "43", "09", "08", "2023")),
        ("7:05 | 9/8/2019", ("7", "05", "9", "8", "2019")),
        ("Cập nhật: 10:30 | 12/05/2023", ("10", "30", "12", "05", "2023")),
        ("12/05/2023 10:30", ("10", "30", "12", "05", "2023")),
        ("Thứ hai, 12/05/2023 10:30", ("10", "30", "12", "05", "2023")),
        ("Thứ Ba, 12/05/2023 - 10:30 (GMT+7)", ("10", "30", "12", "05", "2023")),
        ("Chủ nhật, 12/05/2023 | 10:30 GMT+7", ("10", "30", "12", "05", "2023")),
        ("16:43 | 09/08/2023 GMT+7 Hà Nội", None),
        ("Ngày 09/08/2023", None),
        ("12/05/2023", None),
        ("Cập nhật: 12/05/2023 10:30 hội nghị diễn ra tại Hà Nội", None),
    ],
)
def test_date_line_in_the_cms_family_forms(line: str, when: tuple[str, ...] | None) -> None:
    """With or without `GMT+7`, time first or day first, a weekday or "Cập nhật:" before it."""
    match = match_date_line(line)
    assert (None if match is None else match.group("hour", "minute", "day", "month", "year")) == when


@pytest.mark.parametrize(
    ("line", "matches"),
    [("Tags: hòa bình, hữu nghị", True), ("Từ khóa: Việt Nam - Lào", True), ("Tags hòa bình", False)],
)
def test_trailer_prefix(line: str, matches: bool) -> None:
    assert bool(rules.TRAILER_PREFIX.match(line)) is matches


@pytest.mark.parametrize(
    ("line", "matches"),
    [
        ("USD 25.450 25.820", True),
        ("SJC 79.000 81.000", True),
        ("VN-Index 1.250,35 +0,52%", True),
        ("Năm 2023 có 76 dự án", False),
        ("Hội nghị lần thứ 2 năm 2023", False),
    ],
)
def test_ticker_row(line: str, matches: bool) -> None:
    assert bool(rules.TICKER_ROW.match(line)) is matches


@pytest.mark.parametrize(
    ("line", "matches"), [("aa", True), ("a a", True), ("AA", True), ("aaa", False), ("Aa Bb", False)]
)
def test_font_size_control(line: str, matches: bool) -> None:
    assert bool(rules.FONT_SIZE_CONTROL.match(line)) is matches


@pytest.mark.parametrize(
    ("line", "matches"),
    [
        ("(Ảnh: Báo Bắc Giang).", True),
        ("Ảnh: TTXVN", True),
        ("Ảnh minh họa: Internet", True),
        ("Ảnh hưởng của bão", False),
    ],
)
def test_photo_credit(line: str, matches: bool) -> None:
    assert bool(rules.PHOTO_CREDIT.match(line)) is matches


def test_trailing_credit_of_a_one_line_caption() -> None:
    assert rules.TRAILING_CREDIT.search("Quang cảnh lễ ký kết tại Sóc Trăng (Ảnh: TTXVN).")
    assert rules.TRAILING_CREDIT.search("Các bên ký kết Quy chế phối hợp. Ảnh: Báo Bạc Liêu")
    assert not rules.TRAILING_CREDIT.search("Ông Sơn nói về ảnh hưởng: kinh tế và xã hội.")
