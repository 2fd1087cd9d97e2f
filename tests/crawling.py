"""Run `scrapy crawl friendship` for real, as a user would, in a temporary working directory."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from friendship_crawler.offline import replica_crawl_command
from friendship_crawler.replica import Corpus

FAST = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "LOG_LEVEL": "INFO",
    "FRIENDSHIP_CONSOLE": "0",
}
"""Politeness off: the replica is local and tests must be quick; Scrapy's own log on stderr, to read."""


@dataclass
class CrawlRun:
    """What one crawl left behind."""

    returncode: int
    log: str
    workdir: Path
    items: list[dict[str, Any]] = field(default_factory=list)
    feeds: list[Path] = field(default_factory=list)

    @property
    def report(self) -> dict[str, Any]:
        """The newest run report under output/runs/."""
        reports = sorted((self.workdir / "output" / "runs").glob("*.json"))
        assert reports, f"no run report written; log tail:\n{self.log[-3000:]}"
        return json.loads(reports[-1].read_text(encoding="utf-8"))

    @property
    def stats(self) -> dict[str, Any]:
        return self.report["stats"]


def crawl_env() -> dict[str, str]:
    env = dict(os.environ)
    env["SCRAPY_SETTINGS_MODULE"] = "friendship_crawler.settings"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parents[1]), env.get("PYTHONPATH")]))
    return env


def crawl_command(base_url: str, *args: str, settings: dict[str, str] | None = None) -> list[str]:
    return replica_crawl_command(base_url, *args, settings={**FAST, **(settings or {})})


def run_crawl(
    workdir: Path,
    base_url: str,
    *args: str,
    settings: dict[str, str] | None = None,
    timeout: float = 240,
) -> CrawlRun:
    """Crawl `base_url` with cwd=workdir (so output/ and state/ live there) and collect the new feed items."""
    workdir.mkdir(parents=True, exist_ok=True)
    before = set((workdir / "output").glob("*.jsonl"))
    proc = subprocess.run(
        crawl_command(base_url, *args, settings=settings),
        cwd=workdir,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    feeds = sorted(
        p
        for p in set((workdir / "output").glob("*.jsonl")) - before
        if not p.name.endswith(".duplicates.jsonl")
    )
    items = [
        json.loads(line) for feed in feeds for line in feed.read_text(encoding="utf-8").splitlines() if line
    ]
    return CrawlRun(proc.returncode, proc.stderr, workdir, items, feeds)


def feed_files(workdir: Path) -> list[Path]:
    """The run feeds under workdir/output, without the duplicates reports."""
    return sorted(p for p in (workdir / "output").glob("*.jsonl") if not p.name.endswith(".duplicates.jsonl"))


def stories(records: list[dict[str, Any]], corpus: Corpus) -> Counter[int]:
    """How often each replica story is in the records, a duplicate page counted as its original story."""
    return Counter(corpus.story_of(r["article_id"]) for r in records)


def aliases(workdir: Path) -> dict[int, int]:
    """Dropped id -> kept id, from the duplicates reports under workdir/output."""
    return {
        entry["dropped_id"]: entry["kept_id"]
        for report in (workdir / "output").glob("*.duplicates.jsonl")
        for entry in map(json.loads, report.read_text(encoding="utf-8").splitlines())
    }


def crawl_until(
    workdir: Path,
    base_url: str,
    lines: int,
    *,
    settings: dict[str, str] | None = None,
    stop: signal.Signals = signal.SIGKILL,
    times: int = 1,
    timeout: float = 60,
) -> int:
    """Start a crawl and send it `stop` (`times` times, a moment apart) once its new feeds hold `lines`
    complete lines (0: once the dedup state exists); return its exit status. Fails when the crawl ends
    before that point."""
    before = set(feed_files(workdir))
    process = subprocess.Popen(
        crawl_command(base_url, settings=settings),
        cwd=workdir,
        env=crawl_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and process.poll() is None:
            written = sum(f.read_bytes().count(b"\n") for f in feed_files(workdir) if f not in before)
            started = (workdir / "state" / "dedup.sqlite3").exists()
            if (lines == 0 and started) or (lines and written >= lines):
                break
            time.sleep(0.02)
        assert process.poll() is None, f"the crawl ended before it was stopped at {lines} lines"
    finally:
        for sent in range(times):
            if sent:
                time.sleep(0.02)
            process.send_signal(stop)
        status = process.wait(timeout=120)
    time.sleep(1.1)  # run ids have one-second resolution
    return status
