"""The frontier: a corrupt file is named with the way out, before and when a crawl opens it."""

from __future__ import annotations

from pathlib import Path

import pytest

from friendship_crawler.dedup.state import StateError
from friendship_crawler.frontier import FRONTIER_FILE, Frontier, check_frontier


def test_a_frontier_keeps_what_a_run_learnt(tmp_path: Path) -> None:
    check_frontier(tmp_path)
    frontier = Frontier(tmp_path)
    frontier.remember(7, "video")
    frontier.mark_walked({"huu-nghi"})
    frontier.close()
    check_frontier(tmp_path)
    reopened = Frontier(tmp_path)
    assert reopened.knows(7) and reopened.walked("huu-nghi")
    reopened.close()


def test_a_corrupt_frontier_names_the_way_out(tmp_path: Path) -> None:
    (tmp_path / FRONTIER_FILE).write_bytes(b"not a database at all" * 100)
    for attempt in (check_frontier, Frontier):
        with pytest.raises(StateError, match="frontier .* is corrupt") as refused:
            attempt(tmp_path)
        assert f"`scrapy rebuild_state --state-dir {tmp_path}`" in str(refused.value)
