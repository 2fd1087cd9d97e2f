"""Measure the dedup stage: near-duplicate calibration on the labelled pairs, and speed and state size.

    python -m bench.dedup                 # items/s and state bytes per article at 10k and 100k articles
    python -m bench.dedup calibrate       # precision and recall of each setting on the labelled pairs

The benchmark feeds synthetic articles (one in ten a near or exact duplicate) through `DedupState`
as the pipeline does and times the stage alone (not the making of the articles) in tenths. It prints
the rate overall and of the first and last tenth, and the processor time per item of both, whose
ratio ("growth") is about 1.0 when the cost per item stays flat as the state grows; processor time
is the steadier figure on a busy machine. Bytes per article are the state's size on disk (database
and write-ahead log) over the articles it holds.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from datasketch import MinHashLSH

from bench.dedup_pairs import labelled_pairs
from friendship_crawler.dedup.minhash import ShingleConfig
from friendship_crawler.dedup.pipeline import Export, decide
from friendship_crawler.dedup.rule import LSH_WEIGHTS, Fingerprint, NearRule, same_article
from friendship_crawler.dedup.state import DedupState
from friendship_crawler.items import Article
from friendship_crawler.replica.vocab import COUNTRIES, PROVINCES, sentences

NO_ANCHOR_CHECK = 1_000_000


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


def load_pairs(path: Path | None = None) -> list[dict[str, Any]]:
    """The labelled pairs: built by `bench.dedup_pairs`, or read from a file it wrote."""
    if path is None:
        return labelled_pairs()
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def fingerprints(pairs: list[dict[str, Any]], config: ShingleConfig) -> list[tuple[Fingerprint, Fingerprint]]:
    return [(Fingerprint.of(p["a"], config), Fingerprint.of(p["b"], config)) for p in pairs]


def score(
    pairs: list[dict[str, Any]],
    prints: list[tuple[Fingerprint, Fingerprint]],
    config: ShingleConfig,
    near: NearRule,
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
    print(
        f"{'words':>5} {'perm':>5} {'thresh':>6} {'conflict':>8} {'share':>5} "
        f"{'prec':>6} {'recall':>6} {'false':>5}  kinds"
    )
    for s in scores:
        conflict = "off" if s.near.max_anchor_conflict >= NO_ANCHOR_CHECK else str(s.near.max_anchor_conflict)
        share = (
            "off"
            if s.near.max_anchor_conflict_share >= NO_ANCHOR_CHECK
            else f"{s.near.max_anchor_conflict_share:.2f}"
        )
        kinds = ",".join(sorted(set(s.false_merge_kinds)))
        print(
            f"{s.config.shingle_words:>5} {s.config.num_perm:>5} {s.near.threshold:>6.2f} "
            f"{conflict:>8} {share:>5} "
            f"{s.precision:>6.3f} {s.recall:>6.3f} {s.false_merges:>5}  {kinds}"
        )


# Speed and size


def synthetic_articles(count: int, seed: int = 7) -> Iterator[Article]:
    """Distinct articles in the section's wording; a tenth are copies (exact or edited) of earlier ones.

    Body sentences are the section's real sentences with a few words swapped, so distinct articles share
    stock phrases, as the real ones do, without sharing whole sentences, as they do not.
    """
    rng = random.Random(seed)
    pool = sentences()
    vocabulary = sorted({word for sentence in pool for word in sentence.split(" ")})
    made: list[Article] = []
    for number in range(count):
        article_id = 100_000 + number
        if made and rng.random() < 0.1:
            source = made[rng.randrange(max(0, len(made) - 5000), len(made))]
            text = source.text if rng.random() < 0.5 else f"{source.text}\n(Theo TTXVN)"
        else:
            province, country = rng.choice(PROVINCES), rng.choice(COUNTRIES)
            lines = [
                f"{province} giao lưu hữu nghị với {country} lần thứ {number}",
                f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}, tại {province}, "
                f"{rng.randint(20, 400)} đại biểu đã gặp mặt bạn bè {country}.",
                *(_reworded(rng, sentence, vocabulary) for sentence in rng.sample(pool, 8)),
            ]
            text = "\n".join(lines)
        title = text.split("\n", 1)[0]
        article = Article(
            url=f"https://thoidai.com.vn/bai-{article_id}.html", article_id=article_id, title=title, text=text
        )
        made.append(article)
        yield article


def _reworded(rng: random.Random, sentence: str, vocabulary: list[str]) -> str:
    words = sentence.split(" ")
    for _ in range(max(1, len(words) // 6)):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


RUN_ID = "20261101T080000Z"


@dataclass(frozen=True)
class Block:
    """One tenth of a run: how long the stage took on its items (making the articles excluded)."""

    items: int
    seconds: float
    cpu_seconds: float
    candidates: int
    """Stored copies the state returned for these items: flat when lookups stay selective."""

    @property
    def rate(self) -> float:
        return self.items / self.seconds

    @property
    def cpu_micros(self) -> float:
        """Processor time per item, in microseconds: unlike the rate, not slowed by other processes."""
        return 1e6 * self.cpu_seconds / self.items

    @property
    def candidates_per_item(self) -> float:
        return self.candidates / self.items


@dataclass(frozen=True)
class SpeedRow:
    size: int
    exported: int
    blocks: tuple[Block, ...]
    bytes_per_article: float
    open_seconds: float

    @property
    def overall_rate(self) -> float:
        return self.size / sum(block.seconds for block in self.blocks)

    @property
    def first_block_rate(self) -> float:
        return self.blocks[0].rate

    @property
    def last_block_rate(self) -> float:
        return self.blocks[-1].rate

    @property
    def cost_growth(self) -> float:
        """Processor time per item of the last tenth over the first: about 1.0 when the cost stays flat."""
        return self.blocks[-1].cpu_micros / self.blocks[0].cpu_micros


def dedup_one(state: DedupState, article: Article, config: ShingleConfig, near: NearRule) -> tuple[int, bool]:
    """What the pipeline does with one item: fingerprint, look up, decide, record. (Candidates, exported?)"""
    fingerprint = Fingerprint.of(article, config)
    candidates = state.candidates(fingerprint)
    decision = decide(fingerprint, candidates, {c.url: c for c in candidates}, near)
    if isinstance(decision, Export):
        state.record_export(RUN_ID, replace(fingerprint, version=decision.version))
        return len(candidates), True
    return len(candidates), False


def timed_blocks(state: DedupState, size: int, blocks: int) -> tuple[list[Block], int]:
    """Feed `size` synthetic articles through the state, timing only the stage; the blocks and exports."""
    config, near = state.config, state.near
    per_block = max(1, size // blocks)
    timed: list[Block] = []
    exported = candidates = 0
    seconds = cpu_seconds = 0.0
    for number, article in enumerate(synthetic_articles(size), start=1):
        wall, cpu = time.perf_counter(), time.process_time()
        found, was_exported = dedup_one(state, article, config, near)
        seconds += time.perf_counter() - wall
        cpu_seconds += time.process_time() - cpu
        candidates += found
        exported += was_exported
        if number % per_block == 0:
            timed.append(Block(per_block, seconds, cpu_seconds, candidates))
            seconds, cpu_seconds, candidates = 0.0, 0.0, 0
    return timed, exported


def measure_speed(size: int, blocks: int = 10) -> SpeedRow:
    """Feed `size` synthetic articles through a new state as the pipeline does; time each tenth."""
    with tempfile.TemporaryDirectory() as tmp:
        state_dir = Path(tmp)
        state = DedupState.open(state_dir, ShingleConfig(), NearRule())
        state.begin_run(RUN_ID)
        timed, exported = timed_blocks(state, size, blocks)
        state.settle_run(RUN_ID, None)
        bytes_per_article = state.size_bytes() / state.article_count()
        state.close()
        opened = time.perf_counter()
        DedupState.open(state_dir).close()
        open_seconds = time.perf_counter() - opened
    return SpeedRow(size, exported, tuple(timed), bytes_per_article, open_seconds)


def print_speed(sizes: list[int]) -> None:
    """One line per size: rates overall and of the first and last tenth, processor time, state size."""
    print(f"{'articles':>9} {'exported':>9} {'items/s':>8} {'first 10%':>10} {'last 10%':>9} "
          f"{'cpu us/item first/last':>23} {'growth':>6} {'cand. first/last':>17} {'bytes/article':>14} "
          f"{'open s':>7}")  # fmt: skip
    for size in sizes:
        row = measure_speed(size)
        first, last = row.blocks[0], row.blocks[-1]
        cpu = f"{first.cpu_micros:.0f}/{last.cpu_micros:.0f}"
        candidates = f"{first.candidates_per_item:.2f}/{last.candidates_per_item:.2f}"
        print(f"{row.size:>9} {row.exported:>9} {row.overall_rate:>8.0f} {row.first_block_rate:>10.0f} "
              f"{row.last_block_rate:>9.0f} {cpu:>23} {row.cost_growth:>5.2f}x {candidates:>17} "
              f"{row.bytes_per_article:>14.0f} {row.open_seconds:>7.2f}")  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark and calibrate the dedup stage.")
    parser.add_argument("what", nargs="?", choices=("speed", "calibrate"), default="speed")
    parser.add_argument("--sizes", default="10000,100000", help="state sizes to measure, comma-separated")
    args = parser.parse_args(argv)
    if args.what == "calibrate":
        print_calibration(calibrate(load_pairs()))
        return
    print_speed([int(size) for size in args.sizes.split(",")])


if __name__ == "__main__":
    main()
