"""Measure the dedup stage: near-duplicate calibration on the labelled pairs, and speed and state size.

    python -m bench.dedup                 # items/s and state bytes per article at 10k and 100k articles
    python -m bench.dedup calibrate       # precision and recall of each setting on tests/data/dedup_pairs.jsonl

The benchmark feeds synthetic articles (one in ten a near or exact duplicate) through `DedupState`
as the pipeline does, in blocks, and prints each block's rate, so a cost per item that grows with
the state shows as a falling rate.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from datasketch import MinHashLSH

from friendship_crawler.dedup.minhash import ShingleConfig
from friendship_crawler.dedup.rule import LSH_WEIGHTS, Fingerprint, NearRule, same_article

NO_ANCHOR_CHECK = 1_000_000
PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "dedup_pairs.jsonl"


@dataclass(frozen=True)
class Score:
    """Outcome of one setting on the labelled pairs."""

    config: ShingleConfig
    near: NearRule
    true_merges: int
    false_merges: int
    missed: int
    false_merge_kinds: tuple[str, ...]

    @property
    def precision(self) -> float:
        merged = self.true_merges + self.false_merges
        return self.true_merges / merged if merged else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_merges + self.missed
        return self.true_merges / wanted if wanted else 1.0


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def fingerprints(pairs: list[dict[str, Any]], config: ShingleConfig) -> list[tuple[Fingerprint, Fingerprint]]:
    return [(Fingerprint.of(p["a"], config), Fingerprint.of(p["b"], config)) for p in pairs]


def score(
    pairs: list[dict[str, Any]], prints: list[tuple[Fingerprint, Fingerprint]], config: ShingleConfig, near: NearRule
) -> Score:
    """Index every pair's first record in one LSH, query with the second, and apply the rule to candidates."""
    lsh = MinHashLSH(threshold=near.threshold, num_perm=config.num_perm, weights=LSH_WEIGHTS)
    for number, (first, _) in enumerate(prints):
        lsh.insert(number, first.signature)
    true_merges = false_merges = missed = 0
    false_kinds: list[str] = []
    for number, (pair, (first, second)) in enumerate(zip(pairs, prints, strict=True)):
        candidate = first.content_hash == second.content_hash or number in set(lsh.query(second.signature))
        merged = candidate and same_article(first, second, near) is not None
        if pair["label"] == "duplicate":
            true_merges += merged
            missed += not merged
        elif merged:
            false_merges += 1
            false_kinds.append(pair["kind"])
    return Score(config, near, true_merges, false_merges, missed, tuple(false_kinds))


def calibrate(pairs: list[dict[str, Any]]) -> list[Score]:
    scores = []
    for shingle_words in (3, 4, 5):
        for num_perm in (64, 128, 256):
            config = ShingleConfig(shingle_words, num_perm)
            prints = fingerprints(pairs, config)
            for threshold in (0.3, 0.4, 0.5, 0.6):
                for max_conflict in (3, 5, 7, NO_ANCHOR_CHECK):
                    for share in (0.05, 0.1, 0.2, float(NO_ANCHOR_CHECK)):
                        near = NearRule(threshold, max_conflict, share)
                        scores.append(score(pairs, prints, config, near))
    return scores


def print_calibration(scores: Iterable[Score]) -> None:
    print(f"{'words':>5} {'perm':>5} {'thresh':>6} {'conflict':>8} {'share':>5} {'prec':>6} {'recall':>6} {'false':>5}  kinds")
    for s in scores:
        conflict = "off" if s.near.max_anchor_conflict >= NO_ANCHOR_CHECK else str(s.near.max_anchor_conflict)
        share = "off" if s.near.max_anchor_conflict_share >= NO_ANCHOR_CHECK else f"{s.near.max_anchor_conflict_share:.2f}"
        kinds = ",".join(sorted(set(s.false_merge_kinds)))
        print(
            f"{s.config.shingle_words:>5} {s.config.num_perm:>5} {s.near.threshold:>6.2f} {conflict:>8} {share:>5} "
            f"{s.precision:>6.3f} {s.recall:>6.3f} {s.false_merges:>5}  {kinds}"
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark and calibrate the dedup stage.")
    parser.add_argument("what", nargs="?", choices=("speed", "calibrate"), default="speed")
    parser.add_argument("--sizes", default="10000,100000", help="state sizes to measure, comma-separated")
    args = parser.parse_args(argv)
    if args.what == "calibrate":
        print_calibration(calibrate(load_pairs()))
        return
    from bench.dedup_speed import print_speed  # noqa: PLC0415

    print_speed([int(size) for size in args.sizes.split(",")])


if __name__ == "__main__":
    main()
