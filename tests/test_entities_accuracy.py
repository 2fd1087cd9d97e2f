"""find_entities on the labelled set of real articles meets the quality targets of each field."""

from __future__ import annotations

from bench.entities import LABELLED_SET, TARGETS, load_labelled, score


def test_labelled_set_holds_at_least_150_real_articles():
    articles = load_labelled(LABELLED_SET)
    assert len(articles) >= 150
    assert len({article.url for article in articles}) == len(articles)


def test_precision_and_recall_meet_the_targets():
    scores = {row.field: row for row in score(load_labelled(LABELLED_SET))}
    for field, (least_precision, least_recall) in TARGETS.items():
        assert scores[field].precision >= least_precision, field
        if least_recall is not None:
            assert scores[field].recall >= least_recall, field
