"""`DedupPipeline`: each article exported once across runs, copies dropped, updates versioned.

The pipeline owns the state; what counts as "the same article" is `rule.same_article`. An export is
recorded as pending before the item can reach the feed, and confirmed once the feed is closed and
read back; a run killed before that is settled by the next run from its feeds (see `state`).

The first exported copy of an article is the one kept: a later copy (another host, id or a
republication) is dropped and written to the duplicates report with both URLs and ids, so the run
file is the dataset as it stands, each article once. A known article fetched again without a change
is counted as `unchanged`; it is no duplicate and is not reported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.extensions.feedexport import FeedExporter

from friendship_crawler.dedup import feeds
from friendship_crawler.dedup.minhash import ShingleConfig
from friendship_crawler.dedup.report import DuplicatesReport, Merge
from friendship_crawler.dedup.rule import (
    REASONS,
    Fingerprint,
    Match,
    NearRule,
    is_update,
    keep_order,
    same_article,
)
from friendship_crawler.dedup.state import DedupState, StateError, StoredExport, near_rule, state_config
from friendship_crawler.feed_slots import feed_exporter
from friendship_crawler.paths import project_path
from friendship_crawler.project_settings import friendship_setting
from friendship_crawler.run import RUN_FILE, Run, duplicates_file_of

logger = logging.getLogger(__name__)

STAT = "friendship/dedup"
QUIET_REASONS = frozenset({"url", "id"})
"""Aliases of known articles are the normal case of a periodic crawl: their drops are logged at DEBUG."""


@dataclass(frozen=True)
class Export:
    """Export the record as `version` (above 1 for an update of a known article)."""

    version: int
    update: bool = False


@dataclass(frozen=True)
class Drop:
    """Drop the record: it is `kept` again, unchanged (`unchanged`), or a copy of it."""

    kept: StoredExport
    match: Match
    unchanged: bool = False


def decide(
    fingerprint: Fingerprint,
    candidates: list[StoredExport],
    kept_of: dict[str, StoredExport],
    near: NearRule,
) -> Export | Drop:
    """What to do with a record, given the stored copies the state found and each one's kept copy.

    Whatever was exported first stays: a record matching it is an update of it (same identity, new
    content), the same article again (`unchanged`), or a copy to drop.
    """
    matches = [
        (m, c) for c in candidates if (m := same_article(fingerprint, c.fingerprint, near)) is not None
    ]
    if not matches:
        return Export(version=1)
    matches.sort(
        key=lambda mc: (REASONS.index(mc[0].reason), -mc[0].similarity, keep_order(mc[1].fingerprint))
    )
    match, known = matches[0]
    kept = kept_of[known.url]
    if match.reason in ("url", "id") and kept.url == known.url:
        if is_update(fingerprint, known.fingerprint):
            latest = max(c.fingerprint.version for m, c in matches if m.reason in ("url", "id"))
            return Export(version=latest + 1, update=True)
        same_identity = (kept.url, kept.fingerprint.article_id) == (fingerprint.url, fingerprint.article_id)
        return Drop(kept, match, unchanged=same_identity)
    return Drop(kept, match)


class DedupPipeline:
    """Drops copies of articles already exported (this run or earlier ones) and versions updated articles."""

    def __init__(
        self,
        crawler: Crawler,
        state_dir: Path,
        config: ShingleConfig,
        near: NearRule,
    ) -> None:
        self.crawler = crawler
        self.state_dir = state_dir
        self.config = config
        self.near = near
        self.state: DedupState | None = None
        self.report: DuplicatesReport | None = None
        self.run: Run | None = None
        self._exporter: FeedExporter | None = None
        self._feeds: set[Path] = set()
        self._warned_unchecked = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        settings = crawler.settings
        if not friendship_setting(settings, "FRIENDSHIP_DEDUP_ENABLED"):
            raise NotConfigured("FRIENDSHIP_DEDUP_ENABLED is off")
        pipeline = cls(
            crawler,
            state_dir=project_path(settings, "FRIENDSHIP_STATE_DIR"),
            config=state_config(settings),
            near=near_rule(settings),
        )
        crawler.signals.connect(pipeline.feeds_closed, signal=signals.feed_exporter_closed)
        return pipeline

    @property
    def run_id(self) -> str:
        """The id of the run this pipeline is open for."""
        assert self.run is not None, "the pipeline is not open"
        return self.run.run_id

    # Opening: settle earlier runs, then start this one.

    async def open_spider(self) -> None:
        self.run = Run.of(self.crawler)
        before = feeds.earlier_exports(self.crawler.settings)
        try:
            self.state = DedupState.open(self.state_dir, self.config, self.near, exported_before=before)
        except StateError as exc:
            logger.error("Dedup stage cannot start: %s", exc)
            raise
        for run_id, paths in self.state.unsettled_runs():
            written = feeds.written_versions(paths, trim=True)
            settled = self.state.settle_run(run_id, written)
            self._stat("settled/confirmed", settled.confirmed)
            self._stat("settled/released", settled.released)
            logger.warning(
                "Run %s ended without a clean close: %s exports found in its feeds were confirmed, %s that "
                "never reached them were released to be exported again",
                run_id,
                settled.confirmed,
                settled.released,
            )
        self.state.begin_run(self.run_id)
        self._exporter = feed_exporter(self.crawler)

    # Items

    def process_item(self, item: Any) -> Any:
        assert self.state is not None, "the pipeline is not open"
        try:
            fingerprint = Fingerprint.of(item, self.config)
        except (ValueError, TypeError) as exc:
            self._stat("invalid")
            raise DropItem(f"Cannot deduplicate this record: {exc}") from exc
        self._note_feeds()
        candidates = self.state.candidates(fingerprint)
        kept_of = {c.url: self._kept(c) for c in candidates}
        decision = decide(fingerprint, candidates, kept_of, self.near)
        if isinstance(decision, Drop):
            self._drop(fingerprint, decision)
        assert isinstance(decision, Export)
        exported = replace(fingerprint, version=decision.version)
        self.state.record_export(self.run_id, exported)
        ItemAdapter(item)["version"] = decision.version
        if decision.update:
            self._stat("updated")
            logger.info("Updated article %s exported as version %s", exported.url, exported.version)
        else:
            self._stat("exported")
        return item

    def _drop(self, fingerprint: Fingerprint, drop: Drop) -> None:
        kept = drop.kept
        if drop.unchanged:
            self._stat("unchanged")
            raise DropItem(f"Known article, unchanged: {fingerprint.url}", log_level="DEBUG")
        reason = drop.match.reason
        self._stat(reason)
        self._report(
            Merge(kept.url, kept.fingerprint.article_id, fingerprint.url, fingerprint.article_id,
                  reason, drop.match.similarity)
        )  # fmt: skip
        raise DropItem(
            f"Duplicate of {kept.url} ({reason}, similarity {drop.match.similarity:.2f}): {fingerprint.url}",
            log_level="DEBUG" if reason in QUIET_REASONS else "INFO",
        )

    def _kept(self, export: StoredExport) -> StoredExport:
        assert self.state is not None
        kept_url = self.state.kept_url(export.url)
        if kept_url == export.url:
            return export
        return self.state.latest(kept_url) or export

    def _note_feeds(self) -> None:
        """Record the feed files this run writes before an item can reach a new one."""
        if self._exporter is None:
            return
        assert self.state is not None
        paths = set(feeds.open_feed_paths(self._exporter))
        if paths - self._feeds:
            self.state.add_feeds(self.run_id, paths - self._feeds)
            self._feeds |= paths
        if not self._warned_unchecked and (unchecked := feeds.unchecked_feeds(self._exporter)):
            self._warned_unchecked = True
            logger.warning(
                "The dedup stage cannot read back these feeds after a crash (only local, uncompressed "
                "JSON Lines): %s",
                ", ".join(unchecked),
            )

    def _report(self, merge: Merge) -> None:
        if self.report is None:
            assert self.run is not None
            # beside the run file, never beside a feed typed on the command line: a file of that name
            # there may be the user's
            run_files = sorted(feed for feed in self._feeds if RUN_FILE.match(feed.name))
            path = duplicates_file_of(run_files[0]) if run_files else self.run.duplicates_file
            self.report = DuplicatesReport(path, self.run_id)
        self.report.write(merge)

    def _stat(self, name: str, count: int = 1) -> None:
        if count:
            self.crawler.stats.inc_value(f"{STAT}/{name}", count)

    # Closing: confirm this run against its feeds once they are closed.

    async def close_spider(self) -> None:
        if self._exporter is None:
            self._settle_and_close()

    def feeds_closed(self) -> None:
        """`feed_exporter_closed`: the feeds are complete on disk, so what they hold is exported for good."""
        self._settle_and_close()

    def _settle_and_close(self) -> None:
        if self.state is None:
            return
        paths = self.state.feeds_of(self.run_id)
        if paths:
            feeds.sync(paths)
            settled = self.state.settle_run(self.run_id, feeds.written_versions(paths))
            if settled.released:
                logger.warning(
                    "%s exports of run %s are missing from its feeds %s and were released",
                    settled.released,
                    self.run_id,
                    ", ".join(map(str, paths)),
                )
                self._stat("released", settled.released)
        else:
            settled = self.state.settle_run(self.run_id, None)
        self._stat("confirmed", settled.confirmed)
        self.state.close()
        self.state = None
        if self.report is not None:
            self.report.close()
            logger.info("Duplicates report: %s (%s merges)", self.report.path, self.report.lines)
