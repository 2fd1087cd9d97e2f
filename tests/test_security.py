"""Security: a crawl requests only the site's hosts, writes only under output/, and never leaks credentials.

Hostile input comes from the replica's fault modes (links to `file:`/`javascript:`/private addresses,
breadcrumbs that look like paths), through the real engine; the host refusals of a live-site crawl are
checked on the downloader middleware itself, since no test may reach the live site.
"""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest
from crawling import crawl_command, crawl_env, run_crawl
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from bench.faults import fault_config, fault_settings
from friendship_crawler.middlewares.site_hosts import SiteHostsMiddleware
from friendship_crawler.replica import ReplicaServer
from friendship_crawler.replica.faults import HOSTILE_LINKS, HOSTILE_SECTION_NAMES
from friendship_crawler.spiders.friendship import FriendshipSpider

LOOPBACK_HOSTS = {"127.0.0.1", "127.0.0.2", "localhost"}


def hosts_middleware(base_url: str) -> tuple[SiteHostsMiddleware, dict[str, int]]:
    crawler = get_crawler(FriendshipSpider)
    crawler.spider = FriendshipSpider.from_crawler(crawler, base_url=base_url)
    assert crawler.stats is not None
    return SiteHostsMiddleware.from_crawler(crawler), crawler.stats.get_stats()


# --- only the site's hosts ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/huu-nghi",
        "http://localhost:8000/huu-nghi",
        "http://[::1]/huu-nghi",
        "http://10.0.0.1/a-123456.html",
        "http://172.16.5.4/a-123456.html",
        "http://192.168.1.1/a-123456.html",
        "http://169.254.169.254/latest/meta-data/",
        "http://[fd00::1]/a-123456.html",
        "http://2130706433/a-123456.html",
        "https://thoidai.com.vn.evil.example/a-123456.html",
        "https://vietnamtimes.thoidai.com.vn/a-123456.html",
        "file:///etc/passwd",
    ],
)
def test_live_crawl_refuses_addresses_and_foreign_hosts(url: str) -> None:
    middleware, stats = hosts_middleware("https://thoidai.com.vn")
    with pytest.raises(IgnoreRequest):
        middleware.process_request(Request(url))
    assert stats["friendship/offsite/refused"] == 1


def test_live_crawl_allows_the_site_hosts() -> None:
    middleware, stats = hosts_middleware("https://thoidai.com.vn")
    for url in ("https://thoidai.com.vn/huu-nghi", "https://tacnghiep.thoidai.com.vn/a-123456.html"):
        assert middleware.process_request(Request(url)) is None
    assert "friendship/offsite/refused" not in stats


def test_replica_crawl_allows_only_its_own_loopback_port() -> None:
    middleware, stats = hosts_middleware("http://127.0.0.1:8123")
    for url in (
        "http://127.0.0.1:8123/huu-nghi",
        "http://localhost:8123/a-1234.html",
        "http://127.0.0.2:8123/",
    ):
        assert middleware.process_request(Request(url)) is None
    for url in (
        "http://127.0.0.1:1/a-1234.html",
        "http://10.0.0.1:8123/a-1234.html",
        "https://thoidai.com.vn/",
    ):
        with pytest.raises(IgnoreRequest):
            middleware.process_request(Request(url))
    assert stats["friendship/offsite/refused"] == 3


def test_links_to_files_scripts_and_addresses_are_never_followed(tmp_path: Path) -> None:
    with ReplicaServer(fault_config({"hostile_links": 1.0})) as server:
        run = run_crawl(tmp_path, server.base_url, settings=fault_settings())
        assert run.stats["finish_reason"] == "finished"
        listing_pages = run.stats["friendship/listing/pages"]
        assert server.faults_injected["hostile_links"] == listing_pages > 0
        assert run.stats["friendship/links/offsite"] >= listing_pages * len(HOSTILE_LINKS)
        assert {request.host for request in server.stats.requests} <= LOOPBACK_HOSTS
        assert not [path for path in server.stats.paths if "bai-viet-12345" in path or "meta-data" in path]
        assert "friendship/offsite/refused" not in run.stats  # refused by the spider, never even scheduled
        assert {int(item["article_id"]) for item in run.items} >= server.expected_ids() - set(
            server.corpus.duplicates
        )


# --- output paths ---------------------------------------------------------------------------------
def test_paths_in_page_content_never_become_output_paths(tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    escapes = [tmp_path / "work" / "../../../../tmp/friendship-escape", Path("/tmp/friendship-escape-abs")]
    before = {path: path.exists() for path in escapes}
    with ReplicaServer(fault_config({"hostile_paths": 1.0})) as server:
        run = run_crawl(workdir, server.base_url, settings=fault_settings())
    assert run.stats["finish_reason"] == "finished" and run.items
    hostile = [item for item in run.items if set(HOSTILE_SECTION_NAMES) & set(item["section"])]
    assert hostile, "the crafted breadcrumbs reached the records as data"
    for path, existed in before.items():
        assert path.exists() == existed, path
    written = [p.relative_to(workdir) for p in workdir.rglob("*") if p.is_file()]
    assert written and all(p.parts[0] in {"output", "state"} for p in written), written
    assert not [p for p in written if ".." in p.parts or "friendship-escape" in str(p)]


# --- credentials ----------------------------------------------------------------------------------
PROXY_SECRET = "Pr0xyS3cret"
SCRAPYD_SECRET = "Scr4pydS3cret"


def test_proxy_and_scrapyd_credentials_stay_out_of_logs_and_reports(tmp_path: Path) -> None:
    with ReplicaServer(fault_config({})) as server:
        env = {
            **crawl_env(),
            "http_proxy": f"http://crawler:{PROXY_SECRET}@{server.base_url.removeprefix('http://')}",
            "no_proxy": "",
            "NO_PROXY": "",
        }
        settings = {
            "FRIENDSHIP_SCRAPYD_URL": f"http://ops:{SCRAPYD_SECRET}@127.0.0.1:6800",
            "HTTPPROXY_ENABLED": "1",
        }
        command = crawl_command(server.base_url, "-a", "max_pages=1", settings=settings)
        proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    used = base64.b64encode(f"crawler:{PROXY_SECRET}".encode()).decode()
    assert server.proxied and set(server.proxied) == {f"Basic {used}"}, "the crawl went through the proxy"
    report = json.loads(next((tmp_path / "output" / "runs").glob("*.json")).read_text(encoding="utf-8"))
    assert report["stats"]["finish_reason"] == "finished"
    leaks = {
        "log": proc.stdout + proc.stderr,
        "run report": json.dumps(report),
        **{
            str(p): p.read_bytes().decode("utf-8", "replace")
            for p in (tmp_path / "output").rglob("*")
            if p.is_file()
        },
    }
    for secret in (PROXY_SECRET, SCRAPYD_SECRET, used):
        assert [where for where, text in leaks.items() if secret in text] == [], secret


def test_credentials_in_scrapy_settings_stay_out_of_logs(tmp_path: Path) -> None:
    """Scrapy logs every overridden built-in setting verbatim ("Overridden settings: {...}")."""
    with ReplicaServer(fault_config({})) as server:
        settings = {"AWS_SECRET_ACCESS_KEY": "AwsS3cretKey", "AWS_ACCESS_KEY_ID": "AKIAFRIENDSHIP"}
        run = run_crawl(tmp_path, server.base_url, "-a", "max_pages=1", settings=settings)
    assert run.stats["finish_reason"] == "finished"
    assert "AwsS3cretKey" not in run.log
    assert "AwsS3cretKey" not in json.dumps(run.report)
