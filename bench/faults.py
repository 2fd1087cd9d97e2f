"""Crawl a replica with every fault mode on at once and report what the crawl made of it.

    python -m bench.faults [--articles 120] [--fraction 0.1] [--seed 7]

Prints one table: per mode, the pages it was set on and the faulty answers it served; then requests,
articles exported vs expected (ground truth minus the pages lost for good), duplicates, and the pages
the run counted as lost, by reason. Exported must equal expected and duplicates must be 0.

Counts come from the run report (`output/runs/*.json`). The same harness (`fault_settings`,
`fault_config`, `run_matrix`) backs tests/test_faults.py.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from friendship_crawler import settings as project_settings
from friendship_crawler.dataset.runs import RunReadLog, find_duplicates_reports, read_excluded_ids
from friendship_crawler.replica import Corpus, ReplicaConfig, ReplicaServer
from friendship_crawler.replica.faults import FAULT_MODES
from tests.crawling import CrawlRun, run_crawl

FAULT_MIDDLEWARES: dict[str, int | None] = {
    "friendship_crawler.middlewares.failures.FailureReasonsMiddleware": 40,
    "friendship_crawler.middlewares.failures.EmptyBodyRetryMiddleware": 560,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "friendship_crawler.middlewares.failures.CountingHttpCompressionMiddleware": 590,
    "friendship_crawler.middlewares.redirects.RedirectGuardMiddleware": 610,
}
"""The downloader middlewares that count lost pages by reason, on top of the project's own."""
SLOW_SECONDS = 1.5
"""The `slow` mode's stall, over the 1 s download timeout the fault crawls use."""
FAILED = "friendship/failed/"
LISTING_SHARE = 0.5


def fault_settings(retry_times: int = 10) -> dict[str, str]:
    """Crawl settings for a faulty replica: short timeout, small max size, enough retries, counters on."""
    middlewares = {**project_settings.DOWNLOADER_MIDDLEWARES, **FAULT_MIDDLEWARES}
    return {
        "DOWNLOAD_TIMEOUT": "1",
        "RETRY_TIMES": str(retry_times),
        "DOWNLOAD_MAXSIZE": str(1024 * 1024),
        "DOWNLOAD_WARNSIZE": "0",
        "DOWNLOADER_MIDDLEWARES": json.dumps(middlewares),
        # Honour Retry-After and back off, but on a local replica's scale: a wait of at most 0.2 s and a
        # slot delay of at most 20 ms, or a 503 burst slows the whole crawl to the live site's pace.
        "FRIENDSHIP_RETRY_AFTER_MAX": "0.2",
        "FRIENDSHIP_BACKOFF_BASE": "0.05",
        "FRIENDSHIP_BACKOFF_MAX_DELAY": "0.02",
    }


def fault_config(faults: Mapping[str, float], articles: int = 40, seed: int = 0) -> ReplicaConfig:
    """A replica config for a fault crawl: oversized pages just over the crawl's 1 MiB limit."""
    return ReplicaConfig(
        articles=articles,
        faults=dict(faults),
        fault_seed=seed,
        fault_slow_seconds=SLOW_SECONDS,
        fault_oversize_bytes=2 * 1024 * 1024,
    )


def failed_by_reason(stats: Mapping[str, Any]) -> Counter[str]:
    return Counter({k.removeprefix(FAILED): int(v) for k, v in stats.items() if k.startswith(FAILED)})


def dataset_ids(run: CrawlRun, corpus: Corpus) -> Counter[int]:
    """The stories of the records a dataset built from this run keeps, a copy counted as its original."""
    output = run.workdir / "output"
    excluded = read_excluded_ids(find_duplicates_reports(output), RunReadLog())
    ids = (int(item["article_id"]) for item in run.items)
    return Counter(corpus.story_of(i) for i in ids if i not in excluded)


@dataclass
class MatrixReport:
    """What one crawl of a faulty replica came to."""

    requests: int
    injected: Counter[str]
    planted: dict[str, int]
    """Mode -> article pages it was set on (listing modes: 0)."""
    expected: set[int]
    exported: Counter[int]
    """Article id -> records of it in the dataset the run's feed makes (superseded copies left out)."""
    records: int
    """Records in the run's feed, superseded copies included."""
    failed: Counter[str]
    lost_expected: int
    run: CrawlRun
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def missing(self) -> set[int]:
        return self.expected - set(self.exported)

    @property
    def unexpected(self) -> set[int]:
        return set(self.exported) - self.expected

    @property
    def duplicates(self) -> int:
        """Records beyond one per expected article: repeats of an id, and ids ground truth folds away."""
        return sum(self.exported.values()) - len(set(self.exported) & self.expected)

    def table(self) -> str:
        rows = [f"{'mode':<20} {'pages':>6} {'faulty answers':>15}"]
        rows += [f"{m:<20} {self.planted[m]:>6} {self.injected[m]:>15}" for m in self.planted]
        rows += [
            "",
            f"requests served          {self.requests}",
            f"faulty answers           {sum(self.injected.values())}",
            f"articles expected        {len(self.expected)}  (ground truth minus {self.lost_expected} lost)",
            f"articles exported        {len(set(self.exported))}  (feed records: {self.records}, "
            f"{self.records - sum(self.exported.values())} superseded by the dedup stage)",
            f"missing                  {len(self.missing)}",
            f"duplicates               {self.duplicates}",
            f"lost, counted by reason  {dict(sorted(self.failed.items()))}",
            f"crawl exit code          {self.run.returncode}  (3: finished, but a run check failed)",
            f"failed run checks        {', '.join(self.run.report['failed_checks']) or 'none'}",
        ]
        return "\n".join(rows)


def run_matrix(
    workdir: Path, articles: int = 120, fraction: float = 0.1, seed: int = 7, timeout: float = 240
) -> MatrixReport:
    """Every fault mode on `fraction` of the pages it may hit, one crawl, politeness off.

    Modes that pick whole listings (the pagination traps) take half of the four subsections instead:
    a tenth of four listings is usually none.
    """
    faults = {mode: LISTING_SHARE if spec.per_listing else fraction for mode, spec in FAULT_MODES.items()}
    with ReplicaServer(fault_config(faults, articles=articles, seed=seed)) as server:
        run = run_crawl(workdir, server.base_url, settings=fault_settings(), timeout=timeout)
        stats = run.stats
        return MatrixReport(
            requests=len(server.stats.requests),
            injected=Counter(server.faults_injected),
            planted={mode: len(server.faulted_ids(mode)) for mode in faults},
            expected=server.expected_ids(),
            exported=dataset_ids(run, server.corpus),
            records=len(run.items),
            failed=failed_by_reason(stats),
            lost_expected=len(server.lost_ids()),
            run=run,
            stats=stats,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.faults", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--fraction", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as workdir:
        report = run_matrix(Path(workdir), args.articles, args.fraction, args.seed)
        sys.stdout.write(report.table() + "\n")
    healthy = not report.missing and report.duplicates == 0 and report.stats["finish_reason"] == "finished"
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
