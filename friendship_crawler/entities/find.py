"""The entities of one article: the pure function the pipeline stage, `reprocess` and `cleantext` call."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from friendship_crawler.entities.gazetteer import Kind
from friendship_crawler.entities.organizations import find_organizations
from friendship_crawler.entities.places import gazetteer, places_named
from friendship_crawler.entities.provinces import current_provinces
from friendship_crawler.items import Article, Organization, Province


@dataclass(frozen=True)
class Entities:
    """Partner countries, Vietnamese provinces and friendship organisations named in an article."""

    countries: list[str] = field(default_factory=list)
    """ISO 3166-1 alpha-2 codes in order of first mention; Việt Nam is never one of them."""
    provinces: list[dict[str, str]] = field(default_factory=list)
    """{"code", "name"}: today's province or city (34 since 1 July 2025), older names mapped to it, in
    order of first mention, one per code."""
    organizations: list[dict[str, str | None]] = field(default_factory=list)
    """{"name", "country", "province"}: normalised name (dash " – ", NFC), partner country code and
    province code or None, in order of first mention, one per name."""

    def as_dict(self) -> dict[str, list[Any]]:
        return {"countries": self.countries, "provinces": self.provinces, "organizations": self.organizations}

    def on(self, article: Article) -> Article:
        """The article with these entities in its `countries`, `provinces` and `organizations` fields."""
        return replace(
            article,
            countries=list(self.countries),
            provinces=[Province(**p) for p in self.provinces],
            organizations=[
                Organization(str(o["name"]), o["country"], o["province"]) for o in self.organizations
            ],
        )


def find_entities(title: str, sapo: str, text: str) -> Entities:
    """The entities named in the title, sapo and text (a text that repeats them is read once)."""
    joined = unicodedata.normalize("NFC", _joined(title or "", sapo or "", text or ""))
    places = places_named(joined)
    names = current_provinces()
    organizations: dict[str, dict[str, str | None]] = {}
    for organization in find_organizations(joined, gazetteer()):
        if organization.name not in organizations:  # an article names its organisations many times
            organizations[organization.name] = dict(vars(organization))
    return Entities(
        countries=list(dict.fromkeys(p.code for p in places if p.kind is Kind.COUNTRY)),
        provinces=[
            {"code": code, "name": names[code]}
            for code in dict.fromkeys(p.code for p in places if p.kind is Kind.PROVINCE)
        ],
        organizations=list(organizations.values()),
    )


def _joined(title: str, sapo: str, text: str) -> str:
    """Title, sapo and text as one text, leaving out the title and sapo when the text starts with them."""
    parts = [text]
    if sapo and sapo not in text[: len(title) + len(sapo) + 2]:
        parts.insert(0, sapo)
    if title and not text.startswith(title):
        parts.insert(0, title)
    return "\n".join(parts)
