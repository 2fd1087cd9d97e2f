import pytest

from friendship_crawler.hosts import HostPolicy

LIVE = HostPolicy("https://thoidai.com.vn")
REPLICA = HostPolicy("http://127.0.0.1:8123")


@pytest.mark.parametrize(
    "url",
    [
        "https://thoidai.com.vn/a-1234.html",
        "https://www.thoidai.com.vn/a-1234.html",
        "http://tacnghiep.thoidai.com.vn/a-1234.html",
    ],
)
def test_live_crawl_allows_the_site_hosts(url: str) -> None:
    assert LIVE.allows(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://vietnamtimes.thoidai.com.vn/a-1234.html",
        "https://huunghivietnga.thoidai.com.vn/detail-article-1234.html",
        "https://example.com/a-1234.html",
        "http://127.0.0.1/a-1234.html",
        "http://10.0.0.5/a-1234.html",
        "http://192.168.1.1/a-1234.html",
        "http://[::1]/a-1234.html",
        "http://localhost/a-1234.html",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://thoidai.com.vn/a-1234.html",
    ],
)
def test_live_crawl_refuses_everything_else(url: str) -> None:
    assert not LIVE.allows(url)


def test_replica_crawl_allows_loopback_aliases_on_its_port_only() -> None:
    assert REPLICA.targets_replica
    assert REPLICA.allows("http://127.0.0.1:8123/huu-nghi")
    assert REPLICA.allows("http://localhost:8123/a-1234.html")
    assert REPLICA.allows("http://127.0.0.2:8123/a-1234.html")
    assert not REPLICA.allows("http://127.0.0.1:9999/a-1234.html")
    assert not REPLICA.allows("https://thoidai.com.vn/a-1234.html")
    assert not REPLICA.allows("http://10.1.2.3:8123/a-1234.html")


def test_on_base_folds_other_hosts_onto_the_base() -> None:
    assert LIVE.on_base("https://www.thoidai.com.vn/huu-nghi&s_cond=&BRSR=16") == (
        "https://thoidai.com.vn/huu-nghi&s_cond=&BRSR=16"
    )
    assert REPLICA.on_base("http://localhost:8123/a-1.html") == "http://127.0.0.1:8123/a-1.html"
