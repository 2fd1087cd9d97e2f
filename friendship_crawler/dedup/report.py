"""The duplicates report: one JSON line per merge, so a person can audit every decision of a run.

Written next to the run's feed as `<feed name>.duplicates.jsonl`, one line per dropped
copy, flushed as it is written. A run resumed from its JOBDIR appends to its own report and may fetch a
dropped copy again (after a kill -9 the request queue is discarded): a merge the report already holds
is not written twice, and a line a kill cut short is ended before the next one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from friendship_crawler.dedup.feeds import iter_records
from friendship_crawler.dedup.rule import Reason


@dataclass(frozen=True)
class Merge:
    """One copy set aside in favour of the kept copy of the same article."""

    kept_url: str
    kept_id: int
    dropped_url: str
    dropped_id: int
    reason: Reason
    similarity: float


class DuplicatesReport:
    """Appends merges to one report file, opened on the first merge, each merge once."""

    def __init__(self, path: Path, run_id: str) -> None:
        self.path = path
        self.run_id = run_id
        self._file: IO[str] | None = None
        self._written: set[tuple[object, ...]] = set()
        self.lines = 0

    def write(self, merge: Merge) -> None:
        if self._file is None:
            if self.path.exists():
                self._written = {_key(entry) for entry in read_report(self.path)}
            self.path.parent.mkdir(parents=True, exist_ok=True)
            cut_short = _ends_mid_line(self.path)
            self._file = self.path.open("a", encoding="utf-8")
            if cut_short:
                self._file.write("\n")
        key = _key(asdict(merge))
        if key in self._written:
            return
        self._written.add(key)
        entry = {
            "run_id": self.run_id,
            "at": datetime.now(UTC).replace(microsecond=0).isoformat(),
            **asdict(merge),
            "similarity": round(merge.similarity, 4),
        }
        self._file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._file.flush()
        self.lines += 1

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _ends_mid_line(path: Path) -> bool:
    """The file exists and its last line has no end (a kill cut it short)."""
    try:
        with path.open("rb") as file:
            file.seek(-1, 2)
            return file.read(1) != b"\n"
    except OSError:  # no file, or an empty one
        return False


def _key(entry: dict) -> tuple[object, ...]:
    """What makes a merge the same one: the two copies and the reason."""
    return entry.get("kept_url"), entry.get("dropped_url"), entry.get("reason")


def read_report(path: Path) -> list[dict]:
    """The complete entries of a duplicates report."""
    return list(iter_records(path))
