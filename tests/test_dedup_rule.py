"""The pure rule: each kind of duplicate, each hard negative, updates and which copy is kept."""

from __future__ import annotations

import pytest

from friendship_crawler.dedup.minhash import (
    ShingleConfig,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
)
from friendship_crawler.dedup.rule import Fingerprint, Match, NearRule, is_update, keeper, same_article
from friendship_crawler.items import Article

CONFIG = ShingleConfig()

BODY = [
    "Phát biểu tại buổi gặp mặt, ông Nguyễn Văn Thắng, Chủ tịch Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang "
    "cho biết, thời gian qua quan hệ hữu nghị giữa nhân dân Bắc Giang và nhân dân Lào không ngừng được củng cố.",
    "Liên hiệp đã triển khai nhiều hoạt động có hiệu quả, chủ động, tích cực đẩy mạnh các hoạt động hòa bình, "
    "đoàn kết hữu nghị và hợp tác nhân dân.",
    "Công tác vận động viện trợ phi chính phủ nước ngoài được tiếp tục chú trọng và triển khai có hiệu quả, với "
    "12 dự án trên địa bàn tỉnh và tổng số vốn cam kết tài trợ hơn 700 nghìn đô la Mỹ.",
    "Năm 2017, hoạt động đối ngoại nhân dân của Liên hiệp đã hướng tập trung vào các nước láng giềng, các nước "
    "quan hệ kết nghĩa, hợp tác nhằm thúc đẩy các lĩnh vực kinh tế, đầu tư, văn hóa, giáo dục, y tế.",
    "Nhân dịp này, Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang đã trao tặng 25 suất quà và 12 suất học bổng "
    "cho đại diện bạn bè Lào.",
]
TITLE = "Bắc Giang tăng cường hợp tác nhân dân với các địa phương của Lào"
SAPO = "Ngày 9/8, tại Bắc Giang, Liên hiệp hữu nghị tỉnh đã tổ chức gặp mặt hữu nghị với bạn bè Lào."


def article(
    aid: int,
    lines: list[str],
    *,
    slug: str = "bai",
    host: str = "thoidai.com.vn",
    modified_at: str | None = None,
) -> Article:
    return Article(
        url=f"https://{host}/{slug}-{aid}.html",
        article_id=aid,
        title=lines[0],
        text="\n".join(lines),
        modified_at=modified_at,
    )


def fp(item: Article) -> Fingerprint:
    return Fingerprint.of(item, CONFIG)


ORIGINAL = [TITLE, SAPO, *BODY]


def test_same_url_is_a_url_duplicate() -> None:
    match = same_article(fp(article(194335, ORIGINAL)), fp(article(194335, ORIGINAL)))
    assert match == Match("url", 1.0)


def test_same_id_under_another_slug_is_an_id_duplicate() -> None:
    match = same_article(fp(article(194335, ORIGINAL)), fp(article(194335, ORIGINAL, slug="old-slug")))
    assert match is not None and match.reason == "id"


def test_same_text_under_a_renumbered_id_is_exact() -> None:
    match = same_article(fp(article(194335, ORIGINAL)), fp(article(757920, ORIGINAL)))
    assert match == Match("exact", 1.0)


def test_exact_ignores_unicode_form_and_spacing() -> None:
    import unicodedata

    decomposed = [unicodedata.normalize("NFD", line) + "  " for line in ORIGINAL]
    match = same_article(fp(article(1001, ORIGINAL)), fp(article(1002, decomposed)))
    assert match is not None and match.reason == "exact"


def test_republication_with_small_edits_is_near() -> None:
    edited = [f"{TITLE} tỉnh", SAPO, *BODY[:4], BODY[4].replace("đã trao tặng", "trao"), "(Theo TTXVN)"]
    match = same_article(fp(article(100100, ORIGINAL)), fp(article(150100, edited)))
    assert match is not None and match.reason == "near"
    assert 0.4 <= match.similarity < 1.0


def test_province_lookalike_is_distinct() -> None:
    """Same skeleton, another province, other people and figures: two congress reports, not one."""
    swaps = {
        "Bắc Giang": "Vĩnh Phúc",
        "Nguyễn Văn Thắng": "Trần Thị Lan",
        "Lào": "Campuchia",
        "25": "31",
        "12": "19",
        "2017": "2019",
        "9/8": "14/3",
        "700": "450",
    }
    lookalike = []
    for line in ORIGINAL:
        for old, new in swaps.items():
            line = line.replace(old, new)
        lookalike.append(line)
    a, b = fp(article(100, ORIGINAL)), fp(article(200, lookalike))
    assert same_article(a, b) is None
    assert (
        same_article(a, b, NearRule(max_anchor_conflict=10_000, max_anchor_conflict_share=10_000.0))
        is not None
    ), "the texts must be alike enough that only names and figures tell them apart"


def test_short_briefs_of_two_provinces_are_distinct() -> None:
    first = [
        "Trao quà hữu nghị cho bạn bè Lào tại Bắc Giang",
        "Liên hiệp hữu nghị tỉnh Bắc Giang trao 20 suất quà.",
    ]
    second = [
        "Trao quà hữu nghị cho bạn bè Lào tại Hà Nam",
        "Liên hiệp hữu nghị tỉnh Hà Nam trao 20 suất quà.",
    ]
    assert same_article(fp(article(1, first)), fp(article(2, second))) is None


def test_unrelated_articles_are_distinct() -> None:
    other = [
        "Gặp mặt cựu chuyên gia Cuba",
        "Các cựu chuyên gia Cuba kể lại những năm tháng làm việc tại Việt Nam.",
        "Buổi gặp mặt diễn ra ấm cúng tại Hà Nội với sự tham dự của Đại sứ Cuba.",
    ]
    assert same_article(fp(article(1, ORIGINAL)), fp(article(2, other))) is None


def test_changed_text_of_a_known_article_is_an_update() -> None:
    known = fp(article(5, ORIGINAL))
    edited = fp(article(5, [*ORIGINAL[:-1], "Buổi gặp mặt khép lại trong không khí thân tình."]))
    assert same_article(edited, known) is not None
    assert is_update(edited, known)
    assert not is_update(fp(article(5, ORIGINAL)), known)


def test_newer_modified_at_is_an_update_and_older_is_not() -> None:
    known = fp(article(5, ORIGINAL, modified_at="2023-08-09T16:43:00+07:00"))
    assert is_update(fp(article(5, ORIGINAL, modified_at="2023-08-10T08:00:00+07:00")), known)
    assert not is_update(fp(article(5, ORIGINAL, modified_at="2023-08-09T16:43:00+07:00")), known)
    assert not is_update(fp(article(5, ORIGINAL)), known)


def test_keeper_prefers_the_canonical_host_then_the_earliest_id() -> None:
    early, late = fp(article(100, ORIGINAL)), fp(article(900, ORIGINAL))
    assert keeper(early, late) is early and keeper(late, early) is early
    other_host = fp(article(50, ORIGINAL, host="www.thoidai.com.vn"))
    assert keeper(other_host, late) is late


def test_fingerprint_needs_url_and_id() -> None:
    with pytest.raises(ValueError, match="url"):
        Fingerprint.of({"text": "x"}, CONFIG)


def test_signature_round_trips_through_bytes() -> None:
    sig = signature("\n".join(ORIGINAL), CONFIG)
    packed = signature_bytes(sig)
    assert len(packed) == 4 * CONFIG.num_perm
    assert signature_from_bytes(packed).jaccard(sig) == 1.0
    with pytest.raises(ValueError):
        signature_from_bytes(b"abc")


def test_short_text_is_one_shingle() -> None:
    assert shingles("Hữu nghị", 4) == {"hữu nghị"}
    assert shingles("", 4) == set()
