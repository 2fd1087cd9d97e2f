"""The pure rule: are two records the same article, why, and which copy is kept.

No state and no I/O: the pipeline asks this module about a new record and each stored candidate,
so every decision can be tested from two records alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from itemadapter import ItemAdapter

from friendship_crawler.dedup.anchors import anchors, conflict, weight
from friendship_crawler.dedup.minhash import ShingleConfig, estimated_similarity, signature, words
from friendship_crawler.items import content_hash
from friendship_crawler.textnorm import normalize_text
from friendship_crawler.urls import CANONICAL_ROOT, host_of

if TYPE_CHECKING:
    from datasketch import LeanMinHash

Reason = Literal["url", "id", "exact", "near"]
LSH_WEIGHTS = (0.3, 0.7)
"""datasketch's false-positive/false-negative weights for choosing bands: favour recall, the rule verifies."""
REASONS: tuple[Reason, ...] = ("url", "id", "exact", "near")
"""Strongest first: a pair that matches on several is reported under the first."""


@dataclass(frozen=True)
class NearRule:
    """When two texts under different identities are one story; chosen on bench/dedup_pairs.py's pairs."""

    threshold: float = 0.4
    """Estimated Jaccard of word shingles at or above which two texts may be one story."""
    max_anchor_conflict: int = 5
    """Largest disagreement on names and figures (see `anchors.conflict`) a republication may show..."""
    max_anchor_conflict_share: float = 0.1
    """...and at most this share of the shorter text's names and figures, so short look-alikes stay apart."""

    def allows(self, a: frozenset[int], b: frozenset[int]) -> bool:
        """Do two texts agree enough on names and figures to be one story?"""
        limit = min(self.max_anchor_conflict, self.max_anchor_conflict_share * min(weight(a), weight(b)))
        return conflict(a, b) <= limit

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError(f"near-duplicate threshold must be in (0, 1], got {self.threshold}")
        if self.max_anchor_conflict < 0 or self.max_anchor_conflict_share < 0:
            raise ValueError("anchor conflict limits must be >= 0")


DEFAULT_NEAR = NearRule()


@dataclass(frozen=True)
class Fingerprint:
    """What the rule needs to know of one record; the state stores exactly this per article."""

    url: str
    article_id: int
    content_hash: str
    modified_at: str | None = None
    version: int = 1
    signature: LeanMinHash | None = None
    anchors: frozenset[int] = frozenset()

    @classmethod
    def of(cls, item: Any, config: ShingleConfig) -> Fingerprint:
        """Fingerprint an `Article` (or any item with the same fields) from its URL, id and text."""
        adapter = ItemAdapter(item)
        if not adapter.get("url") or adapter.get("article_id") is None:
            raise ValueError("a record needs `url` and `article_id` to be deduplicated")
        text = normalize_text(adapter.get("text") or "")
        tokens = words(text)
        return cls(
            url=adapter["url"],
            article_id=int(adapter["article_id"]),
            content_hash=content_hash(text),
            modified_at=adapter.get("modified_at"),
            version=int(adapter.get("version") or 1),
            signature=signature(tokens, config),
            anchors=anchors(tokens),
        )


@dataclass(frozen=True)
class Match:
    """Two records are the same article: why, and how alike their texts are (estimated Jaccard)."""

    reason: Reason
    similarity: float


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard of the two texts; 1.0 for equal hashes, 0.0 when a signature is missing."""
    if a.content_hash == b.content_hash:
        return 1.0
    if a.signature is None or b.signature is None:
        return 0.0
    return estimated_similarity(a.signature, b.signature)


def same_article(a: Fingerprint, b: Fingerprint, near: NearRule = DEFAULT_NEAR) -> Match | None:
    """The strongest reason the two records are one article, or None when they are distinct articles.

    `url` and `id` say the records are one article whatever their texts (an edited article is still
    the same article: see `is_update`); `exact` and `near` say two identities carry one story. A near
    match also needs the texts to agree on names and figures, which look-alike reports do not.
    """
    alike = similarity(a, b)
    if a.url == b.url:
        return Match("url", alike)
    if a.article_id == b.article_id:
        return Match("id", alike)
    if a.content_hash == b.content_hash:
        return Match("exact", 1.0)
    if alike >= near.threshold and near.allows(a.anchors, b.anchors):
        return Match("near", alike)
    return None


def is_update(new: Fingerprint, known: Fingerprint) -> bool:
    """For records of one identity (`url` or `id`): does `new` carry changed content worth exporting again?"""
    if new.content_hash != known.content_hash:
        return True
    return _later(new.modified_at, known.modified_at)


def _later(candidate: str | None, reference: str | None) -> bool:
    if candidate is None:
        return False
    if reference is None:
        return True
    try:
        return datetime.fromisoformat(candidate) > datetime.fromisoformat(reference)
    except ValueError:
        return False


def keep_order(
    fingerprint: Fingerprint, canonical_host: str = host_of(CANONICAL_ROOT)
) -> tuple[bool, int, str]:
    """Sort key of copies of one article: the canonical host first, then the earliest id, then the URL."""
    return (host_of(fingerprint.url) != canonical_host, fingerprint.article_id, fingerprint.url)


def keeper(a: Fingerprint, b: Fingerprint, canonical_host: str = host_of(CANONICAL_ROOT)) -> Fingerprint:
    """The copy to keep of two records of one article, whatever order they arrived in."""
    return min(a, b, key=lambda f: keep_order(f, canonical_host))
