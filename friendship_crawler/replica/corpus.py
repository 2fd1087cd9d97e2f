"""The replica's content: every story, listing entry and planted hard case, from one seed, with ground truth.

`Corpus(seed, articles)` builds the section as it stands; `advance(steps)` moves it forward in time (new
stories at the top of the listings, one existing story edited). `truth()` is the deduplicated dataset a
perfect crawl exports; `expected(id)` is the record of any served article page, duplicates included.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from friendship_crawler.items import Article
from friendship_crawler.replica.stories import (
    DEFAULT_GENERATIONS,
    Generation,
    InlineRelated,
    LinkVariant,
    RelatedLink,
    Section,
    Story,
    TextBlock,
    expected_article,
    served_generations,
)
from friendship_crawler.replica.vocab import AUTHOR_SUFFIXES, AUTHORS, PROVINCES, ROMAN, SOURCES, TAG_WORDS
from friendship_crawler.replica.writer import StoryWriter, family_title, story_slug

SECTION = Section("/huu-nghi", "Hữu nghị", "current")
SUBSECTIONS = (
    Section("/huu-nghi/bon-phuong-ket-ban", "Bốn phương kết bạn", "current"),
    Section("/huu-nghi/chan-dung-be-ban", "Chân dung bè bạn", "older"),
    Section("/huu-nghi/than-gui-viet-nam", "Thân gửi Việt Nam", "older"),
    Section("/huu-nghi/nhip-cau-huu-nghi", "Nhịp cầu hữu nghị", "current", in_site_menu=False),
)
SECTIONS = (SECTION, *SUBSECTIONS)
LISTING_2024 = SUBSECTIONS[0]
"""The listing served in the 2024 markup (`article.article` teasers with load-more) when v2024 is served."""
V2024_FROM = datetime(2024, 1, 1)
"""Stories published from this day on are v2024 pages when that generation is served."""
ListingMarkup = Literal["current", "older", "2024"]
_SECTION_WEIGHTS = (30, 18, 18, 17, 17)

FIRST_DAY = datetime(2016, 1, 4)
LAST_DAY = datetime(2026, 1, 28)
RENUMBERED_FROM = 757900
"""The site's ids jumped to this range in 2026; a renumbered story reappears there."""
RENUMBERED_COPY_ID = 757920
RENUMBERED_ORIGINAL_ID = 194335
FAMILY_SIZE = 8
MIN_ARTICLES = 40
MAX_ARTICLES = 200_000
"""The most stories a replica holds: twenty times a load test's; more only takes minutes to build."""
_VARIANTS: tuple[LinkVariant, ...] = ("www", "tacnghiep", "fbclid", "utm")


def check_articles(articles: int) -> None:
    """ValueError naming the bounds unless `articles` is between `MIN_ARTICLES` and `MAX_ARTICLES`."""
    if not MIN_ARTICLES <= articles <= MAX_ARTICLES:
        raise ValueError(f"articles must be {MIN_ARTICLES} to {MAX_ARTICLES} (got {articles})")


@dataclass(frozen=True)
class SpecialPage:
    """A listed page that is not an article: a video, an infographic, or a soft 404."""

    kind: Literal["video", "infographic", "soft404"]
    article_id: int
    slug: str
    title: str
    published: datetime
    section: Section

    @property
    def path(self) -> str:
        return f"/{self.slug}-{self.article_id}.html"


Listed = Story | SpecialPage


class Corpus:
    """All pages of the replica's section, generated from `seed`; `articles` distinct stories."""

    def __init__(
        self, seed: int = 2026, articles: int = 240, generations: tuple[str, ...] = DEFAULT_GENERATIONS
    ) -> None:
        check_articles(articles)
        self.generations = served_generations(generations)
        self.seed = seed
        self.steps = 0
        self.stories: dict[int, Story] = {}
        self.specials: dict[int, SpecialPage] = {}
        self.redirects: dict[str, int] = {}
        self.duplicates: dict[int, int] = {}
        """Served copy id -> the id ground truth keeps for that story."""
        self.families: dict[str, list[int]] = {}
        self.added_ids: list[int] = []
        self.edited_ids: list[int] = []
        self._rng = random.Random(seed)
        self.linkable_ids: list[int] = []
        """Ids other pages may link to (every story once, duplicates left out), oldest first."""
        self._writer = StoryWriter(self._rng)
        self._build(articles)

    # --- building -------------------------------------------------------------------------------
    def _build(self, articles: int) -> None:
        rng = self._rng
        span = (LAST_DAY - FIRST_DAY).total_seconds()
        dates = sorted(self._random_moment(span) for _ in range(articles))
        picks = rng.sample(range(articles - 1), FAMILY_SIZE + 3)
        family, near, redirected = set(picks[:FAMILY_SIZE]), picks[FAMILY_SIZE:-1], picks[-1]
        plan: list[tuple[datetime, str, int]] = [(d, "story", i) for i, d in enumerate(dates)]
        plan += [(min(dates[i] + timedelta(days=rng.randint(3, 40)), LAST_DAY), "near", i) for i in near]
        plan += [
            (self._random_moment(span), kind, -1)
            for kind in ("video", "video", "infographic", "infographic", "soft404")
        ]
        plan.sort(key=lambda item: item[0])
        ids = self._assign_ids([moment for moment, _, _ in plan])
        renumbered = self._renumbered_position(plan, ids, set(picks))
        by_index: dict[int, Story] = {}
        for (moment, kind, index), article_id in zip(plan, ids, strict=True):
            if kind == "story":
                story = (
                    self._family_story(moment, article_id)
                    if index in family
                    else self._story(moment, article_id)
                )
                by_index[index] = story
                self._add(story)
            elif kind == "near":
                self._add(self._near_copy(by_index[index], moment, article_id), by_index[index].article_id)
            else:
                self.specials[article_id] = self._special(kind, moment, article_id)
        self._renumber(self.stories[ids[renumbered]])
        old = by_index[redirected]
        old.old_slug = story_slug(f"{old.title} {old.section.name}")
        self.redirects[f"/{old.old_slug}-{old.article_id}.html"] = old.article_id
        self._plant_link_variants()

    def _add(self, story: Story, duplicate_of: int | None = None) -> None:
        self.stories[story.article_id] = story
        if duplicate_of is None:
            self.linkable_ids.append(story.article_id)
        else:
            self.duplicates[story.article_id] = duplicate_of

    def _random_moment(self, span: float) -> datetime:
        moment = FIRST_DAY + timedelta(seconds=self._rng.random() * span)
        return moment.replace(hour=6 + moment.hour % 16, second=0, microsecond=0)

    @staticmethod
    def _renumbered_position(plan: list[tuple[datetime, str, int]], ids: list[int], taken: set[int]) -> int:
        """The plain story whose id is nearest the observed renumbered id; it takes that id when it fits."""
        positions = [n for n, (_, kind, index) in enumerate(plan) if kind == "story" and index not in taken]
        best = min(positions, key=lambda n: abs(ids[n] - RENUMBERED_ORIGINAL_ID))
        below = ids[best - 1] if best > 0 else 0
        above = ids[best + 1] if best + 1 < len(ids) else RENUMBERED_FROM
        if below < RENUMBERED_ORIGINAL_ID < above:
            ids[best] = RENUMBERED_ORIGINAL_ID
        return best

    def _assign_ids(self, moments: list[datetime]) -> list[int]:
        ids: list[int] = []
        last = 0
        for moment in moments:
            if moment.year >= 2026:
                base = max(RENUMBERED_FROM, last + self._rng.randint(1, 30))
            else:
                base = 30000 + (moment - FIRST_DAY).days * 50 + self._rng.randint(0, 40)
            last = max(last + 1, base)
            if last == RENUMBERED_COPY_ID:
                last += 1
            ids.append(last)
        return ids

    def _generation(self, published: datetime) -> Generation:
        """The template a page published then is served in; draws nothing, so every option has one corpus."""
        if published.year < 2021:
            return "v2019"
        return "v2024" if published >= V2024_FROM and "v2024" in self.generations else "v2021"

    def listing_markup(self, section: Section) -> ListingMarkup:
        return "2024" if section == LISTING_2024 and "v2024" in self.generations else section.markup

    def _section(self) -> Section:
        return self._rng.choices(SECTIONS, weights=_SECTION_WEIGHTS)[0]

    def _story(self, published: datetime, article_id: int, section: Section | None = None) -> Story:
        writer, rng = self._writer, self._rng
        words = writer.words()
        title = writer.title(words, published.year)
        slug = story_slug(title)
        story = Story(
            article_id=article_id,
            slug=slug,
            title=title,
            sapo=writer.sapo(words, published, dateline=published.year <= 2019 and rng.random() < 0.6),
            body=writer.body(words, title, published, slug),
            section=section or self._section(),
            published=published,
            generation=self._generation(published),
        )
        self._decorate(story)
        return story

    def _decorate(self, story: Story) -> None:
        """Page features that vary from page to page: byline, source, tags, metadata, related links."""
        rng = self._rng
        new = story.generation != "v2019"
        story.author = rng.choice(AUTHORS) if rng.random() < 0.9 else None
        story.author_suffix = (
            rng.choice(AUTHOR_SUFFIXES) if new and story.author and rng.random() < 0.15 else ""
        )
        story.source = rng.choice(SOURCES) if rng.random() < 0.15 else ""
        story.tags = tuple(rng.sample(TAG_WORDS, rng.randint(0, 4)))
        story.tag_box = bool(story.tags) and rng.random() < 0.7
        story.jsonld = new and rng.random() < 0.6
        story.breadcrumb_ld = story.jsonld and rng.random() < 0.5
        story.published_meta = rng.random() < 0.4
        story.og_meta = new or rng.random() < 0.5
        story.follow_line = new and rng.random() < 0.3
        if story.jsonld:
            story.modified = story.published + timedelta(minutes=rng.randint(5, 2880))
        if story.generation == "v2024":
            _bare_head(story)
        earlier = self.linkable_ids
        if not earlier:
            return
        boxes = rng.choice((0, 1, 1, 2)) if new else rng.choice((0, 1))
        for _ in range(boxes):
            links = tuple(self._link(rng.choice(earlier)) for _ in range(rng.randint(1, 2)))
            spot = 0 if rng.random() < 0.5 else len(story.body)
            story.body.insert(spot, InlineRelated(links))
        story.related = tuple(
            self._link(i) for i in rng.sample(earlier, min(len(earlier), rng.randint(0, 3)))
        )

    def _link(self, article_id: int) -> RelatedLink:
        variant = self._rng.choice(_VARIANTS) if self._rng.random() < 0.1 else ""
        return RelatedLink(article_id, variant)

    def _family_story(self, published: datetime, article_id: int) -> Story:
        """One of the provincial congress reports that read alike but are different articles."""
        writer = self._writer
        taken = {s.family for s in self.stories.values()}
        province = self._rng.choice([p for p in PROVINCES if p not in taken])
        start = published.year
        congress = self._rng.randint(2, 6)
        title = writer.reserve_title(family_title(province, congress, (start, start + 5)))
        congress_name = f"lần thứ {ROMAN[congress - 1]}, nhiệm kỳ {start}-{start + 5}"
        words = replace(writer.words(), province=province)
        story = Story(
            article_id=article_id,
            slug=story_slug(title),
            title=title,
            sapo=f"Liên hiệp các tổ chức hữu nghị tỉnh {province} đã"
            f" tổ chức đại hội đại biểu {congress_name}.",
            body=writer.family_body(words, (start, start + 5), congress),
            section=SECTION,
            published=published,
            generation=self._generation(published),
            family=province,
        )
        self._decorate(story)
        self.families.setdefault("provincial_congress", []).append(article_id)
        return story

    def _near_copy(self, original: Story, published: datetime, article_id: int) -> Story:
        """The same story republished under a new id, one sentence changed."""
        body = list(original.body)
        spots = [n for n, part in enumerate(body) if isinstance(part, TextBlock) and part.kind == "p"]
        spot = self._rng.choice(spots[1:] or spots)
        block = body[spot]
        assert isinstance(block, TextBlock)
        body[spot] = TextBlock("p", f"{block.text} {self._writer.paragraph(1)}")
        republished = replace(
            original,
            article_id=article_id,
            body=body,
            published=published,
            modified=published + (original.modified - original.published) if original.modified else None,
            generation=self._generation(published),
            old_slug=None,
        )
        if republished.generation == "v2024":
            _bare_head(republished)
        return republished

    def _renumber(self, original: Story) -> None:
        """The site's renumbering: the same story served again under a 2026-range id."""
        self._add(replace(copy.deepcopy(original), article_id=RENUMBERED_COPY_ID), original.article_id)
        self.families["renumbered"] = [original.article_id, RENUMBERED_COPY_ID]

    def _plant_link_variants(self) -> None:
        """Some listing entries link another host or carry tracking parameters; each variant at least once."""
        planted = set(self.duplicates) | set(self.duplicates.values()) | set(self.redirects.values())
        candidates = sorted(set(self.stories) - planted)
        chosen = self._rng.sample(candidates, max(len(_VARIANTS), len(candidates) // 12))
        for n, article_id in enumerate(chosen):
            self.stories[article_id].listing_variant = _VARIANTS[n % len(_VARIANTS)]

    def _special(self, kind: str, published: datetime, article_id: int) -> SpecialPage:
        writer = self._writer
        words = writer.words()
        if kind == "video":
            title = f"[Video] Giao lưu hữu nghị Việt Nam - {words.country} tại {words.province}"
        elif kind == "infographic":
            title = f"[Infographic] {published.year}: hoạt động đối ngoại nhân dân của tỉnh {words.province}"
        else:
            title = f"Liên hiệp hữu nghị tỉnh {words.province} đón đoàn đại biểu {words.country}"
        title = writer.reserve_title(title)
        return SpecialPage(kind, article_id, story_slug(title), title, published, self._section())  # type: ignore[arg-type]

    # --- time travel ----------------------------------------------------------------------------
    @property
    def now(self) -> datetime:
        """The replica's present: the day after the newest page."""
        newest = max(item.published for item in self.listed_items())
        return newest.replace(hour=0, minute=0) + timedelta(days=1)

    def advance(self, steps: int = 1, per_step: int = 3) -> list[int]:
        """Move `steps` days forward: new stories on top of the listings, one older story edited each day.

        Returns the ids of the stories added.
        """
        added: list[int] = []
        for _ in range(steps):
            self.steps += 1
            self._rng = random.Random(f"{self.seed}:advance:{self.steps}")
            self._writer.rng = self._rng
            day = self.now
            for n in range(per_step):
                article_id = self._next_id()
                published = day.replace(hour=7 + 4 * n, minute=self._rng.randint(0, 59))
                self._add(self._story(published, article_id))
                added.append(article_id)
            self._edit_one(day.replace(hour=21))
        self.added_ids += added
        return added

    def _next_id(self) -> int:
        article_id = max(RENUMBERED_FROM, *self.stories, *self.specials) + 1
        return article_id + 1 if article_id == RENUMBERED_COPY_ID else article_id

    def _edit_one(self, moment: datetime) -> None:
        planted = set(self.duplicates) | set(self.duplicates.values())
        editable = sorted(
            i for i, s in self.stories.items() if s.jsonld and i not in planted and s.published < moment
        )
        story = self.stories[self._rng.choice(editable)]
        spots = [n for n, part in enumerate(story.body) if isinstance(part, TextBlock) and part.kind == "p"]
        story.body[self._rng.choice(spots)] = TextBlock("p", self._writer.paragraph(2))
        story.modified = moment
        story.modified_count += 1
        self.edited_ids.append(story.article_id)

    # --- reading --------------------------------------------------------------------------------
    def listed(self, section: Section) -> list[Listed]:
        """The entries of a listing, newest first; the section's own listing holds every subsection's."""
        items = self.listed_items()
        if section != SECTION:
            items = [item for item in items if item.section == section]
        return sorted(items, key=lambda item: (item.published, item.article_id), reverse=True)

    def listed_items(self) -> list[Listed]:
        return [*self.stories.values(), *self.specials.values()]

    def canonical_urls(self) -> dict[int, str]:
        return {i: s.canonical_url for i, s in self.stories.items()}

    def expected(self, article_id: int) -> Article:
        """The record of the article page served under `article_id` (a duplicate's own id included)."""
        if article_id not in self.stories:
            raise KeyError(f"no article page with id {article_id}")
        return expected_article(self.stories[article_id], self.canonical_urls())

    def story_of(self, article_id: int) -> int:
        """The story a served article page carries: its original's id for a copy, else its own."""
        return self.duplicates.get(article_id, article_id)

    def truth(self) -> list[Article]:
        """The dataset a perfect crawl exports: every story once, under its earliest id, by id."""
        canonical = self.canonical_urls()
        kept = sorted(i for i in self.stories if i not in self.duplicates)
        return [expected_article(self.stories[i], canonical) for i in kept]

    def planted(self) -> dict[str, Any]:
        """Machine-readable list of the hard cases, for dedup and crawl tests."""
        near = [[orig, dup] for dup, orig in self.duplicates.items() if dup != RENUMBERED_COPY_ID]
        return {
            "renumbered": [self.families["renumbered"]],
            "near_duplicates": sorted(near),
            "lookalike_families": {k: v for k, v in self.families.items() if k != "renumbered"},
            "video": sorted(i for i, s in self.specials.items() if s.kind == "video"),
            "infographic": sorted(i for i, s in self.specials.items() if s.kind == "infographic"),
            "soft_404": sorted(s.path for s in self.specials.values() if s.kind == "soft404"),
            "redirects": dict(self.redirects),
            "listing_variants": {
                v: sorted(i for i, s in self.stories.items() if s.listing_variant == v) for v in _VARIANTS
            },
        }


def _bare_head(story: Story) -> None:
    """A v2024 page states nothing in its head: no JSON-LD, meta or modification time; tags show as links.

    Applied after the same draws as a v2021 page, so serving v2024 leaves every other page as it was.
    """
    story.jsonld = story.breadcrumb_ld = story.published_meta = story.og_meta = story.follow_line = False
    story.modified = None
    story.author_suffix = ""
    story.tag_box = bool(story.tags)
