"""`scrapy extract`: saved pages in, the crawl's own records out, one clear line per page it cannot read."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest
from crawling import crawl_env

from friendship_crawler import read_article

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "article"
PAGE = FIXTURES / "v2019_binh_duong.html"


def extract(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "extract", *map(str, args)],
        cwd=cwd, env=crawl_env(), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def test_pages_become_the_records_the_crawl_would_export() -> None:
    done = extract(PAGE, FIXTURES / "video.html", FIXTURES / "v2021_bac_giang.html")
    assert done.returncode == 1
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["article_id"] for r in records] == [55020, 194335]
    expected = read_article(PAGE.read_bytes(), PAGE.as_uri())
    assert {k: v for k, v in records[0].items() if k != "crawled_at"} == {
        k: v for k, v in asdict(expected).items() if k != "crawled_at"
    }
    assert records[0]["crawled_at"].endswith("+00:00")
    assert done.stderr.strip().splitlines()[-1].endswith("video.html: not an article (video)")
    assert "Traceback" not in done.stderr


def test_a_page_named_twice_is_read_once(tmp_path: Path) -> None:
    done = extract(PAGE, FIXTURES / ".." / "article" / PAGE.name)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr.strip().splitlines()[-1].endswith(f"{PAGE.name}: named again, read once")


def test_two_saved_copies_of_one_article_give_one_record_the_later_saved(tmp_path: Path) -> None:
    """A crawl exports an article once: so does extract, keeping the copy saved last (as export keeps the
    newest record)."""
    older, newer = tmp_path / "older.html", tmp_path / "newer.html"
    older.write_bytes(PAGE.read_bytes())
    newer.write_bytes(PAGE.read_bytes().replace("Bình Dương".encode(), "Bình Dương mới".encode(), 1))
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_800_000_000, 1_800_000_000))
    for order in ((older, newer), (newer, older)):
        done = extract(*order)
        assert done.returncode == 0, done.stderr
        (record,) = [json.loads(line) for line in done.stdout.splitlines()]
        assert record["crawled_at"].startswith("2027-01-15")
        assert done.stderr.strip().splitlines()[-1] == (
            f"extract: {older}: the article of {newer} saved again, read once"
        )


def test_a_directory_is_named_with_the_way_to_name_its_pages(tmp_path: Path) -> None:
    done = extract(tmp_path)
    assert done.returncode == 1
    assert (
        done.stderr.strip().splitlines()[-1]
        == f"extract: {tmp_path}: is a directory: name its files (DIR/*.html)"
    )


def test_a_link_that_loops_is_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "loop.html").symlink_to(tmp_path / "loop.html")
    done = extract(tmp_path / "loop.html")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        f"extract: {tmp_path / 'loop.html'}: cannot read: Too many levels of symbolic links"
    )


def test_a_file_with_no_page_in_it_says_what_it_holds(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "notes.html").write_text("just a note, no markup\n", encoding="utf-8")
    done = extract(tmp_path / "empty.html", tmp_path / "notes.html")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines()[-2:] == [
        f"extract: {tmp_path / 'empty.html'}: not an article (not_html: empty document)",
        f"extract: {tmp_path / 'notes.html'}: not an article (not_html: no markup in the document)",
    ]


def test_a_page_without_its_url_asks_for_url_and_url_reads_it(tmp_path: Path) -> None:
    bare = tmp_path / "saved.html"
    bare.write_text(
        re.sub(r'<link rel="canonical"[^>]*>', "", PAGE.read_text(encoding="utf-8")), encoding="utf-8"
    )
    refused = extract(bare)
    assert refused.returncode == 1 and refused.stdout == ""
    assert (
        refused.stderr.strip()
        .splitlines()[-1]
        .endswith(
            "saved.html: an article that states no address of its own (canonical link, og:url); "
            "name its URL with --url"
        )
    )
    url = "https://thoidai.com.vn/lien-hiep-binh-duong-day-manh-hoat-dong-doi-ngoai-nam-2018-55020.html"
    done = extract(bare, "--url", url, "-o", tmp_path / "out.jsonl")
    assert done.returncode == 0, done.stderr
    (record,) = map(json.loads, (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines())
    assert (record["url"], record["article_id"]) == (url, 55020)


def test_a_saved_page_of_another_site_is_read_at_the_address_it_states() -> None:
    """A sister site's article names its own host in its canonical link; a listing saved without its head
    is told by the host its links go to: a listing, not a page without a title."""
    saved = ROOT / "tests" / "fixtures" / "mastercms"
    done = extract(saved / "suckhoeviet_source_box.html", saved / "thoibaonganhang_listing.html")
    assert done.returncode == 1
    (record,) = map(json.loads, done.stdout.splitlines())
    truth = json.loads((saved / "suckhoeviet_source_box.json").read_text(encoding="utf-8"))["article"]
    assert (record["url"], record["article_id"], record["text"]) == (truth["url"], 6316, truth["text"])
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .endswith("thoibaonganhang_listing.html: not an article (listing)")
    )


def test_an_existing_output_or_a_second_page_with_url_is_a_usage_error(tmp_path: Path) -> None:
    existing = tmp_path / "keep.jsonl"
    existing.write_text("mine\n", encoding="utf-8")
    done = extract(PAGE, "-o", existing)
    assert done.returncode == 2 and "exists; give a new file to -o" in done.stderr
    assert existing.read_text(encoding="utf-8") == "mine\n"
    both = extract(PAGE, PAGE, "--url", "https://thoidai.com.vn/a-1.html")
    assert both.returncode == 2 and "give one PAGE with it" in both.stderr
    empty = extract(PAGE, "-o", "", cwd=tmp_path)
    assert empty.returncode == 2 and "give -o a file name (or - for standard output)" in empty.stderr


def test_dash_as_output_is_standard_output(tmp_path: Path) -> None:
    done = extract(PAGE, "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and not (tmp_path / "-").exists()
    assert json.loads(done.stdout)["article_id"] > 0


def test_a_run_that_reads_no_page_leaves_no_file_and_a_bad_output_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    failed = extract(FIXTURES / "video.html", "-o", out)
    assert failed.returncode == 1 and not out.exists()
    missing = extract(PAGE, "-o", tmp_path / "no" / "out.jsonl")
    assert (
        missing.returncode == 2 and "is no directory" in missing.stderr and "Traceback" not in missing.stderr
    )
    unwritable = extract(PAGE, "-o", "/proc/self/out.jsonl")
    assert unwritable.returncode == 1 and "Traceback" not in unwritable.stderr
    assert unwritable.stderr.strip().splitlines()[-1].startswith("extract: cannot write /proc/self/out.jsonl")


@pytest.mark.parametrize(
    "url",
    ["55020.html", "/tmp/page.html", "ftp://thoidai.com.vn/a-1.html", "https:///a-1.html", "http://x:99999/"],
)
def test_a_url_that_is_no_http_url_with_a_host_is_a_usage_error(url: str) -> None:
    done = extract(PAGE, "--url", url)
    assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .endswith(
            ": error: --url must be an http(s) URL with a host, "
            f"e.g. https://thoidai.com.vn/<slug>-<id>.html, got {url!r}"
        )
    )


def test_a_file_larger_than_any_page_is_refused_after_reading_only_the_limit(tmp_path: Path) -> None:
    """/dev/zero never ends: read whole it would take all memory."""
    done = extract("/dev/zero", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == "extract: /dev/zero: over 50 MB, no saved page"
