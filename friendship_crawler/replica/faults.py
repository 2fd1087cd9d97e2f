"""Fault injection: the modes a `ReplicaConfig.faults` entry may name, and what each one answers.

A mode is a function from the request about to be served to the response served instead. Later modes
(429 with Retry-After, resets, slow or truncated bodies, charset errors, redirect loops, pagination
traps) are added here as functions; the server consults them in one place (`ReplicaServer._maybe_fault`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from friendship_crawler.replica.site import PathKind, Response


@dataclass(frozen=True)
class FaultRequest:
    """What a fault mode knows of the request it replaces."""

    path: str
    kind: PathKind
    host: str


def http_503(request: FaultRequest) -> Response:
    """Cloudflare-style "service unavailable", asking the client to come back in a second."""
    body = b"<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>"
    return Response(503, body, headers=(("Retry-After", "1"),))


FaultMode = Callable[[FaultRequest], Response]
FAULT_MODES: dict[str, FaultMode] = {"http_503": http_503}
