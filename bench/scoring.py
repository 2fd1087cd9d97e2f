"""Text and metadata scores, computed as the ScrapingHub article-extraction-benchmark computes them.

Reproduces `evaluate.py` of https://github.com/scrapinghub/article-extraction-benchmark (commit
7d95432): text is tokenised on `\\w+` (no lower-casing), cut into shingles of 4 consecutive tokens
(one shorter shingle when the text has fewer than 4 tokens), and true and predicted shingles are
matched as multisets. Each page's TP/FP/FN are normalised to sum to 1, so long pages weigh no more
than short ones; precision is the mean over pages that predicted something, recall the mean over
pages with expected text, and F1 the harmonic mean of those two means. Exact match ("accuracy"
there) is equality of the token lists. The one addition: a set of pages where no page predicted
anything has precision 0.0 here, where the original raises on an empty mean.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Match:
    """One page's shingle match, normalised so that tp + fp + fn == 1 (all zero for two empty texts)."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class TextScores:
    """Corpus-level scores of a set of pages."""

    precision: float
    recall: float
    f1: float
    exact: float
    """Share of pages whose token list equals the expected one."""
    pages: int


def tokenize(text: str | None) -> list[str]:
    """The benchmark's tokens: runs of word characters, case kept."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-token shingles; a text shorter than `size` tokens is one shingle."""
    tokens = tokenize(text)
    return Counter(
        tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)) if tokens[i : i + size]
    )


def shingle_match(true: str | None, pred: str | None, size: int = SHINGLE_SIZE) -> Match:
    """TP, FP and FN over shingles of one page, normalised to sum to 1."""
    true_counts, pred_counts = shingles(true, size), shingles(pred, size)
    tp = fp = fn = 0.0
    for key in true_counts.keys() | pred_counts.keys():
        true_count, pred_count = true_counts[key], pred_counts[key]
        tp += min(true_count, pred_count)
        fp += max(0, pred_count - true_count)
        fn += max(0, true_count - pred_count)
    total = tp + fp + fn
    return Match(tp / total, fp / total, fn / total) if total else Match(0.0, 0.0, 0.0)


def precision_score(match: Match) -> float:
    if match.fp == match.fn == 0:
        return 1.0
    if match.tp == match.fp == 0:
        return 0.0
    return match.tp / (match.tp + match.fp)


def recall_score(match: Match) -> float:
    if match.fp == match.fn == 0:
        return 1.0
    if match.tp == match.fn == 0:
        return 0.0
    return match.tp / (match.tp + match.fn)


def exact_match(true: str | None, pred: str | None) -> bool:
    """The benchmark's accuracy for one page: same tokens in the same order."""
    return tokenize(true) == tokenize(pred)


def text_scores(pairs: Sequence[tuple[str | None, str | None]]) -> TextScores:
    """Scores of (expected, predicted) text pairs, one pair per page."""
    matches = [shingle_match(true, pred) for true, pred in pairs]
    precisions = [precision_score(m) for m in matches if m.tp + m.fp > 0]
    recalls = [recall_score(m) for m in matches if m.tp + m.fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    exact = share(exact_match(true, pred) for true, pred in pairs)
    return TextScores(precision, recall, f1, exact, len(pairs))


def f1_of(true: str | None, pred: str | None) -> float:
    """F1 of a single page: the corpus formula applied to a set of one."""
    return text_scores([(true, pred)]).f1


def fold_name(name: str | None) -> str:
    """An author name compared loosely: NFC, case folded, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFC", name or "").casefold().split())


def author_correct(true: str | None, pred: str | None) -> bool:
    """Same byline after folding; no byline expected and none given is correct."""
    return fold_name(true) == fold_name(pred)


def date_correct(true: str | None, pred: str | None) -> bool:
    """Same calendar day (the first ten characters of ISO 8601); both absent is correct.

    Peers mostly give a date without time, so the day is what every system can be compared on.
    """
    return (true or "")[:10] == (pred or "")[:10]


def share(flags: Iterable[bool]) -> float:
    """Share of true values; 0.0 for none."""
    values = list(flags)
    return sum(values) / len(values) if values else 0.0
