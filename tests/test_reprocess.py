"""Reprocessing: crawl the replica with the archive on, change a cleaning rule, rebuild offline, export."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from crawling import crawl_env, run_crawl

from friendship_crawler import read_article
from friendship_crawler.archive.rebuild import rebuild_records
from friendship_crawler.dedup.rebuild import record_feed
from friendship_crawler.dedup.state import DedupState
from friendship_crawler.extract import NotAnArticle
from friendship_crawler.frontier import Frontier
from friendship_crawler.items import Article
from friendship_crawler.replica import ReplicaConfig, ReplicaServer
from friendship_crawler.urls import article_id

ARCHIVE_ON = {"EXTENSIONS": json.dumps({"friendship_crawler.archive.extension.WarcArchive": 500})}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A working directory after one crawl of a small replica (first listing page of each section)."""
    workdir = tmp_path_factory.mktemp("reprocess")
    with ReplicaServer(ReplicaConfig(articles=40)).start() as server:
        run = run_crawl(workdir, server.base_url, "-a", "max_pages=1", settings=ARCHIVE_ON)
    assert run.returncode == 0 and run.items, run.log[-3000:]
    return workdir


@pytest.fixture
def network_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails loudly."""

    def refuse(self: socket.socket, address: object) -> None:
        raise AssertionError(f"reprocess tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


def scrapy(command: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", command, *args],
        cwd=cwd,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def exported(workdir: Path, dest: str) -> dict[int, dict]:
    done = scrapy("export", dest, cwd=workdir)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = (workdir / dest / "data.jsonl").read_text(encoding="utf-8").splitlines()
    return {record["article_id"]: record for record in map(json.loads, lines)}


def test_every_fetched_article_page_is_archived(crawled: Path) -> None:
    (archive,) = (crawled / "output" / "archive").glob("friendship-*.warc.gz")
    (run_file,) = (crawled / "output").glob("friendship-*Z.jsonl")
    assert archive.name.removesuffix(".warc.gz") == run_file.name.removesuffix(".jsonl")


@pytest.fixture
def workdir(crawled: Path, tmp_path: Path) -> Path:
    """A private copy of the crawled directory, for a test that writes run files into it."""
    return Path(shutil.copytree(crawled, tmp_path / "work"))


def test_a_changed_cleaning_rule_reaches_the_dataset_without_fetching(
    workdir: Path, network_off: None
) -> None:
    before = exported(workdir, "before")
    (duplicates_report,) = (workdir / "output").glob("friendship-*.duplicates.jsonl")
    dropped = len(duplicates_report.read_text(encoding="utf-8").splitlines())

    def read_with_new_rule(page: bytes, url: str) -> Article:
        article = read_article(page, url)
        return replace(article, text="\n".join(line.upper() for line in article.text.splitlines()))

    report = rebuild_records(
        workdir / "output" / "archive", workdir / "output", read_with_new_rule, run_id="20991231T000000Z"
    )
    assert report.written == len(before) and report.unchanged == 0
    assert report.duplicates == dropped > 0
    after = exported(workdir, "after")
    assert after.keys() == before.keys()
    for aid, record in after.items():
        assert record["text"] == before[aid]["text"].upper(), aid
        assert record["version"] == before[aid]["version"] + 1
        assert record["title"] == before[aid]["title"]
    again = rebuild_records(
        workdir / "output" / "archive", workdir / "output", read_with_new_rule, run_id="20991231T000001Z"
    )
    assert again.written == 0 and again.path is None


def test_an_archive_older_than_the_exported_record_does_not_roll_it_back(
    workdir: Path, network_off: None
) -> None:
    """A later crawl exported a newer version of an article, and its archive is not among those read: the
    older capture is left out, and the newer record stays the article's. A record stamped a minute or two
    after its capture (a busy crawl reads a page a while after it arrived) comes from that very fetch."""
    (run_file,) = (workdir / "output").glob("friendship-*Z.jsonl")
    records = [json.loads(line) for line in run_file.read_text(encoding="utf-8").splitlines()]
    for later_read in records:
        later_read["crawled_at"] = (
            datetime.fromisoformat(later_read["crawled_at"]) + timedelta(seconds=150)
        ).isoformat()
    run_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    record = records[0]
    edited = {**record, "text": "Bài đã sửa.", "version": record["version"] + 1}
    edited["crawled_at"] = "2099-01-01T00:00:00+00:00"
    later = workdir / "output" / "friendship-20990101T000000Z.jsonl"
    later.write_text(json.dumps(edited, ensure_ascii=False) + "\n", encoding="utf-8")
    report = rebuild_records(
        workdir / "output" / "archive",
        workdir / "output",
        lambda page, url: replace(read_article(page, url), text="Quy tắc mới."),
        run_id="20991231T000000Z",
    )
    assert report.superseded == 1 and report.written == len(exported(workdir, "before")) - 1
    after = exported(workdir, "after")
    assert (after[record["article_id"]]["text"], after[record["article_id"]]["version"]) == (
        "Bài đã sửa.",
        edited["version"],
    )
    assert {r["text"] for aid, r in after.items() if aid != record["article_id"]} == {"Quy tắc mới."}


def test_reprocess_command_with_todays_rules_matches_the_crawl(crawled: Path) -> None:
    done = scrapy("reprocess", "--output", "output", cwd=crawled)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Nothing changed: no run file written" in done.stderr.splitlines(), done.stderr[-3000:]


def test_reprocess_into_another_directory_still_knows_what_the_runs_hold_and_dropped(crawled: Path) -> None:
    """A new `--output` directory holds no run files: what the runs exported and dropped as duplicates is
    read from the project's output all the same, so nothing unchanged or dropped is written there."""
    assert list((crawled / "output").glob("*.duplicates.jsonl")), "the crawl dropped duplicates"
    done = scrapy("reprocess", "--output", "elsewhere", cwd=crawled)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Nothing changed: no run file written" in done.stderr, done.stderr[-3000:]
    assert not (crawled / "elsewhere").exists() or not list((crawled / "elsewhere").iterdir())


def test_a_damaged_archive_is_named_and_fails_the_command(crawled: Path, tmp_path: Path) -> None:
    """What lies past the damage is not reprocessed: the user learns it from a line and the exit status."""
    [archive] = (crawled / "output" / "archive").glob("*.warc.gz")
    damaged = tmp_path / "archive" / archive.name
    damaged.parent.mkdir()
    damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    done = scrapy(
        "reprocess", "--archive", str(damaged.parent), "--output", str(tmp_path / "out"), cwd=crawled
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert (
        f"1 of the archives are damaged; the pages past the damage were not reprocessed: {damaged}"
        in done.stderr
    )


def test_an_output_that_is_a_file_is_refused_before_reading(crawled: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    done = scrapy("reprocess", "--output", str(tmp_path / "notes.txt"), cwd=crawled)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].endswith(f"--output {tmp_path / 'notes.txt'} is no directory")
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_reprocess_command_names_a_missing_archive(tmp_path: Path) -> None:
    done = scrapy("reprocess", "--archive", "no-archive", cwd=tmp_path)
    assert done.returncode == 2 and "archive directory no-archive does not exist" in done.stderr
    assert not os.listdir(tmp_path)


def test_reprocess_command_refuses_an_archive_without_warc_files(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not an archive", encoding="utf-8")
    done = scrapy("reprocess", "--archive", "empty", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .endswith(
            ": error: archive directory empty holds no WARC files (*.warc.gz, *.warc); nothing to reprocess"
        )
    )
    assert os.listdir(tmp_path) == ["empty"]


def test_help_keeps_every_option_under_its_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scrapy's help formatter underlines any help line ending in a colon as a heading, at any width."""
    for columns in ("60", "80", "120"):
        monkeypatch.setenv("COLUMNS", columns)
        done = scrapy("reprocess", "-h", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        headings = [above for above, line in pairwise(lines) if line and set(line) <= {"=", "-"}]
        assert headings == ["Usage", "Options", "Global Options", "Reprocess Options"], done.stdout
        assert "directory of WARC archives (default FRIENDSHIP_ARCHIVE_DIR)" in " ".join(done.stdout.split())


def test_runs_exported_before_the_entity_stage_get_entities_without_fetching(
    workdir: Path, network_off: None
) -> None:
    (run_file,) = (workdir / "output").glob("friendship-*Z.jsonl")
    records = [json.loads(line) for line in run_file.read_text(encoding="utf-8").splitlines()]
    assert any(r["countries"] for r in records), "the replica's stories name partner countries"
    old = [
        {k: v for k, v in r.items() if k not in ("countries", "provinces", "organizations")} for r in records
    ]
    run_file.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in old), encoding="utf-8")
    report = rebuild_records(workdir / "output" / "archive", workdir / "output", run_id="20991231T000000Z")
    named = sum(1 for r in records if r["countries"] or r["provinces"] or r["organizations"])
    assert report.written == named
    after = exported(workdir, "after")
    assert {aid: r["countries"] for aid, r in after.items()} == {
        r["article_id"]: r["countries"] for r in records
    }


def test_reprocessed_versions_reach_the_dedup_state_and_pages_never_exported_are_left_to_a_crawl(
    workdir: Path,
) -> None:
    """The next crawl compares with the new versions (it exports none of them again), and a page no run
    exported, that reads as an article now, is a crawl's to judge through the dedup stage."""
    before = exported(workdir, "before")

    def read_everything(page: bytes, url: str) -> Article:
        try:
            article = read_article(page, url)
        except NotAnArticle:  # today's rules refuse it; tomorrow's might not
            aid = article_id(url)
            assert aid is not None
            return Article(url=url, article_id=aid, title="Trang", text="Trang\nNội dung của trang.")
        return replace(article, text=article.text + "\nDòng mới.")

    report = rebuild_records(workdir / "output" / "archive", workdir / "output", read_everything)
    assert report.not_exported > 0 and report.path is not None
    written = [json.loads(line) for line in report.path.read_text(encoding="utf-8").splitlines()]
    assert {record["article_id"] for record in written} <= before.keys()
    record_feed(workdir / "state", report.path)
    state = DedupState.open(workdir / "state")
    try:
        latest = [state.latest(record["url"]) for record in written]
        assert all(found is not None and found.fingerprint.version == 2 for found in latest)
    finally:
        state.close()
    frontier = Frontier(workdir / "state")
    for url, aid in report.left_to_crawl:
        frontier.reconsider(url, aid, "huu-nghi")
    frontier.close()
    owed = Frontier(workdir / "state")
    assert {url for url, _ in owed.retry} == {url for url, _ in report.left_to_crawl}
    assert not any(owed.knows(aid) for _, aid in report.left_to_crawl)
    owed.close()
