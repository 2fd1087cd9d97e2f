"""The console: progress lines, the closing summary, one-line errors, start notes and short drop messages."""

from __future__ import annotations

import importlib
import inspect
import io
import logging
import re
import socket
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import DropItem
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from friendship_crawler.console.logformatter import ArticleLogFormatter
from friendship_crawler.console.progress import LISTING, ProgressDisplay, bar_fill, progress_line
from friendship_crawler.console.session import (
    OneLineFormatter,
    ends_on_ctrl_c,
    show_errors_on_console,
    start_notes,
)
from friendship_crawler.console.summary import summary_lines
from friendship_crawler.console.tally import Progress
from friendship_crawler.items import Article
from tests.crawling import run_crawl

STATS = {
    "response_received_count": 120,
    "friendship/dedup/exported": 95,
    "friendship/dedup/updated": 2,
    "friendship/dedup/near": 2,
    "friendship/dedup/exact": 1,
    "friendship/dedup/unchanged": 7,
    "friendship/drop/video": 2,
    "friendship/drop/soft_404": 1,
}


def test_progress_counts_come_from_the_stats() -> None:
    assert Progress.of(STATS) == Progress(
        pages=120, new=95, updated=2, duplicates=3, unchanged=7, not_articles=3, invalid=0
    )


def test_progress_line_has_rate_queue_and_eta_and_a_bar_on_a_terminal() -> None:
    line = progress_line(Progress.of(STATS), pending=60, elapsed=60.0)
    assert line == (
        "120 pages · 95 new · ETA 0:30 · 2 updated · 3 duplicates · 7 unchanged · 3 not articles"
        " · 120 pages/min · 60 queued"
    )
    assert bar_fill(Progress.of(STATS), pending=60) == 13
    bar = progress_line(Progress.of(STATS), pending=60, elapsed=60.0, filled=13)
    assert bar.startswith("[" + "#" * 13 + "." * 7 + "] 120 pages")
    assert "ETA" not in progress_line(Progress(), pending=0, elapsed=0.0)


def test_progress_line_shows_only_the_counts_that_are_not_zero() -> None:
    """A terminal line of 80 columns keeps what a run has: the unchanged count of a full recheck; the ETA
    comes first after the pages and articles, where no narrow terminal cuts it."""
    line = progress_line(Progress(pages=300, new=0, unchanged=290), pending=10, elapsed=60.0)
    assert line == "300 pages · 0 new · ETA 0:02 · 290 unchanged · 300 pages/min · 10 queued"
    busy = Progress(pages=2223, new=2000, updated=1, duplicates=3, unchanged=7, not_articles=5)
    assert "reading listings" in progress_line(busy, pending=900, elapsed=60.0, listings=1, filled=20)[:79]


def test_while_a_listing_page_is_queued_the_line_gives_no_eta() -> None:
    """The article pages are found as the listings are read: the queue says nothing of the crawl's end."""
    line = progress_line(Progress(pages=17), pending=6, elapsed=10.0, listings=1)
    assert line == "17 pages · 0 new · reading listings · 102 pages/min · 6 queued" and "ETA" not in line


def test_the_bar_never_goes_back_and_listings_are_counted_as_they_come_and_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    crawler = get_crawler(Spider, {"FRIENDSHIP_CONSOLE": True})
    display = ProgressDisplay(crawler, io.StringIO(), 1.0)
    display.live = True
    assert crawler.stats is not None
    listing, article = (
        Request("https://a.vn/huu-nghi", meta={LISTING: True}),
        Request("https://a.vn/a-1.html"),
    )
    for request in (listing, article):
        display.listing_queued(request)
    queued = iter([20, 200, 0])
    display.pending = lambda: next(queued)  # type: ignore[method-assign]
    drawn = []
    for fetched in (20, 40, 400):
        crawler.stats.set_value("response_received_count", fetched)
        display.draw()
        drawn.append(display.stream.getvalue().rsplit("\r", 1)[-1])  # type: ignore[attr-defined]
        display.listing_done(listing)
    assert [line[1:21].count("#") for line in drawn] == [10, 10, 20]
    assert "reading listings" in drawn[0] and "reading listings" not in drawn[1]
    assert not display.listings


@pytest.mark.parametrize(
    ("reason", "said"),
    [
        ("finished", "finished"),
        ("shutdown", "shut down"),
        ("closespider_timeout", "ended (closespider_timeout)"),
    ],
)
def test_summary_says_how_the_crawl_ended_in_words(reason: str, said: str) -> None:
    start = datetime(2026, 12, 3, 8, tzinfo=UTC)
    stats = {
        **STATS,
        "finish_reason": reason,
        "start_time": start,
        "finish_time": start + timedelta(seconds=9),
    }
    assert summary_lines(stats, None, None, None)[0] == f"Crawl {said} in 9.0 s: 120 pages fetched."


def test_summary_says_what_was_exported_where_and_whether_healthy(tmp_path: Path) -> None:
    feed = tmp_path / "friendship-20261203T080000Z.jsonl"
    feed.write_text("{}\n", encoding="utf-8")
    (tmp_path / "friendship-20261203T080000Z.duplicates.jsonl").write_text("{}\n", encoding="utf-8")
    start = datetime(2026, 12, 3, 8, tzinfo=UTC)
    stats = {
        **STATS,
        "finish_reason": "finished",
        "start_time": start,
        "finish_time": start + timedelta(seconds=9),
    }
    report = {"healthy": True, "failed_checks": [], "exported": {"feeds": [{"uri": feed.as_uri()}]}}
    lines = summary_lines(stats, report, tmp_path / "runs" / "r.json", tmp_path / "runs" / "r.log")
    text = "\n".join(lines)
    assert lines[0] == "Crawl finished in 9.0 s: 120 pages fetched."
    assert f"95 new and 2 updated articles -> {feed}" in text
    assert "3 duplicates, 7 unchanged, 3 not articles (duplicates: " in text
    assert "healthy (report: " in text and "r.log" in text and "scrapy export dataset/" in text
    assert len(lines) <= 8 and all(len(line) < 200 for line in lines)


def test_summary_names_only_the_feeds_the_run_wrote(tmp_path: Path) -> None:
    """A run that exported nothing writes no run file, though `-O` wrote its empty file."""
    typed, own = tmp_path / "full.jsonl", tmp_path / "friendship-20261203T080000Z.jsonl"
    typed.write_text("", encoding="utf-8")
    feeds = [{"uri": typed.as_uri(), "items": 0}, {"uri": own.as_uri(), "items": 0}]
    report = {"healthy": True, "failed_checks": [], "exported": {"feeds": feeds}}
    text = "\n".join(summary_lines({**STATS, "finish_reason": "finished"}, report, None, None))
    assert f"-> {typed}" in text and str(own) not in text


def test_summary_of_an_unhealthy_run_names_the_failed_checks() -> None:
    report = {"healthy": False, "failed_checks": ["fallback_rate", "errors"], "exported": {"feeds": []}}
    lines = summary_lines({"finish_reason": "finished"}, report, Path("output/runs/r.json"), None)
    assert "UNHEALTHY, failed: fallback_rate, errors" in "\n".join(lines)
    assert lines[-1].startswith("Next: read the failed checks")


def test_errors_reach_the_console_in_one_line_without_traceback() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(OneLineFormatter())
    log = logging.getLogger("test_console.one_line")
    log.addHandler(handler)
    try:
        try:
            raise ValueError("deep inside")
        except ValueError:
            log.exception("The dedup state is corrupt.\nmore detail")
    finally:
        log.removeHandler(handler)
    assert stream.getvalue() == "ERROR: The dedup state is corrupt.\n"


def test_a_replica_crawled_with_live_delays_is_announced_with_the_way_out() -> None:
    slow = Settings({"DOWNLOAD_DELAY": 1.0, "AUTOTHROTTLE_ENABLED": True})
    notes = start_notes(slow, "http://127.0.0.1:8000", Path("/tmp/x.log"))
    assert notes[0] == "Crawling http://127.0.0.1:8000; full log: /tmp/x.log"
    assert "AUTOTHROTTLE_ENABLED=0" in notes[1] and "takes minutes" in notes[1]
    fast = Settings({"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False})
    assert len(start_notes(fast, "http://127.0.0.1:8000", None)) == 1
    assert len(start_notes(slow, "https://thoidai.com.vn", None)) == 1


def test_a_dropped_article_is_logged_by_its_message_not_its_whole_record() -> None:
    crawler = get_crawler(settings_dict={"DEFAULT_DROPITEM_LOG_LEVEL": "INFO"})
    article = Article(url="https://thoidai.com.vn/a-1.html", article_id=1, title="t", text="x" * 4000)
    formatter = ArticleLogFormatter()
    spider = Spider.from_crawler(crawler, "friendship")
    dropped = formatter.dropped(
        article, DropItem("Duplicate of https://thoidai.com.vn/b-2.html"), None, spider
    )
    message = dropped["msg"] % dropped["args"]
    assert message == "Dropped: Duplicate of https://thoidai.com.vn/b-2.html"
    error = formatter.item_error(article, ValueError("x"), None, spider)
    assert error["msg"] % error["args"] == "Error processing https://thoidai.com.vn/a-1.html"


def test_summary_of_a_crawl_cut_short_says_so_and_how_to_go_on() -> None:
    """A second Ctrl-C stops the reactor at once: no finish reason, no run report."""
    lines = summary_lines({"response_received_count": 3}, None, None, Path("output/runs/r.log"))
    assert lines[0] == "Crawl cut short before it could close: 3 pages fetched, no run report."
    assert lines[-1] == "Next: run the same command again; it goes on from what this run exported."


def test_summary_of_a_crawl_stopped_by_one_ctrl_c_says_how_to_go_on() -> None:
    """A first Ctrl-C closes the crawl ("shutdown"), which fails the finish_reason check: the way on is
    another run, not reading the failed checks."""
    report = {"healthy": False, "failed_checks": ["finish_reason"], "exported": {"feeds": []}}
    lines = summary_lines({"finish_reason": "shutdown"}, report, Path("output/runs/r.json"), None)
    assert "UNHEALTHY, failed: finish_reason" in "\n".join(lines)
    assert lines[-1] == "Next: run the same command again; it goes on from what this run exported."


def test_the_hint_asks_to_overwrite_a_dataset_that_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    healthy = {"healthy": True, "failed_checks": [], "exported": {"feeds": []}}
    fresh = summary_lines({"finish_reason": "finished"}, healthy, Path("r.json"), None)
    assert fresh[-1] == "Next: `scrapy export dataset/` builds a dataset from every run so far."
    (tmp_path / "dataset").mkdir()
    again = summary_lines({"finish_reason": "finished"}, healthy, Path("r.json"), None)
    assert (
        again[-1] == "Next: `scrapy export dataset/ --overwrite` rebuilds the dataset from every run so far."
    )


def test_a_site_that_cannot_be_reached_is_one_line_per_request_and_a_way_out(tmp_path: Path) -> None:
    """Scrapy logs each request given up several times (retry, scraper, robots.txt); the console once. An
    unreachable robots.txt forbids the rest of the site, in a line of its own."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    run = run_crawl(
        tmp_path,
        f"http://127.0.0.1:{port}",
        "-a",
        "sections=huu-nghi",
        settings={"FRIENDSHIP_CONSOLE": "1", "RETRY_TIMES": "1"},
        timeout=120,
    )
    assert run.returncode == 3 and "Traceback" not in run.log
    errors = [line for line in run.log.splitlines() if line.startswith("ERROR: ") and "<GET " in line]
    urls = [url for line in errors for url in re.findall(r"<GET (\S+)>", line)]
    assert urls == [f"http://127.0.0.1:{port}/robots.txt"], errors
    assert f"ERROR: robots.txt of 127.0.0.1:{port} is unreachable (connection_refused)" in run.log
    [log_file] = (tmp_path / "output" / "runs").glob("*.log")
    assert log_file.read_text(encoding="utf-8").count("Error downloading") >= 1  # the file keeps them all
    assert run.log.splitlines()[-1] == (
        "Next: the site could not be reached (it refused the connection). "
        "`python -m friendship_crawler.offline` crawls the bundled replica without a network."
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("FRIENDSHIP_DEDUP_NEAR_THRESHOLD", "1.5"),
        ("FRIENDSHIP_PROGRESS_INTERVAL", "0"),
        ("CONCURRENT_REQUESTS", "2.5"),
    ],
)
def test_a_setting_refused_at_start_is_one_line_and_no_traceback(
    tmp_path: Path, name: str, value: str
) -> None:
    """A component that rejects its setting stops the crawler before it starts: Scrapy would leave
    the error to asyncio ("Task exception was never retrieved" and a traceback) and exit 0. A setting the
    command reads itself, before the crawler (the stored state's), says so in the same line."""
    run = run_crawl(
        tmp_path, "http://127.0.0.1:9", settings={"FRIENDSHIP_CONSOLE": "1", name: value}, timeout=120
    )
    assert run.returncode == 1
    assert "Traceback" not in run.log and "never retrieved" not in run.log
    errors = [line for line in run.log.splitlines() if line.startswith("ERROR: ")]
    assert len(errors) == 1 and errors[0].startswith("ERROR: The crawl could not start: "), run.log
    assert name in errors[0]
    assert "Crawl finished" not in run.log


def test_a_state_directory_that_is_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("a file\n", encoding="utf-8")
    settings = {"FRIENDSHIP_CONSOLE": "1", "FRIENDSHIP_STATE_DIR": str(tmp_path / "notes.txt")}
    run = run_crawl(tmp_path, "http://127.0.0.1:9", settings=settings, timeout=120)
    assert run.returncode == 1 and "Traceback" not in run.log
    errors = [line for line in run.log.splitlines() if line.startswith("ERROR: ")]
    assert errors == [
        f"ERROR: The crawl could not start: cannot use the state directory {tmp_path / 'notes.txt'}: File exists"
    ]
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "a file\n"


def test_a_mistyped_project_setting_is_a_usage_error(tmp_path: Path) -> None:
    """No component would ever read it: the crawl would run as if it had not been given."""
    run = run_crawl(tmp_path, "http://127.0.0.1:9", settings={"FRIENDSHIP_INCREMENTL": "0"}, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.log
    assert (
        run.log.strip()
        .splitlines()[-1]
        .endswith("unknown setting(s) FRIENDSHIP_INCREMENTL: README.md lists the FRIENDSHIP_* settings")
    )
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    ("settings", "says"),
    [
        ({"FRIENDSHIP_CONSOLE": "maybe"}, "FRIENDSHIP_CONSOLE='maybe' is not a flag (1/0, True/False)"),
        (
            {"CONCURRENT_REQUESTS": "abc", "FRIENDSHIP_DEDUP_NUM_PERM": "lots", "DOWNLOAD_DELAY": "0.5"},
            "CONCURRENT_REQUESTS='abc' is not a number; FRIENDSHIP_DEDUP_NUM_PERM='lots' is not a whole number",
        ),
        (
            {"FRIENDSHIP_INCREMENTAL": "maybe"},
            "FRIENDSHIP_INCREMENTAL='maybe' is not a flag (1/0, True/False)",
        ),
        ({"ROBOTSTXT_OBEY": "perhaps"}, "ROBOTSTXT_OBEY='perhaps' is not a flag (1/0, True/False)"),
    ],
)
def test_a_setting_given_a_value_of_the_wrong_type_is_a_usage_error_that_names_it(
    tmp_path: Path, settings: dict[str, str], says: str
) -> None:
    """Scrapy's own message for `-s CONCURRENT_REQUESTS=abc` ("invalid literal for int()") names no setting;
    a fraction where a Scrapy default is a whole number (`DOWNLOAD_DELAY=0.5`) is fine."""
    run = run_crawl(tmp_path, "http://127.0.0.1:9", settings=settings, timeout=120)
    assert run.returncode == 2 and "Traceback" not in run.log
    assert run.log.strip().splitlines()[-1] == f"scrapy: error: {says}"
    assert not (tmp_path / "output").exists()


def test_the_console_shows_errors_and_that_a_ctrl_c_was_heard_and_nothing_else() -> None:
    stream, root = io.StringIO(), logging.getLogger()
    handler, level = show_errors_on_console(stream), root.level
    root.setLevel(logging.INFO)  # as the crawl's log to its file sets it
    try:
        logging.getLogger("scrapy.crawler").info(
            "Received %(signame)s, shutting down gracefully. Send again to force ", {"signame": "SIGINT"}
        )
        logging.getLogger("scrapy.core.engine").info("Spider opened")
        logging.getLogger("friendship_crawler.spiders").error("Section %s is not in the menu", "nope")
    finally:
        root.removeHandler(handler)
        root.setLevel(level)
    assert stream.getvalue().splitlines() == [
        "Received SIGINT, shutting down gracefully. Send again to force",
        "ERROR: Section nope is not in the menu",
    ]


def test_a_ctrl_c_ends_a_command_in_one_line_with_the_shells_status(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cleaned_up = []

    @ends_on_ctrl_c("export")
    def run(args: list[str]) -> None:
        try:
            raise KeyboardInterrupt
        finally:
            cleaned_up.append(args)

    with pytest.raises(SystemExit) as ended:
        run(["ds"])
    assert ended.value.code == 130 and cleaned_up == [["ds"]]
    assert capsys.readouterr().err == "export: interrupted\n"


@pytest.mark.parametrize("name", ["export", "reprocess", "extract", "cleantext", "rebuild_state"])
def test_every_command_that_crawls_nothing_ends_on_ctrl_c_in_one_line(name: str) -> None:
    """`scrapy crawl` has Scrapy's own handler (a first Ctrl-C stops the crawl gracefully)."""
    command = importlib.import_module(f"friendship_crawler.commands.{name}").Command
    assert inspect.getclosurevars(command.run).nonlocals["name"] == name
