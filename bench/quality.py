"""Quality: every system on every page, scored per page group against the page's expected record.

`python -m bench.quality` scores ours against trafilatura page by page on the real MasterCMS pages
(tests/fixtures/mastercms/): text F1, and whether title, date and author equal the hand-written truth.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from bench.pages import Page, mastercms_pages, unknown_template_pages
from bench.scoring import author_correct, date_correct, f1_of, share, text_scores
from bench.systems import Output, System, ours, trafilatura_full

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


@dataclass(frozen=True)
class PageScore:
    """One system on one page: text F1 and exactness of the fields the truth names."""

    system: str
    page: str
    f1: float
    title: bool
    date: bool
    author: bool
    failed: bool


def score_pages(systems: Sequence[System], pages: Sequence[Page]) -> list[PageScore]:
    """Every system on every page, one score per pair; the date is compared to the minute when the
    system gives a time, to the day otherwise."""
    scores = []
    for page in pages:
        for system in systems:
            output, failed = run_system(system, page)
            expected = page.expected
            scores.append(
                PageScore(
                    system=system.name,
                    page=page.name,
                    f1=f1_of(expected.text, output.text),
                    title=(output.title or "").strip() == (expected.title or ""),
                    date=_same_moment(expected.published_at, output.published_at),
                    author=author_correct(expected.author, output.author),
                    failed=failed,
                )
            )
    return scores


def _same_moment(true: str | None, pred: str | None) -> bool:
    if not date_correct(true, pred):
        return False
    return pred is None or len(pred) <= 10 or (true or "")[:16] == pred[:16]


def render_page_scores(scores: Sequence[PageScore]) -> str:
    """A Markdown table: per page, each system's F1 and title/date/author exactness, then means."""
    systems = list(dict.fromkeys(score.system for score in scores))
    pages = list(dict.fromkeys(score.page for score in scores))
    by_key = {(score.system, score.page): score for score in scores}
    head = " | ".join(f"{name} F1 | {name} title/date/author" for name in systems)
    lines = [f"| page | {head} |", "|---|" + "---|---|" * len(systems)]
    for page in pages:
        cells = []
        for name in systems:
            score = by_key[(name, page)]
            marks = "".join("✓" if ok else "✗" for ok in (score.title, score.date, score.author))
            cells.append(f"{score.f1:.4f} | {marks}{' (failed)' if score.failed else ''}")
        lines.append(f"| {page} | {' | '.join(cells)} |")
    means = []
    for name in systems:
        mine = [score for score in scores if score.system == name]
        exact = sum(s.title and s.date and s.author for s in mine)
        means.append(f"{sum(s.f1 for s in mine) / len(mine):.4f} | {exact}/{len(mine)} all exact")
    lines.append(f"| **mean** | {' | '.join(means)} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    """Ours against trafilatura on the real MasterCMS pages, then on pages of unknown templates, page by
    page."""
    for pages in (mastercms_pages(), unknown_template_pages()):
        sys.stdout.write(render_page_scores(score_pages([ours(), trafilatura_full()], pages)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
