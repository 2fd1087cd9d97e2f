"""Load: crawl a replica of many articles end to end, politeness off, and measure time and memory.

    python -m bench.load [--articles 10000] [--articles 2500 ...]

For each size: crawl duration, peak RSS of the crawl process (`VmHWM` of its own memory, polled: `rusage`
would count the memory of the process that started it, which it shares until `exec`), memory
per article, and whether every article was exported exactly once. Memory must not grow with the number of
articles beyond the dedup state: compare the per-article growth between two sizes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from friendship_crawler.replica import ReplicaConfig, ReplicaServer
from tests.crawling import crawl_command, crawl_env

LOAD_SETTINGS = {
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
    "LOG_LEVEL": "WARNING",
    "EXTENSIONS": json.dumps({"friendship_crawler.archive.extension.WarcArchive": None}),
}
"""Politeness off (tests/crawling.FAST) and quieter logs; the page archive (disk, not memory) is left out."""


@dataclass(frozen=True)
class LoadResult:
    articles: int
    expected: int
    exported: int
    repeated: int
    missing: int
    seconds: float
    peak_rss_bytes: int
    returncode: int

    @property
    def rss_per_article(self) -> float:
        return self.peak_rss_bytes / max(self.articles, 1)

    def line(self) -> str:
        return (
            f"{self.articles:>7} articles  {self.seconds:7.1f} s  {self.articles / self.seconds:6.0f} art/s  "
            f"peak RSS {self.peak_rss_bytes / 2**20:7.1f} MiB  "
            f"{self.rss_per_article / 1024:6.1f} KiB/article  "
            f"exported {self.exported}/{self.expected}  missing {self.missing}  repeated {self.repeated}  "
            f"exit {self.returncode}"
        )


def peak_rss_until_exit(process: subprocess.Popen[bytes], every: float = 0.05) -> int:
    """The process's peak resident memory in bytes (`VmHWM` of its own address space), polled to its exit."""
    status = Path(f"/proc/{process.pid}/status")
    peak = 0
    while process.poll() is None:
        try:
            text = status.read_text(encoding="ascii")
        except OSError:  # it exited between the poll and the read
            break
        marks = [int(line.split()[1]) * 1024 for line in text.splitlines() if line.startswith("VmHWM:")]
        peak = max([peak, *marks])
        time.sleep(every)
    process.wait()
    return peak


def crawl_once(workdir: Path, articles: int, seed: int = 2026, timeout: float = 1800) -> LoadResult:
    """One crawl of a fresh replica in its own process; peak RSS is that process's own."""
    workdir.mkdir(parents=True, exist_ok=True)
    with ReplicaServer(ReplicaConfig(seed=seed, articles=articles)) as server:
        expected = server.expected_ids()
        command = crawl_command(server.base_url, settings=LOAD_SETTINGS)
        with open(workdir / "crawl.log", "wb") as log:
            started = time.monotonic()
            process = subprocess.Popen(command, cwd=workdir, env=crawl_env(), stdout=log, stderr=log)
            peak = peak_rss_until_exit(process)
            seconds = time.monotonic() - started
    ids = Counter(
        server.corpus.story_of(int(json.loads(line)["article_id"]))
        for feed in (workdir / "output").glob("*.jsonl")
        if not feed.name.endswith(".duplicates.jsonl")
        for line in feed.read_text(encoding="utf-8").splitlines()
        if line
    )
    return LoadResult(
        articles=articles,
        expected=len(expected),
        exported=len(set(ids) & expected),
        repeated=sum(n - 1 for n in ids.values()),
        missing=len(expected - set(ids)),
        seconds=seconds,
        peak_rss_bytes=peak,
        returncode=process.returncode,
    )


def growth_per_article(small: LoadResult, large: LoadResult) -> float:
    """Bytes of peak RSS added per extra article between two crawl sizes."""
    return (large.peak_rss_bytes - small.peak_rss_bytes) / (large.articles - small.articles)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--articles", type=int, action="append", help="replica sizes (default 1000 and 10000)"
    )
    args = parser.parse_args(argv)
    sizes = sorted(args.articles or [1000, 10_000])
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-load-") as root:
        for size in sizes:
            result = crawl_once(Path(root) / str(size), size)
            results.append(result)
            sys.stdout.write(result.line() + "\n")
            sys.stdout.flush()
    for small, large in zip(results, results[1:], strict=False):
        growth = growth_per_article(small, large)
        sys.stdout.write(
            f"RSS growth {small.articles} -> {large.articles}: {growth / 1024:.1f} KiB per article\n"
        )
    sound = all(r.missing == 0 and r.repeated == 0 for r in results)
    return 0 if sound else 1


if __name__ == "__main__":
    sys.exit(main())
