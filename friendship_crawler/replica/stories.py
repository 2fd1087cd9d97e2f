"""The structured content of one replica page: what the templates render and what ground truth is built from.

The expected `Article` comes from these fields, never from the rendered HTML, so a template bug shows up
as a difference between extractor output and truth instead of being copied into both.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from friendship_crawler.entities import find_entities
from friendship_crawler.items import Article, Image
from friendship_crawler.site_rules import ATTRIBUTED_SUFFIX
from friendship_crawler.textnorm import normalize_line, normalize_text
from friendship_crawler.urls import CANONICAL_ROOT

Generation = Literal["v2019", "v2021", "v2024"]
GENERATIONS: tuple[Generation, ...] = ("v2019", "v2021", "v2024")
"""Article template generations, oldest first: 2016-2020, 2021-2023, and 2024 on (sister-site markup)."""
DEFAULT_GENERATIONS: tuple[Generation, ...] = GENERATIONS
"""What a replica serves unless told otherwise: every generation; ("v2019", "v2021") is the site of 2023."""


def served_generations(names: tuple[str, ...]) -> tuple[Generation, ...]:
    """The generations named, oldest first; `ValueError` unless all are known and v2019, v2021 among them."""
    unknown = [name for name in names if name not in GENERATIONS]
    if unknown:
        raise ValueError(
            f"unknown generation(s) {', '.join(unknown)}: the replica has {', '.join(GENERATIONS)}"
        )
    missing = [name for name in ("v2019", "v2021") if name not in names]
    if missing:
        raise ValueError(f"generations must include v2019 and v2021 (missing {', '.join(missing)})")
    return tuple(g for g in GENERATIONS if g in names)


TextKind = Literal["p", "h2", "h3", "strong", "li", "quote"]
LinkVariant = Literal["", "www", "tacnghiep", "fbclid", "utm"]
"""How a link to an article is written: canonical host, another host, or with tracking parameters."""


@dataclass(frozen=True)
class Section:
    """A listing of the section: its path, its name and the listing markup it is served in."""

    path: str
    name: str
    markup: Literal["current", "older"]
    """Listing markup up to v2021; with v2024 served, `corpus.LISTING_2024` lists in the 2024 markup."""
    in_site_menu: bool = True
    """False for the subsection only the section page's own menu shows."""

    @property
    def breadcrumb(self) -> tuple[str, ...]:
        return ("Hữu nghị",) if self.path == "/huu-nghi" else ("Hữu nghị", self.name)


@dataclass(frozen=True)
class TextBlock:
    """A paragraph, subheading (`h2`, `h3` or a bold paragraph), list item or quote paragraph."""

    kind: TextKind
    text: str


@dataclass(frozen=True)
class ImageBlock:
    """An image table: the file, its alt text and the caption parts (each its own block, maybe none)."""

    url: str
    alt: str
    caption: tuple[str, ...] = ()
    lazy: bool = True
    """True: `src` is a data: placeholder and the file is in `data-src`."""


@dataclass(frozen=True)
class RelatedLink:
    """A link to another article of the corpus, written as `variant` says."""

    article_id: int
    variant: LinkVariant = ""


@dataclass(frozen=True)
class InlineRelated:
    """An inline related box inside the body."""

    links: tuple[RelatedLink, ...]


BodyPart = TextBlock | ImageBlock | InlineRelated


@dataclass
class Story:
    """Everything one article page shows, in the site's own terms."""

    article_id: int
    slug: str
    title: str
    sapo: str
    body: list[BodyPart]
    section: Section
    published: datetime
    generation: Generation
    author: str | None = None
    author_suffix: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    tag_box: bool = True
    related: tuple[RelatedLink, ...] = ()
    """The "Tin bài liên quan" box."""
    modified: datetime | None = None
    jsonld: bool = False
    breadcrumb_ld: bool = False
    published_meta: bool = False
    og_meta: bool = True
    follow_line: bool = False
    listing_variant: LinkVariant = ""
    old_slug: str | None = None
    """When set, listings link `/<old_slug>-<id>.html`, which redirects to the article."""
    modified_count: int = 0
    family: str = field(default="", compare=False)

    @property
    def path(self) -> str:
        return f"/{self.slug}-{self.article_id}.html"

    @property
    def canonical_url(self) -> str:
        return f"{CANONICAL_ROOT}{self.path}"


def iso(moment: datetime) -> str:
    """ISO 8601 with the site's +07:00 offset and whole seconds."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S+07:00")


def body_lines(story: Story) -> list[str]:
    """The body blocks that belong to the record's text, one per line."""
    lines: list[str] = []
    for part in story.body:
        if isinstance(part, TextBlock):
            lines.append(part.text)
        elif isinstance(part, ImageBlock):
            lines.extend(part.caption)
    return lines


def credited_outlet(suffix: str) -> str | None:
    """The outlet a byline's suffix credits ("(theo TTXVN)"): the source, when no "Nguồn:" line names one."""
    match = ATTRIBUTED_SUFFIX.search(suffix)
    return match["source"] if match else None


def expected_article(story: Story, canonical_of: dict[int, str]) -> Article:
    """The record an exact extractor makes of this page; `canonical_of` maps ids to canonical URLs."""
    related: list[str] = []
    links = [link for part in story.body if isinstance(part, InlineRelated) for link in part.links]
    for link in (*links, *story.related):
        url = canonical_of[link.article_id]
        if url not in related:
            related.append(url)
    images = [
        Image(url=part.url, caption=normalize_line(" ".join(part.caption)))
        for part in story.body
        if isinstance(part, ImageBlock)
    ]
    text = normalize_text("\n".join([story.title, story.sapo, *body_lines(story)]))
    article = Article(
        url=story.canonical_url,
        article_id=story.article_id,
        title=normalize_line(story.title),
        sapo=normalize_line(story.sapo),
        text=text,
        author=story.author,
        source=normalize_line(story.source) or credited_outlet(story.author_suffix),
        published_at=iso(story.published),
        modified_at=iso(story.modified) if story.jsonld and story.modified else None,
        section=list(story.section.breadcrumb),
        tags=list(story.tags),
        images=images,
        related_urls=related,
        content_hash=hashlib.sha1(text.encode("utf-8")).hexdigest(),  # text is normalised already
    )
    return find_entities(article.title, article.sapo, text).on(article)
