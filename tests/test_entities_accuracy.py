"""find_entities on the labelled set of real articles meets the quality targets of each field."""

from __future__ import annotations

from bench.entities import LABELLED_SET, SECTION, TARGETS, by_source, load_labelled, score
from friendship_crawler.urls import article_id

MIN_SECTION_ARTICLES = 150


def test_labelled_set_holds_at_least_150_real_articles_of_the_section():
    articles = load_labelled(LABELLED_SET)
    section = by_source(articles)[SECTION]
    assert len(section) >= MIN_SECTION_ARTICLES
    assert len({article.url for article in articles}) == len(articles)
    ids = [article_id(article.url) for article in section if article_id(article.url) is not None]
    assert len(set(ids)) == len(ids), "one article of the section under two addresses"


def test_precision_and_recall_meet_the_targets_on_the_section():
    scores = {row.field: row for row in score(by_source(load_labelled(LABELLED_SET))[SECTION])}
    for field, (least_precision, least_recall) in TARGETS.items():
        assert scores[field].precision >= least_precision, field
        if least_recall is not None:
            assert scores[field].recall >= least_recall, field
