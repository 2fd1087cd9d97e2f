"""The marker data and the site's conventions both paths share: how lines are compared with markers, the
date line, error-page titles, related box titles."""

from __future__ import annotations

import unicodedata

import pytest

from friendship_crawler import site_rules
from friendship_crawler.clean import rules
from friendship_crawler.site_rules import date_iso, is_not_found_title, marker_key, match_date_line


@pytest.mark.parametrize("line", ["Tin liên quan", "TIN LIÊN QUAN:", "Tin liên quan …", " tin liên quan. "])
def test_marker_key_ignores_case_and_trailing_punctuation(line: str) -> None:
    assert marker_key(line) == "tin liên quan"


def test_marker_key_gives_nothing_for_a_line_longer_than_the_longest_marker() -> None:
    assert marker_key("Tin liên quan " + "x" * 30, rules.MARKER_MAX_CHARS) == ""
    assert marker_key("TIN LIÊN QUAN:", rules.MARKER_MAX_CHARS) == "tin liên quan"


def test_marker_key_composes_decomposed_text() -> None:
    assert marker_key(unicodedata.normalize("NFD", "Đọc nhiều")) == "đọc nhiều"


def test_box_titles_and_rail_titles_are_stored_as_keys() -> None:
    for marker in rules.TRAILER_BOXES | rules.RAIL_TITLES:
        assert marker_key(marker) == marker


def test_every_related_box_title_ends_the_text_and_carries_the_mark_the_html_path_looks_for() -> None:
    assert site_rules.RELATED_BOX_TITLES <= rules.TRAILER_BOXES
    assert all(
        any(mark in title for mark in site_rules.RELATED_MARKS) for title in site_rules.RELATED_BOX_TITLES
    )


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
    ("line", "iso"),
    [
        ("16:43 | 09/08/2023 GMT+7", "2023-08-09T16:43:00+07:00"),
        ("Thứ Ba, 12/05/2023 - 10:30 (GMT+7)", "2023-05-12T10:30:00+07:00"),
        ("16h43 | 09.08.2023", "2023-08-09T16:43:00+07:00"),
        ("10:30 | 31/02/2023", None),
    ],
)
def test_a_date_line_is_the_site_time_in_iso(line: str, iso: str | None) -> None:
    match = match_date_line(line)
    assert match is not None and date_iso(match) == iso


@pytest.mark.parametrize(
    ("title", "not_found"),
    [
        ("Không tìm thấy trang", True),
        ("TRANG KHÔNG TỒN TẠI", True),
        ("Lỗi 404", True),
        ("404 - Page not found", True),
        ("Bài viết đã bị xóa", True),
        ("Quốc lộ 404 được nâng cấp trước mùa mưa", False),
        ("Tình hữu nghị Việt - Lào không tồn tại ranh giới giữa hai dân tộc", False),
    ],
)
def test_an_error_page_title_is_a_short_not_found_message(title: str, not_found: bool) -> None:
    assert is_not_found_title(title) is not_found


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
    "row", ["[Video] Lễ hội hoa", "infographic 6 danh hieu", "USD 25.450 25.820", "Đồng 1.250 1.300"]
)
def test_a_rail_row_is_told_by_its_first_character(row: str) -> None:
    """Each rail kind's pattern matches the row with its first character changed only where `RAIL_ROWS` files
    that character under the same kind: the table sends every row to its own pattern."""
    patterns = (rules.MEDIA_ITEM, rules.SLUG_LINE, rules.TICKER_ROW)
    own = next(pattern for pattern in patterns if pattern.match(row))
    for first in map(chr, range(0x2000)):
        if own.match(first + row[1:]):
            assert rules.RAIL_ROWS.get(first) is own, first


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
