"""Datasette metadata for the SQLite snapshot: what the data is, where it came from, facets and questions.

`datasette articles.db --metadata metadata.json` (both files sit in the snapshot) opens the articles
with search, facets on partner country, province, subsection and year, and canned queries for the
questions the section's readers ask. The file is the Datasette 0.x metadata format.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from friendship_crawler.dataset.select import published_date
from friendship_crawler.items import Article

DATABASE_FILE = "articles.db"
METADATA_FILE = "metadata.json"
OPEN_COMMAND = f"datasette {DATABASE_FILE} --metadata {METADATA_FILE}"
SOURCE_URL = "https://thoidai.com.vn/huu-nghi"

DERIVED_COLUMNS = {
    "year": "Year of `published_at` (the site's local date); empty when undated.",
    "subsection": 'Last breadcrumb name: the subsection, or "Hữu nghị" for the section\'s own listing.',
    "country_names": "Display names of `countries`, same order (JSON array).",
    "province_names": "Names of `provinces`, same order (JSON array).",
    "organization_names": "Names of `organizations`, same order (JSON array).",
    "text_ascii": "`text` without diacritics and with đ as d: indexed so a search typed without marks finds "
    "words with đ.",
}
"""Descriptions of the columns the database adds to the record's (the card's schema describes those)."""

QUERIES = {
    "laos_since_2020": {
        "title": "Every article about Laos since 2020",
        "sql": """select a.article_id, a.published_at, a.title, a.subsection, a.url
from articles a
join article_countries ac on ac.article_id = a.article_id
where ac.country = 'LA' and a.year >= 2020
order by a.published_at, a.article_id""",
    },
    "provinces_with_cuba": {
        "title": "Which provinces work with Cuba",
        "description": "Provinces named in articles about Cuba, by number of such articles.",
        "sql": """select p.code, p.name, count(*) as articles,
  min(a.year) as first_year, max(a.year) as last_year
from article_provinces ap
join provinces p on p.code = ap.province
join article_countries ac on ac.article_id = ap.article_id and ac.country = 'CU'
join articles a on a.article_id = ap.article_id
group by p.code, p.name
order by articles desc, p.code""",
    },
    "mongolia_association": {
        "title": "What did the Việt Nam – Mông Cổ friendship association do",
        "description": "Articles naming a friendship association of Mongolia (national or provincial).",
        "sql": """select a.published_at, a.title, a.sapo, o.name as organization, a.url
from organizations o
join article_organizations ao on ao.organization = o.id
join articles a on a.article_id = ao.article_id
where o.country = 'MN' and o.name like 'Hội hữu nghị%'
order by a.published_at, a.article_id""",
    },
}
"""Canned queries for the questions the section's readers ask, by URL name."""


def datasette_metadata(articles: Sequence[Article]) -> dict[str, Any]:
    """The metadata document; its only data-dependent part is the article count and date range."""
    dates = sorted(d for d in map(published_date, articles) if d)
    span = f", published {dates[0].isoformat()} to {dates[-1].isoformat()}," if dates else ""
    return {
        "title": "Thời Đại: Hữu nghị (friendship section) articles",
        "description_html": (
            f'<p>{len(articles)} articles of the friendship section ("Hữu nghị" and its subsections) of the '
            f"Vietnamese magazine Thời Đại{span} each with the partner countries, Vietnamese provinces "
            "and friendship organisations it names.</p>"
            "<p>Built by <code>scrapy export DEST --format sqlite</code> of the friendship_crawler project: "
            "every crawled article once, in its newest version, near-duplicates removed; search covers "
            "title, sapo and text, with or without diacritics.</p>"
        ),
        "license": "Articles © Tạp chí Thời Đại; for research use",
        "license_url": "https://thoidai.com.vn",
        "source": "thoidai.com.vn, section Hữu nghị",
        "source_url": SOURCE_URL,
        "databases": {
            Path(DATABASE_FILE).stem: {
                "tables": {
                    "articles": {
                        "label_column": "title",
                        "sort_desc": "published_at",
                        "facets": [
                            {"array": "country_names"},
                            {"array": "province_names"},
                            {"array": "organization_names"},
                            "subsection",
                            "year",
                        ],
                        "columns": DERIVED_COLUMNS,
                    },
                    "countries": {"label_column": "name", "description": "Partner countries by ISO code."},
                    "provinces": {
                        "label_column": "name",
                        "description": "Provinces and centrally-run cities by current official code.",
                    },
                    "organizations": {"label_column": "name", "description": "Friendship organisations."},
                },
                "queries": QUERIES,
            }
        },
    }


def write_metadata(articles: Sequence[Article], path: Path) -> None:
    """`datasette_metadata` as UTF-8 JSON, keys in a fixed order."""
    text = json.dumps(datasette_metadata(articles), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
