"""Property-based tests of extraction and cleaning on generated and mutated pages (hypothesis).

Whatever the page, the extractor and the cleaning chain (as the item pipeline runs them) either drop it
with a named reason or give a record whose title is non-empty, whose text is NFC, and whose text holds no
trailer box title on a line of its own. The quick variant runs with every test run; the slow one runs
10,000 examples (CI runs slow tests too).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from friendship_crawler import read_article
from friendship_crawler.clean.rules import TRAILER_BOXES
from friendship_crawler.extract import NOT_ARTICLE_REASONS, NotAnArticle
from friendship_crawler.site_rules import marker_key

FIXTURES = Path(__file__).parent / "fixtures" / "article"
SEEDS = [
    (FIXTURES / name).read_bytes()
    for name in ("v2021_bac_giang.html", "v2019_binh_duong.html", "amp_vinh_phuc.html", "video.html")
]
URL = "https://thoidai.com.vn/bai-viet-huu-nghi-123456.html"

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
words = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper(), min_size=1, max_size=9)
sentence = st.lists(words, min_size=1, max_size=14).map(" ".join)
decomposed = sentence.map(lambda text: unicodedata.normalize("NFD", text))
trailer_title = st.sampled_from(sorted(TRAILER_BOXES)).map(str.capitalize)
noise = st.sampled_from(
    [
        "<p>", "</div>", "<table><tr><td>", "<script>var a='<h1>x</h1>';</script>", "\ufeff", "\x00",
        "<!--", "-->", "&nbsp;", "&#xD800;", "<h1 class=\"article-detail-title\"></h1>", "<br/>" * 3,
        '<div class="__MASTERCMS_CONTENT">', '<meta charset="windows-1252">', "\u0301\u0323", "]]>",
    ]
)  # fmt: skip
paragraph = st.one_of(sentence, decomposed, trailer_title, noise, st.text(max_size=40))


@st.composite
def generated_page(draw: st.DrawFn) -> bytes:
    """A small page in the contract's v2021 markup with generated (and sometimes hostile) parts."""
    title = draw(st.one_of(sentence, decomposed, noise, st.just("")))
    sapo = draw(st.one_of(sentence, decomposed, st.just("")))
    body = "".join(f"<p>{text}</p>" for text in draw(st.lists(paragraph, max_size=8)))
    container = draw(st.sampled_from(['<div class="__MASTERCMS_CONTENT">', "<div>", ""]))
    trailer = draw(st.lists(trailer_title, max_size=2))
    page = (
        f'<html><head><meta charset="utf-8"><title>{title} | Thời Đại</title></head><body>'
        f'<div class="article-detail"><h1 class="article-detail-title">{title}</h1>'
        f'<div class="article-detail-desc">{sapo}</div>{container}{body}</div></div>'
        + "".join(
            f'<div class="box-x"><h3 class="box-title">{name}</h3><p>{name}</p></div>' for name in trailer
        )
        + "</body></html>"
    )
    return page.encode(draw(st.sampled_from(["utf-8", "utf-8-sig"])), errors="surrogatepass")


@st.composite
def mutated_page(draw: st.DrawFn) -> bytes:
    """A saved page cut, repeated or spliced with noise at random places."""
    page = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(page)))
        end = draw(st.integers(start, min(len(page), start + 2000)))
        action = draw(st.sampled_from(["cut", "repeat", "splice"]))
        if action == "cut":
            page = page[:start] + page[end:]
        elif action == "repeat":
            page = page[:end] + page[start:end] + page[end:]
        else:
            insert = draw(st.one_of(noise, paragraph, decomposed)).encode("utf-8", "surrogatepass")
            page = page[:start] + insert + page[start:]
    return page


def check_invariants(page: bytes) -> None:
    try:
        article = read_article(page, URL)
    except NotAnArticle as dropped:
        assert dropped.reason in NOT_ARTICLE_REASONS
        return
    assert article.title.strip(), "a record without a title must have been dropped with a reason"
    assert unicodedata.is_normalized("NFC", article.title)
    assert unicodedata.is_normalized("NFC", article.text)
    body = article.text.split("\n")[1:]
    assert not [line for line in body if marker_key(line) in TRAILER_BOXES], article.text


pages = st.one_of(generated_page(), mutated_page())
RELAXED = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]


@settings(max_examples=300, deadline=None, suppress_health_check=RELAXED)
@given(pages)
def test_extraction_and_cleaning_hold_their_invariants(page: bytes) -> None:
    check_invariants(page)


@pytest.mark.slow
@settings(max_examples=3_000, deadline=None, suppress_health_check=RELAXED)
@given(pages)
def test_extraction_and_cleaning_hold_their_invariants_at_scale(page: bytes) -> None:
    check_invariants(page)
