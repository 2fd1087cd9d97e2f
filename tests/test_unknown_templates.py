"""Pages in templates of other CMSs (written after real Vietnamese outlets' markup, with hand-written truth):
what only the generic layers read is at least as good as trafilatura's reading, page by page."""

from __future__ import annotations

import re

import pytest

from bench.pages import unknown_template_pages
from bench.quality import PageScore, score_pages
from bench.systems import ours, trafilatura_full
from friendship_crawler import read_article

PAGES = unknown_template_pages()


@pytest.fixture(scope="module")
def scores() -> dict[tuple[str, str], PageScore]:
    return {(score.system, score.page): score for score in score_pages([ours(), trafilatura_full()], PAGES)}


def test_the_set_spans_many_templates() -> None:
    assert len(PAGES) >= 20


@pytest.mark.parametrize("page", [page.name for page in PAGES])
def test_ours_reads_the_text_at_least_as_well_as_trafilatura_with_the_exact_title(
    scores: dict[tuple[str, str], PageScore], page: str
) -> None:
    mine, theirs = scores[("ours", page)], scores[("trafilatura", page)]
    assert mine.f1 >= theirs.f1 and mine.f1 >= 0.93, (mine.f1, theirs.f1)
    assert mine.title and mine.date


def test_a_page_without_a_head_or_an_h1_is_read_at_the_headline_its_microdata_marks() -> None:
    """A CMS that sets its headline in an `h2 itemprop="headline"`, saved without its head."""
    page = next(page for page in PAGES if page.name == "unknown/joomla_item")
    whole = read_article(page.html, page.url)
    headless = read_article(re.sub(r"<head\b.*?</head>", "", page.html, flags=re.S | re.I), page.url)
    assert (headless.title, headless.text) == (whole.title, whole.text)
    assert "<h1" not in page.html and 'itemprop="headline"' in page.html
