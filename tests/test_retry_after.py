"""Retry-After and back-off: header parsing, and real crawls against servers that throttle part of the requests."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from crawling import run_crawl

from friendship_crawler.middlewares.retry_after import exponential_backoff, parse_retry_after
from friendship_crawler.replica import ReplicaServer

MIDDLEWARES = json.dumps(
    {
        "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
        "friendship_crawler.middlewares.retry_after.RetryAfterMiddleware": 550,
        "friendship_crawler.middlewares.site_hosts.SiteHostsMiddleware": 50,
    }
)
PAGES = 12
NOW = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

SPIDER = """
import json
import scrapy


class BackoffSpider(scrapy.Spider):
    name = "backoff"

    def __init__(self, base_url, **kwargs):
        super().__init__(**kwargs)
        self.base_url = base_url

    async def start(self):
        yield scrapy.Request(self.base_url + "/")

    def parse(self, response):
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse_page)

    def parse_page(self, response):
        yield {"path": response.url.split("/", 3)[3], "text": response.text}

    def closed(self, reason):
        stats = {k: v for k, v in self.crawler.stats.get_stats().items() if isinstance(v, (int, float, str))}
        with open("stats.json", "w") as stream:
            json.dump(stats, stream)
"""


@dataclass(frozen=True)
class Hit:
    path: str
    at: float
    status: int


class ThrottlingServer:
    """Pages /page/0../page/11; the first request of each page N answers by N % 4: 429 with Retry-After in
    seconds, 503 with Retry-After as an HTTP date, 500 without Retry-After, or 200."""

    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                status, headers, body = server.answer(self.path)
                self.send_response(status)
                for name, value in {"Content-Type": "text/html", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return None

        return Handler

    def answer(self, path: str) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            first = not any(hit.path == path for hit in self.hits)
            status, headers = 200, {}
            if path.startswith("/page/") and first:
                status, headers = self._fault(int(path.rsplit("/", 1)[1]))
            self.hits.append(Hit(path, time.monotonic(), status))
        if path == "/":
            links = "".join(f'<a href="/page/{n}">{n}</a>' for n in range(PAGES))
            return 200, {}, f"<html><body>{links}</body></html>".encode()
        return status, headers, f"<html><body>{path} {status}</body></html>".encode()

    @staticmethod
    def _fault(page: int) -> tuple[int, dict[str, str]]:
        kind = page % 4
        if kind == 0:
            return 429, {"Retry-After": "1"}
        if kind == 1:
            later = datetime.now(UTC) + timedelta(seconds=2)
            return 503, {"Retry-After": format_datetime(later, usegmt=True)}
        if kind == 2:
            return 500, {}
        return 200, {}

    def __enter__(self) -> ThrottlingServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def throttling_server() -> Iterator[ThrottlingServer]:
    with ThrottlingServer() as server:
        yield server


def test_retry_after_in_seconds() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(b" 0 ") == 0.0


def test_retry_after_as_http_date() -> None:
    assert parse_retry_after("Mon, 23 Nov 2026 08:01:30 GMT", now=NOW) == 90.0
    assert parse_retry_after("Mon, 23 Nov 2026 07:59:00 GMT", now=NOW) == 0.0


@pytest.mark.parametrize("value", [None, "", "soon", "-5", "1.5"])
def test_unreadable_retry_after_is_none(value: str | None) -> None:
    assert parse_retry_after(value) is None


def test_exponential_backoff_doubles_with_jitter_and_a_cap() -> None:
    rng = random.Random(7)
    for retries, ceiling in [(0, 1.0), (1, 2.0), (3, 8.0), (12, 300.0)]:
        waits = [exponential_backoff(retries, 1.0, 300.0, rng) for _ in range(50)]
        assert all(ceiling / 2 <= wait <= ceiling for wait in waits)
        assert len(set(waits)) > 1


def _first_gap(hits: list[Hit], path: str) -> float:
    [failed, retried] = [hit for hit in hits if hit.path == path][:2]
    assert failed.status != 200 and retried.status == 200
    return retried.at - failed.at


def test_throttled_pages_are_retried_after_the_announced_wait(
    tmp_path: Path, throttling_server: ThrottlingServer
) -> None:
    (tmp_path / "backoff_spider.py").write_text(SPIDER, encoding="utf-8")
    settings = {
        "DOWNLOADER_MIDDLEWARES": MIDDLEWARES,
        "RETRY_HTTP_CODES": "429,500,503",
        "FRIENDSHIP_BACKOFF_BASE": "0.2",
        "FRIENDSHIP_BACKOFF_MAX_DELAY": "0.5",
        "AUTOTHROTTLE_ENABLED": "0",
        "DOWNLOAD_DELAY": "0",
        "CONCURRENT_REQUESTS": "16",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
        "LOG_LEVEL": "INFO",
    }
    command = [sys.executable, "-m", "scrapy", "runspider", "backoff_spider.py", "-O", "items.jsonl"]
    command += ["-a", f"base_url={throttling_server.base_url}"]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    proc = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)

    assert proc.returncode == 0, proc.stderr[-3000:]
    items = [json.loads(line) for line in (tmp_path / "items.jsonl").read_text().splitlines()]
    assert sorted(item["path"] for item in items) == sorted(f"page/{n}" for n in range(PAGES))
    assert all(" 200<" in item["text"] for item in items)

    hits = throttling_server.hits
    for page in range(PAGES):
        path = f"/page/{page}"
        if page % 4 in (0, 1):
            assert _first_gap(hits, path) >= 1.0, path
        elif page % 4 == 2:
            assert _first_gap(hits, path) >= 0.1, path
        else:
            assert [hit.status for hit in hits if hit.path == path] == [200]

    stats = json.loads((tmp_path / "stats.json").read_text())
    assert stats["retry/count"] == 9
    assert "retry/max_reached" not in stats
    assert stats["friendship/backoff/retry_after"] == 6
    assert stats["friendship/backoff/waits"] == 9
    assert stats["friendship/backoff/waited_ms"] >= 6 * 1000 + 3 * 100
    assert stats["friendship/backoff/slot_delay_max"] == 0.5


def test_crawl_of_a_throttling_replica_still_exports_everything(
    tmp_path: Path, replica: ReplicaServer, replica_factory: Callable[..., ReplicaServer]
) -> None:
    args = ("-a", "sections=than-gui-viet-nam", "-a", "max_pages=1")
    settings = {
        "DOWNLOADER_MIDDLEWARES": MIDDLEWARES,
        "EXTENSIONS": json.dumps({"friendship_crawler.monitor.RunMonitor": 500}),
        "RETRY_TIMES": "8",
        "FRIENDSHIP_BACKOFF_MAX_DELAY": "0.25",
    }
    throttling = replica_factory(faults={"http_429": 0.15, "http_503": 0.15}, fault_seed=5)
    clean = run_crawl(tmp_path / "clean", replica.base_url, *args, settings=settings)
    throttled = run_crawl(tmp_path / "throttled", throttling.base_url, *args, settings=settings)

    assert clean.returncode == 0, clean.log[-3000:]
    assert throttled.returncode == 0, throttled.log[-3000:]
    refused = [r for r in throttling.stats.requests if r.status in (429, 503)]
    assert {r.status for r in refused} == {429, 503}, "the replica must refuse with both statuses"
    assert sorted(i["url"] for i in throttled.items) == sorted(i["url"] for i in clean.items)
    assert len(throttled.items) > 0
    stats = throttled.stats
    assert stats["retry/count"] == len(refused)
    assert stats["friendship/backoff/retry_after"] == len(refused)
    assert stats["friendship/backoff/waited_ms"] >= len(refused) * 1000
    assert stats["friendship/backoff/slot_delay_max"] == 0.25
    assert throttled.report["healthy"] is True, throttled.report["checks"]
