"""Security: a crawl requests only the site's hosts, writes only under output/, and never leaks credentials.

Hostile input comes from the replica's fault modes (links to `file:`/`javascript:`/private addresses,
breadcrumbs that look like paths), through the real engine; the host refusals of a live-site crawl are
checked on the downloader middleware itself, since no test may reach the live site. Credentials (in feed
URIs, credential settings, a proxy URL) are shown masked in the crawl's log and run report.
"""

from __future__ import annotations

import base64
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from crawling import crawl_command, crawl_env, run_crawl
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from bench.faults import fault_config, fault_settings
from friendship_crawler import settings as project_settings
from friendship_crawler.middlewares.site_hosts import SiteHostsMiddleware
from friendship_crawler.monitor.masking import MaskedLogRecord, mask_data, mask_secrets
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
        stories = {server.corpus.story_of(int(item["article_id"])) for item in run.items}
        assert stories >= server.expected_ids()  # whichever copy of a story came first is the one kept


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
FTP_SECRET = "FtpS3cretPW"
AUTH_SECRET = "HttpAuthS3cret"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("in: ftp://user:FtpS3cretPW@127.0.0.1:1/x.jsonl", "in: ftp://user:***@127.0.0.1:1/x.jsonl"),
        ("http://ops:p@ss@127.0.0.1:6800/x?a=b@c", "http://ops:***@127.0.0.1:6800/x?a=b@c"),
        ("redis://:pw@host/0", "redis://:***@host/0"),
        ("{'FTP_PASSWORD': 'pw', 'LOG_LEVEL': 'INFO'}", "{'FTP_PASSWORD': '***', 'LOG_LEVEL': 'INFO'}"),
        (
            '{"HTTPAUTH_PASS": "a b", "AWS_SESSION_TOKEN": 12}',
            '{"HTTPAUTH_PASS": "***", "AWS_SESSION_TOKEN": ***}',
        ),
        (
            "-s FRIENDSHIP_PROXY_AUTH=u:pw -s DOWNLOAD_DELAY=1",
            "-s FRIENDSHIP_PROXY_AUTH=*** -s DOWNLOAD_DELAY=1",
        ),
    ],
)
def test_mask_secrets_hides_url_passwords_and_credential_settings(text: str, masked: str) -> None:
    assert mask_secrets(text) == masked


@pytest.mark.parametrize(
    "text",
    [
        "http://127.0.0.1:8123/a-1234.html",
        "https://user@thoidai.com.vn/huu-nghi",
        "http://host:8080/path@x",
        "{'FEED_EXPORT_ENCODING': 'utf-8', 'keywords': ['a']}",
    ],
)
def test_mask_secrets_leaves_everything_else_alone(text: str) -> None:
    assert mask_secrets(text) == text


def test_mask_data_masks_strings_and_credential_named_values() -> None:
    data = {"base_url": "http://u:pw@h/", "feeds": [{"uri": "ftp://u:pw@h/x"}], "FTP_PASSWORD": 5, "n": 1}
    assert mask_data(data) == {
        "base_url": "http://u:***@h/",
        "feeds": [{"uri": "ftp://u:***@h/x"}],
        "FTP_PASSWORD": "***",
        "n": 1,
    }


def test_masked_log_records_hide_secrets_in_messages_and_tracebacks() -> None:
    try:
        raise ConnectionError(f"cannot reach ftp://user:{FTP_SECRET}@127.0.0.1:1/x.jsonl")
    except ConnectionError:
        record = MaskedLogRecord(
            "scrapy.extensions.feedexport",
            logging.ERROR,
            __file__,
            1,
            "Error storing %s",
            (f"feed in: ftp://user:{FTP_SECRET}@127.0.0.1:1/x.jsonl",),
            sys.exc_info(),
        )
    line = logging.Formatter("%(message)s").format(record)
    assert FTP_SECRET not in line
    assert line.startswith("Error storing feed in: ftp://user:***@127.0.0.1:1/x.jsonl\n")
    assert line.endswith("ConnectionError: cannot reach ftp://user:***@127.0.0.1:1/x.jsonl")


def test_feed_and_auth_credentials_stay_out_of_logs_and_reports(
    tmp_path: Path, replica: ReplicaServer
) -> None:
    """The FTP feed fails to store (nothing listens on port 1), so Scrapy logs its URI; Scrapy also logs
    every overridden built-in setting, HTTPAUTH_PASS among them. Both lines must be there, masked."""
    feeds = {
        **project_settings.FEEDS,
        f"ftp://user:{FTP_SECRET}@127.0.0.1:1/x.jsonl": {"format": "jsonlines"},
    }
    settings = {
        "FEEDS": json.dumps(feeds),
        "HTTPAUTH_USER": "crawler",
        "HTTPAUTH_PASS": AUTH_SECRET,
        "HTTPAUTH_DOMAIN": "127.0.0.1",
    }
    run = run_crawl(tmp_path, replica.base_url, "-a", "max_pages=1", settings=settings)

    assert run.stats["finish_reason"] == "finished" and run.items
    assert "Error storing jsonlines feed" in run.log
    assert "in: ftp://user:***@127.0.0.1:1/x.jsonl" in run.log
    assert "'HTTPAUTH_PASS': '***'" in run.log
    assert [feed["uri"] for feed in run.report["exported"]["not_stored"]] == [
        "ftp://user:***@127.0.0.1:1/x.jsonl"
    ]
    for secret in (FTP_SECRET, AUTH_SECRET):
        assert [where for where, text in _written(tmp_path, run.log).items() if secret in text] == [], secret


def test_proxy_credentials_from_the_environment_stay_out_of_logs_and_reports(tmp_path: Path) -> None:
    with ReplicaServer(fault_config({})) as server:
        env = {
            **crawl_env(),
            "http_proxy": f"http://crawler:{PROXY_SECRET}@{server.base_url.removeprefix('http://')}",
            "no_proxy": "",
            "NO_PROXY": "",
        }
        command = crawl_command(server.base_url, "-a", "max_pages=1", settings={"HTTPPROXY_ENABLED": "1"})
        proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    used = base64.b64encode(f"crawler:{PROXY_SECRET}".encode()).decode()
    assert server.proxied and set(server.proxied) == {f"Basic {used}"}, "the crawl went through the proxy"
    report = json.loads(next((tmp_path / "output" / "runs").glob("*.json")).read_text(encoding="utf-8"))
    assert report["stats"]["finish_reason"] == "finished"
    for secret in (PROXY_SECRET, used):
        leaks = _written(tmp_path, proc.stdout + proc.stderr)
        assert [where for where, text in leaks.items() if secret in text] == [], secret


def test_credentials_in_scrapy_settings_stay_out_of_logs(tmp_path: Path, replica: ReplicaServer) -> None:
    """Scrapy logs every overridden built-in setting verbatim ("Overridden settings: {...}")."""
    settings = {"AWS_SECRET_ACCESS_KEY": "AwsS3cretKey", "AWS_ACCESS_KEY_ID": "AKIAFRIENDSHIP"}
    run = run_crawl(tmp_path, replica.base_url, "-a", "max_pages=1", settings=settings)
    assert run.stats["finish_reason"] == "finished"
    assert "'AWS_SECRET_ACCESS_KEY': '***'" in run.log
    assert "AwsS3cretKey" not in run.log
    assert "AwsS3cretKey" not in json.dumps(run.report)


def _written(workdir: Path, log: str) -> dict[str, str]:
    """The crawl's log and every file it wrote under output/ (run report, feeds, archive), by name."""
    files = {
        str(p): p.read_bytes().decode("utf-8", "replace")
        for p in (workdir / "output").rglob("*")
        if p.is_file()
    }
    return {"log": log, **files}
