"""The marker data: how lines are compared with markers, and the header patterns."""

from __future__ import annotations

import unicodedata

import pytest

from friendship_crawler.clean import rules


@pytest.mark.parametrize("line", ["Tin liên quan", "TIN LIÊN QUAN:", "Tin liên quan …", " tin liên quan. "])
def test_marker_key_ignores_case_and_trailing_punctuation(line: str) -> None:
    assert rules.marker_key(line) == "tin liên quan"


def test_marker_key_composes_decomposed_text() -> None:
    assert rules.marker_key(unicodedata.normalize("NFD", "Đọc nhiều")) == "đọc nhiều"


def test_box_titles_and_rail_titles_are_stored_as_keys() -> None:
    for marker in rules.TRAILER_BOXES | rules.RAIL_TITLES | rules.NOT_FOUND_TITLES:
        assert rules.marker_key(marker) == marker


@pytest.mark.parametrize(
    ("line", "matches"),
    [
        ("16:43 | 09/08/2023 GMT+7", True),
        ("16:43 | 09/08/2023 GMT+7 |", True),
        ("7:05 | 9/8/2019", True),
        ("16:43 | 09/08/2023 GMT+7 Hà Nội", False),
        ("Ngày 09/08/2023", False),
    ],
)
def test_date_line(line: str, matches: bool) -> None:
    assert bool(rules.DATE_LINE.match(line)) is matches


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
