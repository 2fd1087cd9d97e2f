"""One benchmark run: which parts, on how much, and everything they measured, side by side."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bench.crawl import CrawlResult, crawl_replica, scrapy_bench
from bench.dataset_speed import ThroughputRow, time_dedup, time_export, time_reprocess
from bench.pages import Page, mastercms_pages, replica_pages, sample_pages, unknown_template_pages
from bench.profiling import Profile, profile_system
from bench.quality import PageScore, QualityRow, measure_quality, score_pages
from bench.speed import REAL_WEIGHT_LABEL, SpeedRow, measure_by_weight, measure_speed
from bench.systems import System, Unavailable, load_systems, lxml_floor, ours
from bench.targets import OURS, TargetCheck, crawl_targets, quality_targets, real_page_targets, speed_targets

logger = logging.getLogger(__name__)

PARTS = ("quality", "speed", "crawl", "dataset")


@dataclass(frozen=True)
class Plan:
    """How much to measure; `full()` and `quick()` are the two the command line offers."""

    name: str
    replica_articles: int
    speed_pages: int | None
    """How many of the replica pages to time (None: all)."""
    repeats: int
    crawl_articles: int
    scrapy_bench_seconds: int
    export_sizes: tuple[int, ...]
    dedup_sizes: tuple[int, ...]
    reprocess_sizes: tuple[int, ...] = ()
    parts: tuple[str, ...] = PARTS
    peers: bool = True

    @classmethod
    def full(cls) -> Plan:
        return cls("full", 240, None, 3, 2000, 10, (10_000, 100_000), (10_000,), (10_000,))

    @classmethod
    def quick(cls) -> Plan:
        return cls("quick", 40, 10, 3, 120, 4, (1_000,), (1_000,), (300,))

    def __post_init__(self) -> None:
        unknown = set(self.parts) - set(PARTS)
        if unknown:
            raise ValueError(f"unknown part(s) {sorted(unknown)}; allowed: {', '.join(PARTS)}")
        if self.repeats < 1:
            raise ValueError(f"repeats must be at least 1 (got {self.repeats})")


@dataclass
class Results:
    """Everything one run measured."""

    plan: Plan
    started: datetime
    systems: list[System] = field(default_factory=list)
    unavailable: list[Unavailable] = field(default_factory=list)
    quality: list[QualityRow] = field(default_factory=list)
    page_scores: list[PageScore] = field(default_factory=list)
    """Every system on every real MasterCMS page, page by page."""
    speed: list[SpeedRow] = field(default_factory=list)
    real_speed: dict[str, list[SpeedRow]] = field(default_factory=dict)
    """Times on the real MasterCMS pages, real-weight and small apart (`bench.speed.by_weight`)."""
    speed_pages: int = 0
    profile: Profile | None = None
    crawl: CrawlResult | None = None
    baseline: CrawlResult | None = None
    dataset: list[ThroughputRow] = field(default_factory=list)
    samples_found: bool = False

    @property
    def targets(self) -> list[TargetCheck]:
        return [
            *quality_targets(self.quality),
            *real_page_targets(self.page_scores),
            *speed_targets(self.speed),
            *speed_targets(self.real_speed.get(REAL_WEIGHT_LABEL, []), real_weight=True),
            *crawl_targets(self.crawl, self.baseline),
        ]


def run_benchmark(plan: Plan, note: Callable[[str], None] = logger.info) -> Results:
    """Measure every part of `plan`, in order: quality, speed, crawl, dedup and export; `note` is told
    as each part starts and ends, with its time."""
    results = Results(plan, datetime.now(UTC))
    systems, unavailable = load_systems() if plan.peers else ([ours()], [])
    results.systems, results.unavailable = systems, unavailable
    pages: list[Page] = []
    if {"quality", "speed"} & set(plan.parts):
        pages = replica_pages(plan.replica_articles)
    real = mastercms_pages()
    steps = [part for part in PARTS if part in plan.parts]

    @contextmanager
    def step(part: str, what: str) -> Iterator[None]:
        started = time.perf_counter()
        note(f"[{steps.index(part) + 1}/{len(steps)}] {part}: {what} ...")
        yield
        note(f"[{steps.index(part) + 1}/{len(steps)}] {part} done in {time.perf_counter() - started:.0f} s")

    if "quality" in plan.parts:
        samples = sample_pages()
        results.samples_found = bool(samples)
        scored = [*pages, *real, *unknown_template_pages(), *samples]
        with step("quality", f"{len(systems)} systems on {len(scored)} pages"):
            results.quality = measure_quality(systems, scored)
            results.page_scores = score_pages(systems, real)
    if "speed" in plan.parts:
        timed = spread(pages, plan.speed_pages) if plan.speed_pages else pages
        results.speed_pages = len(timed)
        with step(
            "speed",
            f"{len(systems) + 1} systems on {len(timed) + len(real)} pages, each timed {plan.repeats}x",
        ):
            results.speed = measure_speed([*systems, lxml_floor()], timed, plan.repeats)
            results.real_speed = measure_by_weight([*systems, lxml_floor()], real, plan.repeats)
            results.profile = profile_system(next(s for s in systems if s.name == OURS), timed)
    if "crawl" in plan.parts:
        with step("crawl", f"a {plan.crawl_articles}-story replica, then scrapy bench"):
            results.crawl = crawl_replica(plan.crawl_articles)
            results.baseline = scrapy_bench(plan.scrapy_bench_seconds)
    if "dataset" in plan.parts:
        sizes = ", ".join(
            str(n) for n in sorted({*plan.dedup_sizes, *plan.export_sizes, *plan.reprocess_sizes})
        )
        with step("dataset", f"dedup, export and reprocess of {sizes} articles"):
            results.dataset = [
                *time_dedup(list(plan.dedup_sizes)),
                *(time_export(n) for n in plan.export_sizes),
                *(time_reprocess(n) for n in plan.reprocess_sizes),
            ]
    return results


def spread(pages: list[Page], count: int) -> list[Page]:
    """`count` pages taken evenly across the list (oldest to newest), so both templates are timed."""
    if count >= len(pages):
        return pages
    step = len(pages) / count
    return [pages[int(index * step)] for index in range(count)]
