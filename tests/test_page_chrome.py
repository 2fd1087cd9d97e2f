"""The page's own header and footer are cut from the bytes before parsing, or emptied in the tree where
the bytes cannot give them up: no saved page's record changes for it, a page put together from chrome and
article parts reads the same either way, and the site's top-bar date or copyright year is never read."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.pages import mastercms_pages, replica_pages
from friendship_crawler.extract import NotAnArticle, document
from friendship_crawler.extract.page_chrome import cut_page_chrome
from friendship_crawler.reader import read_page

FIXTURES = Path(__file__).parent / "fixtures"
MENU = '<header class="site-header"><div class="logo"><a href="/">Site</a></div>{inside}<nav class="menu">{links}</nav></header>'
LINKS = "".join(f'<a href="/cat-{n}">Mục {n}</a>' for n in range(40))
ARTICLE = '<main><article><h1 class="t">Tiêu đề</h1><div class="__MASTERCMS_CONTENT"><p>Đoạn văn.</p></div></article></main>'
FOOTER = '<footer class="site-footer"><ul>{links}</ul>{inside}<p>© 2026 Tạp chí Thời Đại. Giấy phép số 1</p></footer>'
SCRIPTS = "<script>var ga = 1;</script>"


def page(
    inside: str = "",
    before: str = "",
    head: str = "<title>T</title>",
    article: str = ARTICLE,
    in_footer: str = "",
    after: str = SCRIPTS,
) -> bytes:
    header = MENU.format(inside=inside, links=LINKS)
    footer = FOOTER.format(inside=in_footer, links=LINKS)
    return f"<html><head>{head}</head><body>{before}{header}{article}{footer}{after}</body></html>".encode()


def test_header_and_footer_are_cut_and_the_rest_of_the_page_kept() -> None:
    cut = cut_page_chrome(page())
    assert b"site-header" not in cut and b"site-footer" not in cut and b"cat-39" not in cut
    expected = f"<html><head><title>T</title></head><body><header></header>{ARTICLE}<footer></footer>{SCRIPTS}</body></html>"
    assert cut == expected.encode()


def test_icons_drawn_with_svg_paths_do_not_keep_a_header() -> None:
    icon = '<svg viewBox="0 0 8 8"><path d="M0 0h8v8z"></path></svg>'
    assert b"site-header" not in cut_page_chrome(page(inside=icon))


@pytest.mark.parametrize(
    ("inside", "why"),
    [
        ("<h1>Tiêu đề trong đầu trang</h1>", "a headline"),
        ("<H1>Tiêu đề</H1>", "a headline in capitals"),
        ('<time datetime="2024-01-02">02/01/2024</time>', "a date element"),
        ('<div class="BreadCrumb"><a href="/">Trang chủ</a></div>', "a breadcrumb"),
        ('<div class="path-nav"><a href="/">Trang chủ</a></div>', "a trail named as a path"),
        ("<script>var x = 1;</script>", "a script, whose text could hide a closing tag"),
        ("<style>.a{}</style>", "a style"),
        ("<!-- menu -->", "a comment"),
        ('<header class="inner"><a href="/">x</a></header>', "a nested header"),
        ("<main><p>x</p></main>", "main content"),
    ],
)
def test_a_header_holding_what_a_field_may_be_read_from_is_kept(inside: str, why: str) -> None:
    cut = cut_page_chrome(page(inside=inside))
    assert b"site-header" in cut and b"site-footer" not in cut, why


@pytest.mark.parametrize(
    ("original", "why"),
    [
        (page(before="<main><p>Lead</p></main>"), "main content opens before the header"),
        (page(before="<article></article>"), "an article opens before the header"),
        (page(head="<script>var t = '<header><b>';</script>"), "the first '<header' is quoted in a script"),
        (page(head="<!-- <header> -->"), "the first '<header' is in a comment"),
        (page().replace(b"</header>", b"</div>"), "no closing tag"),
        (page().replace(b"<header class", b"<headers class"), "another tag's name"),
        (page().replace(b"<nav", b"<div").replace(b"</nav>", b"</div>"), "no menu: it may be the article's"),
    ],
)
def test_a_header_whose_place_or_bounds_are_uncertain_is_kept(original: bytes, why: str) -> None:
    assert b"site-header" in cut_page_chrome(original), why


@pytest.mark.parametrize(
    ("original", "why"),
    [
        (page(in_footer='<div class="breadcrumb"><a href="/">Trang chủ</a></div>'), "a breadcrumb"),
        (page(in_footer="<script>ads()</script>"), "a script"),
        (page(in_footer="<footer>x</footer>"), "a nested footer"),
        (page(after="</section>"), "a section closes after it: it may be the article's footer"),
        (
            page(after="<script>var f = '<footer>© x</footer>';</script>"),
            "the last footer is quoted in a script",
        ),
        (page(after="-->"), "it lies inside a comment"),
        (
            page().replace("© 2026 Tạp chí Thời Đại. Giấy phép số 1".encode(), b"Tags: a, b"),
            "it names no owner",
        ),
    ],
)
def test_a_footer_that_may_be_the_articles_or_is_uncertain_is_kept(original: bytes, why: str) -> None:
    assert b"site-footer" in cut_page_chrome(original), why


def saved_pages() -> list[tuple[str, bytes, str]]:
    pages = [
        (str(p.relative_to(FIXTURES)), p.read_bytes(), "https://thoidai.com.vn/x-1.html")
        for p in sorted(FIXTURES.rglob("*.html"))
    ]
    real = [(p.name, p.html.encode(), p.url) for p in mastercms_pages()]
    replica = [(p.name, p.html.encode(), p.url) for p in replica_pages(40)[::4]]
    return pages + real + replica


def reading(html: bytes, url: str) -> tuple[dict[str, Any], dict[str, str], str] | str:
    """The record, the layer of each field and the generation, or the reason the page is no article."""
    try:
        found = read_page(html, url)
    except NotAnArticle as exc:
        return exc.reason
    return asdict(found.article), found.extraction.sources, found.extraction.generation


def test_every_saved_page_reads_the_same_with_its_header_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = saved_pages()
    cut = [name for name, html, _ in pages if cut_page_chrome(html) != html]
    with_cut = [reading(html, url) for _, html, url in pages]
    monkeypatch.setattr(document, "cut_page_chrome", lambda html: html)
    whole = [reading(html, url) for _, html, url in pages]
    assert len(cut) >= len(pages) // 2, cut  # the rule fits most real-shaped pages
    for (name, _, _), one, other in zip(pages, with_cut, whole, strict=True):
        assert one == other, name


HEADS = st.sampled_from(
    [
        "<title>T</title>",
        "<script>var t = '<header><nav><ul>';</script>",
        "<!-- <footer>© x</footer> -->",
        "<style>header{}</style>",
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Tiêu đề JSON"}</script>',
    ]
)
PARTS = st.sampled_from(
    [
        MENU.format(inside="", links=LINKS),
        MENU.format(inside="<h1>Logo</h1>", links=LINKS),
        MENU.format(
            inside="<div class='breadcrumbs'><a href='/'>Trang chủ</a><a href='/huu-nghi'>Hữu nghị</a></div>",
            links=LINKS,
        ),
        MENU.format(inside="<script>ads('</header>')</script>", links=LINKS),
        MENU.format(inside="<span class='date'>Thứ Năm, 03/12/2026</span>", links=LINKS),
        MENU.format(
            inside="<script>ads()</script><div class='tags'><a href='/t/b'>xu hướng</a></div>", links=LINKS
        ),
        "<header class='article-header'><div class='title'>Tiêu đề phụ</div><span class='author'>Minh An</span></header>",
        "<header><nav><ul><li><a href='/'>Trang chủ</a></li></ul></nav>",
        ARTICLE,
        "<article><h1 class='article-detail-title'>Tiêu đề</h1><div class='__MASTERCMS_CONTENT'><p>Một đoạn.</p></div></article>",
        "<section><h2>Tin bài liên quan</h2><ul><li><a href='/a-12345.html'>Bài khác</a></li></ul></section>",
        "<div class='wrap'>",
        "</div>",
        FOOTER.format(inside="", links=LINKS),
        FOOTER.format(inside="<script>x()</script>", links=LINKS),
        FOOTER.format(inside="<div class='article-tags'><a href='/tag/a'>hòa bình</a></div>", links=LINKS),
        "<footer class='article-footer'><div class='tags'><a href='/t/a'>hữu nghị</a></div></footer>",
        "<script>var f = '</footer>';</script>",
        "<!-- x -->",
        "-->",
        "<!--",
        "<p>Một câu của bài viết.</p>",
        "<span class='article-detail-date'>10:00 | 01/02/2024 GMT+7</span>",
        "<div class='breadcrumbs'><a href='/'>Trang chủ</a><a href='/huu-nghi'>Hữu nghị</a></div>",
    ]
)


@settings(max_examples=500, deadline=None)
@given(head=HEADS, parts=st.lists(PARTS, min_size=1, max_size=8))
def test_a_page_put_together_from_chrome_and_article_parts_reads_the_same_cut_from_bytes_or_tree(
    head: str, parts: list[str]
) -> None:
    """Cut from the bytes where they allow it or emptied in the tree: the same record either way.

    The pages close every article, main and section they open: where one is left open, the parser puts
    what follows inside it, which the bytes cannot know."""
    page = f"<html><head>{head}</head><body>{''.join(parts)}</body></html>".encode()
    url = "https://thoidai.com.vn/tieu-de-123456.html"
    with_cut = reading(page, url)
    original = document.cut_page_chrome
    document.cut_page_chrome = lambda whole: whole
    try:
        in_tree = reading(page, url)
    finally:
        document.cut_page_chrome = original
    assert with_cut == in_tree


@pytest.mark.parametrize(
    "inside", ["", "<script>ads()</script>"], ids=["cut from the bytes", "emptied in the tree"]
)
def test_the_site_header_and_footer_give_no_date(inside: str) -> None:
    """A top-bar date and a copyright year are the site's, not the article's (htmldate would take either)."""
    header = MENU.format(inside=f"{inside}<span class='date'>Thứ Năm, 03/12/2026</span>", links=LINKS)
    footer = FOOTER.format(inside=inside, links=LINKS)
    page = f"<html><head><title>T</title></head><body>{header}{ARTICLE}{footer}</body></html>".encode()
    assert (b"site-header" in cut_page_chrome(page)) == bool(inside)
    result = reading(page, "https://thoidai.com.vn/tieu-de-123456.html")
    assert not isinstance(result, str)
    assert result[0]["published_at"] is None and result[0]["tags"] == []
