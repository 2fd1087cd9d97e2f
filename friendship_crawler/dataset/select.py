"""Which records a snapshot holds: one per article, its newest version, then the user's filters.

Newest = highest `version`, ties broken by the latest `crawled_at`, then by the later run and line, so
the choice never depends on file-system order. Output order is stable (publication instant, then
article id) so the same inputs always give the same bytes.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from friendship_crawler.dataset.runs import RunRecord, dropped_for_good
from friendship_crawler.items import Article


@dataclass(frozen=True)
class ArticleFilter:
    """The export's filters; None or empty means "no limit"."""

    since: date | None = None
    """First publication date kept (inclusive, the site's local date)."""
    until: date | None = None
    """Last publication date kept (inclusive)."""
    sections: tuple[str, ...] = ()
    """Section names or slugs; an article is kept when any breadcrumb part matches any of them."""
    min_chars: int = 0
    """Shortest `text` kept, in characters."""

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ValueError(f"--since {self.since} is after --until {self.until}")
        if self.min_chars < 0:
            raise ValueError(f"--min-chars must be 0 or more, not {self.min_chars}")

    def keeps(self, article: Article) -> bool:
        """True when `article` passes every filter; undated articles fail a date filter."""
        if self.since or self.until:
            published = published_date(article)
            if published is None:
                return False
            if (self.since and published < self.since) or (self.until and published > self.until):
                return False
        if self.sections:
            wanted = {section_slug(name) for name in self.sections}
            if not wanted & {section_slug(part) for part in article.section}:
                return False
        return len(article.text) >= self.min_chars

    def unknown_sections(self, seen: dict[str, str]) -> list[str]:
        """The requested sections that no article names (slug -> name of those seen), in request order."""
        return [name for name in self.sections if section_slug(name) not in seen]


@dataclass
class Selection:
    """The chosen articles in output order, and how many records each step set aside."""

    articles: list[Article] = field(default_factory=list)
    kept_per_run: Counter[str] = field(default_factory=Counter)
    """Run id -> how many of the chosen articles come from that run."""
    sections_seen: dict[str, str] = field(default_factory=dict)
    """Slug -> name of every section or subsection the candidate articles name, before filtering."""
    records_read: int = 0
    older_versions: int = 0
    excluded_duplicates: int = 0
    filtered_out: int = 0


def parse_date(value: str, option: str) -> date:
    """A `YYYY-MM-DD` option value, or a ValueError naming the option and the expected format."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option} {value!r} is not a date; expected YYYY-MM-DD, e.g. 2023-08-09") from None


def section_slug(name: str) -> str:
    """Fold a section name or slug to its URL slug: "Bốn phương kết bạn" -> "bon-phuong-ket-ban"."""
    folded = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")


def published_date(article: Article) -> date | None:
    """The publication date as the site shows it (local date of `published_at`); None when unknown."""
    published = _published(article)
    return published.date() if published else None


def select_articles(
    records: Iterable[RunRecord], excluded_ids: dict[int, str], keep: ArticleFilter
) -> Selection:
    """One newest record per article id, minus the ones dropped as duplicates since (`dropped_for_good`)
    and filtered ones, in output order."""
    selection = Selection()
    newest = newest_records(records, selection)
    for record in newest.values():
        if dropped_for_good(excluded_ids, record):
            selection.excluded_duplicates += 1
            continue
        for name in record.article.section:
            selection.sections_seen.setdefault(section_slug(name), name)
        if not keep.keeps(record.article):
            selection.filtered_out += 1
        else:
            selection.articles.append(record.article)
            selection.kept_per_run[record.run.run_id] += 1
    selection.articles.sort(key=output_order)
    return selection


def newest_records(records: Iterable[RunRecord], selection: Selection | None = None) -> dict[int, RunRecord]:
    """Article id -> its newest record; `selection`, when given, counts records read and set aside."""
    counts = selection if selection is not None else Selection()
    newest: dict[int, RunRecord] = {}
    for record in records:
        counts.records_read += 1
        current = newest.get(record.article.article_id)
        if current is None:
            newest[record.article.article_id] = record
            continue
        counts.older_versions += 1
        if _recency(record) > _recency(current):
            newest[record.article.article_id] = record
    return newest


def output_order(article: Article) -> tuple[int, str, int]:
    """Sort key: dated articles by publication instant (UTC), then undated ones; then by id."""
    published = _published(article)
    if published is None:
        return (1, "", article.article_id)
    return (0, published.astimezone(UTC).isoformat(), article.article_id)


def _recency(record: RunRecord) -> tuple[int, str, str, int]:
    crawled = _instant(record.article.crawled_at)
    crawled_key = crawled.astimezone(UTC).isoformat() if crawled else ""
    return (record.article.version, crawled_key, record.run.run_id, record.line_number)


def _published(article: Article) -> datetime | None:
    return _instant(article.published_at)


def _instant(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
