"""The one reader of the JSON Lines files a crawl leaves: run files and duplicates reports.

Each line comes with its number, its bytes and whether it is the file's last, so a caller decides
what a bad line means: the dedup stage trims a line a kill cut off at the end, a dataset export
reports a bad line with its file and number and goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

CUT_OFF = "cut off before its end (a crawl still writing the file, or one that was killed)"
"""Why a last line without its newline is no JSON: a record is written whole, newline and all."""


@dataclass(frozen=True)
class JsonLine:
    """One line of a JSON Lines file."""

    number: int
    raw: bytes
    """The line's bytes, newline included."""
    last: bool
    record: dict[str, Any] | None = None
    """The JSON object on the line, or None (blank line, other JSON, or unreadable)."""
    unreadable: str | None = None
    """Why the line is not JSON at all (a kill may cut a last line short); None when it is."""
    other_json: str | None = None
    """The JSON type of a readable line that holds no object ("list", "int" ...)."""

    @property
    def problem(self) -> str | None:
        """Why a non-blank line is no record; None for a record or a blank line."""
        if self.unreadable:
            return self.unreadable
        return f"a JSON {self.other_json}, not a record" if self.other_json else None


def json_lines(path: Path) -> Iterator[JsonLine]:
    """Every line of the file, read one at a time (nothing when the file does not exist)."""
    if not path.exists():
        return
    with path.open("rb") as stream:
        for number, (raw, last) in enumerate(_lines(stream), start=1):
            yield _read(number, raw, last)


def _read(number: int, raw: bytes, last: bool) -> JsonLine:
    stripped = raw.strip()
    if not stripped:
        return JsonLine(number, raw, last)
    cut_off = last and not raw.endswith(b"\n")
    try:
        data = json.loads(stripped.decode("utf-8"))
    except UnicodeDecodeError:  # a cut inside a character of a last line is a cut all the same
        return JsonLine(number, raw, last, unreadable=CUT_OFF if cut_off else "not UTF-8 (truncated?)")
    except json.JSONDecodeError as exc:
        if cut_off:
            return JsonLine(number, raw, last, unreadable=CUT_OFF)
        reason = f"truncated or invalid JSON ({exc.msg.removesuffix(' at')}, column {exc.colno})"
        return JsonLine(number, raw, last, unreadable=reason)
    if not isinstance(data, dict):
        return JsonLine(number, raw, last, other_json=type(data).__name__)
    return JsonLine(number, raw, last, record=data)


def _lines(stream: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """Each line of a binary file (with its newline, if any), and whether it is the file's last."""
    line = stream.readline()
    while line:
        following = stream.readline()
        yield line, not following
        line = following
