"""find_entities: the contract, and every word that only looks like a place."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from friendship_crawler.entities import Entities, find_entities
from friendship_crawler.entities.gazetteer import Case, Entry, Gazetteer, Kind
from friendship_crawler.entities.organizations import _NAMES, _names
from friendship_crawler.entities.provinces import current_provinces, province_entries


def countries(text: str) -> list[str]:
    return find_entities("", "", text).countries


def province_codes(text: str) -> list[str]:
    return [province["code"] for province in find_entities("", "", text).provinces]


def organizations(text: str) -> list[dict]:
    return find_entities("", "", text).organizations


# --- the contract -------------------------------------------------------------------------------
def test_fields_in_order_of_first_mention_deduplicated_and_as_dict():
    entities = find_entities(
        "Bạn bè Lào chung tay hỗ trợ người dân Quảng Ngãi",
        "Ngày 6/1, tại Quảng Ngãi, Liên hiệp hữu nghị tỉnh Quảng Ngãi trao học bổng cho sinh viên Campuchia.",
        "Sinh viên Campuchia và bạn bè Lào cảm ơn Hội Hữu nghị Việt - Lào và tỉnh Kon Tum.",
    )
    assert isinstance(entities, Entities)
    assert entities.countries == ["LA", "KH"]
    assert entities.provinces == [{"code": "51", "name": "Quảng Ngãi"}]
    assert entities.organizations == [
        {"name": "Liên hiệp các tổ chức hữu nghị tỉnh Quảng Ngãi", "country": None, "province": "51"},
        {"name": "Hội hữu nghị Việt Nam – Lào", "country": "LA", "province": None},
    ]
    assert entities.as_dict() == {
        "countries": entities.countries,
        "provinces": entities.provinces,
        "organizations": entities.organizations,
    }


def test_text_that_repeats_title_and_sapo_is_read_once_and_empty_fields_are_empty():
    title, sapo = "Giao lưu hữu nghị với Cu-ba", "Bạn bè Mông Cổ đến dự."
    entities = find_entities(title, sapo, f"{title}\n{sapo}\nThân ái.")
    assert entities.countries == ["CU", "MN"]
    assert find_entities("", "", "").as_dict() == {"countries": [], "provinces": [], "organizations": []}


def test_viet_nam_is_never_a_partner_country():
    assert countries("Việt Nam và Lào, Việt Nam – Cuba, nhân dân Việt Nam") == ["LA", "CU"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Đại sứ quán Mỹ", "US"),
        ("Đại sứ Hoa Kỳ", "US"),
        ("Liên bang Nga", "RU"),
        ("nước Triều Tiên", "KP"),
        ("Hàn Quốc", "KR"),
        ("Cộng hòa Séc", "CZ"),
        ("Cu-ba", "CU"),
        ("Cu - ba", "CU"),
        ("Campuchia", "KH"),
        ("Căm-pu-chia", "KH"),
        ("Ma-lai-xi-a", "MY"),
        ("Thuỵ Điển", "SE"),
        ("Nam Phi", "ZA"),
        ("quan hệ Việt – Trung", "CN"),
        ("Hội hữu nghị Việt Nam – Mông Cổ", "MN"),
        ("đông đảo bạn bè Lào", "LA"),
        ("sinh viên Campuchia", "KH"),
        ("Đại sứ Việt Nam tại Nga Đặng Minh Khôi", "RU"),
    ],
)
def test_country_names_aliases_pairs_and_demonym_phrases(text, code):
    assert countries(text) == [code]


# --- words that only look like a country ----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # "Nam" in a person's name, a region, a direction
        "ông Trần Hoài Nam phát biểu tại miền Nam và vùng Đông Nam Á",
        # "Anh" as a name, a pronoun, a photo credit, a word
        "Anh cho biết, anh ấy và anh Tuấn gặp Tuấn Anh. (Ảnh: Mai Anh). Anh hùng Lao động",
        # "Anh đào", the cherry blossom
        "Lễ hội Hoa Anh đào tại Hà Nội, hoa anh đào nở",
        # "Đức" in a name, an honorific, a word
        "ông Nguyễn Minh Đức, Trần Đức Lương, Đức Phật và đạo đức",
        # "Ý" as "idea"
        "Ý kiến của bạn đọc. Ý nghĩa của sự kiện, đồng ý, chị Như Ý",
        # "Nga" as a given name
        "bà Nguyễn Phương Nga, Chủ tịch VUFO; chị Nga và ca sĩ Thúy Nga. Việt Nga có bình luận",
        # "Mỹ" in names, places, regions, currency and words
        "ca sĩ Mỹ Linh đến Mỹ Tho, châu Mỹ, Mỹ La tinh, 700.000 đô la Mỹ, Mỹ thuật",
        # "Áo" the garment, "Pháp" in words, "Nhật" in a name and in "Chủ nhật"
        "Áo dài Việt Nam. Pháp luật, trình diễn Pháp phục. Chủ nhật, Chủ tịch Kim Nhật Thành",
        # languages, oceans, states that no longer exist
        "học tiếng Anh, tiếng Nhật; Thái Bình Dương; Liên Xô, Tiệp Khắc, Nam Tư",
        "song ngữ Anh - Việt",
    ],
)
def test_look_alikes_are_not_countries(text):
    assert countries(text) == []


def test_lao_cai_and_nam_dinh_are_provinces_not_countries():
    assert countries("tỉnh Lào Cai và Nam Định") == []
    assert province_codes("tỉnh Lào Cai và Nam Định") == ["15", "37"]


def test_country_is_kept_next_to_a_foreign_name_and_after_a_place_word():
    assert countries("Tổng thống Mỹ Joe Biden, Thủ tướng Đức Angela Merkel") == ["US", "DE"]
    assert countries("cuộc chiến đấu chống Mỹ; Cộng hòa Áo; tại Anh") == ["US", "AT", "GB"]


# --- provinces ------------------------------------------------------------------------------------
def test_thirty_four_current_provinces_with_official_codes():
    provinces = current_provinces()
    assert len(provinces) == 34
    assert provinces["01"] == "Hà Nội"
    assert provinces["79"] == "Thành phố Hồ Chí Minh"
    assert provinces["24"] == "Bắc Ninh"


def test_every_pre_merger_province_maps_to_a_current_one():
    written = {entry.written for _, entry, _ in province_entries()}
    pre_merger = written - {"Huế", "Hà Tây"}  # Huế is today's name; Hà Tây was merged in 2008
    assert len(pre_merger) == 63
    codes = {entry.code for _, entry, _ in province_entries()}
    assert codes == set(current_provinces())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tỉnh Bắc Giang", [{"code": "24", "name": "Bắc Ninh"}]),
        ("tỉnh Hà Tây cũ", [{"code": "01", "name": "Hà Nội"}]),
        ("Thừa Thiên Huế", [{"code": "46", "name": "Huế"}]),
        ("tỉnh Hoà Bình", [{"code": "25", "name": "Phú Thọ"}]),
        ("TP. Hồ Chí Minh, TP.HCM, Sài Gòn", [{"code": "79", "name": "Thành phố Hồ Chí Minh"}]),
        ("Bà Rịa – Vũng Tàu", [{"code": "79", "name": "Thành phố Hồ Chí Minh"}]),
    ],
)
def test_older_names_and_variants_map_to_todays_province(text, expected):
    assert find_entities("", "", text).provinces == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch Hồ Chí Minh, tư tưởng Hồ Chí Minh",
        "vì hòa bình và hữu nghị",
        "Phó Thủ tướng Nguyễn Hòa Bình và bà Nguyễn Thị Huế",
        "chiến thắng Điện Biên Phủ",
        "Thái Bình Dương",
    ],
)
def test_look_alikes_are_not_provinces(text):
    assert province_codes(text) == []


# --- organisations --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội Hữu nghị Việt - Lào", ("Hội hữu nghị Việt Nam – Lào", "LA", None)),
        ("Năm 2025 Hội hữu nghị Việt Nam - Lào", ("Hội hữu nghị Việt Nam – Lào", "LA", None)),
        ("Hội hữu nghị Việt Nam-Mông Cổ", ("Hội hữu nghị Việt Nam – Mông Cổ", "MN", None)),
        ("Hội Hữu nghị Lào - Việt Nam", ("Hội hữu nghị Lào – Việt Nam", "LA", None)),
        ("Hội Hữu nghị Việt-Trung", ("Hội hữu nghị Việt Nam – Trung Quốc", "CN", None)),
        ("Hội Hữu nghị và Hợp tác Việt Nam - Pháp", ("Hội hữu nghị và hợp tác Việt Nam – Pháp", "FR", None)),
        (
            "Hội Hữu nghị Việt Nam - Lào tỉnh Điện Biên",
            ("Hội hữu nghị Việt Nam – Lào tỉnh Điện Biên", "LA", "11"),
        ),
        (
            "Hội hữu nghị Việt-Hàn TP. HCM",
            ("Hội hữu nghị Việt Nam – Hàn Quốc thành phố Hồ Chí Minh", "KR", "79"),
        ),
        (
            "Liên hiệp hữu nghị tỉnh Bắc Giang",
            ("Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang", None, "24"),
        ),
        ("Liên hiệp Bình Dương", ("Liên hiệp các tổ chức hữu nghị tỉnh Bình Dương", None, "79")),
        ("Liên hiệp các tổ chức hữu nghị Việt Nam", ("Liên hiệp các tổ chức hữu nghị Việt Nam", None, None)),
        ("Chủ tịch VUFO", ("Liên hiệp các tổ chức hữu nghị Việt Nam", None, None)),
        ("LHHN Việt Nam", ("Liên hiệp các tổ chức hữu nghị Việt Nam", None, None)),
        ("tại HUFO", ("Liên hiệp các tổ chức hữu nghị thành phố Hồ Chí Minh", None, "79")),
    ],
)
def test_organisations_are_normalised_with_their_country_or_province(text, expected):
    name, country, province = expected
    assert organizations(text) == [{"name": name, "country": country, "province": province}]


@pytest.mark.parametrize(
    "text",
    [
        "Hiện cả nước đã có 52 Liên hiệp Hữu nghị cấp tỉnh",
        "Liên hiệp các tổ chức hữu nghị tỉnh phối hợp cùng Báo Đồng Nai",
        "Hội hữu nghị hai tỉnh Bình Dương – Kandal",
        "Hội Liên hiệp Phụ nữ tỉnh Nghệ An",
        "Đến nay đã có 16 Hội hữu nghị Việt Nam-Lào ở các tỉnh phía Nam",
        "Hội hữu nghị Việt - Nga địa phương phát huy vai trò cầu nối",
    ],
)
def test_generic_or_other_bodies_are_not_friendship_organisations(text):
    assert organizations(text) == []


def test_a_place_name_must_start_with_a_capital_letter():
    with pytest.raises(ValueError, match="capital letter"):
        Gazetteer().add("châu Mỹ", Entry(Kind.NOT_A_PLACE), Case.ANY)


NAME_PIECES = [
    "Hội hữu nghị Việt Nam – Lào", "Hội Hữu nghị Việt-Nga", "Liên hiệp các tổ chức hữu nghị tỉnh Nghệ An",
    "Liên hiệp (LHHN)", "LHHN Việt Nam", "CTCHN", "VUFO", "HAUFO", "HUFO", "Hội", "Liên", "LHH", "Hội Liên",
    "hội hữu nghị", " ", " – ", "\n", "xHội", "các bạn", "Việt Nam", "tỉnh Bình Phước",
]  # fmt: skip


@given(st.lists(st.sampled_from(NAME_PIECES), max_size=12).map("".join))
def test_names_are_tried_where_they_can_start_and_found_as_a_scan_finds_them(text: str) -> None:
    assert [m.span() for m in _names(text)] == [m.span() for m in _NAMES.finditer(text)]
