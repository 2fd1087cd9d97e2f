"""The benchmark harness: its scoring reproduces the ScrapingHub benchmark, and a tiny run goes end to end."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.__main__ import main
from bench.crawl import crawl_replica, stats_from_log
from bench.dataset_speed import synthetic_articles, time_reprocess
from bench.pages import mastercms_pages, replica_pages, sample_pages, wrap_as_html
from bench.report import render
from bench.run import Plan, run_benchmark
from bench.scoring import (
    author_correct,
    date_correct,
    exact_match,
    f1_of,
    shingle_match,
    shingles,
    text_scores,
    tokenize,
)
from bench.speed import percentile
from bench.systems import ours, trafilatura_text, with_title

TEXT = "Liên hiệp hữu nghị tỉnh Bình Phước tổ chức Đại hội đại biểu lần thứ II, nhiệm kỳ 2022-2027."


# --- scoring ------------------------------------------------------------------------------------
def test_tokens_are_word_runs_with_vietnamese_letters_and_case_kept():
    assert tokenize("Đại hội, nhiệm kỳ 2022-2027.") == ["Đại", "hội", "nhiệm", "kỳ", "2022", "2027"]
    assert tokenize(None) == []


def test_f1_of_identical_texts_is_one():
    assert f1_of(TEXT, TEXT) == 1.0
    assert text_scores([(TEXT, TEXT)]).exact == 1.0


def test_f1_of_disjoint_texts_is_zero():
    assert f1_of(TEXT, "Thời tiết hôm nay Hà Nội rét đậm nhiệt độ thấp") == 0.0


def test_line_breaks_and_punctuation_do_not_count():
    assert f1_of(TEXT, TEXT.replace(", ", "\n")) == 1.0
    assert exact_match(TEXT, TEXT.replace(" ", "  "))


def test_shingles_are_four_tokens_and_a_short_text_is_one_shingle():
    assert sum(shingles("a b c d e").values()) == 2
    assert shingles("a b") == {("a", "b"): 1}
    assert shingles("") == {}


def test_match_is_normalised_per_page():
    match = shingle_match("a b c d e", "a b c d")
    assert (match.tp, match.fp, match.fn) == (0.5, 0.0, 0.5)


def test_repeated_shingles_count_as_a_multiset():
    match = shingle_match("a b c d", "a b c d a b c d")
    assert match.tp > 0 and match.fp > 0 and match.fn == 0


def test_missing_half_the_text_gives_full_precision_and_half_recall():
    scores = text_scores([("a b c d e", "a b c d")])
    assert scores.precision == 1.0
    assert scores.recall == 0.5
    assert scores.f1 == pytest.approx(2 / 3)


def test_corpus_scores_average_pages_and_skip_empty_predictions_for_precision():
    scores = text_scores([(TEXT, TEXT), (TEXT, "")])
    assert scores.precision == 1.0  # the empty prediction has no shingles: not in the precision mean
    assert scores.recall == 0.5
    assert scores.exact == 0.5


def test_no_prediction_at_all_scores_zero_instead_of_raising():
    assert text_scores([(TEXT, "")]).f1 == 0.0
    assert text_scores([]).pages == 0


def test_author_and_date_comparisons():
    assert author_correct("Phương Lê", " phương  lê ")
    assert author_correct(None, None)
    assert not author_correct("Anh Vũ", None)
    assert date_correct("2023-08-09T16:43:00+07:00", "2023-08-09")
    assert not date_correct("2023-08-09T16:43:00+07:00", "2023-08-10T09:00:00")


def test_percentile_interpolates_between_ranks():
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert percentile([10.0, 20.0], 0.95) == pytest.approx(19.5)
    with pytest.raises(ValueError, match="no values"):
        percentile([], 0.5)


# --- pages and systems --------------------------------------------------------------------------
def test_page_text_is_wrapped_as_one_paragraph_per_line():
    html = wrap_as_html("Tiêu đề <1>\n\n  Đoạn một  \nĐoạn hai\n")
    assert html.count("<p>") == 3
    assert "<p>Tiêu đề &lt;1&gt;</p>" in html
    assert "<p>Đoạn một</p>" in html


def test_with_title_puts_the_title_first_once():
    assert with_title("Tiêu đề", "Thân bài") == "Tiêu đề\nThân bài"
    assert with_title("Tiêu đề", "Tiêu đề\nThân bài") == "Tiêu đề\nThân bài"
    assert with_title(None, " Thân bài ") == "Thân bài"


def test_replica_pages_carry_html_and_truth_for_every_template():
    pages = replica_pages(40)
    assert {page.group for page in pages} == {"replica v2019", "replica v2021", "replica v2024"}
    assert all("<html" in page.html.lower() and page.expected.text for page in pages)


def test_sample_pages_keep_the_page_text_for_our_cleaner():
    pages = sample_pages()
    if not pages:
        pytest.skip("no shared sample documents here")
    assert all(page.page_text and page.group == "sample texts" for page in pages)


def test_ours_and_a_peer_extract_a_replica_page():
    page = replica_pages(40)[0]
    assert f1_of(page.expected.text, ours().run(page).text) > 0.9
    peer_text = trafilatura_text().run(page).text
    assert 0.0 < f1_of(page.expected.text, peer_text) <= 1.0


def test_synthetic_articles_are_distinct():
    articles = list(synthetic_articles(50))
    assert len({a.article_id for a in articles}) == 50
    assert len({a.content_hash for a in articles}) == 50


# --- crawl --------------------------------------------------------------------------------------
def test_reprocess_of_a_small_archive_reports_its_time_and_peak_memory():
    row = time_reprocess(20)
    assert row.stage == "reprocess (scrapy reprocess)" and row.articles == 20
    assert row.seconds is not None and row.seconds > 0
    assert re.search(r"peak memory [\d,]+ MB", row.note), row.note


def test_stats_are_read_from_the_last_stats_dump_of_a_log():
    log = (
        "2026-01-01 10:00:00 [scrapy.statscollectors] INFO: Dumping Scrapy stats:\n"
        "{'downloader/response_count': 10,\n 'elapsed_time_seconds': 1.5}\n"
        "2026-01-01 10:00:05 [scrapy.statscollectors] INFO: Dumping Scrapy stats:\n"
        "{'downloader/response_count': 278,\n 'elapsed_time_seconds': 3.437,\n"
        " 'finish_time': datetime.datetime(2026, 1, 1, 10, 0, 5, tzinfo=datetime.timezone.utc),\n"
        " 'item_scraped_count': 243}\n"
        "2026-01-01 10:00:05 [scrapy.core.engine] INFO: Spider closed (finished)\n"
    )
    assert stats_from_log(log) == {
        "downloader/response_count": 278.0,
        "elapsed_time_seconds": 3.437,
        "item_scraped_count": 243.0,
    }
    assert stats_from_log("no stats here") == {}


def test_crawl_of_a_small_replica_reports_pages_items_and_cpu():
    result = crawl_replica(40, timeout=120)
    assert result.error == ""
    assert result.pages > 40
    assert result.items > 30
    assert result.pages_per_minute > 0
    assert result.cpu_per_item is not None and result.cpu_per_item > 0


# --- the whole harness --------------------------------------------------------------------------
def test_tiny_run_renders_every_measured_part(tmp_path):
    plan = Plan("tiny", 40, 3, 1, 40, 1, (), (), parts=("quality", "speed"), peers=False)
    notes: list[str] = []
    results = run_benchmark(plan, note=notes.append)
    assert [note.split(":")[0].split(" done")[0] for note in notes] == [
        "[1/2] quality", "[1/2] quality", "[2/2] speed", "[2/2] speed"
    ]  # fmt: skip
    timed = plan.speed_pages + len(mastercms_pages())
    assert notes[1].endswith(" s") and f"2 systems on {timed} pages, each timed 1x" in notes[2]
    ours_rows = [row for row in results.quality if row.system == "ours" and row.group.startswith("replica")]
    assert {row.group for row in ours_rows} == {"replica v2019", "replica v2021", "replica v2024"}
    assert all(row.f1 > 0.9 for row in ours_rows)
    assert {row.system for row in results.speed} == {"ours", "bare lxml parse"}
    report = render(results)
    assert "## 1. Quality" in report and "## 2. Speed" in report
    assert "F1 ≥ 0.99 on replica v2019" in report
    assert "extraction + cleaning ≤ 3x bare lxml parse" in report
    assert "## 3. Crawl" not in report


@pytest.mark.parametrize("args", [["--parts", "quality,bogus"], ["--dedup-sizes", "10k"], ["--repeats", "0"]])
def test_command_line_rejects_bad_arguments_before_measuring(args):
    with pytest.raises(SystemExit) as exit_info:
        main(["--quick", *args])
    assert exit_info.value.code == 2


def test_an_out_file_in_a_missing_directory_is_refused_before_measuring(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("bench.__main__.run_benchmark", lambda *_, **__: pytest.fail("it measured"))
    with pytest.raises(SystemExit) as exit_info:
        main(["--quick", "--out", str(tmp_path / "missing" / "results.md")])
    assert exit_info.value.code == 2
    assert f"no directory {tmp_path / 'missing'}" in capsys.readouterr().err


def test_an_out_that_is_a_directory_or_another_file_is_refused_before_measuring(
    tmp_path, monkeypatch, capsys
):
    """A report goes to a file of its own: a directory is no file, and a file of something else is never
    overwritten (an earlier report is)."""
    monkeypatch.setattr("bench.__main__.run_benchmark", lambda *_, **__: pytest.fail("it measured"))
    notes = tmp_path / "notes.md"
    notes.write_text("# My notes\n", encoding="utf-8")
    for out, reason in (
        (tmp_path, "is a directory"),
        (notes, "holds something other than a benchmark report"),
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(["--quick", "--out", str(out)])
        assert exit_info.value.code == 2
        assert f"--out {out}: {reason}" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "# My notes\n"


# --- a terminated run ---------------------------------------------------------------------------
def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(child) for child in path.read_text().split()} if path.exists() else set()


def _alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for a parent to collect it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc")
def test_a_terminated_run_stops_the_replica_it_started():
    run = subprocess.Popen(
        [sys.executable, "-m", "bench", "--parts", "crawl", "--out", os.devnull],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=Path(__file__).parent.parent,
    )
    try:
        deadline = time.monotonic() + 60
        while not (started := _children(run.pid)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert started, "the crawl part started no replica"
        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=30) == 128 + signal.SIGTERM
        deadline = time.monotonic() + 15
        while [pid for pid in started if _alive(pid)] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in started if _alive(pid)]
    finally:
        run.kill()
