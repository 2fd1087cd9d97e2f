"""The snapshot's dataset card (`README.md`): what is inside, where it came from, and the schema.

Everything in the card is computed from the snapshot's own records and input runs; it carries no
build time, so the same inputs give the same card.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from friendship_crawler.dataset.chart import write_month_chart, write_ranking_chart, write_year_chart
from friendship_crawler.dataset.explore import DATABASE_FILE, OPEN_COMMAND
from friendship_crawler.dataset.fields import record_fields
from friendship_crawler.dataset.runs import BadLine, RunFile
from friendship_crawler.dataset.select import ArticleFilter, Selection, published_date
from friendship_crawler.entities.countries import canonical_name
from friendship_crawler.items import Article

TOP_AUTHORS = 15
LENGTH_BUCKETS = (0, 500, 1000, 2000, 5000, 10000)
"""Lower bounds (characters) of the text-length histogram rows."""
TOP_COUNTRIES_CHARTED = 20
TOP_ENTITIES = 10
"""Rows of each top-countries, top-provinces and top-organisations table."""
CHART_FILE = "articles_per_month.png"
YEAR_CHART_FILE = "articles_per_year.png"
COUNTRY_CHART_FILE = "articles_per_country.png"
CHART_FILES = (CHART_FILE, YEAR_CHART_FILE, COUNTRY_CHART_FILE)


@dataclass
class CardInputs:
    """What the card describes besides the records themselves."""

    selection: Selection
    runs: Sequence[RunFile]
    records_per_run: dict[RunFile, int]
    duplicates_reports: Sequence[str] = ()
    bad_lines: Sequence[BadLine] = ()
    article_filter: ArticleFilter = field(default_factory=ArticleFilter)
    files: Sequence[str] = ()


def articles_per_month(articles: Sequence[Article]) -> Counter[str]:
    """`YYYY-MM` -> number of articles published that month (site's local dates)."""
    return Counter(d.strftime("%Y-%m") for d in map(published_date, articles) if d)


def articles_per_country(articles: Sequence[Article]) -> Counter[str]:
    """Country display name -> number of articles naming that partner country."""
    return Counter(canonical_name(code) for a in articles for code in dict.fromkeys(a.countries))


def articles_per_province(articles: Sequence[Article]) -> Counter[str]:
    """Province name -> number of articles naming it."""
    return Counter(name for a in articles for name in dict.fromkeys(p.name for p in a.provinces))


def articles_per_organization(articles: Sequence[Article]) -> Counter[str]:
    """Organisation name -> number of articles naming it."""
    return Counter(name for a in articles for name in dict.fromkeys(o.name for o in a.organizations))


def top_countries(articles: Sequence[Article]) -> list[tuple[str, int]]:
    """The `TOP_COUNTRIES_CHARTED` partner countries named by most articles, with their counts."""
    return _ranked(articles_per_country(articles))[:TOP_COUNTRIES_CHARTED]


def write_charts(articles: Sequence[Article], directory: Path) -> list[str]:
    """The card's charts, written into `directory`; returns their file names (`CHART_FILES`)."""
    write_month_chart(articles_per_month(articles), directory / CHART_FILE)
    write_year_chart(_year_counts(articles), directory / YEAR_CHART_FILE)
    write_ranking_chart(
        top_countries(articles),
        directory / COUNTRY_CHART_FILE,
        f"Articles per partner country (top {TOP_COUNTRIES_CHARTED})",
    )
    return list(CHART_FILES)


def render_card(inputs: CardInputs) -> str:
    """The whole card as Markdown, with a Hugging Face YAML header pointing at the data file."""
    articles = inputs.selection.articles
    parts = [
        _front_matter(inputs.files),
        "# Thời Đại: Hữu nghị (friendship section) articles\n",
        'Articles of the friendship section ("Hữu nghị" and its subsections) of the Vietnamese magazine '
        "thoidai.com.vn, one record per article in its newest crawled version, sorted by publication time "
        "then article id.\n",
        _overview(inputs),
        _counter_table("Articles per subsection", "section", _section_counts(articles)),
        _counter_table("Articles per year", "year", _year_counts(articles), sort_by_key=True),
        f"![Articles per year]({YEAR_CHART_FILE})\n",
        _entities_section(articles),
        _counter_table(f"Top {TOP_AUTHORS} authors", "author", _author_counts(articles), limit=TOP_AUTHORS),
        _length_section(articles),
        f"## Articles per month\n\n![Articles per month]({CHART_FILE})\n",
        _schema_section(),
        _browse_section(inputs.files),
        _runs_section(inputs),
    ]
    return "\n".join(part for part in parts if part)


def _front_matter(files: Sequence[str]) -> str:
    preferred = next((f for f in ("data.parquet", "data.jsonl", "data.csv") if f in files), "data.jsonl")
    return (
        "---\nlanguage:\n- vi\npretty_name: Thời Đại Hữu nghị articles\ntask_categories:\n- text-generation\n"
        f"configs:\n- config_name: default\n  data_files: {preferred}\n---\n"
    )


def _overview(inputs: CardInputs) -> str:
    articles = inputs.selection.articles
    dates = sorted(d for d in map(published_date, articles) if d)
    date_range = f"{dates[0].isoformat()} to {dates[-1].isoformat()}" if dates else "no dated articles"
    keep = inputs.article_filter
    filters = [
        f"published on or after {keep.since}" if keep.since else "",
        f"published on or before {keep.until}" if keep.until else "",
        f"section in {', '.join(keep.sections)}" if keep.sections else "",
        f"text of at least {keep.min_chars} characters" if keep.min_chars else "",
    ]
    chosen = "; ".join(f for f in filters if f) or "none"
    sel = inputs.selection
    lines = [
        "## Overview\n",
        "| | |\n|---|---|",
        f"| articles | {len(articles)} |",
        f"| publication dates | {date_range} |",
        f"| undated articles | {len(articles) - len(dates)} |",
        f"| files | {', '.join(inputs.files)} |",
        f"| filters | {chosen} |",
        f"| records read | {sel.records_read} |",
        f"| older versions set aside | {sel.older_versions} |",
        f"| articles dropped as duplicates | {sel.excluded_duplicates} |",
        f"| articles filtered out | {sel.filtered_out} |",
        f"| unreadable run-file lines skipped | {len(inputs.bad_lines)} |",
        "",
    ]
    return "\n".join(lines)


def _section_counts(articles: Sequence[Article]) -> Counter[str]:
    return Counter(" / ".join(a.section) if a.section else "(no section)" for a in articles)


def _year_counts(articles: Sequence[Article]) -> Counter[str]:
    return Counter(str(d.year) if d else "(undated)" for d in map(published_date, articles))


def _author_counts(articles: Sequence[Article]) -> Counter[str]:
    return Counter(a.author or "(no byline)" for a in articles)


def _entities_section(articles: Sequence[Article]) -> str:
    """Distinct countries, provinces and organisations, the top ones of each, and the country chart."""
    tables = [
        ("partner countries", "country", articles_per_country(articles), "countries"),
        ("provinces", "province", articles_per_province(articles), "provinces"),
        ("organisations", "organisation", articles_per_organization(articles), "organizations"),
    ]
    lines = [
        "## Partner countries, provinces and organisations\n",
        "| | distinct | articles naming one |",
        "|---|---:|---:|",
    ]
    lines += [
        f"| {title} | {len(counts)} | {sum(1 for a in articles if getattr(a, field))} |"
        for title, _, counts, field in tables
    ]
    parts = ["\n".join(lines) + "\n"]
    parts += [
        _counter_table(f"Top {TOP_ENTITIES} {title}", label, counts, limit=TOP_ENTITIES)
        for title, label, counts, _ in tables
    ]
    parts.append(f"![Articles per partner country]({COUNTRY_CHART_FILE})\n")
    return "\n".join(parts)


def _ranked(counts: Counter[str]) -> list[tuple[str, int]]:
    """Most articles first, ties in name order, so tables and charts never depend on input order."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _counter_table(
    title: str, label: str, counts: Counter[str], limit: int | None = None, sort_by_key: bool = False
) -> str:
    rows = sorted(counts.items()) if sort_by_key else _ranked(counts)
    lines = [f"## {title}\n", f"| {label} | articles |", "|---|---:|"]
    lines += [f"| {_cell(name)} | {count} |" for name, count in rows[:limit]]
    return "\n".join(lines) + "\n"


def _length_section(articles: Sequence[Article]) -> str:
    lengths = sorted(len(a.text) for a in articles)
    lines = ["## Text length (characters of `text`)\n"]
    if not lengths:
        return lines[0] + "No articles.\n"
    points = [
        ("min", 0),
        ("10th percentile", 10),
        ("25th percentile", 25),
        ("median", 50),
        ("75th percentile", 75),
        ("90th percentile", 90),
        ("max", 100),
    ]
    lines += ["| statistic | characters |", "|---|---:|"]
    lines += [f"| {name} | {_percentile(lengths, p)} |" for name, p in points]
    lines += [f"| mean | {round(sum(lengths) / len(lengths))} |", "", "| length | articles |", "|---|---:|"]
    highs: list[int | None] = [*LENGTH_BUCKETS[1:], None]
    for low, high in zip(LENGTH_BUCKETS, highs, strict=True):
        count = sum(1 for n in lengths if n >= low and (high is None or n < high))
        label = f"{low}-{high - 1}" if high is not None else f"{low} or more"
        lines.append(f"| {label} | {count} |")
    return "\n".join(lines) + "\n"


def _percentile(sorted_values: Sequence[int], percent: int) -> int:
    """Nearest-rank percentile: exact integers, no interpolation, so the card is reproducible."""
    rank = max(1, -(-percent * len(sorted_values) // 100))
    return sorted_values[min(rank, len(sorted_values)) - 1]


def _schema_section() -> str:
    lines = [
        "## Schema\n",
        "One JSON object per line (`data.jsonl`); the same columns in CSV "
        "(lists as JSON text) and Parquet (lists and structs).\n",
        "| field | type | description |",
        "|---|---|---|",
    ]
    lines += [f"| `{f.name}` | `{_cell(f.type_name)}` | {_cell(f.description)} |" for f in record_fields()]
    return "\n".join(lines) + "\n"


def _browse_section(files: Sequence[str]) -> str:
    """How to open the SQLite file in Datasette, when the snapshot has one."""
    if DATABASE_FILE not in files:
        return ""
    return (
        "## Browse and search\n\n"
        f"`{DATABASE_FILE}` holds the articles (lists as JSON text), the tables `countries`, `provinces` "
        "and `organizations`, the link tables `article_countries`, `article_provinces` and "
        "`article_organizations`, and a full-text index over title, sapo and text that matches words with "
        "or without diacritics. In this directory, with `pip install 'friendship_crawler[explore]'`:\n\n"
        f"```sh\n{OPEN_COMMAND}\n```\n\n"
        "opens it in the browser with facets on partner country, province, organisation, subsection and "
        "year, and canned queries (articles about Laos since 2020, provinces working with Cuba, the "
        "Việt Nam – Mông Cổ friendship association).\n"
    )


def _runs_section(inputs: CardInputs) -> str:
    lines = [
        "## Source runs\n",
        "| run | spider | started (UTC) | records read | articles kept |",
        "|---|---|---|---:|---:|",
    ]
    for run in sorted(inputs.runs):
        lines.append(
            f"| {run.run_id} | {run.spider} | {run.started_at.isoformat()} | "
            f"{inputs.records_per_run.get(run, 0)} | {inputs.selection.kept_per_run.get(run.run_id, 0)} |"
        )
    if inputs.duplicates_reports:
        applied = ", ".join(f"`{name}`" for name in inputs.duplicates_reports)
        lines += ["", f"Duplicates reports applied: {applied}."]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
