import re
from urllib.parse import urlsplit

import pytest

from friendship_crawler.urls import (
    BadPort,
    article_id,
    canonical_article_url,
    http_url,
    is_article_url,
    split_mastercms,
    strip_tracking,
)

ARTICLE = "https://thoidai.com.vn/lien-hiep-huu-nghi-tinh-bac-giang-194335.html"


@pytest.mark.parametrize(
    "url",
    [
        ARTICLE,
        "https://www.thoidai.com.vn/lien-hiep-huu-nghi-tinh-bac-giang-194335.html",
        "https://tacnghiep.thoidai.com.vn/lien-hiep-huu-nghi-tinh-bac-giang-194335.html",
        ARTICLE + "&mobile=yes&amp=1",
        ARTICLE + "?fbclid=IwAR0abc",
        ARTICLE + "?utm_source=facebook&utm_medium=social",
        "http://thoidai.com.vn/lien-hiep-huu-nghi-tinh-bac-giang-194335.html#comments",
    ],
)
def test_variants_fold_into_one_canonical_url(url: str) -> None:
    assert canonical_article_url(url) == ARTICLE
    assert article_id(url) == 194335


def test_print_view_carries_the_id() -> None:
    url = "https://thoidai.com.vn/apicenter@/print_article&i=194335"
    assert article_id(url) == 194335
    assert canonical_article_url(url) == "https://thoidai.com.vn/194335.html"


@pytest.mark.parametrize(
    ("url", "number"),
    [
        ("https://congthuong.vn/xuat-khau-gao-tang-manh-post301234.html", 301234),
        ("https://nongnghiep.vn/gia-lua-hom-nay-d384321.html", 384321),
        ("https://thoidai.com.vn/tin-postman-123456.html", 123456),
        ("https://kinhtevadulich.vn/niem-tin-va-y-dinh-mua-a320123.html", 320123),
        ("https://tapchicongthuong.vn/thuc-trang-va-cac-giai-phap-103441.htm", 103441),
        ("https://tapchicongthuong.vn/bai-viet/thuc-trang-va-cac-giai-phap-50211.htm", 50211),
    ],
)
def test_a_sister_sites_id_marked_by_a_word_is_its_number(url: str, number: int) -> None:
    """Sister sites on the same CMS write `-post301234.html`, `-d384321.html` or `-a320123.html`, end the
    address in `.htm` or file it under a folder: the number is the id, the address its canonical form."""
    assert article_id(url) == number
    assert canonical_article_url(url, "https://example.vn") == "https://example.vn" + urlsplit(url).path


@pytest.mark.parametrize(
    "url",
    [
        "https://thoidai.com.vn/covid-d19.html",
        "https://thoidai.com.vn/huu-nghi",
        "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16",
        "https://thoidai.com.vn/huu-nghi/bon-phuong-ket-ban",
        "https://thoidai.com.vn/stores/news_dataimages/a-20250729.jpg",
        "https://thoidai.com.vn/stores/news_dataimages/2025/072025/29/anh-20250729.jpg",
        "https://thoidai.com.vn/a/b/tin-chinh-123456.html",
        "https://thoidai.com.vn/tin-chinh-123456.htmlx",
    ],
)
def test_non_articles_have_no_id(url: str) -> None:
    assert not is_article_url(url)
    with pytest.raises(ValueError, match="not an article URL"):
        canonical_article_url(url)


def test_mastercms_query_after_ampersand() -> None:
    assert split_mastercms("https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=32") == (
        "https",
        "thoidai.com.vn",
        "/huu-nghi",
        "s_cond=&BRSR=32",
    )


def test_strip_tracking_keeps_other_parameters() -> None:
    assert strip_tracking("https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16&utm_source=x") == (
        "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16"
    )
    assert strip_tracking(ARTICLE + "?fbclid=abc&page=2") == ARTICLE + "?page=2"


@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("page.html", "is no http(s) URL with a host"),
        ("ftp://thoidai.com.vn/a", "is no http(s) URL with a host"),
        ("http://[::1", "is no URL"),
        ("http://127.0.0.1:99999/", "has a port that is no number up to 65535"),
    ],
)
def test_http_url_says_what_is_wrong(value: str, error: str) -> None:
    with pytest.raises(ValueError, match=re.escape(error)) as raised:
        http_url(value)
    assert isinstance(raised.value, BadPort) is ("port" in error)
    assert http_url("https://thoidai.com.vn:443/x-1.html").hostname == "thoidai.com.vn"
