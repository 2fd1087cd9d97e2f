"""The issue's targets, checked against ratios measured in the same run, each with its margin."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bench.crawl import CrawlResult
from bench.pages import MASTERCMS_GROUP
from bench.quality import PageScore, QualityRow
from bench.speed import REAL_WEIGHT_LABEL, SpeedRow

OURS = "ours"
FLOOR = "bare lxml parse"
TRAFILATURA_NAMES = ("trafilatura", "trafilatura (text only)")
TEMPLATE_GROUPS = ("replica v2019", "replica v2021", "replica v2024")
MIN_F1 = 0.99
MAX_FLOOR_RATIO = 3.0
MIN_TRAFILATURA_SPEEDUP = 5.0
MIN_REAL_F1 = 0.98
"""Mean text F1 on the real MasterCMS pages, which nobody here wrote."""
MAX_REAL_FLOOR_RATIO = 2.0
MIN_REAL_TRAFILATURA_SPEEDUP = 8.0
"""On real-weight pages (`bench.speed.REAL_WEIGHT`), where the parse itself weighs most."""
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


def real_page_targets(scores: Sequence[PageScore]) -> list[TargetCheck]:
    """On the real MasterCMS pages: mean F1 at least 0.98, and at least trafilatura's F1 on every page."""
    mine = {score.page: score.f1 for score in scores if score.system == OURS}
    if not mine:
        return []
    mean = sum(mine.values()) / len(mine)
    checks = [
        TargetCheck(
            f"mean F1 ≥ {MIN_REAL_F1} on {MASTERCMS_GROUP}",
            f"{mean:.4f} over {len(mine)} pages",
            mean >= MIN_REAL_F1,
            f"{mean - MIN_REAL_F1:+.4f}",
        )
    ]
    best: dict[str, float] = {}
    for score in scores:
        if score.system in TRAFILATURA_NAMES:
            best[score.page] = max(best.get(score.page, 0.0), score.f1)
    if best:
        behind = {page: best[page] - f1 for page, f1 in mine.items() if page in best and f1 < best[page]}
        checks.append(
            TargetCheck(
                f"F1 ≥ trafilatura on every {MASTERCMS_GROUP} page",
                ", ".join(f"{page} {gap:.4f} behind" for page, gap in behind.items())
                or f"{len(best)} of {len(best)} pages",
                not behind,
                f"{min(mine[page] - best[page] for page in best):+.4f} (closest page)",
            )
        )
    return checks


def speed_targets(rows: Sequence[SpeedRow], real_weight: bool = False) -> list[TargetCheck]:
    """By median: at most 3x the bare parse and at least 5x faster than trafilatura (its fastest call)
    on replica pages; on real-weight real pages (`real_weight`), at most 2x and at least 8x."""
    by_name = {row.system: row for row in rows}
    ours, floor = by_name.get(OURS), by_name.get(FLOOR)
    max_ratio = MAX_REAL_FLOOR_RATIO if real_weight else MAX_FLOOR_RATIO
    min_speedup = MIN_REAL_TRAFILATURA_SPEEDUP if real_weight else MIN_TRAFILATURA_SPEEDUP
    where = f" on {MASTERCMS_GROUP} pages, {REAL_WEIGHT_LABEL}" if real_weight else ""
    checks = []
    if ours and floor:
        ratio = ours.median_ms / floor.median_ms
        checks.append(
            TargetCheck(
                f"extraction + cleaning ≤ {max_ratio:g}x bare lxml parse{where}",
                f"{ratio:.2f}x ({ours.median_ms:.2f} ms vs {floor.median_ms:.2f} ms)",
                ratio <= max_ratio,
                f"{max_ratio - ratio:+.2f}x",
            )
        )
    trafilatura = [by_name[name] for name in TRAFILATURA_NAMES if name in by_name]
    if ours and trafilatura:
        fastest = min(trafilatura, key=lambda row: row.median_ms)
        speedup = fastest.median_ms / ours.median_ms
        checks.append(
            TargetCheck(
                f"≥ {min_speedup:g}x faster than trafilatura{where}",
                f"{speedup:.1f}x (vs {fastest.system}, {fastest.median_ms:.2f} ms)",
                speedup >= min_speedup,
                f"{speedup - min_speedup:+.1f}x",
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
