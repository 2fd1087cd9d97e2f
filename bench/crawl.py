"""Crawl throughput: `scrapy crawl friendship` against the replica with politeness off, beside `scrapy bench`.

Both run as subprocesses on the same machine in the same run; pages per minute come from each run's own
stats (`downloader/response_count` over `elapsed_time_seconds`, so interpreter start-up is left out of
both), CPU seconds from `getrusage(RUSAGE_CHILDREN)` around the crawl alone. The replica runs in its own
process so its page rendering is not charged to the crawler.
"""

from __future__ import annotations

import json
import logging
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from friendship_crawler.offline import replica_crawl_command

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[1]
UNPOLITE = {
    "AUTOTHROTTLE_ENABLED": "0",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
    "ROBOTSTXT_OBEY": "1",
    "LOG_LEVEL": "INFO",
    "FRIENDSHIP_CONSOLE": "0",
}
"""Politeness off for a local server; robots.txt is still read (one request), as on the live site; Scrapy's
own log on stderr, where the stats are read."""
_SERVING = re.compile(r"serving on (http://\S+)")
_STATS_DUMP = "Dumping Scrapy stats:"
_LOG_LINE_START = re.compile(r"\n\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} ")
_STAT_NUMBER = re.compile(r"'(?P<key>[^']+)':\s*(?P<value>-?\d+(?:\.\d+)?)\s*[,}]")


@dataclass(frozen=True)
class CrawlResult:
    """One crawl (or `scrapy bench`) run."""

    name: str
    pages: int
    """Responses downloaded (`downloader/response_count`)."""
    items: int
    elapsed: float
    """Seconds between the engine's start and finish, from the run's stats."""
    wall: float
    """Seconds of the whole subprocess, start-up included."""
    cpu: float
    """User + system CPU seconds of the subprocess."""
    returncode: int
    error: str = ""

    @property
    def pages_per_minute(self) -> float:
        return 60 * self.pages / self.elapsed if self.elapsed else 0.0

    @property
    def cpu_per_item(self) -> float | None:
        return self.cpu / self.items if self.items else None


def stats_from_log(log: str) -> dict[str, float]:
    """The numeric entries of the last stats dump in a Scrapy log."""
    if _STATS_DUMP not in log:
        return {}
    dump = _LOG_LINE_START.split(log.rsplit(_STATS_DUMP, 1)[1], maxsplit=1)[0]
    return {m["key"]: float(m["value"]) for m in _STAT_NUMBER.finditer(dump)}


def stats_from_report(workdir: Path) -> dict[str, float]:
    """The numeric stats of the newest run report under output/runs/, if the project wrote one."""
    reports = sorted((workdir / "output" / "runs").glob("*.json"))
    if not reports:
        return {}
    stats: Any = json.loads(reports[-1].read_text(encoding="utf-8")).get("stats", {})
    return {k: float(v) for k, v in stats.items() if isinstance(v, int | float) and not isinstance(v, bool)}


class ReplicaProcess:
    """`python -m friendship_crawler.replica` on a free port, in its own process, for a crawl to use."""

    def __init__(self, articles: int, seed: int = 2026) -> None:
        self.articles = articles
        self.seed = seed
        self.base_url = ""
        self._process: subprocess.Popen[str] | None = None

    def __enter__(self) -> ReplicaProcess:
        command = [
            sys.executable,
            "-m",
            "friendship_crawler.replica",
            "--port",
            "0",
            "--articles",
            str(self.articles),
            "--seed",
            str(self.seed),
        ]
        self._process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=project_env()
        )
        assert self._process.stdout is not None
        line = self._process.stdout.readline()
        match = _SERVING.search(line)
        if match is None:
            self.__exit__(None, None, None)
            raise RuntimeError(f"the replica did not start; it said {line!r}")
        self.base_url = match[1].rstrip("/")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.communicate(timeout=10)  # reaps the process and closes its stdout pipe
            self._process = None


def project_env() -> dict[str, str]:
    env = dict(os.environ)
    env["SCRAPY_SETTINGS_MODULE"] = "friendship_crawler.settings"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def _bare_env() -> dict[str, str]:
    """No project: `scrapy bench` must run with Scrapy's defaults, not our polite settings."""
    env = {k: v for k, v in os.environ.items() if k != "SCRAPY_SETTINGS_MODULE"}
    env.pop("SCRAPY_PROJECT", None)
    return env


def _run(
    name: str, command: list[str], cwd: Path, env: dict[str, str], timeout: float
) -> tuple[CrawlResult, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        process = subprocess.run(
            command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as expired:
        log = expired.stderr.decode() if isinstance(expired.stderr, bytes) else expired.stderr or ""
        return CrawlResult(name, 0, 0, 0.0, timeout, 0.0, -1, f"timed out after {timeout:.0f} s"), log
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stats = stats_from_report(cwd) or stats_from_log(process.stderr)
    error = (
        ""
        if process.returncode == 0 and stats
        else f"exit {process.returncode}; log tail: {process.stderr[-400:]!r}"
    )
    result = CrawlResult(
        name=name,
        pages=int(stats.get("downloader/response_count", 0)),
        items=int(stats.get("item_scraped_count", 0)),
        elapsed=stats.get("elapsed_time_seconds", 0.0),
        wall=wall,
        cpu=cpu,
        returncode=process.returncode,
        error=error,
    )
    return result, process.stderr


def crawl_replica(articles: int, timeout: float = 600) -> CrawlResult:
    """`scrapy crawl friendship` over a replica of `articles` stories, politeness off."""
    with ReplicaProcess(articles) as replica, tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        command = replica_crawl_command(replica.base_url, settings=UNPOLITE)
        result, log = _run("scrapy crawl friendship", command, Path(tmp), project_env(), timeout)
        exported = _exported_items(Path(tmp))
        if exported and exported != result.items:
            logger.info("Feed holds %s records, stats say %s scraped", exported, result.items)
        if result.error:
            logger.warning("Crawl failed: %s", result.error)
        return result


def _exported_items(workdir: Path) -> int:
    feeds = [p for p in (workdir / "output").glob("*.jsonl") if not p.name.endswith(".duplicates.jsonl")]
    return sum(1 for feed in feeds for line in feed.read_text(encoding="utf-8").splitlines() if line.strip())


def scrapy_bench(seconds: int = 10, timeout: float = 120) -> CrawlResult:
    """`scrapy bench` (Scrapy's engine and link-following spider on its own local server), no project."""
    with tempfile.TemporaryDirectory(prefix="bench-scrapy-") as tmp:
        command = [sys.executable, "-m", "scrapy", "bench", "-s", f"CLOSESPIDER_TIMEOUT={seconds}"]
        result, _ = _run("scrapy bench", command, Path(tmp), _bare_env(), timeout)
        if result.error:
            logger.warning("scrapy bench failed: %s", result.error)
        return result
