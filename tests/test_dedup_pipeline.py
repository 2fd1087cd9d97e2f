"""`DedupPipeline` through `get_crawler` and the real engine: items in, feeds, report, stats and state out."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import scrapy
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from friendship_crawler.dedup.feeds import exported_feeds
from friendship_crawler.dedup.pipeline import DedupPipeline
from friendship_crawler.dedup.report import DuplicatesReport, Merge, read_report
from friendship_crawler.dedup.state import STATE_FILE, DedupState, StateError
from friendship_crawler.items import Article
from friendship_crawler.replica.vocab import PROVINCES, sentences

PIPELINE = "friendship_crawler.dedup.pipeline.DedupPipeline"
NO_DOWNLOADS = {scheme: None for scheme in ("http", "https", "ftp", "s3", "file", "data")}
"""Items come from `start()`: no download handler is needed, and none is left open."""


class ItemsSpider(scrapy.Spider):
    """Yields the given items from `start()`: the pipeline sees them as it would a crawl's."""

    name = "friendship"
    items: list[Article]
    run_id: str

    async def start(self) -> AsyncIterator[Any]:
        for item in self.items:
            yield item


@dataclass
class Run:
    stats: dict[str, Any]
    exported: list[dict[str, Any]]
    report: list[dict[str, Any]] = field(default_factory=list)


def story(aid: int, *, province: str | None = None, extra: str = "") -> Article:
    """A distinct article: its own province and sentences (picked by id), long enough to shingle."""
    pool = sentences()
    place = province or PROVINCES[aid % len(PROVINCES)]
    picked = [pool[(aid * 7 + k * 13) % len(pool)] for k in range(6)]
    title = f"Liên hiệp hữu nghị tỉnh {place} gặp mặt bạn bè quốc tế lần thứ {aid % 97}"
    text = "\n".join([title, f"Ngày {aid % 28 + 1}/5, tại {place}, buổi gặp mặt đã diễn ra.", *picked, extra])
    return Article(
        url=f"https://thoidai.com.vn/bai-{aid}.html", article_id=aid, title=title, text=text.strip()
    )


def copy_of(item: Article, aid: int, *, edit: bool = False) -> Article:
    text = item.text + ("\n(Theo TTXVN)" if edit else "")
    return Article(
        url=f"https://thoidai.com.vn/ban-sao-{aid}.html", article_id=aid, title=item.title, text=text
    )


def crawl(workdir: Path, items: list[Article], run_id: str, **settings: Any) -> Run:
    """One run of the pipeline over `items`, with the project's feed layout under `workdir`."""
    output = workdir / "output"
    crawler = get_crawler(
        ItemsSpider,
        {
            "ITEM_PIPELINES": {PIPELINE: 300},
            "FEEDS": {
                str(output / "%(name)s-%(run_id)s.jsonl"): {"format": "jsonlines", "encoding": "utf-8"}
            },
            "FRIENDSHIP_STATE_DIR": str(workdir / "state"),
            "LOG_LEVEL": "INFO",
            "DOWNLOAD_HANDLERS": NO_DOWNLOADS,
            **settings,
        },
    )
    asyncio.run(crawler.crawl_async(items=items, run_id=run_id))
    feed = output / f"friendship-{run_id}.jsonl"
    report = output / f"friendship-{run_id}.duplicates.jsonl"
    return Run(crawler.stats.get_stats(), read_lines(feed), read_lines(report))


def read_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_within_one_run_each_kind_of_duplicate_is_dropped_reported_and_counted(tmp_path: Path) -> None:
    a, b = story(120001), story(120002)
    items = [
        a,
        b,
        story(120001),
        copy_of(a, 757920),
        copy_of(b, 130000, edit=True),
        Article(
            url="https://thoidai.com.vn/ten-moi-120002.html", article_id=120002, title=b.title, text=b.text
        ),
    ]
    run = crawl(tmp_path, items, "20261101T080000Z")
    assert [r["article_id"] for r in run.exported] == [120001, 120002]
    assert all(r["version"] == 1 for r in run.exported)
    stats = run.stats
    assert (
        stats["friendship/dedup/unchanged"],
        stats["friendship/dedup/exact"],
        stats["friendship/dedup/near"],
        stats["friendship/dedup/id"],
    ) == (1, 1, 1, 1)
    assert "friendship/dedup/url" not in stats
    assert all(r["dropped_url"] != r["kept_url"] for r in run.report)
    assert stats["friendship/dedup/confirmed"] == 2
    by_dropped = {r["dropped_url"]: r for r in run.report}
    assert by_dropped["https://thoidai.com.vn/ban-sao-757920.html"]["reason"] == "exact"
    near = by_dropped["https://thoidai.com.vn/ban-sao-130000.html"]
    assert near["reason"] == "near" and near["kept_id"] == 120002 and 0.4 <= near["similarity"] < 1


def congress_report(aid: int, province: str, chair: str, members: int, projects: int) -> Article:
    """A provincial congress report: shared skeleton and filler, its own province, people and figures."""
    filler = [sentences()[k] for k in (3, 17, 29, 41)]
    title = (
        f"Liên hiệp các tổ chức hữu nghị tỉnh {province}: Đại hội đại biểu lần thứ III, nhiệm kỳ 2022-2027"
    )
    lines = [
        title,
        f"Ngày {members % 28 + 1}/6, Liên hiệp các tổ chức hữu nghị tỉnh {province} tổ chức Đại hội đại biểu.",
        f"Đại hội đã bầu Ban Chấp hành Liên hiệp hữu nghị tỉnh {province} gồm {members} ủy viên. Ông {chair} "
        "được bầu giữ chức Chủ tịch.",
        *filler,
        f"Trong 5 năm qua, tỉnh {province} đã có {projects} dự án của các tổ chức phi chính phủ nước ngoài.",
    ]
    return Article(
        url=f"https://thoidai.com.vn/dai-hoi-{aid}.html", article_id=aid, title=title, text="\n".join(lines)
    )


def test_congress_reports_of_other_provinces_are_all_exported(tmp_path: Path) -> None:
    reports = [
        congress_report(50001, "Bắc Giang", "Nguyễn Văn Thắng", 31, 45),
        congress_report(50002, "Vĩnh Phúc", "Trần Thị Lan", 27, 18),
        congress_report(50003, "Cà Mau", "Lê Minh Hùng", 35, 62),
    ]
    run = crawl(tmp_path, reports, "20261101T080000Z")
    assert len(run.exported) == 3, run.report


def test_a_later_run_exports_nothing_it_exported_before(tmp_path: Path) -> None:
    items = [story(n) for n in range(60001, 60011)]
    first = crawl(tmp_path, items, "20261101T080000Z")
    second = crawl(tmp_path, list(reversed(items)), "20261108T080000Z")
    assert len(first.exported) == 10
    assert second.exported == []
    assert second.stats["friendship/dedup/unchanged"] == 10
    assert second.report == []


def test_changed_text_is_exported_again_as_a_new_version(tmp_path: Path) -> None:
    crawl(tmp_path, [story(70001), story(70002)], "20261101T080000Z")
    edited = story(70002, extra="Buổi gặp mặt khép lại trong không khí thân tình.")
    second = crawl(tmp_path, [story(70001), edited, story(70003)], "20261108T080000Z")
    assert [(r["article_id"], r["version"]) for r in second.exported] == [(70002, 2), (70003, 1)]
    assert second.stats["friendship/dedup/updated"] == 1
    third = crawl(tmp_path, [edited], "20261115T080000Z")
    assert third.exported == []


def test_the_first_exported_copy_is_kept_and_later_copies_are_reported_as_aliases(tmp_path: Path) -> None:
    """The run file holds each article once: a later copy, even with an earlier id, is only reported."""
    original = story(80001)
    run = crawl(tmp_path, [copy_of(original, 99999), original, copy_of(original, 99998)], "20261101T080000Z")
    assert [r["article_id"] for r in run.exported] == [99999]
    assert [(r["kept_id"], r["dropped_id"]) for r in run.report] == [(99999, 80001), (99999, 99998)]
    assert {(r["kept_url"], r["dropped_url"]) for r in run.report} == {
        ("https://thoidai.com.vn/ban-sao-99999.html", original.url),
        ("https://thoidai.com.vn/ban-sao-99999.html", "https://thoidai.com.vn/ban-sao-99998.html"),
    }
    later = crawl(tmp_path, [original], "20261108T080000Z")
    assert later.exported == [] and later.report[0]["kept_id"] == 99999


def test_a_known_article_fetched_again_unchanged_is_counted_not_reported(tmp_path: Path) -> None:
    items = [story(n) for n in range(81001, 81004)]
    crawl(tmp_path, items, "20261101T080000Z")
    again = crawl(tmp_path, [*items, copy_of(items[0], 81999)], "20261108T080000Z")
    assert again.exported == []
    assert again.stats["friendship/dedup/unchanged"] == 3
    assert [(r["kept_id"], r["dropped_id"]) for r in again.report] == [(81001, 81999)]


def test_records_without_identity_are_dropped_and_counted(tmp_path: Path) -> None:
    run = crawl(tmp_path, [{"title": "x", "text": "y"}], "20261101T080000Z")  # type: ignore[list-item]
    assert run.exported == [] and run.stats["friendship/dedup/invalid"] == 1


def test_disabled_pipeline_is_not_configured() -> None:
    crawler = get_crawler(ItemsSpider, {"FRIENDSHIP_DEDUP_ENABLED": False, "DOWNLOAD_HANDLERS": NO_DOWNLOADS})
    with pytest.raises(NotConfigured):
        DedupPipeline.from_crawler(crawler)


def test_a_killed_run_is_settled_from_its_feed_by_the_next_run(tmp_path: Path) -> None:
    """Pending exports that reached the feed are kept; the cut-off one and the missing one come again."""
    items = [story(n) for n in range(90001, 90005)]
    state_dir, output = tmp_path / "state", tmp_path / "output"
    output.mkdir()
    killed = output / "friendship-20261101T080000Z.jsonl"
    state = DedupState.open(state_dir)
    state.begin_run("20261101T080000Z")
    state.add_feeds("20261101T080000Z", [killed])
    from friendship_crawler.dedup.minhash import ShingleConfig
    from friendship_crawler.dedup.rule import Fingerprint

    for item in items:
        state.record_export("20261101T080000Z", Fingerprint.of(item, ShingleConfig()))
    state.close()
    lines = [json.dumps({"url": i.url, "article_id": i.article_id, "version": 1}) for i in items[:3]]
    killed.write_text(lines[0] + "\n" + lines[1] + "\n" + lines[2][:25], encoding="utf-8")

    run = crawl(tmp_path, items, "20261108T080000Z")
    assert [r["article_id"] for r in run.exported] == [90003, 90004]
    assert run.stats["friendship/dedup/settled/confirmed"] == 2
    assert run.stats["friendship/dedup/settled/released"] == 2
    assert killed.read_text(encoding="utf-8").count("\n") == 2 and killed.read_text(
        encoding="utf-8"
    ).endswith("\n")


def test_missing_state_with_earlier_feeds_refuses_with_the_way_out(tmp_path: Path) -> None:
    crawl(tmp_path, [story(91001)], "20261101T080000Z")
    (tmp_path / "state" / STATE_FILE).unlink()
    with pytest.raises(StateError, match="rebuild_state"):
        DedupState.open(
            tmp_path / "state", exported_before=[tmp_path / "output" / "friendship-20261101T080000Z.jsonl"]
        )
    with pytest.raises(StateError, match="missing"):
        crawl(tmp_path, [story(91001)], "20261108T080000Z")
    assert not (tmp_path / "output" / "friendship-20261108T080000Z.jsonl").exists()
    assert not (tmp_path / "state" / STATE_FILE).exists()


def test_corrupt_state_refuses_with_the_way_out(tmp_path: Path) -> None:
    crawl(tmp_path, [story(92001)], "20261101T080000Z")
    (tmp_path / "state" / STATE_FILE).write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(StateError, match="corrupt|cannot be used"):
        DedupState.open(tmp_path / "state")


def test_a_jsonl_file_the_project_did_not_write_does_not_stop_the_crawl(tmp_path: Path) -> None:
    """A truth file or another dataset beside the feeds is no sign of a lost state; a run file is."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "truth.jsonl").write_text(
        json.dumps({"url": "https://thoidai.com.vn/a-1.html"}) + "\n", "utf-8"
    )
    run = crawl(tmp_path, [story(93001)], "20261101T080000Z")
    assert [r["article_id"] for r in run.exported] == [93001]


def test_a_feed_named_by_a_run_report_counts_as_an_earlier_export(tmp_path: Path) -> None:
    output, reports = tmp_path / "output", tmp_path / "output" / "runs"
    reports.mkdir(parents=True)
    chosen = output / "mine.jsonl"
    chosen.write_text(json.dumps({"url": "https://thoidai.com.vn/a-1.html", "article_id": 1}) + "\n", "utf-8")
    (output / "other.jsonl").write_text("{}\n", "utf-8")
    report = {"exported": {"feeds": [{"uri": chosen.as_uri(), "format": "jsonlines", "items": 1}]}}
    (reports / "friendship-20261101T080000Z.json").write_text(json.dumps(report), "utf-8")
    (reports / "broken.json").write_text("{", "utf-8")
    assert exported_feeds([output], reports) == [chosen]
    with pytest.raises(StateError, match="missing"):
        crawl(tmp_path, [story(94001)], "20261108T080000Z", FRIENDSHIP_MONITOR_REPORTS_DIR=str(reports))


def test_a_resumed_run_writes_each_merge_of_its_report_once(tmp_path: Path) -> None:
    """A run resumed from its JOBDIR may meet a dropped copy again; a kill may have cut the last line."""
    path = tmp_path / "friendship-20260101T000000Z.duplicates.jsonl"
    first, second = (
        Merge("https://x/a-101.html", 101, f"https://x/b-{i}.html", i, "near", 0.9) for i in (201, 202)
    )
    report = DuplicatesReport(path, "20260101T000000Z")
    report.write(first)
    report.close()
    with path.open("a", encoding="utf-8") as file:
        file.write('{"run_id": "20260101T000000Z", "kept_url"')  # cut short by a kill
    resumed = DuplicatesReport(path, "20260101T000000Z")
    resumed.write(first)
    resumed.write(second)
    resumed.write(second)
    resumed.close()
    assert [(entry["dropped_id"], entry["reason"]) for entry in read_report(path)] == [
        (201, "near"),
        (202, "near"),
    ]
    assert resumed.lines == 1
