"""Run `scrapy crawl friendship` for real, as a user would, in a temporary working directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FAST = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "LOG_LEVEL": "INFO",
}
"""Politeness off: the replica is local and tests must be quick."""


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
    command = [sys.executable, "-m", "scrapy", "crawl", "friendship", "-a", f"base_url={base_url}", *args]
    for name, value in {**FAST, **(settings or {})}.items():
        command += ["-s", f"{name}={value}"]
    return command


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
        p for p in set((workdir / "output").glob("*.jsonl")) - before if not p.name.endswith(".duplicates.jsonl")
    )
    items = [json.loads(line) for feed in feeds for line in feed.read_text(encoding="utf-8").splitlines() if line]
    return CrawlRun(proc.returncode, proc.stderr, workdir, items, feeds)
