"""Which hosts a crawl may request, and how links on the site's other hosts fold onto the crawl's base.

The live site answers on three hosts with the same paths and ids; a local replica stands in for them with
other loopback names on the same port. Everything else (foreign-language subsites, IP literals, private or
loopback addresses while crawling the live site, `file:` and `javascript:` links) is refused.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from friendship_crawler.urls import SITE_HOSTS

_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_loopback_host(host: str) -> bool:
    """True for `localhost` and any 127.0.0.0/8 or ::1 literal."""
    ip = _ip(host)
    return host in _LOOPBACK_NAMES if ip is None else ip.is_loopback


def is_address_literal(host: str) -> bool:
    """True for IP literals and loopback names: the live site is never reached that way."""
    return _ip(host) is not None or host in _LOOPBACK_NAMES


@dataclass(frozen=True)
class HostPolicy:
    """The hosts one crawl may fetch, derived from its `base_url`."""

    base_url: str

    @property
    def base_host(self) -> str:
        return (urlsplit(self.base_url).hostname or "").lower()

    @property
    def base_port(self) -> int | None:
        return urlsplit(self.base_url).port

    @property
    def targets_replica(self) -> bool:
        """A loopback base URL means a local replica, whose loopback aliases stand in for the site's hosts."""
        return is_loopback_host(self.base_host)

    def allows(self, url: str) -> bool:
        """May this URL be requested? Only http(s) on the site's hosts (or the replica's aliases)."""
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"}:
            return False
        host = (parts.hostname or "").lower()
        if self.targets_replica:
            return is_loopback_host(host) and parts.port == self.base_port
        if is_address_literal(host):
            return False
        return host in SITE_HOSTS or host == self.base_host

    def on_base(self, url: str) -> str:
        """The same path and query on the crawl's base host (folds `www.`/`tacnghiep.` onto the base)."""
        base = urlsplit(self.base_url)
        parts = urlsplit(url)
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
