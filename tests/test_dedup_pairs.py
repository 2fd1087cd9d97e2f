"""The chosen near-duplicate setting on the labelled pairs: no false merge, and the recall it is chosen for.

The pairs (built by `bench.dedup_pairs`, seeded) hold republications
with small edits, renumbered copies and the replica's planted duplicates, against look-alike distinct
articles: provincial congress reports, the same template for two provinces, follow-ups, short briefs.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bench.dedup import NO_ANCHOR_CHECK, fingerprints, load_pairs, score
from friendship_crawler.dedup.minhash import ShingleConfig
from friendship_crawler.dedup.rule import Fingerprint, NearRule


@pytest.fixture(scope="module")
def labelled() -> tuple[list[dict], list[tuple[Fingerprint, Fingerprint]]]:
    pairs = load_pairs()
    return pairs, fingerprints(pairs, ShingleConfig())


def test_the_set_holds_both_labels_and_the_replica_cases(labelled) -> None:
    pairs, _ = labelled
    kinds = Counter((p["label"], p["kind"]) for p in pairs)
    assert sum(n for (label, _), n in kinds.items() if label == "duplicate") >= 100
    assert sum(n for (label, _), n in kinds.items() if label == "distinct") >= 150
    assert kinds[("duplicate", "replica_near_duplicate")] >= 1
    assert kinds[("distinct", "replica_provincial_congress")] >= 1


def test_chosen_setting_makes_no_false_merge_and_keeps_recall(labelled) -> None:
    pairs, prints = labelled
    result = score(pairs, prints, ShingleConfig(), NearRule())
    assert result.false_merges == 0, result.false_merge_kinds
    assert result.recall >= 0.98


def test_text_similarity_alone_would_merge_lookalikes(labelled) -> None:
    """Why the rule checks names and figures: shingles alone merge congress reports of two provinces."""
    pairs, prints = labelled
    loose = NearRule(max_anchor_conflict=NO_ANCHOR_CHECK, max_anchor_conflict_share=float(NO_ANCHOR_CHECK))
    result = score(pairs, prints, ShingleConfig(), loose)
    assert result.false_merges > 10
    assert any(kind.startswith("congress") for kind in result.false_merge_kinds)
