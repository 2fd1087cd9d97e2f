"""The replica's settings: which corpus to serve, where, and which faults to inject."""

from __future__ import annotations

from dataclasses import dataclass, field

from friendship_crawler.replica.corpus import check_articles
from friendship_crawler.replica.faults import FAULT_MODES
from friendship_crawler.replica.stories import DEFAULT_GENERATIONS, served_generations


@dataclass(frozen=True)
class ReplicaConfig:
    """Everything a replica server is built from; invalid values raise `ValueError` at once."""

    seed: int = 2026
    articles: int = 240
    """Distinct stories before any `advance` (10_000 for load tests)."""
    generations: tuple[str, ...] = DEFAULT_GENERATIONS
    """Article template generations served (`stories.GENERATIONS`, all by default); v2019 and v2021 always.
    With "v2024", stories from 2024 on are v2024 pages and `corpus.LISTING_2024` lists in the 2024 markup."""
    host: str = "127.0.0.1"
    port: int = 0
    """0 picks a free port."""
    aliases: bool = True
    """Also listen on 127.0.0.2 (the stand-in for `tacnghiep.`); `localhost` needs no socket of its own."""
    faults: dict[str, float] = field(default_factory=dict)
    """Fault mode name -> share of the pages it may hit that it selects (0..1); see `faults.FAULT_MODES`."""
    fault_seed: int = 0
    fault_slow_seconds: float = 3.0
    """How long the `slow` mode stalls: more than the crawl's DOWNLOAD_TIMEOUT."""
    fault_oversize_bytes: int = 9 * 1024 * 1024
    """How large the `oversized` mode makes a page: more than the crawl's DOWNLOAD_MAXSIZE."""

    def __post_init__(self) -> None:
        check_articles(self.articles)
        served_generations(self.generations)
        if not 0 <= self.port <= 65535:
            raise ValueError(f"port must be 0..65535 (got {self.port})")
        for mode, probability in self.faults.items():
            if mode not in FAULT_MODES:
                raise ValueError(f"unknown fault mode {mode!r}; known modes: {', '.join(FAULT_MODES)}")
            if not 0.0 <= probability <= 1.0:
                raise ValueError(f"fault {mode!r} probability must be within 0..1 (got {probability})")
        if self.fault_slow_seconds < 0 or self.fault_oversize_bytes < 0:
            raise ValueError("fault_slow_seconds and fault_oversize_bytes must not be negative")
