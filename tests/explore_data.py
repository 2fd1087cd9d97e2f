"""A small dataset with partner countries, provinces and organisations, for the SQLite and Datasette tests.

Entity fields are given as an exported record holds them (plain dicts); the last article has none, as
records exported before the entity stage.
"""

from __future__ import annotations

from typing import Any

from friendship_crawler.items import Article

HA_NOI = {"code": "01", "name": "Hà Nội"}
NGHE_AN = {"code": "40", "name": "Nghệ An"}
HUE = {"code": "46", "name": "Huế"}
DA_NANG = {"code": "48", "name": "Đà Nẵng"}
DONG_NAI = {"code": "75", "name": "Đồng Nai"}
VN_LAO = {"name": "Hội hữu nghị Việt Nam – Lào", "country": "LA", "province": None}
VN_CUBA = {"name": "Hội hữu nghị Việt Nam – Cuba", "country": "CU", "province": None}
VN_MONG_CO = {"name": "Hội hữu nghị Việt Nam – Mông Cổ", "country": "MN", "province": None}
DA_NANG_UNION = {
    "name": "Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng",
    "country": None,
    "province": "48",
}


def _article(
    aid: int, published: str, title: str, sapo: str, body: str, subsection: str | None, **entities: list[Any]
) -> Article:
    section = ["Hữu nghị", subsection] if subsection else ["Hữu nghị"]
    return Article(
        url=f"https://thoidai.com.vn/bai-{aid}-{aid}.html",
        article_id=aid,
        title=title,
        sapo=sapo,
        text=f"{title}\n{sapo}\n{body}",
        author="Minh Thu",
        published_at=published,
        section=section,
        tags=["hợp tác"],
        crawled_at="2026-11-01T08:00:00+00:00",
        **entities,
    )


ARTICLES = [
    _article(
        101,
        "2019-03-08T09:00:00+07:00",
        "Gặp mặt lưu học sinh Lào tại Nghệ An",
        "Ngày 7/3, Hội hữu nghị Việt Nam – Lào tỉnh Nghệ An gặp mặt lưu học sinh Lào nhân dịp Tết Bunpimay.",
        "Các em sinh viên Lào chia sẻ về cuộc sống và học tập tại Việt Nam.",
        "Bốn phương kết bạn",
        countries=["LA"],
        provinces=[NGHE_AN],
        organizations=[VN_LAO],
    ),
    _article(
        102,
        "2021-09-15T10:30:00+07:00",
        "Đà Nẵng trao học bổng cho sinh viên Lào",
        "Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng trao 50 suất học bổng cho sinh viên Lào.",
        "Đại diện sinh viên Lào cảm ơn tình cảm hữu nghị của nhân dân Đà Nẵng.",
        "Bốn phương kết bạn",
        countries=["LA"],
        provinces=[DA_NANG],
        organizations=[DA_NANG_UNION],
    ),
    _article(
        103,
        "2022-07-26T08:00:00+07:00",
        "Hà Nội mít tinh kỷ niệm ngày Cách mạng Cuba",
        "Hội hữu nghị Việt Nam – Cuba tổ chức mít tinh kỷ niệm ngày tấn công trại lính Moncada.",
        "Đại sứ Cuba cảm ơn sự ủng hộ của nhân dân Thủ đô.",
        "Chân dung bè bạn",
        countries=["CU"],
        provinces=[HA_NOI],
        organizations=[VN_CUBA],
    ),
    _article(
        104,
        "2023-10-17T15:00:00+07:00",
        "Kỷ niệm 69 năm quan hệ ngoại giao Việt Nam – Mông Cổ",
        "Hội hữu nghị Việt Nam – Mông Cổ tổ chức gặp mặt tại Hà Nội.",
        "Đại sứ Mông Cổ đánh giá cao hoạt động của Hội.",
        "Bốn phương kết bạn",
        countries=["MN"],
        provinces=[HA_NOI],
        organizations=[VN_MONG_CO],
    ),
    _article(
        105,
        "2024-04-02T20:00:00+07:00",
        "Bạn bè Cuba và Lào dự lễ hội ở Huế",
        "Nhiều đoàn khách quốc tế, trong đó có bạn bè Cuba và Lào, tham dự Festival Huế.",
        "Festival Huế năm nay thu hút đông đảo du khách.",
        "Thân gửi Việt Nam",
        countries=["CU", "LA"],
        provinces=[HUE],
        organizations=[],
    ),
    _article(
        106,
        "2025-05-20T07:45:00+07:00",
        "Đồng Nai đón đoàn thanh niên Nhật Bản",
        "Tỉnh Đồng Nai tiếp đoàn thanh niên Nhật Bản sang giao lưu văn hóa.",
        "Hai bên trao đổi kinh nghiệm về giáo dục và môi trường.",
        None,
        countries=["JP"],
        provinces=[DONG_NAI],
        organizations=[],
    ),
    _article(
        107,
        "2018-01-10T09:00:00+07:00",
        "Chân dung một nhà báo Pháp yêu Việt Nam",
        "Ông đã nhiều lần trở lại Việt Nam và viết về đất nước, con người nơi đây.",
        "Những bài báo của ông góp phần đưa hình ảnh Việt Nam đến bạn đọc Pháp.",
        "Chân dung bè bạn",
    ),
]
"""Articles 101-106 carry entity fields; 107 does not."""


def ids_with(fragment: str) -> set[int]:
    """Ids of the articles whose title, sapo or text contains `fragment` (case-insensitive)."""
    return {a.article_id for a in ARTICLES if fragment.lower() in a.text.lower()}


def ids_about(code: str) -> set[int]:
    """Ids of the articles naming partner country `code`."""
    return {a.article_id for a in ARTICLES if code in getattr(a, "countries", [])}
