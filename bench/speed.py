"""Speed: milliseconds per page of each system on one core, with a bare lxml parse as the floor.

Every system runs in this one process over the same HTML pages, `repeats` times after a warm-up on a
few pages, the systems taking turns page by page; a page's time is its median over the repeats, and
the table gives the median and 95th percentile of those page times. Pages a system fails on are timed
like any other.

`python -m bench.speed` times ours, trafilatura and the bare parse side by side on the real MasterCMS
pages, real-weight (≥ 80 KB) and small apart, and prints the ratios; the full benchmark times every
system on them the same way (`measure_by_weight`).
"""

from __future__ import annotations

import gc
import logging
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench.pages import Page, mastercms_pages
from bench.quality import run_system
from bench.systems import System, lxml_floor, ours, trafilatura_full, trafilatura_text

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpeedRow:
    """One system's time per page."""

    system: str
    pages: int
    repeats: int
    median_ms: float
    p95_ms: float


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` quantile (0..1) by linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def page_times(systems: Sequence[System], pages: Sequence[Page], repeats: int) -> dict[str, list[float]]:
    """Each system's per-page median time in milliseconds over `repeats` passes.

    Systems take turns on each page, so a change in the machine's load hits all of them alike.
    """
    for system in systems:
        for page in pages[: min(len(pages), 5)]:
            run_system(system, page)
    samples: dict[str, list[list[float]]] = {system.name: [[] for _ in pages] for system in systems}
    gc.collect()
    for _ in range(repeats):
        for index, page in enumerate(pages):
            for system in systems:
                started = time.perf_counter()
                run_system(system, page)
                samples[system.name][index].append((time.perf_counter() - started) * 1000)
    return {name: [statistics.median(times) for times in per_page] for name, per_page in samples.items()}


def measure_speed(systems: Sequence[System], pages: Sequence[Page], repeats: int) -> list[SpeedRow]:
    """Time per page of every system over the same pages."""
    times = page_times(systems, pages, repeats)
    rows = []
    for system in systems:
        page_medians = times[system.name]
        row = SpeedRow(
            system.name, len(pages), repeats, statistics.median(page_medians), percentile(page_medians, 0.95)
        )
        logger.info("speed %-24s median %.2f ms  p95 %.2f ms", system.name, row.median_ms, row.p95_ms)
        rows.append(row)
    return rows


REAL_WEIGHT = 80_000
"""Bytes from which a page has the weight of a saved MasterCMS page."""


def ratios(rows: Sequence[SpeedRow]) -> str:
    """Ours against the bare parse and against trafilatura's faster call, by median."""
    by_name = {row.system: row for row in rows}
    mine, floor = by_name["ours"], by_name["bare lxml parse"]
    fastest = min((by_name[n] for n in ("trafilatura", "trafilatura (text only)")), key=lambda r: r.median_ms)
    return (
        f"ours {mine.median_ms:.2f} ms = {mine.median_ms / floor.median_ms:.2f}x the bare parse "
        f"({floor.median_ms:.2f} ms); {fastest.median_ms / mine.median_ms:.1f}x faster than "
        f"{fastest.system} ({fastest.median_ms:.2f} ms)"
    )


REAL_WEIGHT_LABEL = "real weight (≥ 80 KB)"
SMALL_LABEL = "small (< 80 KB)"


def by_weight(pages: Sequence[Page]) -> dict[str, list[Page]]:
    """Pages of real weight and small pages apart (labels `REAL_WEIGHT_LABEL`, `SMALL_LABEL`); none empty."""
    groups = {
        REAL_WEIGHT_LABEL: [p for p in pages if len(p.html.encode()) >= REAL_WEIGHT],
        SMALL_LABEL: [p for p in pages if len(p.html.encode()) < REAL_WEIGHT],
    }
    return {label: chosen for label, chosen in groups.items() if chosen}


def measure_by_weight(
    systems: Sequence[System], pages: Sequence[Page], repeats: int
) -> dict[str, list[SpeedRow]]:
    """`measure_speed` on the real-weight pages and on the small ones, apart."""
    return {label: measure_speed(systems, chosen, repeats) for label, chosen in by_weight(pages).items()}


def main(repeats: int = 15) -> int:
    """Side by side on the real MasterCMS pages, real-weight and small apart."""
    systems = [ours(), trafilatura_full(), trafilatura_text(), lxml_floor()]
    for label, chosen in by_weight(mastercms_pages()).items():
        rows = measure_speed(systems, chosen, repeats)
        sys.stdout.write(f"{label}, {len(chosen)} pages, {repeats} repeats\n")
        for row in rows:
            sys.stdout.write(f"  {row.system:<24} median {row.median_ms:7.2f} ms  p95 {row.p95_ms:7.2f} ms\n")
        sys.stdout.write(f"  {ratios(rows)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
