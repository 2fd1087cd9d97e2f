"""The partner countries, provinces and organisations of a record, as the dataset outputs read them.

Records exported before the entity stage existed have no such fields and read as empty lists, so an
old run file still builds every output. Country names come from the entity stage's own table.
"""

from __future__ import annotations

from friendship_crawler.entities.countries import canonical_name
from friendship_crawler.items import Article, Organization, Province


def countries_of(article: Article) -> list[str]:
    """ISO 3166-1 alpha-2 codes of the partner countries, in order of first mention."""
    return list(article.countries)


def provinces_of(article: Article) -> list[Province]:
    """The provinces named, in record order."""
    return list(article.provinces)


def organizations_of(article: Article) -> list[Organization]:
    """The friendship organisations named, in record order."""
    return list(article.organizations)


def country_name(code: str) -> str:
    """Display name of an ISO code: its Vietnamese name as the press writes it, else the code."""
    return canonical_name(code)
