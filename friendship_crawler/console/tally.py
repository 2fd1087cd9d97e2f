"""The counts a person follows during and after a crawl, read from the crawl's stats."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from friendship_crawler.dedup.rule import REASONS


@dataclass(frozen=True)
class Progress:
    """Pages fetched and what became of the articles, at one moment of a crawl."""

    pages: int = 0
    new: int = 0
    updated: int = 0
    duplicates: int = 0
    unchanged: int = 0
    not_articles: int = 0
    invalid: int = 0

    @classmethod
    def of(cls, stats: Mapping[str, Any]) -> Progress:
        def count(name: str) -> int:
            return int(stats.get(name, 0) or 0)

        return cls(
            pages=count("response_received_count"),
            new=count("friendship/dedup/exported"),
            updated=count("friendship/dedup/updated"),
            duplicates=sum(count(f"friendship/dedup/{reason}") for reason in REASONS),
            unchanged=count("friendship/dedup/unchanged"),
            not_articles=sum(
                int(value or 0) for name, value in stats.items() if name.startswith("friendship/drop/")
            ),
            invalid=count("friendship/dedup/invalid"),
        )
