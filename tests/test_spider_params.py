import re
import socket
import subprocess
import sys
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from friendship_crawler.replica import ReplicaServer
from friendship_crawler.spiders.friendship import FriendshipSpider
from friendship_crawler.spiders.params import (
    ALLOWED_SECTIONS,
    ARGUMENTS,
    CrawlParams,
    SpiderArgumentError,
    arguments_help,
)
from friendship_crawler.urls import CANONICAL_ROOT
from tests.crawling import crawl_env, run_crawl

REPO = Path(__file__).resolve().parents[1]


def test_defaults_target_the_live_site() -> None:
    params = CrawlParams.parse()
    assert params.base_url == "https://thoidai.com.vn"
    assert params.sections is None and params.max_pages is None and not params.full


def test_valid_arguments() -> None:
    params = CrawlParams.parse(
        base_url="http://127.0.0.1:8000/",
        sections="bon-phuong-ket-ban, huu-nghi/chan-dung-be-ban",
        max_pages="3",
        since="2020-01-01",
        until="2024-12-31",
        recheck_days="7",
        full="1",
    )
    assert params.base_url == "http://127.0.0.1:8000"
    assert params.sections == {"bon-phuong-ket-ban", "chan-dung-be-ban"}
    assert (params.max_pages, params.recheck_days, params.full) == (3, 7, True)
    assert params.in_window(date(2022, 5, 1)) and not params.in_window(date(2019, 12, 31))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"since": "2024-13-01"}, "since must be a date as YYYY-MM-DD"),
        ({"until": "yesterday"}, "until must be a date as YYYY-MM-DD"),
        ({"since": "2024-02-01", "until": "2024-01-01"}, "is after until"),
        ({"sections": "Thế giới"}, "are not slugs like huu-nghi, bon-phuong-ket-ban, chan-dung-be-ban"),
        ({"base_url": "thoidai.com.vn"}, "base_url must be an http(s) site root"),
        ({"base_url": "ftp://thoidai.com.vn"}, "base_url must be an http(s) site root"),
        ({"base_url": "https://thoidai.com.vn/huu-nghi"}, "without path or query"),
        ({"base_url": "https://evil.example.com"}, "on the site's hosts (tacnghiep.thoidai.com.vn, thoidai"),
        ({"base_url": "http://10.0.0.5:8000"}, "or a local replica (127.0.0.1, localhost)"),
        ({"base_url": "http://127.0.0.1:99999"}, "base_url's port must be a number up to 65535"),
        ({"base_url": "https://vietnamtimes.thoidai.com.vn"}, "base_url must be on the site's hosts"),
        ({"max_pages": "0"}, "max_pages must be a whole number of 1 or more"),
        ({"max_pages": "many"}, "max_pages must be a whole number"),
        ({"full": "maybe"}, "full must be one of"),
        (
            {"colour": "red"},
            "unknown argument(s) ['colour']; allowed: base_url, sections, max_pages, since, until, recheck_days, full (-a help=1 describes them)",
        ),
    ],
)
def test_bad_arguments_name_the_allowed_values(raw: dict[str, str], message: str) -> None:
    with pytest.raises(SpiderArgumentError, match=re.escape(message)):
        CrawlParams.parse(**raw)


@pytest.mark.parametrize(
    ("argument", "message"),
    [
        ("since=yesterday", "since must be a date"),
        ("sections=foo_bar", "section(s) ['foo_bar'] are not slugs"),
        ("sections=,", "sections ',' names no listing"),
    ],
)
def test_scrapy_crawl_reports_a_bad_argument_as_a_usage_error(
    tmp_path: Path, argument: str, message: str
) -> None:
    run = run_crawl(tmp_path, CANONICAL_ROOT, "-a", argument)
    assert run.returncode == 2
    assert f"spider friendship: {message}" in run.log
    assert "Traceback" not in run.log
    assert not (tmp_path / "output").exists() and not (tmp_path / "state").exists()


def test_a_subsection_the_menu_may_list_is_accepted_by_slug() -> None:
    params = CrawlParams.parse(sections="nhip-cau-huu-nghi,tam-long-tuong-tro")
    assert params.sections == {"nhip-cau-huu-nghi", "tam-long-tuong-tro"}
    assert params.wants("tam-long-tuong-tro") and not params.wants("bon-phuong-ket-ban")


def test_scheduler_arguments_are_not_crawl_parameters() -> None:
    FriendshipSpider.check_arguments(_job="0123abcd", max_pages="2")
    with pytest.raises(SpiderArgumentError, match="unknown argument"):
        FriendshipSpider.check_arguments(_job="0123abcd", pages="2")


# --- discoverable: -a help=1 -------------------------------------------------------------------------
def test_the_help_table_describes_every_argument_from_the_model() -> None:
    table = arguments_help()
    for arg in fields(CrawlParams):
        block = table.split(f"\n  {arg.name} ", 1)[1].split("\n\n", 1)[0]
        flat = " ".join(block.split())
        for label in ("meaning", "default", "allowed"):
            expected = " ".join(str(arg.metadata[label]).split())
            assert expected in flat, (arg.name, label)
    assert "allowed: " + ", ".join(ALLOWED_SECTIONS) in " ".join(table.split())
    assert [
        line.split()[0] for line in table.splitlines() if line.startswith("  ") and not line.startswith("   ")
    ] == list(ARGUMENTS)


def test_asking_for_help_prints_the_table_and_ends_without_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        CrawlParams.parse(help="1", since="not checked")
    assert ended.value.code == 0
    assert capsys.readouterr().out == arguments_help()


@pytest.mark.parametrize("value", ["0", "no", "false"])
def test_help_turned_off_asks_for_none(value: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert CrawlParams.parse(help=value, max_pages="2").max_pages == 2
    assert capsys.readouterr().out == ""


def test_help_with_a_value_that_is_no_flag_is_refused() -> None:
    with pytest.raises(SpiderArgumentError, match="help must be one of"):
        CrawlParams.parse(help="please")


def test_scrapy_crawl_with_help_prints_the_table_and_fetches_nothing() -> None:
    with socket.socket() as trap:  # the crawl's only site: any request would connect here
        trap.bind(("127.0.0.1", 0))
        trap.listen()
        trap.setblocking(False)
        base_url = f"http://127.0.0.1:{trap.getsockname()[1]}"
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "friendship",
                "-a",
                "help=1",
                "-a",
                f"base_url={base_url}",
            ],
            cwd=REPO,
            env=crawl_env(),
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        with pytest.raises(BlockingIOError):
            trap.accept()
    assert run.returncode == 0, run.stderr
    assert run.stdout == arguments_help()
    assert "Traceback" not in run.stderr and "Spider opened" not in run.stderr


def test_the_readme_documents_every_argument() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Crawling the live site", 1)[1].split("\n## ", 1)[0]
    assert "-a help=1" in section
    for name in ARGUMENTS:
        assert f"`{name}`" in section, name


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["friendshp"], "no spider named 'friendshp'; the project has friendship"),
        (
            ["friendship", "-L", "BOGUS"],
            "unknown log level 'BOGUS': give DEBUG, INFO, WARNING, ERROR or CRITICAL",
        ),
        (
            ["friendship", "--logfile", "/nonexistent/dir/x.log"],
            "log file /nonexistent/dir/x.log: /nonexistent/dir is no directory",
        ),
        (["friendship", "--bogus"], "not an option of scrapy crawl: --bogus"),
    ],
    ids=["a misspelled spider", "an unknown log level", "a log file in no directory", "an unknown option"],
)
def test_a_mistyped_crawl_command_is_one_usage_line_and_writes_nothing(
    tmp_path: Path, options: list[str], message: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", *options],
        cwd=tmp_path, env={**crawl_env(), "FRIENDSHIP_CONSOLE": "1"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].endswith(f" error: {message}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("argument", "status"), [("since=yesterday", 2), ("help=1", 0)])
def test_a_bad_argument_or_help_leaves_no_run_log_behind(tmp_path: Path, argument: str, status: int) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "friendship", "-a", argument],
        cwd=tmp_path, env={**crawl_env(), "FRIENDSHIP_CONSOLE": "1"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == status and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_section_the_menu_does_not_list_is_an_error_naming_the_menu(
    replica: ReplicaServer, tmp_path: Path
) -> None:
    run = run_crawl(tmp_path, replica.base_url, "-a", "sections=bon-phuong-ket-bn", "-a", "max_pages=1")
    assert run.returncode == 3
    [error] = [line for line in run.log.splitlines() if "asked for (-a sections)" in line]
    assert "ERROR" in error and "bon-phuong-ket-bn" in error and "bon-phuong-ket-ban" in error
    assert "huu-nghi" in error.split(": ")[-1].split(", "), "the section's own listing is a choice too"


@pytest.mark.parametrize("option", ["-O", "-o"])
@pytest.mark.parametrize(
    ("kept", "typed"),
    [
        ("output/friendship-20260101T000000Z.jsonl", "output/friendship-20260101T000000Z.jsonl"),
        ("output/friendship-20260101T000000Z.jsonl", "latest.jsonl"),  # a link to it
        (
            "output/friendship-20260101T000000Z.duplicates.jsonl",
            "output/friendship-20260101T000000Z.duplicates.jsonl",
        ),
        ("output/runs/friendship-20260101T000000Z.json", "output/runs/friendship-20260101T000000Z.json"),
        (
            "output/archive/friendship-20260101T000000Z.warc.gz",
            "output/archive/friendship-20260101T000000Z.warc.gz:jsonlines",
        ),
    ],
)
def test_a_file_the_project_keeps_is_never_a_typed_feed(
    tmp_path: Path, option: str, kept: str, typed: str
) -> None:
    """Overwritten, an earlier run's records would be gone while the dedup state holds them as exported;
    a link to the file, a run's duplicates report, report or archive are kept as surely."""
    earlier = tmp_path / kept
    earlier.parent.mkdir(parents=True)
    earlier.write_text('{"url": "https://thoidai.com.vn/a-101.html"}\n', encoding="utf-8")
    if typed == "latest.jsonl":
        (tmp_path / typed).symlink_to(earlier)
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "friendship", option, typed],
        cwd=tmp_path, env={**crawl_env(), "FRIENDSHIP_CONSOLE": "1"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "is a file the project keeps" in done.stderr.strip().splitlines()[-1]
    assert earlier.read_text(encoding="utf-8") == '{"url": "https://thoidai.com.vn/a-101.html"}\n'
    assert not (tmp_path / "state").exists()


@pytest.mark.parametrize(
    ("typed", "why"),
    [("blocked/feed.jsonl", "blocked is no directory"), ("folder", "folder is a directory")],
    ids=["under-a-file", "a-directory"],
)
def test_a_typed_feed_that_cannot_be_written_is_refused_before_the_crawl(
    tmp_path: Path, typed: str, why: str
) -> None:
    """Scrapy would fail on every item, the project's run file with it, a traceback each."""
    (tmp_path / "blocked").write_text("a file of the user's", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "friendship", "-O", f"{typed}:jsonlines"],
        cwd=tmp_path, env={**crawl_env(), "FRIENDSHIP_CONSOLE": "1"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    last = done.stderr.strip().splitlines()[-1]
    assert f"error: cannot write the feed {typed}: " in last and last.endswith(why), last
    assert (tmp_path / "blocked").read_text(encoding="utf-8") == "a file of the user's"
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("blocked", ["output", "output/runs"])
def test_a_file_where_the_output_directory_should_be_is_named_in_one_line(
    tmp_path: Path, blocked: str
) -> None:
    (tmp_path / blocked).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / blocked).write_text("a file of the user's", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "friendship"],
        cwd=tmp_path, env={**crawl_env(), "FRIENDSHIP_CONSOLE": "1"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert (
        done.stderr.strip().splitlines()[-1]
        == f"The crawl cannot take a run id: {tmp_path / blocked} is no directory"
    )
    assert (tmp_path / blocked).read_text(encoding="utf-8") == "a file of the user's"


def test_a_users_own_file_beside_the_run_files_may_be_a_typed_feed(tmp_path: Path) -> None:
    mine = tmp_path / "output" / "samples" / "mine.jsonl"
    mine.parent.mkdir(parents=True)
    mine.write_text("", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "friendship", "-a", "base_url=http://127.0.0.1:9", "-o", str(mine)],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert "a file the project keeps" not in done.stderr and done.returncode != 2, done.stderr[-2000:]


def test_a_log_file_that_is_a_run_file_is_refused(tmp_path: Path) -> None:
    earlier = tmp_path / "output" / "friendship-20260101T000000Z.jsonl"
    earlier.parent.mkdir()
    earlier.write_text('{"url": "https://thoidai.com.vn/a-101.html"}\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "friendship", "--logfile", str(earlier)],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "is a file the project keeps" in done.stderr
    assert earlier.read_text(encoding="utf-8") == '{"url": "https://thoidai.com.vn/a-101.html"}\n'


def test_the_sections_feed_tags_and_search_are_no_subsections() -> None:
    """The section page's menu links its subsections, and may link its feed, tags or search too."""
    links = "".join(
        f'<a href="/huu-nghi/{slug}">{slug}</a>'
        for slug in ("bon-phuong-ket-ban", "rss", "tag", "chan-dung-be-ban", "tin-chinh-123456.htm")
    )
    response = HtmlResponse(
        f"{CANONICAL_ROOT}/huu-nghi", body=f"<html><body>{links}</body></html>".encode(), encoding="utf-8"
    )
    spider = FriendshipSpider.from_crawler(get_crawler(FriendshipSpider, {"FRIENDSHIP_INCREMENTAL": False}))
    assert list(spider._discover_subsections(response)) == ["bon-phuong-ket-ban", "chan-dung-be-ban"]


def test_a_menu_link_that_is_no_url_leaves_the_subsections_found() -> None:
    links = '<a href="/huu-nghi/bon-phuong-ket-ban">a</a><a href="http://[bad/huu-nghi/x">b</a>'
    links += '<a href="/huu-nghi/chan-dung-be-ban">c</a>'
    response = HtmlResponse(
        f"{CANONICAL_ROOT}/huu-nghi", body=f"<html><body>{links}</body></html>".encode(), encoding="utf-8"
    )
    spider = FriendshipSpider.from_crawler(get_crawler(FriendshipSpider, {"FRIENDSHIP_INCREMENTAL": False}))
    assert list(spider._discover_subsections(response)) == ["bon-phuong-ket-ban", "chan-dung-be-ban"]
