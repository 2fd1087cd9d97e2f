"""Speed: milliseconds per page of each system on one core, with a bare lxml parse as the floor.

Every system runs in this one process over the same HTML pages, `repeats` times after a warm-up on a
few pages; a page's time is its median over the repeats, and the table gives the median and 95th
percentile of those page times. Pages a system fails on are timed like any other.
"""

from __future__ import annotations

import gc
import logging
import statistics
import time
from collections.abc import Sequence
from dataclasses import dataclass

from bench.pages import Page
from bench.quality import run_system
from bench.systems import System

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


def page_times(system: System, pages: Sequence[Page], repeats: int) -> list[float]:
    """Each page's median time in milliseconds over `repeats` passes, after a warm-up on a few pages."""
    for page in pages[: min(len(pages), 5)]:
        run_system(system, page)
    samples: list[list[float]] = [[] for _ in pages]
    gc.collect()
    for _ in range(repeats):
        for index, page in enumerate(pages):
            started = time.perf_counter()
            run_system(system, page)
            samples[index].append((time.perf_counter() - started) * 1000)
    return [statistics.median(times) for times in samples]


def measure_speed(systems: Sequence[System], pages: Sequence[Page], repeats: int) -> list[SpeedRow]:
    """Time per page of every system over the same pages."""
    rows = []
    for system in systems:
        times = page_times(system, pages, repeats)
        row = SpeedRow(system.name, len(pages), repeats, statistics.median(times), percentile(times, 0.95))
        logger.info("speed %-24s median %.2f ms  p95 %.2f ms", system.name, row.median_ms, row.p95_ms)
        rows.append(row)
    return rows
