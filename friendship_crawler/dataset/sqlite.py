"""The snapshot as one SQLite database: articles, their partner countries, provinces and organisations.

Tables: `articles` (every record field, lists as JSON text, plus columns that facet well), `countries`,
`provinces`, `organizations`, and the link tables `article_countries`, `article_provinces`,
`article_organizations` (foreign keys, and each entity's position in the record).

Full-text search is FTS5 over title, sapo and text with the `unicode61 remove_diacritics 2` tokenizer,
which folds every Vietnamese diacritic but not "đ": that is a letter of its own, not d with a mark. So
the index also holds `text_ascii`, the text with đ/Đ made d/D (and every other mark dropped): "Da Nang"
then finds "Đà Nẵng", as "huu nghi" finds "hữu nghị", quoted phrases included. The copy makes the file about
half as large again: the price of phrase search without a custom tokenizer, which Datasette could
not load.

Built with sqlite-utils. The same articles give the same bytes: rows go in a fixed order, organisation
ids come from sorted names, and nothing records the build time.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import sqlite_utils

from friendship_crawler.clean.folding import fold_ascii
from friendship_crawler.dataset.explore import DERIVED_COLUMNS
from friendship_crawler.dataset.select import published_date
from friendship_crawler.entities import ENTITY_FIELDS
from friendship_crawler.entities.countries import canonical_name
from friendship_crawler.items import Article

FIRST_COLUMNS = (
    "article_id",
    "published_at",
    "year",
    "title",
    "subsection",
    "country_names",
    "province_names",
    "organization_names",
    "sapo",
)
"""Shown first when browsing: what tells one article from another at a glance."""
SEARCHED_COLUMNS = ("title", "sapo", "text", "text_ascii")
TOKENIZER = "unicode61 remove_diacritics 2"


def write_database(articles: Sequence[Article], path: Path) -> None:
    """Build the database at `path` (which must not exist yet) from `articles`, in their order."""
    db = sqlite_utils.Database(path)
    try:
        # no fsync per batch: an interrupted build is discarded whole, with the snapshot it belongs to
        db.execute("PRAGMA synchronous = OFF")
        _create_tables(db)
        db.table("articles").insert_all(map(article_row, articles), batch_size=500)
        _insert_entities(db, articles)
        # no triggers: a snapshot is never written to again
        db.table("articles").enable_fts(SEARCHED_COLUMNS, tokenize=TOKENIZER)
        db.table("articles").optimize()
        db.vacuum()
    finally:
        db.close()


def article_row(article: Article) -> dict[str, Any]:
    """One `articles` row: the record (sqlite-utils stores its lists as JSON) and the derived columns."""
    row = asdict(article)
    row["countries"] = article.countries
    row["provinces"] = [asdict(p) for p in article.provinces]
    row["organizations"] = [asdict(o) for o in article.organizations]
    published = published_date(article)
    row["year"] = published.year if published else None
    row["subsection"] = article.section[-1] if article.section else None
    row["country_names"] = [canonical_name(code) for code in article.countries]
    row["province_names"] = [p.name for p in article.provinces]
    row["organization_names"] = [o.name for o in article.organizations]
    row["text_ascii"] = fold_ascii(article.text)
    return row


def _create_tables(db: sqlite_utils.Database) -> None:
    db.table("countries").create({"code": str, "name": str}, pk="code", not_null={"name"})
    db.table("provinces").create({"code": str, "name": str}, pk="code")
    db.table("organizations").create(
        {"id": int, "name": str, "country": str, "province": str},
        pk="id",
        not_null={"name"},
        foreign_keys=[("country", "countries", "code"), ("province", "provinces", "code")],
    )
    db.table("articles").create(_article_columns(), pk="article_id", not_null={"article_id", "url", "title"})
    for table, column, other, key in (
        ("article_countries", "country", "countries", "code"),
        ("article_provinces", "province", "provinces", "code"),
        ("article_organizations", "organization", "organizations", "id"),
    ):
        db.table(table).create(
            {"article_id": int, column: int if key == "id" else str, "position": int},
            pk=("article_id", column),
            foreign_keys=[("article_id", "articles", "article_id"), (column, other, key)],
        )
        db.table(table).create_index([column])


def _article_columns() -> dict[str, type]:
    """Column types in browsing order: record fields typed from `Article`, lists as JSON text."""
    hints = typing.get_type_hints(Article)
    types: dict[str, type] = {}
    for f in fields(Article):
        hint = hints[f.name]
        base = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
        types[f.name] = base if base in (int, str, float) else str
    for name in ENTITY_FIELDS:
        types.setdefault(name, str)
    types.update({name: int if name == "year" else str for name in DERIVED_COLUMNS})
    ordered = [name for name in FIRST_COLUMNS if name in types]
    ordered += [name for name in types if name not in ordered and name != "text_ascii"]
    return {name: types[name] for name in [*ordered, "text_ascii"]}


def _insert_entities(db: sqlite_utils.Database, articles: Sequence[Article]) -> None:
    """Entity tables in code or name order, then the links in article order."""
    organizations = sorted(
        {o for a in articles for o in a.organizations},
        key=lambda o: (o.name, o.country or "", o.province or ""),
    )
    org_ids = {o: number for number, o in enumerate(organizations, start=1)}
    province_names: dict[str, str | None] = {p.code: p.name for a in articles for p in a.provinces}
    for o in organizations:
        if o.province:
            province_names.setdefault(o.province, None)
    codes = {c for a in articles for c in a.countries} | {o.country for o in organizations if o.country}
    db.table("countries").insert_all({"code": c, "name": canonical_name(c)} for c in sorted(codes))
    db.table("provinces").insert_all({"code": c, "name": province_names[c]} for c in sorted(province_names))
    db.table("organizations").insert_all(
        {"id": org_ids[o], "name": o.name, "country": o.country, "province": o.province}
        for o in organizations
    )
    db.table("article_countries").insert_all(_links(articles, "country", lambda a: a.countries))
    db.table("article_provinces").insert_all(
        _links(articles, "province", lambda a: [p.code for p in a.provinces])
    )
    db.table("article_organizations").insert_all(
        _links(articles, "organization", lambda a: [org_ids[o] for o in a.organizations])
    )


def _links(
    articles: Iterable[Article], column: str, keys: typing.Callable[[Article], list[Any]]
) -> list[dict]:
    """(article, entity, position) rows; an entity named twice in a record is linked once, where first."""
    rows = []
    for article in articles:
        seen: set[Any] = set()
        for key in keys(article):
            if key not in seen:
                seen.add(key)
                rows.append({"article_id": article.article_id, column: key, "position": len(seen)})
    return rows
