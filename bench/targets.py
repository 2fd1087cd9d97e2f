"""The issue's targets, checked against ratios measured in the same run, each with its margin."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.crawl import CrawlResult
from bench.quality import QualityRow
from bench.speed import SpeedRow

OURS = "ours"
FLOOR = "bare lxml parse"
TRAFILATURA_NAMES = ("trafilatura", "trafilatura (text only)")
TEMPLATE_GROUPS = ("replica v2019", "replica v2021")
MIN_F1 = 0.99
MAX_FLOOR_RATIO = 3.0
MIN_TRAFILATURA_SPEEDUP = 5.0
MIN_CRAWL_SHARE = 0.70


@dataclass(frozen=True)
class TargetCheck:
    """One target: what was asked, what was measured, whether it is met, and by how much."""

    target: str
    measured: str
    met: bool
    margin: str


def quality_targets(rows: Sequence[QualityRow]) -> list[TargetCheck]:
    """F1 at least 0.99 and above every peer, on each template generation."""
    checks = []
    for group in TEMPLATE_GROUPS:
        in_group = [row for row in rows if row.group == group]
        ours = next((row for row in in_group if row.system == OURS), None)
        if ours is None:
            continue
        checks.append(
            TargetCheck(
                f"F1 ≥ {MIN_F1} on {group}",
                f"{ours.f1:.4f}",
                ours.f1 >= MIN_F1,
                f"{ours.f1 - MIN_F1:+.4f}",
            )
        )
        peers = [row for row in in_group if row.system != OURS]
        if peers:
            best = max(peers, key=lambda row: row.f1)
            checks.append(
                TargetCheck(
                    f"F1 above every peer on {group}",
                    f"ours {ours.f1:.4f}, best peer {best.system} {best.f1:.4f}",
                    ours.f1 > best.f1,
                    f"{ours.f1 - best.f1:+.4f}",
                )
            )
    return checks


def speed_targets(rows: Sequence[SpeedRow]) -> list[TargetCheck]:
    """At most 3x the bare parse, at least 5x faster than trafilatura (its fastest call), by median."""
    by_name = {row.system: row for row in rows}
    ours, floor = by_name.get(OURS), by_name.get(FLOOR)
    checks = []
    if ours and floor:
        ratio = ours.median_ms / floor.median_ms
        checks.append(
            TargetCheck(
                f"extraction + cleaning ≤ {MAX_FLOOR_RATIO:g}x bare lxml parse",
                f"{ratio:.2f}x ({ours.median_ms:.2f} ms vs {floor.median_ms:.2f} ms)",
                ratio <= MAX_FLOOR_RATIO,
                f"{MAX_FLOOR_RATIO - ratio:+.2f}x",
            )
        )
    trafilatura = [by_name[name] for name in TRAFILATURA_NAMES if name in by_name]
    if ours and trafilatura:
        fastest = min(trafilatura, key=lambda row: row.median_ms)
        speedup = fastest.median_ms / ours.median_ms
        checks.append(
            TargetCheck(
                f"≥ {MIN_TRAFILATURA_SPEEDUP:g}x faster than trafilatura",
                f"{speedup:.1f}x (vs {fastest.system}, {fastest.median_ms:.2f} ms)",
                speedup >= MIN_TRAFILATURA_SPEEDUP,
                f"{speedup - MIN_TRAFILATURA_SPEEDUP:+.1f}x",
            )
        )
    return checks


def crawl_targets(crawl: CrawlResult | None, baseline: CrawlResult | None) -> list[TargetCheck]:
    """Crawl pages per minute at least 70% of `scrapy bench` on the same machine."""
    if not crawl or not baseline or not baseline.pages_per_minute or crawl.error:
        return []
    share = crawl.pages_per_minute / baseline.pages_per_minute
    return [
        TargetCheck(
            f"crawl ≥ {MIN_CRAWL_SHARE:.0%} of scrapy bench pages/min",
            f"{share:.0%} ({crawl.pages_per_minute:.0f} vs {baseline.pages_per_minute:.0f})",
            share >= MIN_CRAWL_SHARE,
            f"{(share - MIN_CRAWL_SHARE) * 100:+.0f} points",
        )
    ]
