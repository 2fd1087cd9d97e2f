"""`scrapy cleantext FILE...` as a user runs it, and its pure file-reading functions."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from friendship_crawler.clean import PageTextError
from friendship_crawler.commands.cleantext import UnreadableText, clean_file, read_page_text, text_encoding
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
        assert set(record) == {
            "title", "text", "author", "source", "published_at", "section",
            "countries", "provinces", "organizations", "file",
        }  # fmt: skip


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


# --- encodings and size -----------------------------------------------------------------------------
def cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: precomposed where the code page has the letter, tone marks combining."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        base, *marks = unicodedata.normalize("NFD", char)
        for mark in list(marks):
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1 and joined.encode("cp1258", errors="ignore"):
                base = joined
                marks.remove(mark)
        out += (base + "".join(marks)).encode("cp1258")
    return bytes(out)


def same_record(result: subprocess.CompletedProcess[str], sample: Path) -> None:
    assert result.returncode == 0, result.stderr
    (record,) = records(result.stdout)
    expected = clean_file(sample)
    assert {k: record[k] for k in COMPARED} == {k: expected[k] for k in COMPARED}


def test_a_utf16_file_with_a_byte_order_mark_is_cleaned_like_its_utf8_original(tmp_path: Path) -> None:
    sample = SAMPLES[0]
    path = tmp_path / "utf16.txt"
    path.write_bytes(sample.read_text(encoding="utf-8").encode("utf-16"))  # BOM + little-endian
    assert path.read_bytes()[:2] == codecs.BOM_UTF16_LE
    same_record(cleantext(str(path)), sample)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_wide_text_without_a_byte_order_mark_is_refused_with_its_encoding_named_then_cleaned_with_it(
    tmp_path: Path, codec: str
) -> None:
    sample = SAMPLES[0]
    path = tmp_path / f"{codec}.txt"
    path.write_bytes(sample.read_text(encoding="utf-8").encode(codec))
    refused = cleantext(str(path))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"cleantext: {path}: NUL bytes laid out as in {codec} text without a byte order mark: "
        f"pass --encoding {codec}"
    ]
    same_record(cleantext("--encoding", codec, str(path)), sample)


def test_a_cp1258_file_is_refused_with_the_option_named_then_cleaned_with_it(tmp_path: Path) -> None:
    sample = SAMPLES[0]
    path = tmp_path / "cp1258.txt"
    path.write_bytes(cp1258(sample.read_text(encoding="utf-8")))
    refused = cleantext(str(path))
    assert refused.returncode == 1
    assert f"cleantext: {path}: not valid UTF-8 (byte " in refused.stderr
    assert "pass --encoding NAME (e.g. cp1258)" in refused.stderr
    same_record(cleantext("--encoding", "cp1258", str(path)), sample)


def test_an_unknown_encoding_is_a_usage_error_naming_it() -> None:
    for name in ("klingon", "rot13"):
        result = cleantext("--encoding", name, str(SAMPLES[0]))
        assert result.returncode == 2 and result.stdout == ""
        assert f"--encoding: unknown encoding '{name}'" in result.stderr


def test_a_wide_encoding_that_is_not_the_files_is_one_error_line(tmp_path: Path) -> None:
    """UTF-16 decodes any even number of bytes into CJK-looking text; the missing NUL bytes give it away."""
    sample = tmp_path / "even.txt"
    data = SAMPLES[0].read_bytes()
    sample.write_bytes(data[: len(data) // 2 * 2])
    for name in ("utf-16", "utf-16-be", "utf-32"):
        result = cleantext("--encoding", name, str(sample))
        assert result.returncode == 1 and result.stdout == ""
        assert result.stderr.strip().splitlines() == [
            f"cleantext: {sample}: not valid {name} (no NUL byte, yet every space and line break in {name} has one)"
        ]


def test_utf8_with_a_signature_reads_a_file_with_or_without_its_bom(tmp_path: Path) -> None:
    """utf-8-sig is no wide encoding: a file without NUL bytes is what it should be."""
    plain, signed = tmp_path / "plain.txt", tmp_path / "signed.txt"
    plain.write_bytes(SAMPLES[0].read_bytes())
    signed.write_bytes(codecs.BOM_UTF8 + SAMPLES[0].read_bytes())
    result = cleantext("--encoding", "utf-8-sig", str(plain), str(signed))
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first["text"] == second["text"] != ""


def max_rss_mb(*args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """`scrapy cleantext ARGS` and the peak memory of its process."""
    command = ["/usr/bin/time", "-f", "maxrss_kb=%M", sys.executable, "-m", "scrapy", "cleantext", *args]
    result = subprocess.run(
        command, cwd=REPO, env=crawl_env(), capture_output=True, text=True, timeout=60, check=False
    )
    return result, int(result.stderr.rsplit("maxrss_kb=", 1)[1]) / 1000


def test_a_file_over_the_size_limit_is_refused_unread_and_the_others_cleaned(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as handle:  # 50 MB of page text: cleaning one this size took 555 MB
        handle.write(SAMPLES[0].read_bytes() * (50_000_000 // SAMPLES[0].stat().st_size + 1))
    result, with_big = max_rss_mb(str(big), str(SAMPLES[0]))
    assert result.returncode == 1
    assert [r["file"] for r in records(result.stdout)] == [str(SAMPLES[0])]
    assert f"cleantext: {big}: 50 MB, over the 5 MB limit for a page text (--max-size MB)" in result.stderr
    _, alone = max_rss_mb(str(SAMPLES[0]))
    assert with_big - alone < 20, (with_big, alone)  # the 50 MB are never read


def test_the_size_limit_is_an_option() -> None:
    size_kb = SAMPLES[0].stat().st_size / 1000
    refused = cleantext("--max-size", "0.01", str(SAMPLES[0]))
    assert refused.returncode == 1
    assert f"{size_kb / 1000:.3g} MB, over the 0.01 MB limit for a page text" in refused.stderr
    for odd in ("0", "nan", "inf", "99999999999999999999"):
        result = cleantext("--max-size", odd, str(SAMPLES[0]))
        assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
        assert "--max-size must be a number of megabytes above 0" in result.stderr


@pytest.mark.parametrize(
    ("encoding", "mark"),
    [
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_read_page_text_follows_the_byte_order_mark(tmp_path: Path, encoding: str, mark: bytes) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(mark + "Tiêu đề\nNội dung.".encode(encoding))
    assert read_page_text(path) == "Tiêu đề\nNội dung."
    assert read_page_text(path, encoding="latin-1") == "Tiêu đề\nNội dung."  # the mark wins


def test_read_page_text_decodes_latin1_when_asked_and_names_the_encoding_it_failed(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Café à Hà Nội".encode().replace("à".encode(), "à".encode("latin-1")))
    with pytest.raises(UnreadableText, match=r"not valid UTF-8 \(byte 6: b'\\xe0'\); .* --encoding NAME"):
        read_page_text(path)
    path.write_bytes("Café à Paris".encode("latin-1"))
    assert read_page_text(path, encoding=text_encoding("latin-1")) == "Café à Paris"
    path.write_bytes(b"\xff\xfe\x00")  # a UTF-16 mark, then half a character
    with pytest.raises(UnreadableText, match=r"not valid utf-16-le \(byte 2: b'\\x00'\)"):
        read_page_text(path)


def test_read_page_text_refuses_a_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 1_500_000)
    with pytest.raises(
        UnreadableText, match=r"^1.5 MB, over the 1 MB limit for a page text \(--max-size MB\)$"
    ):
        read_page_text(path, max_size_mb=1)
    assert len(read_page_text(path, max_size_mb=2)) == 1_500_000


def test_text_encoding_gives_the_canonical_codec_name() -> None:
    assert text_encoding("CP1258") == "cp1258" and text_encoding("latin-1") == "iso8859-1"
    with pytest.raises(ValueError, match="unknown encoding 'base64'"):
        text_encoding("base64")


def test_the_output_is_a_new_file_and_never_one_of_the_users(tmp_path: Path) -> None:
    """An existing file (the input itself, or the user's own) is refused untouched; a directory that does
    not exist is a usage error, not a traceback."""
    page = tmp_path / "page.txt"
    page.write_text(SAMPLES[0].read_text(encoding="utf-8"), encoding="utf-8")
    own = tmp_path / "notes.jsonl"
    own.write_text("mine\n", encoding="utf-8")
    for output in (page, own):
        before = output.read_bytes()
        done = cleantext(str(page), "-o", str(output))
        assert done.returncode == 2 and f"{output} exists; give a new file to -o" in done.stderr
        assert output.read_bytes() == before
    missing = cleantext(str(page), "-o", str(tmp_path / "no" / "such" / "out.jsonl"))
    assert (
        missing.returncode == 2 and "is no directory" in missing.stderr and "Traceback" not in missing.stderr
    )


def test_a_run_that_cleans_nothing_leaves_no_file_to_block_the_next_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    failed = cleantext(str(empty), "-o", str(out))
    assert failed.returncode == 1 and not out.exists()
    done = cleantext(str(SAMPLES[0]), "-o", str(out))
    assert done.returncode == 0 and len(records(out.read_text(encoding="utf-8"))) == 1


def test_an_output_that_cannot_be_written_is_one_line() -> None:
    done = cleantext(str(SAMPLES[0]), "-o", "/proc/self/cleaned.jsonl")
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "cleantext: cannot write /proc/self/cleaned.jsonl: No such file or directory"
    ]


def test_a_saved_html_page_is_refused_with_the_command_that_reads_it(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>x</p></body></html>", encoding="utf-8"
    )
    done = cleantext(str(page))
    assert done.returncode == 1 and done.stdout == ""
    assert f"cleantext: {page}: an HTML page, not page text: read it with `scrapy extract`" in done.stderr


def test_a_directory_is_named_with_the_way_to_name_its_texts(tmp_path: Path) -> None:
    done = cleantext(str(tmp_path))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert (
        done.stderr.strip().splitlines()[-1]
        == f"cleantext: {tmp_path}: is a directory: name its files (DIR/*.txt)"
    )
