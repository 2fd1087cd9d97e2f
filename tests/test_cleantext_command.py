"""`scrapy cleantext FILE...` as a user runs it, and its pure file-reading functions."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from friendship_crawler.clean import PageTextError
from friendship_crawler.commands.cleantext import UnreadableText, clean_file, read_page_text
from tests.crawling import crawl_env

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "cleaning"
SAMPLES = sorted(FIXTURES.glob("*.txt"))
COMPARED = ("title", "text", "author", "published_at", "section")


def cleantext(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "cleantext", *args],
        cwd=cwd,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line]


@pytest.fixture(scope="module")
def all_samples() -> subprocess.CompletedProcess[str]:
    return cleantext(*map(str, SAMPLES))


def test_one_record_per_file_in_order(all_samples: subprocess.CompletedProcess[str]) -> None:
    assert all_samples.returncode == 0, all_samples.stderr
    found = records(all_samples.stdout)
    assert [r["file"] for r in found] == [str(p) for p in SAMPLES]
    for record in found:
        assert set(record) == {"title", "text", "author", "source", "published_at", "section", "file"}


@pytest.mark.parametrize("expected_file", sorted(FIXTURES.glob("[0-9]*.json")), ids=lambda p: p.stem)
def test_records_equal_the_expected_ones(
    all_samples: subprocess.CompletedProcess[str], expected_file: Path
) -> None:
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    record = next(r for r in records(all_samples.stdout) if Path(r["file"]).name == expected["source_file"])
    assert {k: record[k] for k in COMPARED} == {k: expected[k] for k in COMPARED}


def test_output_is_utf8_json_without_escapes(all_samples: subprocess.CompletedProcess[str]) -> None:
    assert "Hữu nghị" in all_samples.stdout and "\\u" not in all_samples.stdout


def test_bad_files_are_reported_and_the_others_still_cleaned_into_the_output_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Tiêu đề\nNội dung bài.".encode("cp1258", errors="replace") + b"\xff")
    no_article = tmp_path / "trailer.txt"
    no_article.write_text("Tin bài liên quan\nĐọc nhiều\nMột bài khác\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    out = tmp_path / "clean.jsonl"
    good = SAMPLES[0]
    result = cleantext(
        "-o", str(out), str(empty), str(binary), str(good), str(latin), str(no_article), str(missing)
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert [r["file"] for r in records(out.read_text(encoding="utf-8"))] == [str(good)]
    errors = [line for line in result.stderr.splitlines() if line.startswith("cleantext: ")]
    assert len(errors) == 5
    for path, words in [
        (empty, "empty"),
        (binary, "binary file"),
        (latin, "not valid UTF-8"),
        (no_article, "no_title"),
        (missing, "cannot read"),
    ]:
        assert any(line.startswith(f"cleantext: {path}: ") and words in line for line in errors), (
            path,
            errors,
        )


def test_no_file_is_a_usage_error() -> None:
    result = cleantext()
    assert result.returncode == 2
    assert "give at least one page-text FILE" in result.stderr


# --- the functions behind it ------------------------------------------------------------------------
def test_clean_file_adds_the_file_name() -> None:
    record = clean_file(SAMPLES[3])
    assert record["file"] == str(SAMPLES[3]) and record["author"] == "Anh Vũ"


def test_read_page_text_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Tiêu đề".encode())
    assert read_page_text(path) == "Tiêu đề"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"abc\x00def", "binary file"),
        (b"\x01\x02\x03\x04\x05 text", "control characters"),
        (b"Ti\xeau", "not valid UTF-8"),
    ],
)
def test_read_page_text_refuses_what_is_not_text(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableText, match=message):
        read_page_text(path)


def test_clean_file_raises_for_a_page_without_article(tmp_path: Path) -> None:
    path = tmp_path / "soft404.txt"
    path.write_text("Không tìm thấy trang\nTrang bạn tìm kiếm không tồn tại.", encoding="utf-8")
    with pytest.raises(PageTextError) as caught:
        clean_file(path)
    assert caught.value.reason == "not_found"
