"""The cheaper XPath of `extract.css` matches exactly what cssselect's XPath matches, in the same order."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from lxml.cssselect import CSSSelector
from lxml.etree import XPath
from lxml.html import HtmlElement

from friendship_crawler.extract.css import css_to_xpath
from friendship_crawler.extract.document import parse_page
from friendship_crawler.extract.selectors import DETECTION_ORDER, SELECTOR_FIELDS, Generic
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


def test_the_set_holds_pages_where_the_selectors_match() -> None:
    matched = {css for page in PAGES for css in EXTRACTOR_CSS if CSSSelector(css)(tree(page))}
    assert len(PAGES) >= 10 and len(matched) >= 25


def test_the_rewrites_apply() -> None:
    assert css_to_xpath(".tags a").startswith("descendant-or-self::*/@class[contains(., 'tags')]/parent::*[")
    assert css_to_xpath(".tags a").endswith("/descendant::a")
    assert css_to_xpath("div.sapo").startswith("descendant-or-self::div[(contains(@class, 'sapo')) and ")
    assert css_to_xpath("html[amp]") == "self::html[@amp]"
    assert css_to_xpath(".a, .b").count("/@class[contains(., ") == 2
