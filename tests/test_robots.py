"""robots.txt obeyed through the real engine, as RFC 9309 reads it when the file cannot be had."""

from __future__ import annotations

from pathlib import Path

import pytest
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler
from twisted.internet.defer import Deferred

from friendship_crawler.middlewares.robots import StrictRobotsTxtMiddleware
from friendship_crawler.replica import ReplicaConfig, ReplicaServer
from friendship_crawler.replica.site import Response
from tests.crawling import run_crawl

UNHEALTHY = 3


class RobotsAnswering(ReplicaServer):
    """A replica whose robots.txt answers with `status` (its own file when None)."""

    status: int | None = None
    robots_asked = 0

    def handle(self, raw_path: str, host: str) -> Response:
        if raw_path == "/robots.txt" and self.status is not None:
            self.robots_asked += 1
            return Response(self.status, b"<html><body>Error</body></html>")
        return super().handle(raw_path, host)


@pytest.mark.parametrize("status", [503, 500, 429])
def test_an_unreachable_robots_txt_disallows_everything(tmp_path: Path, status: int) -> None:
    """A robots.txt the server cannot give (5xx, 429) may forbid everything: nothing else is fetched, one
    line says why, and the run reports itself unhealthy."""
    replica = RobotsAnswering(ReplicaConfig(articles=40))
    replica.status = status
    replica.start()
    try:
        run = run_crawl(tmp_path, replica.base_url, settings={"RETRY_TIMES": "1"})
    finally:
        replica.stop()
    assert replica.robots_asked >= 1 and replica.stats.paths == [], "nothing but robots.txt"
    assert run.returncode == UNHEALTHY and run.items == []
    host = replica.base_url.split("://", 1)[1].rstrip("/")
    assert f"robots.txt of {host} is unreachable (HTTP {status})" in run.log


def test_a_missing_robots_txt_allows_everything(tmp_path: Path) -> None:
    """A 404 says there are no rules (RFC 9309 2.3.1.3): the crawl goes on."""
    replica = RobotsAnswering(ReplicaConfig(articles=40))
    replica.status = 404
    replica.start()
    try:
        run = run_crawl(tmp_path, replica.base_url)
    finally:
        replica.stop()
    assert run.returncode == 0, run.log[-3000:]
    assert len(run.items) >= 30


def test_a_robots_txt_lost_on_the_way_disallows_everything() -> None:
    """Dropped after it was sent (a gzip stream cut short, a decompression bomb), robots.txt was not had:
    only one refused before it was sent (a host the crawl does not visit) leaves no rules."""
    crawler = get_crawler(settings_dict={"ROBOTSTXT_OBEY": True})
    middleware = StrictRobotsTxtMiddleware(crawler)
    crawler.stats.open_spider()
    for netloc, error in (
        ("thoidai.com.vn", IgnoreRequest("gzip stream cut short: https://thoidai.com.vn/robots.txt")),
        ("elsewhere.example", IgnoreRequest("Refused a request outside the site's hosts")),
    ):
        middleware._parsers[netloc] = Deferred()
        middleware._robots_error(error, netloc)
    parser = middleware._parsers["thoidai.com.vn"]
    assert parser is not None and not parser.allowed("https://thoidai.com.vn/huu-nghi", "friendship")
    assert middleware._parsers["elsewhere.example"] is None
