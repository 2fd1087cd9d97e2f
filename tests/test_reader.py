"""`read_article` / `read_page`: the one path from page to record, on saved pages, with no Scrapy."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import friendship_crawler
from friendship_crawler import NotAnArticle, read_article
from friendship_crawler.items import content_hash
from friendship_crawler.reader import read_page

FIXTURES = Path(__file__).parent / "fixtures" / "article"
PAGE = FIXTURES / "v2021_bac_giang.html"
URL = "https://thoidai.com.vn/lien-hiep-huu-nghi-tinh-bac-giang-chu-dong-linh-hoat-sang-tao-hieu-qua-185000.html"


def test_the_package_exposes_read_article_and_its_error() -> None:
    assert friendship_crawler.read_article is read_article
    assert issubclass(friendship_crawler.NotAnArticle, Exception)
    with pytest.raises(AttributeError):
        friendship_crawler.no_such_name  # noqa: B018


FIELDS = ("url", "article_id", "title", "sapo", "text", "author", "published_at", "section")


def fixture(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


CASES = [
    (path, name)
    for path in sorted(FIXTURES.glob("*.json"))
    if "article" in fixture(path)
    for name in FIELDS
    if name not in fixture(path).get("uncompared", [])
]


@pytest.mark.parametrize(("case", "field"), CASES, ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_a_saved_page_becomes_its_clean_record(case: Path, field: str) -> None:
    """Cleaning leaves a correctly extracted page as it is: the record equals the saved page's truth."""
    truth = fixture(case)
    article = read_article(case.with_suffix(".html").read_bytes(), truth["fetched_url"])
    assert getattr(article, field) == truth["article"][field]
    assert article.content_hash == content_hash(article.text)
    assert unicodedata.is_normalized("NFC", article.text)


def test_the_content_hash_is_the_clean_texts_when_cleaning_changes_the_text() -> None:
    related = "Hội hữu nghị Việt Nam – Lào tỉnh Bắc Giang tổ chức gặp mặt"
    html = PAGE.read_text(encoding="utf-8").replace(
        '__MASTERCMS_CONTENT">', f'__MASTERCMS_CONTENT"><p>{related} {related}</p>', 1
    )
    assert related in html
    reading = read_page(html, URL)
    assert [removal.text for removal in reading.removals] == [f"{related} {related}"]
    assert reading.article.content_hash == content_hash(reading.article.text)
    assert reading.article.content_hash != reading.extraction.article.content_hash


def test_the_page_read_as_bytes_or_text_gives_one_record() -> None:
    html = PAGE.read_bytes()
    assert read_article(html, URL) == read_article(html.decode("utf-8"), URL)


def test_a_page_left_without_body_by_cleaning_is_not_an_article() -> None:
    html = PAGE.read_text(encoding="utf-8")
    start = html.index('<div class="__MASTERCMS_CONTENT">')
    end = html.index("</div>", start)
    emptied = (
        html[:start] + '<div class="__MASTERCMS_CONTENT"><p>Tin bài liên quan</p></div>' + html[end + 6 :]
    )
    with pytest.raises(NotAnArticle) as caught:
        read_article(emptied, URL)
    assert caught.value.reason == "no_text"


def test_the_listing_trail_stands_in_for_a_missing_breadcrumb() -> None:
    html = re.sub(r'<div class="breadcrumbs">.*?</div>', "", PAGE.read_text(encoding="utf-8"), count=1)
    listing = ["Hữu nghị", "Bốn phương kết bạn"]
    assert read_article(html, URL, listing=listing).section == listing
    with_trail = read_article(PAGE.read_bytes(), URL, listing=listing)
    assert with_trail.section == ["Hữu nghị"], "the page's own breadcrumb wins"


def test_a_reading_says_how_each_field_was_found() -> None:
    reading = read_page(PAGE.read_bytes(), URL)
    assert not reading.extraction.fallback and reading.extraction.generation != "generic"
    assert reading.extraction.sources.get("text") and reading.extraction.sources.get("title")


def test_a_video_page_is_not_an_article() -> None:
    with pytest.raises(NotAnArticle) as caught:
        read_article((FIXTURES / "video.html").read_bytes(), "https://thoidai.com.vn/video-1.html")
    assert caught.value.reason == "video"
