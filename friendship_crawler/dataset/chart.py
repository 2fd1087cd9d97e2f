"""The snapshot's PNG charts (articles per month, per year, per partner country), drawn reproducibly.

Matplotlib's object API with the Agg canvas is used, not pyplot, so no global figure state leaks
between calls; the PNG metadata carries no software version or timestamp, so the same data gives
the same bytes. Matplotlib is imported when the first figure is made: Scrapy loads every command's
modules to start any command, and importing matplotlib costs a third of a second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

MAX_LABELS = 24
"""At most this many month labels on the x axis; the others are thinned out."""
BAR_COLOR = "#2f6f9f"


def month_range(counts: Counter[str]) -> list[str]:
    """Every `YYYY-MM` from the first counted month to the last, gaps included."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def year_range(counts: Counter[str]) -> list[str]:
    """Every year from the first counted one to the last, gaps included; non-year keys are left out."""
    years = [int(key) for key in counts if key.isdigit()]
    return [str(y) for y in range(min(years), max(years) + 1)] if years else []


def write_month_chart(per_month: Counter[str], path: Path, title: str = "Articles per month") -> None:
    """A bar chart of `per_month` (`YYYY-MM` -> count), empty months shown as gaps."""
    months = month_range(per_month)
    figure, axes = _figure((10, 4))
    positions = range(len(months))
    axes.bar(positions, [per_month[m] for m in months], width=0.8, color=BAR_COLOR)
    step = max(1, -(-len(months) // MAX_LABELS))
    axes.set_xticks(list(positions)[::step], months[::step], rotation=60, ha="right", fontsize=8)
    axes.set_ylabel("articles")
    axes.set_title(title if months else f"{title} (no dated articles)")
    axes.grid(axis="y", alpha=0.3)
    _save(figure, path)


def write_year_chart(per_year: Counter[str], path: Path, title: str = "Articles per year") -> None:
    """A bar chart of `per_year` (`YYYY` -> count) with every year in the range, counts over the bars."""
    years = year_range(per_year)
    figure, axes = _figure((8, 3.5))
    positions = range(len(years))  # not the year strings: matplotlib would log that they read as numbers
    bars = axes.bar(positions, [per_year[y] for y in years], width=0.7, color=BAR_COLOR)
    axes.bar_label(bars, fontsize=8)
    axes.set_xticks(list(positions), years, fontsize=8)
    axes.set_ylabel("articles")
    axes.set_title(title if years else f"{title} (no dated articles)")
    axes.grid(axis="y", alpha=0.3)
    _save(figure, path)


def write_ranking_chart(ranked: Sequence[tuple[str, int]], path: Path, title: str) -> None:
    """Horizontal bars of (label, count) pairs, the first on top, each count written beside its bar."""
    figure, axes = _figure((8, 1.2 + 0.3 * max(len(ranked), 1)))
    labels = [label for label, _ in reversed(ranked)]
    bars = axes.barh(labels, [count for _, count in reversed(ranked)], height=0.7, color=BAR_COLOR)
    axes.bar_label(bars, padding=2, fontsize=8)
    axes.tick_params(axis="y", labelsize=9)
    axes.set_xlabel("articles")
    axes.set_title(title if ranked else f"{title} (none named)")
    axes.grid(axis="x", alpha=0.3)
    _save(figure, path)


def _figure(size: tuple[float, float]) -> tuple[Figure, Axes]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=100)
    FigureCanvasAgg(figure)
    return figure, figure.add_subplot()


def _save(figure: Figure, path: Path) -> None:
    figure.tight_layout()
    figure.savefig(path, format="png", metadata={"Software": None})
