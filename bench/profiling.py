"""Where our extraction + cleaning spends its time, so a missed speed target names its hot spot.

pyinstrument samples one pass of our system over the benchmark pages; the result lists the functions
with the most time of their own, and the project's functions with the most time including callees.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bench.pages import Page
from bench.quality import run_system
from bench.systems import System

PROJECT_PACKAGE = "friendship_crawler"
SAMPLING_INTERVAL = 0.0002


@dataclass(frozen=True)
class HotSpot:
    """A function and its share of the profiled time."""

    where: str
    """`path/to/file.py:function`."""
    share: float


@dataclass(frozen=True)
class Profile:
    own_time: list[HotSpot]
    """Functions by time spent in their own code."""
    project_inclusive: list[HotSpot]
    """The project's functions by time spent in them and their callees."""
    seconds: float


def profile_system(system: System, pages: Sequence[Page], top: int = 8) -> Profile | None:
    """Profile one pass of `system` over `pages`; None when pyinstrument is not installed."""
    try:
        pyinstrument = importlib.import_module("pyinstrument")
    except ImportError:
        return None
    profiler = pyinstrument.Profiler(interval=SAMPLING_INTERVAL)
    profiler.start()
    for page in pages:
        run_system(system, page)
    profiler.stop()
    root = profiler.last_session.root_frame()
    if root is None or not root.time:
        return None
    own: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    _walk(root, own, inclusive, frozenset())
    total = root.time
    return Profile(
        own_time=[HotSpot(where, seconds / total) for where, seconds in own.most_common(top)],
        project_inclusive=[HotSpot(where, seconds / total) for where, seconds in inclusive.most_common(top)],
        seconds=total,
    )


def _where(frame: Any) -> str:
    path = (frame.file_path or "").replace("\\", "/")
    marker = f"/{PROJECT_PACKAGE}/"
    short = path[path.rindex(marker) + 1 :] if marker in path else frame.file_path_short or "?"
    return f"{short}:{frame.function}"


def _walk(frame: Any, own: Counter[str], inclusive: Counter[str], on_stack: frozenset[str]) -> None:
    """Own time per function (minus real children); project functions' time with callees, once per stack."""
    real_children = [child for child in frame.children if not child.is_synthetic]
    where = _where(frame)
    if not frame.is_synthetic:
        own[where] += frame.time - sum(child.time for child in real_children)
        if PROJECT_PACKAGE in (frame.file_path or "") and where not in on_stack:
            inclusive[where] += frame.time
            on_stack = on_stack | {where}
    for child in real_children:
        _walk(child, own, inclusive, on_stack)
