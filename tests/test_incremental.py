"""Periodic runs against a replica that moves forward: each run fetches only what is new."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from friendship_crawler.replica import ReplicaConfig, ReplicaServer
from friendship_crawler.replica.listing_pages import not_found_page
from friendship_crawler.replica.site import SECTIONS, Response
from tests.crawling import run_crawl, stories


def test_each_run_fetches_only_what_is_new(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    replica = replica_factory(articles=60)
    first = run_crawl(tmp_path, replica.base_url)
    assert first.returncode == 0, first.log[-3000:]
    assert set(stories(first.items, replica.corpus)) >= {a.article_id for a in replica.corpus.truth()}

    replica.stats.reset()
    unchanged = run_crawl(tmp_path, replica.base_url)
    assert unchanged.returncode == 0, unchanged.log[-3000:]
    assert unchanged.items == []
    assert unchanged.feeds == [], "a run with nothing new leaves no empty run file"
    counts = replica.stats.counts
    assert counts["listing"] <= len(SECTIONS), replica.stats.paths
    assert article_paths(replica) == soft_404_paths(replica), "only a page that said it was missing, again"
    assert counts["amp"] == 0 and counts["robots"] <= 1
    missing = len(soft_404_paths(replica))
    assert unchanged.stats["friendship/incremental/retried_unread"] == missing  # no page-change alarm

    replica.stats.reset()
    added = replica.advance(1)
    edited = replica.corpus.edited_ids[-1]
    newer = run_crawl(tmp_path, replica.base_url)
    assert newer.returncode == 0, newer.log[-3000:]
    assert sorted(item["article_id"] for item in newer.items) == sorted(added)
    assert len(article_paths(replica) - soft_404_paths(replica)) == len(added)

    replica.stats.reset()
    archives = set((tmp_path / "output" / "archive").glob("*.warc.gz"))
    quiet = run_crawl(tmp_path, replica.base_url)
    assert quiet.returncode == 0, quiet.log[-3000:]
    assert article_paths(replica) == set(), "a page three runs found missing is no longer asked for"
    assert "1 article page gave no article in 3 runs" in quiet.log
    assert set((tmp_path / "output" / "archive").glob("*.warc.gz")) == archives, "no empty WARC"

    full = run_crawl(tmp_path, replica.base_url, "-a", "full=1")
    assert full.returncode == 0, full.log[-3000:]
    assert [(item["article_id"], item["version"]) for item in full.items] == [(edited, 2)]
    assert full.items[0]["text"] == replica.corpus.expected(edited).text


def test_recheck_days_refetches_recent_known_articles_and_exports_only_the_edit(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    replica = replica_factory(articles=60)
    assert run_crawl(tmp_path, replica.base_url).returncode == 0
    added = replica.advance(1)
    edited = replica.corpus.expected(replica.corpus.edited_ids[-1])
    assert edited.published_at
    days = (datetime.now(UTC).date() - date.fromisoformat(edited.published_at[:10])).days + 1
    window_start = datetime.now(UTC).date() - timedelta(days=days)
    known = [a for a in replica.corpus.truth() if a.article_id not in added]
    due = [a for a in known if a.published_at and date.fromisoformat(a.published_at[:10]) >= window_start]
    assert 0 < len(due) < len(known)

    replica.stats.reset()
    rechecked = run_crawl(tmp_path, replica.base_url, "-a", f"recheck_days={days}")
    assert rechecked.returncode == 0, rechecked.log[-3000:]
    got = sorted((item["article_id"], item["version"]) for item in rechecked.items)
    assert got == sorted([*((aid, 1) for aid in added), (edited.article_id, 2)])
    assert rechecked.stats["friendship/incremental/recheck"] >= len(due)
    assert replica.stats.count("article") >= len(added) + len(due)

    replica.stats.reset()
    quiet = run_crawl(tmp_path, replica.base_url, "-a", "recheck_days=1")
    assert quiet.returncode == 0 and quiet.items == []
    assert article_paths(replica) <= soft_404_paths(replica)


def article_paths(replica: ReplicaServer) -> set[str]:
    """The article pages the replica was asked for since its log was last reset."""
    return {request.path for request in replica.stats.requests if request.kind == "article"}


def soft_404_paths(replica: ReplicaServer) -> set[str]:
    """Listed article addresses that answer "not found" for good: a later run asks again, a few times."""
    return set(replica.corpus.planted()["soft_404"])


def test_a_run_that_stops_early_leaves_nothing_behind_for_the_next(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    """A run cut short (here by `max_pages=1`; an error, Ctrl-C or a kill alike) leaves articles on the
    listing pages it did not read: the next run reads those listings to their end, and gets every one."""
    replica = replica_factory(articles=60)
    assert run_crawl(tmp_path, replica.base_url).returncode == 0
    added = replica.advance(7)
    short = run_crawl(tmp_path, replica.base_url, "-a", "max_pages=1")
    assert short.returncode == 0, short.log[-3000:]
    missed = set(added) - {item["article_id"] for item in short.items}
    assert missed, "the new articles reach past the first listing page"
    after = run_crawl(tmp_path, replica.base_url)
    assert after.returncode == 0, after.log[-3000:]
    assert missed <= {item["article_id"] for item in after.items}


class OnceMissing(ReplicaServer):
    """A replica whose `missing` article pages answer with its "not found" page until `missing` is emptied:
    a page taken down for maintenance, then back."""

    missing: frozenset[str] = frozenset()

    def handle(self, raw_path: str, host: str) -> Response:
        if raw_path in self.missing and self.site is not None:
            return Response(200, not_found_page(self.site.hosts).encode(), "text/html; charset=utf-8")
        return super().handle(raw_path, host)


def owe_a_missing_page(replica: OnceMissing, workdir: Path) -> int:
    """Crawl the replica, add a day's stories, and crawl again while the first new one says it is missing:
    the id of the article that run owes to the next."""
    assert run_crawl(workdir, replica.base_url).returncode == 0
    added = replica.advance(1)[0]
    story = replica.corpus.stories[added]
    replica.missing = frozenset({f"/{story.slug}-{story.article_id}.html"})
    assert added not in {item["article_id"] for item in run_crawl(workdir, replica.base_url).items}
    return added


def test_an_article_that_said_it_was_missing_is_asked_for_again_by_the_next_run(tmp_path: Path) -> None:
    replica = OnceMissing(ReplicaConfig(articles=60)).start()
    try:
        added = owe_a_missing_page(replica, tmp_path)
        replica.missing = frozenset()
        back = run_crawl(tmp_path, replica.base_url)
        assert back.returncode == 0, back.log[-3000:]
        assert [item["article_id"] for item in back.items] == [added]
    finally:
        replica.stop()


def test_a_page_owed_to_the_next_run_is_asked_for_at_that_runs_address(tmp_path: Path) -> None:
    """The owed page is asked for where the site is now (here the same replica on another port, as each
    offline demo starts one; `www.` added to the live site's address alike), not refused as offsite."""
    before = OnceMissing(ReplicaConfig(articles=60)).start()
    try:
        added = owe_a_missing_page(before, tmp_path)
    finally:
        before.stop()
    moved = ReplicaServer(ReplicaConfig(articles=60)).start()
    try:
        assert added in moved.advance(1) and moved.base_url != before.base_url
        back = run_crawl(tmp_path, moved.base_url)
        assert back.returncode == 0, back.log[-3000:]
        assert added in {item["article_id"] for item in back.items}
        assert "friendship/links/offsite" not in back.stats and "outside the site's hosts" not in back.log
    finally:
        moved.stop()


def test_a_crawl_at_another_name_of_the_site_reads_every_listing_to_its_end(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    """The listings link their next pages on the site's own host (the replica's 127.0.0.1, the live site's
    thoidai.com.vn) while the crawl asks at another name of it (localhost, www.thoidai.com.vn)."""
    replica = replica_factory(articles=60)
    run = run_crawl(tmp_path, replica.base_url.replace("127.0.0.1", "localhost"))
    assert run.returncode == 0, run.log[-3000:]
    assert stories(run.items, replica.corpus) == {a.article_id: 1 for a in replica.corpus.truth()}
    assert "friendship/listing/stopped/offset_not_advancing" not in run.stats


def test_the_listing_pages_are_read_before_the_article_pages_they_list(
    replica_factory: Callable[..., ReplicaServer], tmp_path: Path
) -> None:
    """So the crawl knows early how much it has to fetch: its progress has a measure and an ETA."""
    replica = replica_factory(articles=240)
    run = run_crawl(
        tmp_path,
        replica.base_url,
        settings={"CONCURRENT_REQUESTS": "2", "CONCURRENT_REQUESTS_PER_DOMAIN": "2"},
    )
    assert run.returncode == 0, run.log[-3000:]
    kinds = [request.kind for request in replica.stats.requests if request.kind in {"listing", "article"}]
    last_listing = len(kinds) - 1 - kinds[::-1].index("listing")
    articles = kinds.count("article")
    assert articles >= 240 and kinds[:last_listing].count("article") < articles / 2, kinds[:last_listing]
