"""The whole chain on article lines: correct text comes out unchanged, leaked boilerplate does not."""

from __future__ import annotations

import unicodedata

from friendship_crawler.clean import (
    RULES,
    clean_article_fields,
    clean_article_lines,
    clean_inline,
)
from friendship_crawler.items import Article, content_hash

TITLE = "Hội hữu nghị Việt Nam - Lào tỉnh Bắc Giang kỷ niệm 25 năm thành lập"
SAPO = "TĐO - Ngày 6/7, Hội hữu nghị Việt Nam - Lào tỉnh Bắc Giang đã tổ chức gặp mặt hữu nghị."
BODY = [
    "Phát biểu tại buổi gặp mặt, ông Trần Công Thắng cho biết quan hệ hữu nghị không ngừng được củng cố.",
    "Những kết quả nổi bật",
    "Hội đã trao 20 suất học bổng cho lưu học sinh Lào đang học tại tỉnh.",
    "Các đại biểu chụp ảnh lưu niệm tại buổi gặp mặt.",
    "(Ảnh: Báo Bắc Giang).",
    "“Tình hữu nghị Việt - Lào là tài sản vô giá của hai dân tộc.”",
]
CLEAN = [TITLE, SAPO, *BODY]


def test_correct_text_is_left_untouched() -> None:
    cleaned = clean_article_lines(CLEAN, TITLE)
    assert cleaned.lines == CLEAN
    assert cleaned.removals == [] and cleaned.author is None and cleaned.source is None


def test_the_title_line_is_never_taken_for_an_alt() -> None:
    cleaned = clean_article_lines([TITLE, SAPO, BODY[0], TITLE, BODY[2]], TITLE)
    assert cleaned.lines == [TITLE, SAPO, BODY[0], BODY[2]]
    assert [r.rule for r in cleaned.removals] == ["image_alt"]


def test_leaked_boilerplate_of_a_whole_page_goes() -> None:
    leaked = [
        TITLE,
        SAPO,
        "Trang chủ Hữu nghị",
        "16:43 | 09/08/2023 GMT+7",
        "aa",
        "Giao lưu hữu nghị Việt Nam - Nhật Bản tại Cà Mau Giao lưu hữu nghị Việt Nam - Nhật Bản tại Cà Mau",
        BODY[0],
        BODY[1],
        "Hoi huu nghi Viet Nam - Lao tinh Bac Giang ky niem 25 nam thanh lap",
        BODY[2],
        "![]() |",
        BODY[3] + " |",
        BODY[4],
        BODY[5],
        "Thu Hà (tổng hợp)",
        "Nguồn: Báo Bắc Giang",
        "Tin bài liên quan",
        "Một bài liên quan khác",
        "Đọc nhiều",
        "Phiên bản di động",
    ]
    cleaned = clean_article_lines(leaked, TITLE)
    assert cleaned.lines == CLEAN
    assert (cleaned.author, cleaned.source) == ("Thu Hà", "Báo Bắc Giang")
    assert {r.rule for r in cleaned.removals} == {
        "header",
        "related",
        "image_alt",
        "markdown",
        "byline",
        "source",
        "trailer",
    }
    assert {r.rule for r in cleaned.removals} <= set(RULES)


def test_the_known_author_is_the_byline_taken() -> None:
    cleaned = clean_article_lines([*CLEAN, "Thu Hà"], TITLE, author="Thu Hà")
    assert cleaned.lines == CLEAN and cleaned.author == "Thu Hà"


def test_without_trailer_source_or_known_author_a_short_last_line_stays() -> None:
    lines = [*CLEAN, "Bảo Ngọc"]
    assert clean_article_lines(lines, TITLE).lines == lines


def test_composed_and_decomposed_lines_give_the_same_result() -> None:
    decomposed = [unicodedata.normalize("NFD", line) for line in CLEAN]
    assert decomposed != CLEAN
    assert clean_article_lines(decomposed, unicodedata.normalize("NFD", TITLE)).lines == CLEAN


def test_whitespace_and_invisible_characters_are_normalised() -> None:
    lines = [TITLE, "  " + SAPO.replace(" ", "\u00a0 ", 2) + "\u200b", "", BODY[0] + "\t"]
    assert clean_article_lines(lines, TITLE).lines == [TITLE, SAPO, BODY[0]]


def test_clean_inline_strips_remnants_from_sapo_and_captions() -> None:
    text, removed = clean_inline("| Các đại biểu chụp ảnh lưu niệm. |")
    assert text == "Các đại biểu chụp ảnh lưu niệm."
    assert [r.text for r in removed] == ["||"]
    text, removed = clean_inline("![](https://x/y.jpg) Các đại biểu\u00a0chụp ảnh |")
    assert text == "Các đại biểu chụp ảnh"
    assert [r.rule for r in removed] == ["markdown"] and not removed[0].whole_line
    assert clean_inline(SAPO) == (SAPO, [])


def make_article(text: str, sapo: str = SAPO, author: str | None = None) -> Article:
    return Article(
        url="https://thoidai.com.vn/a-1.html", article_id=1, title=TITLE, sapo=sapo, text=text, author=author
    )


def test_clean_article_fields_returns_a_correct_record_itself() -> None:
    article = make_article("\n".join(CLEAN))
    assert clean_article_fields(article).article is article


def test_clean_article_fields_cleans_the_record_and_hashes_it_again() -> None:
    article = make_article("\n".join([*CLEAN, "Thu Hà", "Nguồn: TTXVN", "Tin bài liên quan", "Bài khác"]))
    cleaned = clean_article_fields(article).article
    assert cleaned.text == "\n".join(CLEAN)
    assert cleaned.content_hash == content_hash(cleaned.text) != article.content_hash
    assert (cleaned.author, cleaned.source) == ("Thu Hà", "TTXVN")
    assert article.text.endswith("Bài khác"), "the input record is not modified"


def test_an_article_with_only_title_and_sapo_left_has_no_body() -> None:
    assert not clean_article_fields(make_article(f"{TITLE}\n{SAPO}\nTin bài liên quan\nBài khác")).has_body
    assert clean_article_fields(make_article(f"{TITLE}\n{BODY[0]}")).has_body


def test_text_that_does_not_start_with_the_title_keeps_its_first_line() -> None:
    cleaned = clean_article_lines([SAPO, *BODY], TITLE)
    assert cleaned.lines == [SAPO, *BODY] and cleaned.body == [SAPO, *BODY]
