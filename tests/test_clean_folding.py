"""ASCII folding as the site writes alt text, and the comparison key built on it."""

from __future__ import annotations

import unicodedata

from friendship_crawler.clean.folding import fold_ascii, has_vietnamese_letters, slug_words


def test_fold_ascii_drops_diacritics_and_maps_d() -> None:
    assert fold_ascii("Liên hiệp Hữu nghị tỉnh Đắk Lắk") == "Lien hiep Huu nghi tinh Dak Lak"


def test_slug_words_are_equal_for_a_title_and_its_alt() -> None:
    title = "Liên hiệp Hữu nghị tỉnh Bắc Giang: “Chủ động, linh hoạt” – Samaritan’s Purse"
    assert slug_words(title) == slug_words(
        "Lien hiep Huu nghi tinh Bac Giang: Chu dong, linh hoat - Samaritans Purse"
    )
    assert slug_words(title) == slug_words(
        "lien hiep huu nghi tinh bac giang chu dong linh hoat samaritans purse"
    )


def test_slug_words_of_composed_and_decomposed_text_are_equal() -> None:
    assert slug_words("Việt Nam") == slug_words("Vi\u0065\u0323\u0302t Nam") == ["viet", "nam"]


def test_has_vietnamese_letters() -> None:
    assert has_vietnamese_letters("Đà Nẵng")
    assert has_vietnamese_letters(unicodedata.normalize("NFD", "Việt"))
    assert has_vietnamese_letters("đ")
    assert not has_vietnamese_letters("Da Nang")
    assert not has_vietnamese_letters("")
