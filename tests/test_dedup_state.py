"""The SQLite state and the feed reading it trusts: trimming cut-off lines, locking, settings checks."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from friendship_crawler.dedup import state as state_module
from friendship_crawler.dedup.feeds import read_feed, written_versions
from friendship_crawler.dedup.minhash import ShingleConfig
from friendship_crawler.dedup.rule import Fingerprint
from friendship_crawler.dedup.state import DedupState, StateError, check_state
from friendship_crawler.items import Article


def record(aid: int, version: int = 1) -> str:
    return json.dumps(
        {"url": f"https://thoidai.com.vn/bai-{aid}.html", "article_id": aid, "version": version}
    )


def test_a_cut_off_last_line_is_not_a_record_and_is_trimmed(tmp_path: Path) -> None:
    feed = tmp_path / "friendship-20261101T080000Z.jsonl"
    feed.write_text(f"{record(1)}\n{record(2, 2)}\n{record(3)[:20]}", encoding="utf-8")
    assert written_versions([feed]) == {
        ("https://thoidai.com.vn/bai-1.html", 1),
        ("https://thoidai.com.vn/bai-2.html", 2),
    }
    assert feed.read_text(encoding="utf-8").endswith(record(3)[:20]), "reading alone changes nothing"
    result = read_feed(feed, trim=True)
    assert result.trimmed_bytes == 20 and len(result.records) == 2
    assert feed.read_text(encoding="utf-8") == f"{record(1)}\n{record(2, 2)}\n"


def test_an_invalid_last_line_that_ends_in_a_newline_is_no_cut_and_stays(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A kill cuts a line before its newline; a whole line that is no JSON was written so: it is named,
    counted, and left in the file."""
    feed = tmp_path / "friendship-20261101T080000Z.jsonl"
    feed.write_text(f'{record(1)}\n{{"url": "cut\n', encoding="utf-8")
    result = read_feed(feed, trim=True)
    assert result.trimmed_bytes == 0 and len(result.records) == 1
    assert feed.read_text(encoding="utf-8") == f'{record(1)}\n{{"url": "cut\n'
    assert any(
        r.getMessage().startswith(f"Skipping line 2 of {feed}: truncated or invalid JSON")
        for r in caplog.records
    )


def test_a_complete_last_line_without_newline_is_kept_and_ended(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    feed.write_text(f"{record(1)}\n{record(2)}", encoding="utf-8")
    assert len(read_feed(feed, trim=True).records) == 2
    assert feed.read_text(encoding="utf-8") == f"{record(1)}\n{record(2)}\n"


def test_a_missing_feed_holds_no_record(tmp_path: Path) -> None:
    assert read_feed(tmp_path / "gone.jsonl").records == []


def test_settling_trims_a_cut_off_last_line_and_ends_the_last_record(tmp_path: Path) -> None:
    cut, unended = tmp_path / "cut.jsonl", tmp_path / "unended.jsonl"
    cut.write_text(f"{record(1)}\n{record(2)[:20]}", encoding="utf-8")
    unended.write_text(record(3), encoding="utf-8")
    assert written_versions([cut, unended], trim=True) == {
        ("https://thoidai.com.vn/bai-1.html", 1),
        ("https://thoidai.com.vn/bai-3.html", 1),
    }
    assert cut.read_text(encoding="utf-8") == f"{record(1)}\n"
    assert unended.read_text(encoding="utf-8") == f"{record(3)}\n"


def test_an_unreadable_line_in_the_middle_is_skipped_not_trimmed(tmp_path: Path) -> None:
    feed = tmp_path / "f.jsonl"
    content = f"{record(1)}\n{record(2)[:20]}\n\n{record(3)}\n"
    feed.write_text(content, encoding="utf-8")
    result = read_feed(feed, trim=True)
    assert [r["article_id"] for r in result.records] == [1, 3] and result.trimmed_bytes == 0
    assert feed.read_text(encoding="utf-8") == content


def test_the_written_versions_of_a_feed_are_read_one_line_at_a_time(tmp_path: Path) -> None:
    feed = tmp_path / "big.jsonl"
    text = "Hữu nghị " * 2500
    with feed.open("w", encoding="utf-8") as out:
        for aid in range(200):
            out.write(json.dumps({"url": f"https://thoidai.com.vn/bai-{aid}.html", "text": text}) + "\n")
    tracemalloc.start()
    try:
        written = written_versions([feed], trim=True)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(written) == 200
    assert peak < feed.stat().st_size / 8, f"reading {feed.stat().st_size} bytes peaked at {peak} bytes"


def test_one_crawl_at_a_time_holds_the_state(tmp_path: Path) -> None:
    first = DedupState.open(tmp_path)
    try:
        with pytest.raises(StateError, match="Another crawl"):
            DedupState.open(tmp_path)
    finally:
        first.close()
    DedupState.open(tmp_path).close()


def test_a_state_that_fails_to_open_releases_only_a_lock_it_took(tmp_path: Path) -> None:
    (tmp_path / state_module.STATE_FILE).write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(StateError):
        DedupState.open(tmp_path)
    held = state_module.take_lock(tmp_path)  # released by the failed open above
    try:
        with pytest.raises(StateError):
            DedupState.open(tmp_path, lock=held)
        with pytest.raises(StateError, match="Another crawl"):
            state_module.take_lock(tmp_path)  # the caller's lock is still held
    finally:
        held.close()


def test_a_state_built_with_other_signature_settings_is_refused(tmp_path: Path) -> None:
    DedupState.open(tmp_path).close()
    with pytest.raises(StateError, match="other signature settings"):
        DedupState.open(tmp_path, ShingleConfig(shingle_words=5))


def test_settling_confirms_what_the_feed_holds_and_releases_the_rest(tmp_path: Path) -> None:
    state = DedupState.open(tmp_path)
    config = ShingleConfig()
    state.begin_run("r1")
    items = [Article(url=f"https://thoidai.com.vn/bai-{n}.html", article_id=n, title="t", text=f"Bài số {n} về hữu nghị")
             for n in (1, 2)]  # fmt: skip
    for item in items:
        state.record_export("r1", Fingerprint.of(item, config))
    assert [r for r, _ in state.unsettled_runs()] == ["r1"]
    settled = state.settle_run("r1", {(items[0].url, 1)})
    assert (settled.confirmed, settled.released) == (1, 1)
    assert state.latest(items[0].url) is not None and state.latest(items[1].url) is None
    assert state.unsettled_runs() == []
    assert state.candidates(Fingerprint.of(items[1], config)) == []
    state.close()


def test_band_index_finds_near_signatures_and_forgets_removed_ones() -> None:
    from friendship_crawler.dedup.bands import BandIndex
    from friendship_crawler.dedup.minhash import signature, signature_bytes
    from friendship_crawler.dedup.rule import LSH_WEIGHTS

    config = ShingleConfig()
    words = " ".join(f"từ{n}" for n in range(300))
    edited = words.replace("từ150", "chữ")
    other = " ".join(f"khác{n}" for n in range(300))
    packed = [signature_bytes(signature(text, config)) for text in (words, edited, other)]
    index = BandIndex(0.4, config.num_perm, LSH_WEIGHTS)
    index.load([(1, packed[0])])
    index.add(2, packed[2])
    assert index.query(packed[1]) == {1}
    assert index.query(packed[2]) == {2}
    index.remove(1, packed[0])
    assert index.query(packed[1]) == set()


def test_a_state_whose_creation_was_interrupted_is_created_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(config: ShingleConfig) -> dict[str, str]:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(state_module, "_meta", killed)
        with pytest.raises(KeyboardInterrupt):
            DedupState.open(tmp_path / "state")
    assert not (tmp_path / "state" / state_module.STATE_FILE).exists()
    DedupState.open(tmp_path / "state").close()
    reopened = DedupState.open(tmp_path / "state")
    reopened.close()
    assert sorted(p.name for p in (tmp_path / "state").iterdir() if "partial" in p.name) == []


def test_checking_the_state_says_what_opening_it_would_say(tmp_path: Path) -> None:
    config = ShingleConfig()
    check_state(tmp_path, config)
    assert (tmp_path / state_module.STATE_FILE).exists(), "a first run's state is created"
    held = DedupState.open(tmp_path)
    try:
        with pytest.raises(StateError, match="Another crawl"):
            check_state(tmp_path, config)
    finally:
        held.close()
    (tmp_path / state_module.STATE_FILE).write_bytes(b"SQLite format 3\x00" + b"\x07" * 5000)
    with pytest.raises(StateError, match=r"corrupt|cannot be used") as refused:
        check_state(tmp_path, config)
    assert f"scrapy rebuild_state --state-dir {tmp_path}`" in str(refused.value)


def test_checking_a_lost_state_refuses_when_feeds_were_exported(tmp_path: Path) -> None:
    feed = tmp_path / "output" / "friendship-20261101T080000Z.jsonl"
    with pytest.raises(StateError, match="missing"):
        check_state(tmp_path / "state", ShingleConfig(), exported_before=[feed])
    assert not (tmp_path / "state" / state_module.STATE_FILE).exists()
