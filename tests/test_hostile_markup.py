"""Markup found by fuzzing real and replica pages: each once raised something other than `NotAnArticle`,
or gave a record that breaks the record's own rules. Now each reads into a record or names why not."""

from __future__ import annotations

import unicodedata
from urllib.parse import urljoin

import pytest

from friendship_crawler import NotAnArticle, read_article
from friendship_crawler.listing import fallback_entries, listing_offset
from friendship_crawler.urls import article_id, host_of

URL = "https://thoidai.com.vn/bai-viet-123456.html"
BODY = '<div class="__MASTERCMS_CONTENT"><p>Đoạn văn của bài.</p></div>'
TITLE = '<h1 class="article-detail-title">Tiêu đề</h1>'


def page(*parts: str) -> str:
    return f"<html><head>{parts[0] if len(parts) > 1 else ''}</head><body>{TITLE}{parts[-1]}</body></html>"


def test_a_link_that_is_no_url_is_passed_over() -> None:
    body = '<div class="__MASTERCMS_CONTENT"><p>Đoạn <a href="http://[">văn</a>.</p><p><a href="http://[x]:y/a-1234.html">b</a></p></div>'
    article = read_article(page(body), URL)
    assert article.related_urls == [] and "Đoạn văn." in article.text


@pytest.mark.parametrize("source", ["https://[host/anh.jpg", "http://[x]:y/anh.jpg"])
def test_an_image_whose_address_is_no_url_is_passed_over(source: str) -> None:
    body = (
        '<div class="__MASTERCMS_CONTENT"><p>Đoạn văn của bài.</p>'
        f'<table class="MASTERCMS_TPL_TABLE"><tr><td><img src="{source}"></td></tr></table>'
        '<figure><img src="anh.jpg"></figure></div>'
    )
    article = read_article(page(body), URL)
    assert [image.url for image in article.images] == [urljoin(URL, "anh.jpg")]
    assert article.text.endswith("Đoạn văn của bài.")


def test_a_fetched_url_that_is_no_url_names_no_article() -> None:
    with pytest.raises(NotAnArticle) as raised:
        read_article(page(BODY), "http://[bad")
    assert raised.value.reason == "no_address"
    assert host_of("http://[bad") == "" and article_id("http://[bad") is None


@pytest.mark.parametrize(
    "url",
    ["https://thoidai.com.vn/x-" + "9" * 4301 + ".html", "https://thoidai.com.vn/x-0123.html"],
    ids=["an id too long to be a number", "an id with a leading zero"],
)
def test_an_id_the_site_never_writes_names_no_article(url: str) -> None:
    assert article_id(url) is None
    with pytest.raises(NotAnArticle):
        read_article(page(BODY), url)


def test_a_listing_offset_too_long_to_be_a_number_is_none() -> None:
    assert listing_offset("https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=" + "9" * 4301) == 0
    assert listing_offset("https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=32") == 32


def test_listing_links_that_are_no_urls_are_passed_over() -> None:
    from parsel import Selector

    links = "".join(f'<li><a href="/bai-{n}-12345{n}.html">Bài {n}</a></li>' for n in range(3))
    sel = Selector(text=f'<main><ul>{links}<li><a href="http://[">x</a></li></ul></main>')
    entries = fallback_entries(sel, "https://thoidai.com.vn/huu-nghi")
    assert [e.url.rsplit("-", 1)[-1] for e in entries] == ["123450.html", "123451.html", "123452.html"]


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        # the zone's span runs into the next one's number when the text is read without a space
        ("<span>16:43 | 09/08/2023 GMT+7</span><span>12 bình luận</span>", "2023-08-09T16:43:00+07:00"),
        ("<span>16:43 | 09/08/2023 GMT+25</span>", "2023-08-09T16:43:00+07:00"),
        ("<span>16:43 | 09/08/2023 GMT+0530</span>", "2023-08-09T18:13:00+07:00"),
        ("<span>23:00 | 31/12/9999 GMT-5</span>", None),
        ("<span>09:43 09/08/2023 UTC</span>", "2023-08-09T16:43:00+07:00"),
        ("<span>09:43 | 09/08/2023 (GMT)</span>", "2023-08-09T16:43:00+07:00"),
        ("<span>16:43 | 09/08/2023 UTC+7</span>", "2023-08-09T16:43:00+07:00"),
    ],
)
def test_a_date_line_with_an_odd_zone_gives_the_right_moment_or_none(date: str, expected: str | None) -> None:
    article = read_article(page(f'<div class="article-detail-date">{date}</div>{BODY}'), URL)
    assert article.published_at == expected


def test_a_head_date_out_of_range_in_vietnam_time_is_no_date() -> None:
    head = '<meta property="article:published_time" content="0001-01-01T00:00:00+08:00">'
    assert read_article(page(head, BODY), URL).published_at is None


@pytest.mark.parametrize(
    "json_ld",
    [
        '{"@type": "NewsArticle", "headline": "\\ud800", "description": "a\\udc00b"}',
        "[" * 500 + "]" * 500,
        '{"@graph": ' * 300 + '{"@type": "NewsArticle"}' + "}" * 300,
    ],
    ids=["half a character escaped", "lists nested 500 deep", "graphs nested 300 deep"],
)
def test_hostile_json_ld_is_read_or_passed_over(json_ld: str) -> None:
    head = f'<script type="application/ld+json">{json_ld}</script>'
    article = read_article(page(head, BODY), URL)
    assert article.title == "Tiêu đề"
    article.text.encode("utf-8")


def test_lists_nested_too_deep_for_the_generic_layer_name_no_text() -> None:
    html = "<article><h1>Tiêu đề bài</h1><p>Đoạn văn một.</p>" + "<del>" * 700 + "x"
    with pytest.raises(NotAnArticle) as raised:
        read_article(html, URL)
    assert raised.value.reason == "no_text"


@pytest.mark.parametrize(
    "table",
    [
        "<table><td><img src=a.jpg>Ảnh &#1;chú thích</td></table>",
        "<table><td>Hộp &#1;biên tập</td></table>",
        '<table class="box-related"><td>a</td></table>&#1;',
    ],
    ids=["image table", "one-cell box", "related table"],
)
def test_control_characters_from_entities_do_not_stop_the_generic_layer(table: str) -> None:
    html = f"<html><body><h1>Tiêu đề</h1><p>Đoạn văn đầu tiên của bài viết.</p>{table}</body></html>"
    article = read_article(html, URL)
    assert "\x01" not in article.text


def test_a_soft_hyphen_before_a_combining_mark_still_gives_composed_text() -> None:
    article = read_article(page(f"<h1>Qua&shy;&#x309;ng</h1>{BODY}").replace(TITLE, ""), URL)
    assert article.title == "Quảng" and unicodedata.is_normalized("NFC", article.title)
    assert article.text.startswith(article.title + "\n")


def test_control_and_separator_characters_leave_no_trace_in_title_or_text() -> None:
    html = page(f"<h1>Tiêu đề &#x2028; bài &#1;</h1>{BODY.replace('của', 'của &#1;&#x2029;')}").replace(
        TITLE, ""
    )
    article = read_article(html, URL)
    assert article.title == "Tiêu đề bài"
    assert "Đoạn văn của bài." in article.text.split("\n")


def test_a_link_with_a_malformed_attribute_beside_its_address_is_still_read() -> None:
    """A page cut inside a script leaves attribute names lxml cannot name (`{"@type":`): reading one
    attribute still works, where asking for all of them fails."""
    links = "".join(f"<a href='/bai-{n}-12345{n}.html' {{\"@type\":='x'>Bài {n}</a>" for n in range(6))
    page = f"<html><body>{links}</body></html>"
    with pytest.raises(NotAnArticle) as raised:
        read_article(page, "https://thoidai.com.vn/huu-nghi")
    assert raised.value.reason == "listing"


@pytest.mark.parametrize("base", ["http://[", "http://[x]:y/", "javascript:void(0)", "   "])
def test_a_base_that_is_no_address_leaves_links_and_images_read_against_the_page(base: str) -> None:
    body = (
        '<div class="__MASTERCMS_CONTENT"><p>Đoạn văn của bài.</p><figure><img src="anh.jpg"></figure>'
        '<p><a href="/bai-khac-1234.html">Bài khác</a></p></div>'
    )
    article = read_article(page(f'<base href="{base}">', body), URL)
    assert [image.url for image in article.images] == [urljoin(URL, "anh.jpg")]
    assert article.related_urls == ["https://thoidai.com.vn/bai-khac-1234.html"]


def test_a_teaser_heading_set_after_the_body_right_under_the_root_leaves_the_page_readable() -> None:
    teaser = '<h3><a href="https://thoidai.com.vn/bai-khac-201001.html">Một bài khác của trang, đủ dài để đọc</a></h3>'
    body = '<div class="__MASTERCMS_CONTENT"><p>Đoạn văn của bài viết, một câu đủ dài để đọc.</p></div>'
    head = (
        "<title>Tin chính của trang | Thời Đại</title>"
        '<meta property="og:title" content="Tin chính của trang"><meta property="og:type" content="article">'
    )
    html = f"<html><head>{head}</head><body>{body}</body>{teaser}</html>"
    article = read_article(html, URL)
    assert article.published_at is None and "Đoạn văn của bài viết, một câu đủ dài để đọc." in article.text


def test_the_first_base_of_a_page_counts_even_when_it_is_empty() -> None:
    body = (
        '<div class="__MASTERCMS_CONTENT"><p>Đoạn văn của bài.</p><figure><img src="anh.jpg"></figure></div>'
    )
    article = read_article(page('<base href=""><base href="https://othersite.vn/">', body), URL)
    assert [image.url for image in article.images] == [urljoin(URL, "anh.jpg")]
