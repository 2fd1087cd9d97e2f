"""The one record the project exports: `Article`, with every field's format documented."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

from friendship_crawler.textnorm import normalize_text


@dataclass
class Image:
    """An image of the article body."""

    url: str
    """Absolute URL of the image file (`src`, or the lazy `data-src`)."""
    caption: str = ""
    """Caption text as shown under the image, photo credit included; empty when there is none."""


@dataclass(frozen=True)
class Province:
    """A Vietnamese province or centrally-run city, as today's unit (after the 2025 merger)."""

    code: str
    """Official two-digit code, e.g. "24"."""
    name: str
    """Official name without "Tỉnh"/"Thành phố", e.g. "Bắc Ninh"."""


@dataclass(frozen=True)
class Organization:
    """A friendship organisation, its name normalised."""

    name: str
    """E.g. "Hội hữu nghị Việt Nam – Lào", "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang"."""
    country: str | None = None
    """ISO 3166-1 alpha-2 code of the partner country it stands for, if any."""
    province: str | None = None
    """Code of the province it belongs to, if any."""


@dataclass
class Article:
    """One article of the friendship section, as exported (one JSON Lines record)."""

    url: str
    """Canonical article URL: `https://thoidai.com.vn/<slug>-<id>.html`, hosts and variants folded."""
    article_id: int
    """The site's numeric article id (the number before `.html`)."""
    title: str
    """Headline, NFC, whitespace collapsed."""
    sapo: str = ""
    """Lead paragraph (`div.article-detail-desc`); an outlet's dateline mark that opens it ("TĐO - ",
    "(TTXVN) - ") is kept as the page shows it."""
    text: str = ""
    """Title, sapo, then body paragraphs, subheadings and image captions, one per line, in page order."""
    author: str | None = None
    """Byline as written on the page (without role suffixes in parentheses); None when absent."""
    source: str | None = None
    """Value of the "Nguồn:" line; None when the page shows an empty or no "Nguồn:"."""
    published_at: str | None = None
    """Publication time, ISO 8601 with the site's offset: `2023-08-09T16:43:00+07:00`."""
    modified_at: str | None = None
    """Last modification time (JSON-LD `dateModified`, the meta update time, else a line of the page labelled
    as the update: "Cập nhật: …"), same format; None when the page has none."""
    section: list[str] = field(default_factory=list)
    """Breadcrumb names without "Trang chủ", e.g. `["Hữu nghị", "Bốn phương kết bạn"]`."""
    tags: list[str] = field(default_factory=list)
    """Keyword tags shown with the article."""
    images: list[Image] = field(default_factory=list)
    """Body images in page order, each with its caption."""
    related_urls: list[str] = field(default_factory=list)
    """Canonical URLs of the articles the page links as related (inline boxes and "Tin bài liên quan")."""
    countries: list[str] = field(default_factory=list)
    """Partner countries named in title, sapo or text: ISO 3166-1 alpha-2, first mention first, never "VN"."""
    provinces: list[Province] = field(default_factory=list)
    """Provinces named, as today's units: `{"code": "24", "name": "Bắc Ninh"}`; older names mapped."""
    organizations: list[Organization] = field(default_factory=list)
    """Friendship organisations named, normalised: `{"name", "country", "province"}`, first mention first."""
    language: str = "vi"
    """BCP 47 language tag of the text."""
    crawled_at: str = ""
    """When the page was fetched, ISO 8601 in UTC: `2026-11-23T08:00:00+00:00`."""
    content_hash: str = ""
    """SHA-1 hex digest of the NFC-normalised `text`; equal texts give equal hashes."""
    version: int = 1
    """1 for the first export of an article; one higher for each later export of changed content."""

    def __post_init__(self) -> None:
        self.images = [Image(**i) if isinstance(i, dict) else i for i in self.images]
        self.provinces = [Province(**p) if isinstance(p, dict) else p for p in self.provinces]
        self.organizations = [Organization(**o) if isinstance(o, dict) else o for o in self.organizations]
        if not self.content_hash and self.text:
            self.content_hash = content_hash(self.text)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build an Article from an exported record, ignoring keys this version does not know."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def content_hash(text: str) -> str:
    """SHA-1 of the normalised text, so composed and decomposed Vietnamese hash alike."""
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()
