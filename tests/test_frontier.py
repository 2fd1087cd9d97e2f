"""The frontier: a corrupt file is named with the way out, before and when a crawl opens it."""

from __future__ import annotations

from pathlib import Path

import pytest

from friendship_crawler.dedup.state import StateError
from friendship_crawler.frontier import FRONTIER_FILE, PENDING_RUNS, Frontier, check_frontier


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


def test_a_page_no_run_could_read_is_asked_for_again_then_given_up_and_named_once(tmp_path: Path) -> None:
    url = "https://thoidai.com.vn/bai-viet-212345.html"
    asked = []
    for _ in range(PENDING_RUNS + 2):
        frontier = Frontier(tmp_path)
        asked.append((list(frontier.retry), list(frontier.given_up), frontier.knows(212345)))
        if not frontier.knows(212345):
            frontier.requested(url, 212345, "huu-nghi")
        frontier.close()
    assert asked[0] == ([], [], False)
    assert asked[1] == asked[2] == ([(url, "huu-nghi")], [], False)
    assert asked[PENDING_RUNS] == ([], [url], True), "given up after that many runs, named"
    assert asked[PENDING_RUNS + 1] == ([], [], True), "named once"


def test_a_page_read_since_it_was_requested_is_asked_for_no_more(tmp_path: Path) -> None:
    frontier = Frontier(tmp_path)
    frontier.requested("https://thoidai.com.vn/video-212346.html", 212346, "huu-nghi")
    frontier.remember(212346, "video")
    frontier.close()
    assert Frontier(tmp_path).retry == []


def test_a_listing_a_run_began_and_left_unfinished_is_not_walked(tmp_path: Path) -> None:
    frontier = Frontier(tmp_path)
    frontier.mark_walked({"huu-nghi", "bon-phuong-ket-ban"})
    frontier.close()
    frontier = Frontier(tmp_path)
    frontier.begin_walk("huu-nghi")
    assert frontier.walked("huu-nghi"), "this run decides by what the runs before it left"
    frontier.close()  # killed before the walk ended: nothing marks it
    reopened = Frontier(tmp_path)
    assert not reopened.walked("huu-nghi") and reopened.walked("bon-phuong-ket-ban")


def test_a_page_read_and_left_outside_the_date_window_is_owed_to_no_later_run(tmp_path: Path) -> None:
    frontier = Frontier(tmp_path)
    frontier.requested("https://thoidai.com.vn/bai-cu-194335.html", 194335, "huu-nghi")
    frontier.settle("https://thoidai.com.vn/bai-cu-194335.html")
    frontier.close()
    reopened = Frontier(tmp_path)
    assert reopened.retry == [] and not reopened.knows(194335), "a run without the window fetches it"
