"""The one JSON Lines reader: numbers, blanks, cut-off and non-object lines, each told apart."""

from __future__ import annotations

from pathlib import Path

from friendship_crawler.jsonl import CUT_OFF, json_lines


def test_each_line_says_what_it_holds(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    path.write_bytes(b'{"a": 1}\n\n[1, 2]\n\xff\xfe\n{"b": "x}\n{"b": 2}\n{"cut": "of')
    lines = list(json_lines(path))
    assert [line.number for line in lines] == [1, 2, 3, 4, 5, 6, 7]
    assert [line.record for line in lines] == [{"a": 1}, None, None, None, None, {"b": 2}, None]
    assert [line.problem for line in lines[:4]] == [
        None,
        None,
        "a JSON list, not a record",
        "not UTF-8 (truncated?)",
    ]
    assert lines[4].unreadable and lines[4].unreadable.startswith("truncated or invalid JSON")
    assert lines[5].problem is None
    assert lines[6].unreadable == CUT_OFF  # the last line, without its newline: a writer is not done with it
    assert [line.last for line in lines] == [False] * 6 + [True]
    assert b"".join(line.raw for line in lines) == path.read_bytes()


def test_a_missing_file_has_no_lines(tmp_path: Path) -> None:
    assert list(json_lines(tmp_path / "gone.jsonl")) == []


def test_a_last_line_cut_inside_a_character_is_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    path.write_bytes(b'{"a": 1}\n' + '{"title": "Hữu'.encode()[:-2])
    assert [line.problem for line in json_lines(path)] == [None, CUT_OFF]
