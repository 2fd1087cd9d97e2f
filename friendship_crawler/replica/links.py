"""Hosts, links and escaping that every page module of the replica shares."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from friendship_crawler.replica.stories import LinkVariant


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


@dataclass(frozen=True)
class Hosts:
    """The replica's base URL and the loopback names standing in for the site's other hosts."""

    canonical: str

    @property
    def www(self) -> str:
        return self._on("localhost")

    @property
    def newsroom(self) -> str:
        return self._on("127.0.0.2")

    def _on(self, host: str) -> str:
        parts = urlsplit(self.canonical)
        return f"{parts.scheme}://{host}:{parts.port}" if parts.port else f"{parts.scheme}://{host}"

    def link(self, path: str, variant: LinkVariant = "") -> str:
        if variant == "www":
            return f"{self.www}{path}"
        if variant == "tacnghiep":
            return f"{self.newsroom}{path}"
        if variant == "fbclid":
            return f"{self.canonical}{path}?fbclid=IwAR0{len(path) * 7919 % 100000:05d}xq"
        if variant == "utm":
            return f"{self.canonical}{path}?utm_source=facebook&utm_medium=social&utm_campaign=huunghi"
        return f"{self.canonical}{path}"


def thumb(path: str) -> str:
    return f"https://tacnghiep.thoidai.com.vn/stores/news_dataimages/thumb{path.replace('.html', '.jpg')}"


def picks(pool: Sequence[object], seed: int, count: int) -> list[int]:
    """Positions in `pool` chosen by a page's own number, so a page's rails never change between requests."""
    size = len(pool)
    return [(seed * 31 + n * 977) % size for n in range(min(count, size))]
