"""ASCII folding as the site writes alt text, and the comparison key built on it."""

from __future__ import annotations

from friendship_crawler.clean.folding import fold_ascii, has_vietnamese_letters, slug_key


def test_fold_ascii_drops_diacritics_and_maps_d() -> None:
    assert fold_ascii("Liên hiệp Hữu nghị tỉnh Đắk Lắk") == "Lien hiep Huu nghi tinh Dak Lak"


def test_slug_key_is_equal_for_a_title_and_its_alt() -> None:
    title = "Liên hiệp Hữu nghị tỉnh Bắc Giang: “Chủ động, linh hoạt” – Samaritan’s Purse"
    assert slug_key(title) == slug_key(
        "Lien hiep Huu nghi tinh Bac Giang: Chu dong, linh hoat - Samaritans Purse"
    )
    assert slug_key(title) == slug_key(
        "lien hiep huu nghi tinh bac giang chu dong linh hoat samaritans purse"
    )


def test_slug_key_of_composed_and_decomposed_text_is_equal() -> None:
    assert slug_key("Việt Nam") == slug_key("Vi\u0065\u0323\u0302t Nam") == "viet nam"


def test_has_vietnamese_letters() -> None:
    assert has_vietnamese_letters("Đà Nẵng")
    assert not has_vietnamese_letters("Da Nang")
