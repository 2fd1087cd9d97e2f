"""Real page texts of the section (and of the site's other sections, on the same templates), as public web
archives store them, against hand-written records.

Each `tests/fixtures/realtext/<case>.txt` is the first ~2 KB of a thoidai.com.vn page (full page text,
print view, a mirror copy, or the markdown-like style), stored verbatim; `<case>.json` is its record
written by reading the text (the convention of the shared expected records). The texts are cut
mid-sentence, so a record's text ends where the stored text ends.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from friendship_crawler.clean import clean_page_text
from friendship_crawler.textnorm import normalize_line

FIXTURES = Path(__file__).parent / "fixtures" / "realtext"
CASES = sorted(FIXTURES.glob("*.txt"))
FIELDS = ("title", "text", "author", "published_at", "section")
MIN_EXACT_RATE = 0.95
"""Share of cases whose five fields are all exact."""


def _gold(case: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(case.with_suffix(".json").read_text(encoding="utf-8"))
    assert gold["source_file"] == case.name
    return gold


def _record(case: Path) -> dict[str, object]:
    return clean_page_text(case.read_text(encoding="utf-8")).record()


def _is_exact(case: Path) -> bool:
    gold, record = _gold(case), _record(case)
    return all(record[field] == gold[field] for field in FIELDS)


def test_the_set_covers_the_section_across_the_years() -> None:
    golds = [_gold(case) for case in CASES]
    years = {gold["published_at"][:4] for gold in golds if gold["published_at"]}
    subsections = {gold["section"][-1] for gold in golds if gold["section"]}
    assert len(CASES) >= 30
    assert {"2019", "2020", "2021", "2022", "2023", "2024", "2025"} <= years
    assert {"Hữu nghị", "Bốn phương kết bạn", "Chân dung bè bạn"} <= subsections


def test_exact_on_nearly_every_real_text() -> None:
    inexact = [case.stem for case in CASES if not _is_exact(case)]
    assert len(CASES) - len(inexact) >= MIN_EXACT_RATE * len(CASES), inexact


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem.split("_")[0])
@pytest.mark.parametrize("field", FIELDS)
def test_real_text_field(case: Path, field: str) -> None:
    assert _record(case)[field] == _gold(case)[field], f"{case.stem}: {field}"


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem.split("_")[0])
def test_real_text_chrome_lines_are_gone(case: Path) -> None:
    """Every line the record leaves out (header, related titles and teasers, alt text) is not in the text.

    A left-out line that is part of a kept line (the bars of a caption cell, a repeated caption) is
    not chrome of its own and is not checked.
    """
    kept = _gold(case)["text"].split("\n")
    raw = [line for line in map(normalize_line, case.read_text(encoding="utf-8").splitlines()) if line]
    chrome = [line for line in raw if not any(line in keep or keep in line for keep in kept)]
    got = set(str(_record(case)["text"]).split("\n"))
    assert [line for line in chrome if line in got] == [], case.stem


def test_the_readme_counts_the_set_as_it_is() -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"holds {len(CASES)} real page texts" in readme and f"on all {len(CASES)})" in readme
