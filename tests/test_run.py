"""`Run`: one id and one stem for every file a crawl leaves, under the project's directories."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from scrapy import Spider
from scrapy.utils.test import get_crawler

from friendship_crawler.run import DUPLICATES_FILE, RUN_FILE, Run, duplicates_file_of, new_run_id


def test_every_file_of_a_run_shares_its_stem(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={
        "FRIENDSHIP_OUTPUT_DIR": str(tmp_path / "out"),
        "FRIENDSHIP_MONITOR_REPORTS_DIR": str(tmp_path / "out" / "runs"),
        "FRIENDSHIP_ARCHIVE_DIR": str(tmp_path / "warc"),
    })  # fmt: skip
    run = Run.at(crawler.settings, "friendship", "20261203T080000Z")
    assert run.feed_file == tmp_path / "out" / "friendship-20261203T080000Z.jsonl"
    assert run.duplicates_file == duplicates_file_of(run.feed_file)
    assert run.duplicates_file.name == "friendship-20261203T080000Z.duplicates.jsonl"
    assert run.report_file == tmp_path / "out" / "runs" / "friendship-20261203T080000Z.json"
    assert run.log_file.with_suffix(".json") == run.report_file
    assert run.archive_file == tmp_path / "warc" / "friendship-20261203T080000Z.warc.gz"
    assert RUN_FILE.match(run.feed_file.name) and DUPLICATES_FILE.match(run.duplicates_file.name)
    assert not RUN_FILE.match(run.duplicates_file.name)


def test_run_ids_are_utc_seconds() -> None:
    assert new_run_id(datetime(2026, 12, 3, 8, 5, 9, tzinfo=UTC)) == "20261203T080509Z"
    assert RUN_FILE.match(f"friendship-{new_run_id()}.jsonl")


def test_a_spider_without_a_run_id_gets_one_that_every_component_shares() -> None:
    crawler = get_crawler(Spider)
    spider = Spider.from_crawler(crawler, "other")
    first = Run.of(crawler, spider)
    assert Run.of(crawler, spider).run_id == first.run_id == spider.run_id  # type: ignore[attr-defined]
    assert first.spider == "other"
