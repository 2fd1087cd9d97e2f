"""`RESULTS.md`: the run's tables, the machine and versions they were measured on, and the target checks."""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from bench.crawl import UNPOLITE, CrawlResult
from bench.pages import MASTERCMS_GROUP
from bench.quality import QualityRow, render_page_scores
from bench.run import Results
from bench.scoring import SHINGLE_SIZE
from bench.speed import SpeedRow
from bench.targets import FLOOR, OURS, TargetCheck

CORE_PACKAGES = ("scrapy", "lxml", "parsel", "twisted")


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table; numbers right-aligned by the renderer's defaults, None shown as a dash."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        lines.append("| " + " | ".join("—" if cell is None else str(cell) for cell in row) + " |")
    return "\n".join(lines)


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "not installed"


def cpu_model() -> str:
    """The CPU's model name where the system says it, else what `platform` knows."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def machine_section(results: Results) -> str:
    rows: list[tuple[str, str]] = [
        ("date", results.started.strftime("%Y-%m-%d %H:%M UTC")),
        ("machine", f"{platform.platform()}; {cpu_model()}; {os.cpu_count()} CPUs"),
        ("python", sys.version.split()[0]),
        *((package, _package_version(package)) for package in CORE_PACKAGES),
        *(
            (system.name, " ".join(filter(None, (system.version, system.note and f"({system.note})"))) or "?")
            for system in results.systems
        ),
        *((missing.name, missing.reason) for missing in results.unavailable),
    ]
    return "## Machine and versions\n\n" + table(("", ""), rows)


def _pct(value: float | None) -> str | None:
    return None if value is None else f"{value:.3f}"


def quality_section(results: Results) -> str:
    parts = ["## 1. Quality", _quality_method(results)]
    for group in dict.fromkeys(row.group for row in results.quality):
        rows = [row for row in results.quality if row.group == group]
        parts.append(f"### {group} ({rows[0].pages} pages)")
        parts.append(
            table(
                (
                    "system",
                    "precision",
                    "recall",
                    "F1",
                    "exact match",
                    "date accuracy",
                    "author accuracy",
                    "failures",
                ),
                (
                    (
                        _name(row),
                        f"{row.precision:.4f}",
                        f"{row.recall:.4f}",
                        f"**{row.f1:.4f}**" if row.system == OURS else f"{row.f1:.4f}",
                        f"{row.exact:.3f}",
                        _pct(row.date_accuracy),
                        _pct(row.author_accuracy),
                        row.failures,
                    )
                    for row in rows
                ),
            )
        )
    if results.page_scores:
        parts.append(
            f"### {MASTERCMS_GROUP}, page by page\n\nText F1 of each system on each page, and whether its "
            "title, date (to the minute when it gives a time) and author equal the hand-written truth "
            f"(✓/✗ in that order).\n\n{render_page_scores(results.page_scores).rstrip()}"
        )
    if not results.samples_found:
        parts.append(
            "Sample documents with expected records were not found (../shared); that part was skipped."
        )
    return "\n\n".join(parts)


def _name(row: QualityRow) -> str:
    return f"**{row.system}**" if row.system == OURS else row.system


def _quality_method(results: Results) -> str:
    return (
        f"Text scores as the ScrapingHub article-extraction-benchmark computes them (`bench/scoring.py`): "
        f"`\\w+` tokens, shingles of {SHINGLE_SIZE}, per-page TP/FP/FN normalised, precision and recall "
        "averaged over pages, F1 of the two averages; exact match = identical token lists. Replica pages: "
        f"every article page of a {results.plan.replica_articles}-story replica, duplicates included, "
        "ground truth from the corpus. Ours is the extractor followed by the cleaning pipeline; a peer's "
        "text is its title (when it gives one) then its body. Date accuracy compares the calendar day; "
        "a dash means the system returns no author or date. Sample texts are page *texts*, not HTML: "
        "ours reads them with `clean_page_text`, the peers get them wrapped as minimal HTML, one `<p>` "
        "per line, and date accuracy counts only the samples whose text shows a date."
    )


def _speed_table(speed: Sequence[SpeedRow]) -> str:
    floor = next((row for row in speed if row.system == FLOOR), None)
    ours = next((row for row in speed if row.system == OURS), None)
    rows = []
    for row in speed:
        rows.append(
            (
                f"**{row.system}**" if row.system == OURS else row.system,
                f"{row.median_ms:.2f}",
                f"{row.p95_ms:.2f}",
                f"{row.median_ms / floor.median_ms:.1f}x" if floor else None,
                f"{row.median_ms / ours.median_ms:.1f}x" if ours else None,
            )
        )
    return table(("system", "median ms", "p95 ms", "× bare parse", "× ours"), rows)


def speed_section(results: Results) -> str:
    repeats = results.speed[0].repeats if results.speed else 0
    intro = (
        f"## 2. Speed (milliseconds per page, one core)\n\n{results.speed_pages} replica pages, each timed "
        f"{repeats} times with `time.perf_counter` after a warm-up, in one process, the systems taking turns "
        "page by page; a page's time is its median, the table gives the median and 95th percentile over "
        "pages. The bare lxml parse "
        "(`lxml.html.fromstring`) is the floor no DOM-based extractor goes below."
    )
    parts = [intro, _speed_table(results.speed)]
    for label, speed in results.real_speed.items():
        parts.append(
            f"### {MASTERCMS_GROUP} pages, {label} ({speed[0].pages} pages, same method)\n\n"
            f"{_speed_table(speed)}"
        )
    if results.profile:
        parts.append(profile_section(results))
    return "\n\n".join(parts)


def profile_section(results: Results) -> str:
    profile = results.profile
    assert profile is not None
    own = table(
        ("function (own time)", "share"), ((f"`{h.where}`", f"{h.share:.0%}") for h in profile.own_time)
    )
    inclusive = table(
        ("project function (with callees)", "share"),
        ((f"`{h.where}`", f"{h.share:.0%}") for h in profile.project_inclusive),
    )
    return (
        f"### Where ours spends its time (pyinstrument, one pass, {profile.seconds:.2f} s)\n\n"
        f"{own}\n\n{inclusive}"
    )


def _crawl_row(result: CrawlResult) -> tuple[object, ...]:
    return (
        result.name,
        result.pages,
        result.items or None,
        f"{result.elapsed:.1f}",
        f"{result.wall:.1f}",
        f"{result.pages_per_minute:.0f}",
        f"{result.cpu:.1f}",
        f"{result.cpu_per_item * 1000:.1f}" if result.cpu_per_item else None,
        result.error[:80] or None,
    )


def crawl_section(results: Results) -> str:
    runs = [r for r in (results.crawl, results.baseline) if r is not None]
    settings = " ".join(f"-s {k}={v}" for k, v in UNPOLITE.items())
    intro = (
        f"## 3. Crawl throughput\n\n`scrapy crawl friendship` against a {results.plan.crawl_articles}-story "
        f"replica in its own process, `{settings}`; `scrapy bench -s CLOSESPIDER_TIMEOUT="
        f"{results.plan.scrapy_bench_seconds}` outside the project (Scrapy's defaults). Pages per minute = "
        "`downloader/response_count` / `elapsed_time_seconds` of each run's stats; CPU from "
        "`getrusage(RUSAGE_CHILDREN)` of the crawler process alone."
    )
    header = (
        "run",
        "pages",
        "items",
        "engine s",
        "wall s",
        "pages/min",
        "CPU s",
        "CPU ms / article",
        "error",
    )
    return f"{intro}\n\n{table(header, (_crawl_row(r) for r in runs))}"


def dataset_section(results: Results) -> str:
    rows = (
        (
            row.stage,
            f"{row.articles:,}",
            None if row.seconds is None else f"{row.seconds:.2f}",
            None if row.items_per_second is None else f"{row.items_per_second:,.0f}",
            row.note or None,
        )
        for row in results.dataset
    )
    intro = (
        "## 4. Dedup, export and reprocess\n\nSynthetic distinct articles. Dedup: "
        "`bench.dedup.measure_speed` (the dedup state fed as the pipeline feeds it; add 100,000 with "
        "`--dedup-sizes 10000,100000`, several minutes). "
        "Export: `scrapy export snapshot --input runs` as a subprocess over one run file, start-up included. "
        "Reprocess: `scrapy reprocess` as a subprocess over one archive of captures of a real-weight "
        "MasterCMS page, each at an address of its own, with the command's peak memory (`ru_maxrss`)."
    )
    return f"{intro}\n\n" + table(("stage", "articles", "seconds", "items/s", "note"), rows)


def targets_section(checks: Sequence[TargetCheck]) -> str:
    rows = ((c.target, c.measured, "yes" if c.met else "**no**", c.margin) for c in checks)
    return "## Targets (ratios from this run)\n\n" + table(("target", "measured", "met", "margin"), rows)


def closing_note(results: Results, checks: Sequence[TargetCheck]) -> str:
    missed = [check for check in checks if not check.met]
    if not checks:
        return ""
    if not missed:
        return "## Closing note\n\nEvery target checked in this run is met."
    lines = ["## Closing note", ""]
    for check in missed:
        lines.append(f"- {check.target}: not met; measured {check.measured}, margin {check.margin}.")
    if results.profile and any("faster" in c.target or "parse" in c.target for c in missed):
        spots = ", ".join(f"`{h.where}` {h.share:.0%}" for h in results.profile.project_inclusive[:4])
        lines.append(f"- Hot spots of ours (with callees): {spots}.")
    return "\n".join(lines)


def render(results: Results) -> str:
    """The whole report as Markdown."""
    checks = results.targets
    finished = datetime.now(UTC)
    seconds = (finished - results.started).total_seconds()
    command = "python -m bench" + (" --quick" if results.plan.name == "quick" else "")
    sections = [
        f"# Benchmark results\n\n`{command}` ({results.plan.name} plan), "
        f"{results.started:%Y-%m-%d %H:%M} UTC, {seconds:.0f} s in all. Regenerate with the same command.",
        targets_section(checks) if checks else "",
        quality_section(results) if results.quality else "",
        speed_section(results) if results.speed else "",
        crawl_section(results) if results.crawl or results.baseline else "",
        dataset_section(results) if results.dataset else "",
        closing_note(results, checks),
        machine_section(results),
    ]
    return "\n\n".join(section for section in sections if section) + "\n"
