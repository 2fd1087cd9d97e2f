"""The extractor's selectors decide exactly what cssselect decides: the cheaper XPath of `extract.css`
matches the same elements in the same order, and a page's marks never rule out a selector that matches."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from lxml.cssselect import CSSSelector
from lxml.etree import XPath
from lxml.html import HtmlElement

from friendship_crawler.extract.css import css_to_xpath
from friendship_crawler.extract.document import parse_page
from friendship_crawler.extract.marks import XPATH_UNION_MAX, PageMarks
from friendship_crawler.extract.selectors import DETECTION_ORDER, SELECTOR_FIELDS, Generic, Selector
from friendship_crawler.listing import ENTRY_SELECTORS

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted([*FIXTURES.glob("article/*.html"), *FIXTURES.glob("mastercms/*.html")])
EXTRACTOR_CSS = sorted(
    {
        css
        for generation in (*DETECTION_ORDER, Generic)
        for name in SELECTOR_FIELDS
        for css in getattr(generation, name)
    }
    | set(ENTRY_SELECTORS)
)
EDGE_CSS = [
    "div.a.b",
    ".tags",
    ".tags a",
    "p .x",
    "ul.menu > li",
    "[class~=tags]",
    "html",
    ".a, div.b",
    "a.x:first-child",
]
EDGE_PAGE = """<html class="tags"><body>
<div class="tags-list"><a>not a tag</a></div><div class="x  tags"><a>one</a><div class="tags"><a>nested</a></div></div>
<div class="a b"><p class="b">x</p></div><div class="b a"></div><div class="ab"></div>
<ul class="menu"><li class="x">1</li><li><p><span class="x">2</span></p></li></ul>
<p>  <span class="	tags
">tabbed</span></p><a class="x">first</a><a class="x">second</a>
<div class="tags tags"><p class="b a b"><a>twice</a></p></div><div class="tags wide"><a>nbsp</a></div>
</body></html>"""


@cache
def tree(path: Path) -> HtmlElement:
    return parse_page(path.read_bytes())


def same_matches(css: str, root: HtmlElement) -> None:
    expected = CSSSelector(css)(root)
    assert XPath(css_to_xpath(css))(root) == expected, css


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_extractor_selector_matches_what_cssselect_matches(page: Path) -> None:
    root = tree(page)
    for css in EXTRACTOR_CSS:
        same_matches(css, root)


@pytest.mark.parametrize("css", EXTRACTOR_CSS + EDGE_CSS)
def test_tokens_that_only_contain_the_name_do_not_match(css: str) -> None:
    root = parse_page(EDGE_PAGE)
    same_matches(css, root)


@pytest.mark.parametrize("css", EXTRACTOR_CSS + EDGE_CSS + ["div.a.b p", ".b.a", "p.b.a a", ".tags a.x"])
def test_a_selector_answered_by_class_names_matches_what_cssselect_matches(css: str) -> None:
    root = parse_page(EDGE_PAGE)
    marks = PageMarks(root)
    expected = CSSSelector(css)(root)
    assert Selector(css).select(root, marks) == expected, css
    assert Selector(css).matches(root, marks) == bool(expected), css


def test_the_set_holds_pages_where_the_selectors_match() -> None:
    matched = {css for page in PAGES for css in EXTRACTOR_CSS if CSSSelector(css)(tree(page))}
    assert len(PAGES) >= 10 and len(matched) >= 25


def test_the_rewrites_apply() -> None:
    assert css_to_xpath(".tags a").startswith("descendant-or-self::*/@class[contains(., 'tags')]/parent::*[")
    assert css_to_xpath(".tags a").endswith("/descendant::a")
    assert css_to_xpath("div.sapo").startswith("descendant-or-self::div[(contains(@class, 'sapo')) and ")
    assert css_to_xpath("html[amp]") == "self::html[@amp]"
    assert css_to_xpath(".a, .b").count("/@class[contains(., ") == 2


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_selector_matches_a_page_exactly_when_cssselect_finds_it(page: Path) -> None:
    root = tree(page)
    marks = PageMarks(root)
    for css in EXTRACTOR_CSS:
        expected = CSSSelector(css)(root)
        selector = Selector(css)
        assert selector.matches(root, marks) == bool(expected), css
        assert selector.select(root, marks) == expected, css


@pytest.mark.parametrize(
    ("class_attribute", "matches"),
    [
        ("a b", True),
        ("b\ta", True),
        ("b\na\r", True),
        ("a\xa0b", False),
        ("a\x0cb", False),
        ("b\u2003a", False),
    ],
)
def test_class_names_split_where_a_css_class_test_splits_them(class_attribute: str, matches: bool) -> None:
    root = parse_page(f'<html><body><div class="{class_attribute}">x</div></body></html>')
    assert bool(CSSSelector(".a")(root)) is matches
    assert Selector(".a").matches(root, PageMarks(root)) is matches


def test_a_tag_the_page_lacks_rules_its_selectors_out() -> None:
    root = parse_page("<html><body><h1>Title</h1><p class='x'>text</p></body></html>")
    marks = PageMarks(root)
    assert marks.has_tag("h1") and marks.has_tag("p") and not marks.has_tag("amp-img")
    assert not Selector("amp-img").matches(root, marks) and not Selector("h2.x").select(root, marks)
    assert Selector("p.x").matches(root, marks)


@pytest.mark.parametrize("teasers", [3, XPATH_UNION_MAX + 1])
def test_elements_by_class_pattern_with_an_xpath_come_in_document_order_each_once(teasers: int) -> None:
    items = "".join(
        f"<li class='item'><h3 class='item-title'>Bài {n}</h3><p class='title-sub item-title'>Sapo {n}</p>"
        f"<h4>Mục {n}</h4></li>"
        for n in range(teasers)
    )
    root = parse_page(
        f"<html><body><div class='box-title'>Tin</div><h4>Đầu</h4><ul>{items}</ul></body></html>"
    )
    found = PageMarks(root).with_classes_like(re.compile("title"), also="descendant::h4")
    expected = [e for e in root.iter() if "title" in (e.get("class") or "") or e.tag == "h4"]
    assert [id(e) for e in found] == [id(e) for e in expected] and len(found) == 3 * teasers + 2
