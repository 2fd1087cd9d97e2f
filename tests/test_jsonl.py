"""The one JSON Lines reader: numbers, blanks, cut-off and non-object lines, each told apart."""

from __future__ import annotations

from pathlib import Path

from friendship_crawler.jsonl import json_lines


def test_each_line_says_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    path.write_bytes(b'{"a": 1}\n\n[1, 2]\n\xff\xfe\n{"b": 2}\n{"cut": "of')
    lines = list(json_lines(path))
    assert [line.number for line in lines] == [1, 2, 3, 4, 5, 6]
    assert [line.record for line in lines] == [{"a": 1}, None, None, None, {"b": 2}, None]
    assert [line.problem for line in lines[:5]] == [
        None, None, "a JSON list, not a record", "not UTF-8 (truncated?)", None,
    ]  # fmt: skip
    assert lines[5].unreadable and lines[5].unreadable.startswith("truncated or invalid JSON")
    assert [line.last for line in lines] == [False] * 5 + [True]
    assert b"".join(line.raw for line in lines) == path.read_bytes()


def test_a_missing_file_has_no_lines(tmp_path: Path) -> None:
    assert list(json_lines(tmp_path / "gone.jsonl")) == []
