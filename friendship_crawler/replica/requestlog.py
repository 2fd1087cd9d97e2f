"""The replica's request log: what was asked for, counted per kind of page, safe across server threads."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from friendship_crawler.replica.site import PATH_KINDS, PathKind


@dataclass(frozen=True)
class LoggedRequest:
    path: str
    kind: PathKind
    host: str
    status: int


class RequestLog:
    """Counts requests per path kind (listing, article, amp, robots, other) and keeps every path."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._requests: list[LoggedRequest] = []

    def record(self, request: LoggedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    @property
    def counts(self) -> Counter[str]:
        """Requests per kind; every kind is present, zero when never requested."""
        counts: Counter[str] = Counter(dict.fromkeys(PATH_KINDS, 0))
        counts.update(r.kind for r in self.requests)
        return counts

    def count(self, kind: PathKind) -> int:
        return self.counts[kind]

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()
