"""Dedup, export and reprocess throughput: items per second at 10k and 100k articles.

Export: `scrapy export DEST` is run as a user runs it (a subprocess in a project directory, start-up
included) on one synthetic run file of N distinct articles. Reprocess: `scrapy reprocess` the same way
over an archive of N captures of a real-weight MasterCMS page (each its own article), with the command's
peak memory. Dedup: the dedup stage's own benchmark
(`bench.dedup.measure_speed`, its state fed as the pipeline feeds it); "not available" without it.
Synthetic articles are seeded shuffles of the replica's sentence pool, so no two are duplicates.
"""

from __future__ import annotations

import importlib
import io
import json
import logging
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bench.crawl import project_env
from bench.pages import mastercms_pages
from friendship_crawler.items import Article
from friendship_crawler.replica.vocab import headlines, sentences

logger = logging.getLogger(__name__)

RUN_FILE_NAME = "friendship-20260101T000000Z.jsonl"
SENTENCES_PER_ARTICLE = 12


@dataclass(frozen=True)
class ThroughputRow:
    """Items per second of one stage at one size; `note` says why there is no figure."""

    stage: str
    articles: int
    seconds: float | None
    note: str = ""

    @property
    def items_per_second(self) -> float | None:
        return self.articles / self.seconds if self.seconds else None


def synthetic_articles(count: int, seed: int = 7) -> Iterator[Article]:
    """`count` distinct articles with realistic fields, from the replica's sentence and headline pools."""
    rng = random.Random(seed)
    pool, titles = sentences(), headlines()
    first_day = datetime(2016, 1, 1, 8, 0)
    for number in range(count):
        article_id = 100_000 + number
        title = f"{rng.choice(titles)} ({number})"
        body = [" ".join(rng.sample(pool, 3)) for _ in range(SENTENCES_PER_ARTICLE // 3)]
        published = first_day + timedelta(minutes=97 * number)
        yield Article(
            url=f"https://thoidai.com.vn/bai-{article_id}.html",
            article_id=article_id,
            title=title,
            sapo=body[0],
            text="\n".join([title, *body]),
            author=rng.choice(("Minh Anh", "Phương Lê", "Anh Vũ", None)),
            published_at=published.strftime("%Y-%m-%dT%H:%M:00+07:00"),
            section=["Hữu nghị"],
            crawled_at="2026-01-01T00:00:00+00:00",
        )


def write_run_file(directory: Path, count: int) -> Path:
    """One run file of `count` synthetic articles, as the feed export writes it."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / RUN_FILE_NAME
    with path.open("w", encoding="utf-8") as out:
        for article in synthetic_articles(count):
            out.write(json.dumps(asdict(article), ensure_ascii=False) + "\n")
    return path


def export_available() -> bool:
    try:
        importlib.import_module("friendship_crawler.commands.export")
    except ImportError:
        return False
    return True


def time_export(count: int, timeout: float = 900) -> ThroughputRow:
    """Wall time of `scrapy export snapshot --input runs` over `count` articles."""
    if not export_available():
        return ThroughputRow("export (scrapy export)", count, None, "not available")
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        workdir = Path(tmp)
        write_run_file(workdir / "runs", count)
        command = [sys.executable, "-m", "scrapy", "export", "snapshot", "--input", "runs"]
        process, seconds = _run_in(workdir, command, timeout)
        if process.returncode != 0:
            logger.warning("scrapy export failed at %s articles: %s", count, process.stderr[-400:])
            return ThroughputRow("export (scrapy export)", count, None, f"failed (exit {process.returncode})")
        return ThroughputRow("export (scrapy export)", count, seconds, "start-up included")


ARCHIVED_PAGE = "mastercms/netbiz_post"
"""The real-weight page every capture of the reprocess archive holds (under an address of its own)."""
PEAK_MEMORY = (
    "import atexit, resource, sys; atexit.register(lambda: sys.stderr.write("
    "f'peak_rss_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')); "
    "from scrapy.cmdline import execute; execute()"
)
"""`scrapy` run so that it says its own peak memory as it exits."""


def write_archive(directory: Path, count: int) -> Path:
    """One WARC of `count` captures of the archived page, each at an article address of its own."""
    page = next(p for p in mastercms_pages() if p.name == ARCHIVED_PAGE).html
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "friendship-20260101T000000Z.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number in range(count):
            body = page.replace("</body>", f"<!-- {number} --></body>").encode()
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1",
            )
            url = f"https://thoidai.com.vn/bai-viet-{number}-{100_000 + number}.html"
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
                )
            )
    return path


def time_reprocess(count: int, timeout: float = 900) -> ThroughputRow:
    """Wall time and peak memory of `scrapy reprocess` over an archive of `count` captures."""
    stage = "reprocess (scrapy reprocess)"
    with tempfile.TemporaryDirectory(prefix="bench-reprocess-") as tmp:
        workdir = Path(tmp)
        write_archive(workdir / "archive", count)
        command = [sys.executable, "-c", PEAK_MEMORY, "reprocess", "--archive", "archive", "--output", "out"]
        process, seconds = _run_in(workdir, command, timeout)
        if process.returncode != 0:
            logger.warning("scrapy reprocess failed at %s captures: %s", count, process.stderr[-400:])
            return ThroughputRow(stage, count, None, f"failed (exit {process.returncode})")
        peak = next(
            (
                int(line.split("=")[1])
                for line in process.stderr.splitlines()
                if line.startswith("peak_rss_kb=")
            ),
            None,
        )
        memory = f"; peak memory {peak / 1024:,.0f} MB" if peak else ""
        return ThroughputRow(stage, count, seconds, f"start-up included{memory}")


def _run_in(
    workdir: Path, command: list[str], timeout: float
) -> tuple[subprocess.CompletedProcess[str], float]:
    """A project command run as a user runs it, in `workdir`, and its wall time (start-up included)."""
    started = time.perf_counter()
    process = subprocess.run(
        command, cwd=workdir, env=project_env(), capture_output=True, text=True, timeout=timeout, check=False
    )
    return process, time.perf_counter() - started


def time_dedup(sizes: list[int]) -> list[ThroughputRow]:
    """Items per second of the dedup stage at each size, from its own benchmark (`bench.dedup`)."""
    try:
        dedup_bench = importlib.import_module("bench.dedup")
    except ImportError as error:
        return [ThroughputRow("dedup", size, None, f"not available ({error})") for size in sizes]
    rows = []
    for size in sizes:
        measured = dedup_bench.measure_speed(size)
        first, last = measured.first_block_rate, measured.last_block_rate
        note = (
            f"bench.dedup; first/last 10%: {first:,.0f}/{last:,.0f} items/s; "
            f"state {measured.bytes_per_article:,.0f} bytes/article"
        )
        rows.append(ThroughputRow("dedup", size, size / measured.overall_rate, note))
    return rows
