"""Quality: every system on every page, scored per page group against the page's expected record."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from bench.pages import Page
from bench.scoring import author_correct, date_correct, share, text_scores
from bench.systems import Output, System

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class QualityRow:
    """One system's scores on one page group."""

    system: str
    group: str
    pages: int
    precision: float
    recall: float
    f1: float
    exact: float
    date_accuracy: float | None
    """None for systems that return no date."""
    author_accuracy: float | None
    failures: int
    """Pages on which the system raised (scored as empty output)."""


def run_system(system: System, page: Page) -> tuple[Output, bool]:
    """The system's output for a page, and whether it failed (then the output is empty)."""
    try:
        return system.run(page), False
    except system.errors as error:
        logger.debug("%s failed on %s: %s", system.name, page.name, error)
        return Output(""), True


def score_group(system: System, group: str, pages: Sequence[Page]) -> QualityRow:
    """Run `system` on `pages` (one group) and score it.

    Date accuracy counts only pages that show a date: a sample text without one proves nothing.
    """
    results = [(page, *run_system(system, page)) for page in pages]
    scores = text_scores([(page.expected.text, output.text) for page, output, _ in results])
    dates = [
        date_correct(page.expected.published_at, output.published_at)
        for page, output, _ in results
        if page.page_text is None or page.expected.published_at
    ]
    authors = [author_correct(page.expected.author, output.author) for page, output, _ in results]
    return QualityRow(
        system=system.name,
        group=group,
        pages=len(pages),
        precision=scores.precision,
        recall=scores.recall,
        f1=scores.f1,
        exact=scores.exact,
        date_accuracy=share(dates) if system.metadata and dates else None,
        author_accuracy=share(authors) if system.metadata else None,
        failures=sum(failed for _, _, failed in results),
    )


def groups_of(pages: Sequence[Page]) -> dict[str, list[Page]]:
    """Pages by group, in first-seen order."""
    groups: dict[str, list[Page]] = {}
    for page in pages:
        groups.setdefault(page.group, []).append(page)
    return groups


def measure_quality(systems: Sequence[System], pages: Sequence[Page]) -> list[QualityRow]:
    """Scores of every system on every page group."""
    rows = []
    for group, members in groups_of(pages).items():
        for system in systems:
            row = score_group(system, group, members)
            logger.info("quality %-24s %-14s F1 %.4f", system.name, group, row.f1)
            rows.append(row)
    return rows
