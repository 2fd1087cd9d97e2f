"""Shared fixtures: a running replica of the section (one per session) and a factory for private ones."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from friendship_crawler.replica import ReplicaConfig, ReplicaServer


@pytest.fixture(scope="session")
def replica() -> Iterator[ReplicaServer]:
    """The default replica (seed 2026, 240 stories) on a free port; do not advance it: use `replica_factory`."""
    server = ReplicaServer(ReplicaConfig()).start()
    yield server
    server.stop()


@pytest.fixture
def replica_factory() -> Iterator[Callable[..., ReplicaServer]]:
    """Start private replicas (`ReplicaConfig` keyword arguments) that a test may advance or break."""
    started: list[ReplicaServer] = []

    def start(**options: Any) -> ReplicaServer:
        server = ReplicaServer(ReplicaConfig(**options)).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
