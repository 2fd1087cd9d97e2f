"""The `friendship` spider: walks the section's listings and hands each article page to the extractor.

It only navigates. What a page says is the extractor's business (`friendship_crawler.extract`); what is a
duplicate is the dedup stage's; the spider decides which URLs to fetch: the section page, its subsections
(discovered from the page's own menu), each listing to its end, and each article once, on its one URL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.http import Response

from friendship_crawler.console.progress import LISTING
from friendship_crawler.console.session import RUN_ID_SETTING
from friendship_crawler.extract import ArticleExtractor, NotAnArticle
from friendship_crawler.frontier import PENDING_RUNS, UNSETTLED, Frontier
from friendship_crawler.hosts import HostPolicy
from friendship_crawler.items import Article
from friendship_crawler.jobdir import STAT as DISCARDED_QUEUE_STAT
from friendship_crawler.listing import (
    FALLBACK,
    FULL_PAGE_ENTRIES,
    ListingEntry,
    ListingPage,
    goes_back,
    parse_listing,
    same_listing,
)
from friendship_crawler.paths import project_path
from friendship_crawler.project_settings import friendship_setting
from friendship_crawler.reader import Reading, read_page
from friendship_crawler.run import CRAWL_SPIDER, new_run_id
from friendship_crawler.site import NOT_SUBSECTIONS, SECTION_PATH, SECTION_SLUG, SUBSECTIONS, section_trail
from friendship_crawler.spiders.params import CrawlParams
from friendship_crawler.urls import article_id, article_slug, canonical_article_url, strip_tracking

STAT = "friendship"
FIRST_PAGE = "friendship_first_page"
"""The `Request.meta` key of the article addresses a listing's first page lists."""
GUESSED_PAGE = "friendship_guessed_page"
"""The `Request.meta` key of a listing page requested at the CMS's own address, which its list names
nowhere."""
RETRIED = "friendship_retried"
"""The `Request.meta` key of an article page earlier runs requested and could not read."""
SCHEDULER_ARGUMENTS = ("_job",)
"""Arguments that schedulers (Scrapyd) pass to every spider; they are not crawl parameters."""
WALKED_TO_END = frozenset({"end", "no_new_entries"})
"""Paging stops that mean the listing was read to its end (a trap's repeats past it included). A next page
that goes back (`offset_not_advancing`) or answers the first page again (`back_to_first_page`) is the
site's paging broken: what lies past it was never listed, so the listing is walked again by the next run,
and the run's `listing_paging` check fails."""
LISTING_PRIORITY = 1
"""Listing pages go before article pages: the crawl learns early how many pages it has to fetch, so its
progress has a measure and an ETA for most of the run. An article page is written down in the frontier
before it is queued: a run cut short with article pages still queued owes them to the next."""
REQUESTED, WALKED = "requested", "walked"
"""Keys of the spider's state (`self.state`, which Scrapy keeps in JOBDIR between the parts of a paused
run): the listing and article pages requested so far, and the listings walked to their end."""


class FriendshipSpider(scrapy.Spider):
    """Crawl "Hữu nghị" and its subsections on thoidai.com.vn (or a replica given as `base_url`)."""

    name = CRAWL_SPIDER

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        spider_kwargs = {k: kwargs.pop(k) for k in SCHEDULER_ARGUMENTS if k in kwargs}
        super().__init__(*args, **spider_kwargs)
        self.params = CrawlParams.parse(**kwargs)
        self.base_url = self.params.base_url
        self.hosts = HostPolicy(self.base_url)
        self.run_id = new_run_id()
        self.extractor: ArticleExtractor | None = None
        self.frontier: Frontier | None = None
        self.subsections: dict[str, str] = {}
        self._requested: set[str] = set()
        self._walked: set[str] = set()

    @classmethod
    def check_arguments(cls, **kwargs: str) -> None:
        """Validate `-a` arguments before the crawl starts; raises SpiderArgumentError."""
        CrawlParams.parse(**{k: v for k, v in kwargs.items() if k not in SCHEDULER_ARGUMENTS})

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> FriendshipSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.run_id = friendship_setting(crawler.settings, RUN_ID_SETTING) or spider.run_id
        root = friendship_setting(crawler.settings, "FRIENDSHIP_CANONICAL_ROOT")
        spider.extractor = ArticleExtractor(canonical_root=root)
        crawler.signals.connect(spider.item_dropped, signal=signals.item_dropped)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # Opened here, after the pipelines: the dedup stage has settled any run a crash left behind.
        settings = self.crawler.settings
        if friendship_setting(settings, "FRIENDSHIP_INCREMENTAL") and friendship_setting(
            settings, "FRIENDSHIP_DEDUP_ENABLED"
        ):
            self.frontier = Frontier(project_path(settings, "FRIENDSHIP_STATE_DIR"))
            self.crawler.stats.set_value(f"{STAT}/incremental/known_at_start", len(self.frontier))
        self._go_on_from_jobdir()
        # Listings and articles bypass the persisted duplicate filter (JOBDIR): after a crash, pages the
        # killed run fetched but never exported must be fetched again. Within a run, paused and resumed
        # or not, `_requested` and each listing's own entry set keep every URL to one request.
        yield scrapy.Request(
            f"{self.base_url}{SECTION_PATH}",
            callback=self.parse_section,
            meta={LISTING: True},
            priority=LISTING_PRIORITY,
            dont_filter=True,
        )

    def _go_on_from_jobdir(self) -> None:
        """With JOBDIR, a run resumed after a pause goes on with what its earlier part requested (its queue
        holds what was not fetched yet) and the listings it walked; one whose queue a crash left damaged
        (`jobdir.CrashSafeJobDir` discarded it) starts again from the section page."""
        state = self._job_state
        if state is None:
            return
        if self.crawler.stats.get_value(DISCARDED_QUEUE_STAT):
            state.clear()
        self._requested = state.setdefault(REQUESTED, set())
        self._walked = state.setdefault(WALKED, set())

    @property
    def _job_state(self) -> dict[str, Any] | None:
        """The state Scrapy keeps in JOBDIR between the parts of a paused run (`self.state`); None without
        JOBDIR."""
        state: dict[str, Any] | None = getattr(self, "state", None)
        return state

    def item_dropped(self, item: Any, response: Response, exception: BaseException) -> None:
        """A dropped article (a duplicate, or nothing left after cleaning) need not be fetched again."""
        if self.frontier is not None and isinstance(item, Article) and isinstance(exception, DropItem):
            self.frontier.remember(item.article_id, "dropped")

    def closed(self, reason: str) -> None:
        """Remember the listings walked to their end, however the run ended (articles it requested and did
        not read are the frontier's to ask for again). A finished run leaves nothing to resume: the next run
        with the same JOBDIR walks the listings afresh."""
        if self.frontier is not None:
            self.frontier.mark_walked(self._walked)
            self.frontier.close()
        if reason == "finished" and self._job_state is not None:
            self._job_state.clear()

    def parse_section(self, response: Response) -> Iterator[scrapy.Request | Any]:
        """The section page: discover subsections from its menu, then read it as the first listing. A
        section the site moved (redirected to another path) is read at its new place, and said so."""
        section_path = urlsplit(response.url).path.split("&", 1)[0].rstrip("/") or SECTION_PATH
        if section_path != SECTION_PATH:
            self.crawler.stats.set_value(f"{STAT}/sections/moved", 1)
            self.logger.warning("The section %s moved to %s: read there", SECTION_PATH, section_path)
        self.subsections = self._discover_subsections(response, section_path)
        for slug in self.params.sections or ():
            if slug != SECTION_SLUG and slug not in self.subsections:
                self.crawler.stats.inc_value(f"{STAT}/sections/not_found")
                self.logger.error(  # an error: the console shows it, and the run is not healthy
                    "Section %s asked for (-a sections) is not in the section page's menu: %s",
                    slug,
                    ", ".join(sorted({SECTION_SLUG, *self.subsections})),
                )
        for slug in self.subsections:
            url = f"{self.base_url}{section_path}/{slug}"
            if self.params.wants(slug) and url not in self._requested:
                self._requested.add(url)
                yield scrapy.Request(
                    url,
                    callback=self.parse_listing,
                    cb_kwargs={"slug": slug, "page": 1},
                    meta={LISTING: True},
                    priority=LISTING_PRIORITY,
                    dont_filter=True,
                )
        yield from self._retry_pending()
        if self.params.wants(SECTION_SLUG):
            yield from self.parse_listing(response, slug=SECTION_SLUG, page=1)

    def _retry_pending(self) -> Iterator[scrapy.Request]:
        """The article pages earlier runs requested and none could read (stopped, failed, or said to be
        missing for now): requested again, wherever their listing now shows them."""
        if self.frontier is None:
            return
        given_up = self.frontier.given_up
        if given_up:
            self.crawler.stats.set_value(f"{STAT}/incremental/given_up", len(given_up))
            self.logger.warning(
                "%s gave no article in %s runs (an error, or a page that said it was missing or empty) and"
                " %s no longer requested: %s",
                "1 article page" if len(given_up) == 1 else f"{len(given_up)} article pages",
                PENDING_RUNS,
                "is" if len(given_up) == 1 else "are",
                ", ".join(given_up),
            )
        for url, slug in self.frontier.retry:
            self.crawler.stats.inc_value(f"{STAT}/incremental/retried")
            here = self.hosts.on_base(url)  # an earlier run may have crawled the site at another address
            if here != url:
                self.frontier.moved(url, here)
            yield from self._article_request(here, slug, retried=True)

    def _article_request(self, url: str, slug: str, retried: bool = False) -> Iterator[scrapy.Request]:
        """The request for an article page, once per run, written down in the frontier before it is sent;
        `retried`: one earlier runs could not read."""
        if url in self._requested:
            return
        self._requested.add(url)
        aid = article_id(url)
        if self.frontier is not None and aid is not None:
            self.frontier.requested(url, aid, slug)
        yield scrapy.Request(
            url,
            callback=self.parse_article,
            cb_kwargs={"slug": slug},
            meta={RETRIED: True} if retried else {},
            dont_filter=True,
        )

    def _discover_subsections(self, response: Response, section_path: str = SECTION_PATH) -> dict[str, str]:
        """Slug -> name of every subsection the section page (at `section_path`) links to, in page order."""
        prefix = f"{section_path}/"
        found: dict[str, str] = {}
        for link in response.css("a[href]"):
            try:
                path = (
                    urlsplit(response.urljoin(link.root.get("href") or "")).path.split("&", 1)[0].rstrip("/")
                )
            except ValueError:  # a link that is no address ("http://[bad")
                continue
            slug = path.removeprefix(prefix)
            is_subsection = (
                path.startswith(prefix)
                and "/" not in slug
                and not slug.endswith((".html", ".htm"))
                and slug.casefold() not in NOT_SUBSECTIONS
            )
            if is_subsection and slug and not found.get(slug):
                found[slug] = " ".join(" ".join(link.css("::text").getall()).split())
        self.crawler.stats.set_value(f"{STAT}/sections/discovered", len(found))
        if not found:
            self.logger.warning(
                "No subsection links on %s; falling back to the known subsections", response.url
            )
            return dict(SUBSECTIONS)
        return found

    def parse_listing(self, response: Response, slug: str, page: int) -> Iterator[scrapy.Request]:
        """A listing page: request its articles and, unless the listing ends here, its next page."""
        stats = self.crawler.stats
        stats.inc_value(f"{STAT}/listing/pages")
        listing = parse_listing(response.text, response.url, known_listing=True)
        if page == 1 and self.frontier is not None:
            self.frontier.begin_walk(slug)
        guessed = bool(response.meta.get(GUESSED_PAGE))
        if not listing.entries and guessed:
            stats.inc_value(f"{STAT}/listing/stopped/end")  # the page past the end of a script-paged list
            self._walked.add(slug)
            return
        if listing.next_guessed:
            stats.inc_value(f"{STAT}/listing/next_guessed")
        if listing.markup is None:
            stats.inc_value(f"{STAT}/listing/unrecognised")
            self.logger.warning("No listing entries recognised on %s", response.url)
        elif listing.markup == FALLBACK:
            stats.inc_value(f"{STAT}/listing/fallback")
            self.logger.warning("Listing %s read from the article links of its main column", response.url)
        seen: set[str] = response.meta.setdefault("listing_seen", set())
        first: frozenset[str] = response.meta.setdefault(FIRST_PAGE, frozenset())
        listed: set[str] = set()
        fresh = known = 0
        stats.inc_value(f"{STAT}/listing/entries", len(listing.entries))
        for entry in listing.entries:
            url = self._article_request_url(entry.url)
            if url is None:
                stats.inc_value(f"{STAT}/listing/refused")
            if url is not None:
                listed.add(url)
            if url is None or url in seen:
                continue
            seen.add(url)
            fresh += 1
            if not self.params.in_window(entry.published):
                stats.inc_value(f"{STAT}/filter/outside_window")
                continue
            if self._known(url, entry):
                known += 1
                continue
            yield from self._article_request(url, slug)
        walked_before = self.frontier is not None and self.frontier.walked(slug)
        if known and walked_before and not self.params.full:
            # Newest first: everything below a known entry was known when this listing was last walked.
            stats.inc_value(f"{STAT}/listing/stopped/known")
            self._walked.add(slug)
            return
        if page == 1:
            first = frozenset(listed)
        # a full first page answered again: what lies past it is never listed (a first page less than full
        # is the whole listing, and its repeats are a trap's past its end)
        back = page > 1 and len(first) >= FULL_PAGE_ENTRIES and bool(listed) and listed <= first
        stop = self._stop_paging(listing, fresh, page, response.url, guessed, back)
        if stop:
            if stop in WALKED_TO_END:
                self._walked.add(slug)
            return
        assert listing.next_url is not None
        next_url = self.hosts.on_base(listing.next_url)
        if next_url in self._requested:
            return  # a resumed run: its earlier part queued that page
        self._requested.add(next_url)
        yield scrapy.Request(
            next_url,
            callback=self.parse_listing,
            cb_kwargs={"slug": slug, "page": page + 1},
            meta={"listing_seen": seen, FIRST_PAGE: first, LISTING: True, GUESSED_PAGE: listing.next_guessed},
            priority=LISTING_PRIORITY,
            dont_filter=True,
        )

    def _known(self, url: str, entry: ListingEntry) -> bool:
        """Is this article already exported (and not due for a recheck)? Then it is not fetched again."""
        aid = article_id(url)
        if self.frontier is None or self.params.full or aid is None or not self.frontier.knows(aid):
            return False
        recheck_from = datetime.now(UTC).date() - timedelta(days=self.params.recheck_days)
        if self.params.recheck_days and (entry.published is None or entry.published >= recheck_from):
            self.crawler.stats.inc_value(f"{STAT}/incremental/recheck")
            return False
        self.crawler.stats.inc_value(f"{STAT}/incremental/known")
        return True

    def _stop_paging(
        self,
        listing: ListingPage,
        fresh: int,
        page: int,
        url: str,
        guessed: bool = False,
        back: bool = False,
    ) -> str | None:
        """Why paging this listing stops after `url` (None: it goes on), counted in stats. `guessed`: the page
        was asked for at the CMS's own offset, which no link named; `back`: it lists only what the listing's
        first page lists."""
        reason: str | None = None
        dated = [e.published for e in listing.entries if e.published]
        on_base = (self.hosts.on_base(listing.next_url or url), self.hosts.on_base(url))  # the host aside
        if listing.next_url is None or not listing.entries:
            reason = "end"
        elif fresh == 0 and guessed:
            reason = "end"  # the CMS answers an offset past the end with the last entries again
        elif fresh == 0 and back:
            reason = "back_to_first_page"
            self.logger.warning(
                "Listing %s answers its first page again: the site's paging changed; its later pages are"
                " not read, and the next run walks it again",
                url,
            )
        elif fresh == 0:
            reason = "no_new_entries"
            self.logger.warning("Listing %s repeats earlier entries; paging stops here", url)
        elif goes_back(*on_base) or not same_listing(*on_base):
            reason = "offset_not_advancing"
            self.logger.warning("Listing %s offers a next page that does not advance", url)
        elif self.params.max_pages is not None and page >= self.params.max_pages:
            reason = "max_pages"
        elif self.params.since and dated and max(dated) < self.params.since:
            reason = "since"
        if reason is not None:
            self.crawler.stats.inc_value(f"{STAT}/listing/stopped/{reason}")
        return reason

    def _article_request_url(self, url: str) -> str | None:
        """The one URL to fetch for an article link, or None when the link is not to be followed."""
        stats = self.crawler.stats
        if not self.hosts.allows(url):
            stats.inc_value(f"{STAT}/links/offsite")
            return None
        aid = article_id(url)
        if aid is None:
            stats.inc_value(f"{STAT}/links/not_article")
            return None
        try:
            canonical = canonical_article_url(strip_tracking(url), self.base_url)
        except ValueError:
            return None
        if article_slug(canonical) is None:  # a print view: its address names no slug
            stats.inc_value(f"{STAT}/links/print_view")
            return None
        return canonical

    def parse_article(self, response: Response, slug: str = SECTION_SLUG) -> Iterator[Any]:
        """An article page: read it into a record, or count why it is not an article."""
        stats = self.crawler.stats
        try:
            reading = read_page(
                response.body,
                response.url,
                listing=section_trail(slug, self.subsections),
                extractor=self.extractor,
            )
        except NotAnArticle as exc:
            stats.inc_value(f"{STAT}/drop/{exc.reason}")
            if response.meta.get(RETRIED):
                stats.inc_value(f"{STAT}/incremental/retried_unread")
            self.logger.info("Not an article (%s): %s", exc.reason, response.url)
            aid = article_id(response.url)
            if self.frontier is not None and aid is not None and exc.reason not in UNSETTLED:
                self.frontier.remember(aid, exc.reason)  # what may be so for a while stays pending
            return
        self._count_reading(reading)
        if reading.extraction.fallback:
            self.logger.warning(
                "Extraction fell back to generic content detection on %s: selectors did not match",
                response.url,
            )
        article = reading.article
        published = article.published_at[:10] if article.published_at else None
        if published and not self.params.in_window(datetime.fromisoformat(published).date()):
            stats.inc_value(f"{STAT}/filter/outside_window")
            if self.frontier is not None:
                self.frontier.settle(response.request.url if response.request else response.url)
            return  # read, and left for a run whose window holds it
        article.crawled_at = datetime.now(UTC).replace(microsecond=0).isoformat()
        yield article

    def _count_reading(self, reading: Reading) -> None:
        """Per-field extraction layers, the generic fallback and what cleaning removed, as stats."""
        stats = self.crawler.stats
        if reading.extraction.fallback:
            stats.inc_value(f"{STAT}/extract/fallback")
        for field_name, layer in reading.extraction.sources.items():
            stats.inc_value(f"{STAT}/extract/{field_name}/{layer}")
        for removal in reading.removals:
            if removal.whole_line:
                stats.inc_value(f"{STAT}/clean/lines_removed/{removal.rule}")
            stats.inc_value(f"{STAT}/clean/chars_removed/{removal.rule}", len(removal.text))
        if reading.removals:
            stats.inc_value(f"{STAT}/clean/items_changed")
