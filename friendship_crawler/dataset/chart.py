"""The snapshot's PNG chart of articles per month, drawn reproducibly (same data, same bytes).

Matplotlib's object API with the Agg canvas is used, not pyplot, so no global figure state leaks
between calls; the PNG metadata carries no software version or timestamp.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

MAX_LABELS = 24
"""At most this many month labels on the x axis; the others are thinned out."""


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


def write_month_chart(per_month: Counter[str], path: Path, title: str = "Articles per month") -> None:
    """A bar chart of `per_month` (`YYYY-MM` -> count), empty months shown as gaps."""
    months = month_range(per_month)
    figure = Figure(figsize=(10, 4), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = range(len(months))
    axes.bar(positions, [per_month[m] for m in months], width=0.8, color="#2f6f9f")
    step = max(1, -(-len(months) // MAX_LABELS))
    axes.set_xticks(list(positions)[::step], months[::step], rotation=60, ha="right", fontsize=8)
    axes.set_ylabel("articles")
    axes.set_title(title if months else f"{title} (no dated articles)")
    axes.grid(axis="y", alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, format="png", metadata={"Software": None})
