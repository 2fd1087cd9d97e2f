"""`ArticleExtractor`: one article page (HTML and URL) in, one `Article` record out, or `NotAnArticle`.

Every field has a chain that ends in a generic last resort: the page head (JSON-LD `NewsArticle`, meta
tags) and the MasterCMS selectors of the matching template generation first, then rules that read any news
page (`fallbacks`: the prominent `h1`, `<title>` without the site name, a lead or a date line near the
headline, htmldate, a breadcrumb trail) and the generic main-content layer when no selector finds a body.
The result says which generation matched, whether the generic layer gave the body, and which layer
produced each field (`Extraction.sources`, counted per field by the crawl).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from lxml.html import HtmlElement

from friendship_crawler.clean import rules
from friendship_crawler.clean.folding import slug_words
from friendship_crawler.clean.lines import (
    attributed_source,
    attribution,
    ends_with_byline,
    is_header_line,
    is_own_address,
    outlet_attribution,
    own_hosts,
    read_dated_byline,
)
from friendship_crawler.extract import fallbacks, selectors
from friendship_crawler.extract.body import (
    Block,
    Body,
    body_parts,
    is_photo_box,
    read_body,
    read_parts,
    visible_lines,
    visible_text,
)
from friendship_crawler.extract.byline import clean_author, clean_source, split_byline
from friendship_crawler.extract.dates import DAY_ALONE, parse_iso
from friendship_crawler.extract.document import parse_page, saved_from
from friendship_crawler.extract.errors import NotAnArticle
from friendship_crawler.extract.generic import generic_blocks, holds_every_line, text_holder
from friendship_crawler.extract.kinds import (
    is_listing,
    lists_articles,
    media_kind,
    says_not_found,
    told_by_captions,
)
from friendship_crawler.extract.language import text_language
from friendship_crawler.extract.links import LinkFolder, fold_root, page_base, related_box_hrefs
from friendship_crawler.extract.marks import PageMarks
from friendship_crawler.extract.selectors import DETECTION_ORDER, Generation, Generic, Selector
from friendship_crawler.extract.structured import HeadData, read_head
from friendship_crawler.items import Article, Image
from friendship_crawler.site_rules import (
    LEAD_DATELINE,
    TIME_OF_DAY,
    UPDATED_LABEL,
    iso_vietnam,
    parse_date_line,
    parse_update_line,
    source_of,
    updates_only,
)
from friendship_crawler.textnorm import normalize_line
from friendship_crawler.urls import (
    CANONICAL_ROOT,
    SITE_HOSTS,
    article_id,
    canonical_article_url,
    host_of,
    http_parts,
    is_print_view,
    strip_tracking,
)

HEAD, META, SELECTORS, GENERIC, URL = "json-ld", "meta", "selectors", "generic", "url"
HTMLDATE, LISTING = "htmldate", "listing"
"""Names of the layers a field can come from (`Extraction.sources`); "listing" is the section of the
listing the crawl found the page on."""
BYLINE_MAX_NAMES = 4
"""The most people a byline names."""
LEAD_REACH = 3
"""Body paragraphs a description cut short from the first paragraph may be the start of."""
LABEL_IS_NOT = frozenset({*selectors.EMPHASIS_TAGS, "a"})
"""Tags that end a headline as part of it, never as a label after it."""
HEAD_DATE_DRIFT = timedelta(days=2)
"""How far the head's publication time may stand from the one the page shows before the page's wins."""
ZONE_SHIFT = timedelta(hours=7)
"""The site's offset from UTC: a head time this far from the one the page shows, at the same minute, states
the same moment in a zone written wrong (UTC labelled +07:00, the site's local time labelled UTC); other
gaps of whole hours are other times (an update's)."""
PARAGRAPH_LABEL = re.compile(r"^[^\W\d][^:\d]{0,24}:\s*")
"""A short label that opens a paragraph ("Tóm tắt: …")."""
ALIKE_TITLES = 0.5
"""Share of their words two titles have in common when one rewords the other (an SEO title)."""
CUT_HEADLINE_LENGTH = 100
"""From this length (or with an ellipsis) a JSON-LD headline that the shown one continues was cut short
(sites cut it near 110 characters); a shorter one is whole, and what the page shows after it is a label."""


@dataclass
class Extraction:
    """An extracted article and how it was obtained."""

    article: Article
    """The record; `crawled_at` is left empty for the caller to fill."""
    generation: str
    """Template generation whose selectors matched ("v2021", "v2019", "amp") or "generic"."""
    fallback: bool
    """True when the generic layer produced the body: the caller counts and logs it."""
    sources: dict[str, str] = field(default_factory=dict)
    """Field name -> layer that produced it: "json-ld", "meta", "selectors", "generic", "htmldate", "url",
    "listing"."""
    notes: list[str] = field(default_factory=list)
    """Problems met that did not stop extraction (unparseable JSON-LD and the like)."""


class ArticleExtractor:
    """Extracts article records from MasterCMS pages of thoidai.com.vn; no I/O, no Scrapy."""

    def __init__(self, canonical_root: str = CANONICAL_ROOT) -> None:
        self.canonical_root = canonical_root.rstrip("/")

    def extract(self, html: str | bytes, url: str, listing: Sequence[str] = ()) -> Extraction:
        """The article of a page, or NotAnArticle(reason, detail) when the page is not one; `listing` is the
        section trail of the listing the page was found on, the section of a page that shows no trail."""
        root = parse_page(html)
        saved_at = None if _is_web_address(url) else saved_from(html)  # a page read from a file
        return _PageReading(root, url, self.canonical_root, saved_at, listing).extract()


def detect_generation(root: HtmlElement, marks: PageMarks) -> type[Generation]:
    """The first generation, most specific first, whose signature markup the page carries."""
    for generation in DETECTION_ORDER:
        if generation.detects(root, marks):
            return generation
    return Generic


def _leads(description: str, title: str, body: Sequence[str]) -> bool:
    """A description from the head that may be the article's lead: not the site's tagline ("Cơ quan ngôn
    luận của …"), not the headline again, not a body paragraph's start cut short ("… giới thiệu ẩ..."),
    whatever label opens that paragraph ("Tóm tắt: …"), not a paragraph the body shows further in (a
    paper's abstract under its "Tóm tắt:"); the body's first paragraph it may be, as a body that repeats
    its lead begins."""
    if rules.SITE_TAGLINE.search(description) or description.casefold() == title.casefold():
        return False
    if description in body[1:]:
        return False
    stem = description.rstrip(" .…")
    return not any(
        line != description and (line.startswith(stem) or PARAGRAPH_LABEL.sub("", line, 1).startswith(stem))
        for line in body[:LEAD_REACH]
    )


def _adds_to(stated: str, shown: str) -> bool:
    """The stated title is the shown headline with something after or before it past a separator ("… -
    Báo Quốc tế", "Báo Quốc tế - …")."""
    if stated.startswith(shown) and selectors.TITLE_SEPARATOR.match(stated[len(shown) :]):
        return True
    before = stated[: len(stated) - len(shown)]
    separators = selectors.TITLE_SEPARATOR.finditer(before)
    return stated.endswith(shown) and any(found.end() == len(before) for found in separators)


def _words_alike(stated: str, shown: str) -> bool:
    """Two titles that share at least `ALIKE_TITLES` of their words (folded): one reworded from the other,
    as an SEO title rewords the headline ("Thái Bình: Ra mắt Hội hữu nghị …" for "Hội hữu nghị … tỉnh Thái
    Bình ra mắt"), not a site's name or another article's title."""
    ours, theirs = set(slug_words(stated)), set(slug_words(shown))
    return bool(ours and theirs) and len(ours & theirs) >= ALIKE_TITLES * len(ours | theirs)


def _first(root: HtmlElement, candidates: Iterable[Selector], marks: PageMarks) -> list[HtmlElement]:
    """The matches of the first selector that matches anything; `marks` are the page's."""
    for selector in candidates:
        found = [node for node in selector.select(root, marks) if isinstance(node, HtmlElement)]
        if found:
            return found
    return []


def _continues_cut(stated: str, shown: str, node: HtmlElement | None) -> bool:
    """The shown text is the whole of a text the head states cut short (a JSON-LD headline, a meta
    description): one with an ellipsis or of the length sites cut at, which the shown one goes on from,
    and not only by a label of its own element after it ("…Hà Nội" then
    `<span class="label">Video</span>`)."""
    kept = stated.rstrip(".… ")
    if not shown.startswith(kept) or (kept == stated and len(kept) < CUT_HEADLINE_LENGTH):
        return False
    return node is None or shown[len(kept) :].lstrip(".… ") != _trailing_label(node)


def _without_label(headline: str, node: HtmlElement) -> str:
    """The headline without the label its element ends with (`<span class="label">Video</span>`)."""
    label = _trailing_label(node)
    if label and headline.endswith(label) and len(headline) > len(label):
        return headline[: -len(label)].rstrip(" -–|:·")
    return headline


def _without_leading_label(headline: str, node: HtmlElement, stated: Iterable[str | None]) -> str:
    """The headline without the label its element opens with (`<span class="label">Độc quyền</span>`, a
    category's link) when the head `stated` the rest of it as the headline: a label alone says so."""
    first = next((child for child in node if isinstance(child.tag, str)), None)
    if first is None or first.tag in selectors.EMPHASIS_TAGS or (node.text or "").strip():
        return headline
    label = visible_text(first)
    rest = headline[len(label) :].lstrip(" -–|:·") if label and headline.startswith(label) else ""
    return rest if rest and rest in stated else headline


def _trailing_label(node: HtmlElement) -> str | None:
    """The text of the element's last child when it stands after the element's own text as a label does
    (no text after it, not an emphasis or a link, which are part of a headline)."""
    children = [child for child in node if isinstance(child.tag, str)]
    if not children:
        return None
    last = children[-1]
    if last.tag in LABEL_IS_NOT or (last.tail or "").strip():
        return None
    return visible_text(last) or None


def _each_once(images: Iterable[Image]) -> list[Image]:
    """Each photo once, where it first stands (a cover photo the body sets again), with the first caption
    any of its copies has."""
    first: dict[str, Image] = {}
    for image in images:
        if image.url not in first:
            first[image.url] = image
        elif not first[image.url].caption and image.caption:
            first[image.url] = Image(image.url, image.caption)
    return list(first.values())


def _stands_before(modified: str | None, published: str | None) -> bool:
    """Both times are known and the update's is the earlier."""
    return bool(
        modified and published and datetime.fromisoformat(modified) < datetime.fromisoformat(published)
    )


def _unique(values: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _tag_names(values: Iterable[str | None]) -> list[str]:
    """Tags once each, without the web addresses some sites file as tags ("https://suckhoeviet.org.vn/")."""
    return _unique(v for v in values if v and not _is_address(v))


def _is_address(value: str) -> bool:
    """A web address written as one ("https://…", "www.…"), not a name that is also a domain."""
    match = rules.WEB_ADDRESS.match(value)
    return match is not None and match["prefix"] is not None


def _page_address(url: str, head: HeadData, saved_at: str | None = None) -> str:
    """Where the page lives: the URL it was fetched from, or for a page read from a file, the absolute
    address its head states (canonical link, og:url, JSON-LD url) or else the one its browser's "saved
    from" mark names, one on the site's own hosts first (a canonical elsewhere names the original of a
    syndicated copy), so that it is read as on that host."""
    if _is_web_address(url):
        return url
    stated = [
        address
        for address in map(_absolute, (head.canonical, head.meta.get("og:url"), head.ld_url, saved_at))
        if address is not None
    ]
    on_site = (address for address in stated if host_of(address) in SITE_HOSTS)
    return next(on_site, stated[0] if stated else url)


def _absolute(address: str | None) -> str | None:
    """An absolute web address as stated, a protocol-relative one made https; None for anything else."""
    if not address:
        return None
    address = address.strip()
    if address.startswith("//"):
        address = f"https:{address}"
    return address if _is_web_address(address) else None


def _links_home(root: HtmlElement) -> str | None:
    """The home of the host more than half of the page's absolute article links go to: the site a page
    saved without its head and its address belongs to, for want of a better witness."""
    hosts = Counter(
        parts.hostname
        for parts in map(http_parts, root.xpath("//a/@href"))
        if parts is not None and article_id(parts.geturl())
    )
    if not hosts:
        return None
    host, links = hosts.most_common(1)[0]
    return f"https://{host}/" if links * 2 > hosts.total() else None


def _is_web_address(url: str) -> bool:
    return http_parts(url) is not None


def _is_tag(node: HtmlElement) -> bool:
    return isinstance(node.tag, str)


def _is_block(element: HtmlElement) -> bool:
    return isinstance(element.tag, str) and element.tag in selectors.BLOCK_TAGS


_QUOTES_AS_TYPED = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _lead_words(line: str) -> str:
    """A lead as the body may repeat it: without the outlet's mark before it ("TĐO - "), the end's stop,
    and with its quotation marks as typed."""
    return LEAD_DATELINE.sub("", line, count=1).translate(_QUOTES_AS_TYPED).rstrip(" .…").casefold()


def _retells_lead(line: str, sapo: str) -> bool:
    """The body's first line is the lead again, give or take the outlet's mark, quotes and the final stop."""
    return _lead_words(line) == _lead_words(sapo)


def _zone_written_wrong(drift: timedelta) -> bool:
    """Two times of one moment, one in a zone written wrong: `ZONE_SHIFT` apart."""
    return abs(drift) == ZONE_SHIFT


class _PageReading:
    """One extraction: the parsed page, its head evidence, and the fields as they are decided."""

    def __init__(
        self,
        root: HtmlElement,
        url: str,
        canonical_root: str,
        saved_at: str | None = None,
        listing: Sequence[str] = (),
    ) -> None:
        self.root = root
        self.listing = list(listing)
        self.canonical_root = canonical_root
        self.head: HeadData = read_head(root)
        self.fetched_url = _page_address(url, self.head, saved_at)
        self._drop_another_articles_ld()
        self.address_layer = URL
        """The layer that gave `fetched_url`: the URL itself, or the generic rule for a saved page."""
        self.marks = PageMarks(root)
        self.generation = detect_generation(root, self.marks)
        self.sources: dict[str, str] = {}
        self.title_node: HtmlElement | None = None
        """The visible headline, where leads and date lines are looked for."""
        self.headline_shown: str | None = None
        self.credited_outlet: str | None = None
        """The outlet the author block credits after the name ("Lan Anh (theo TTXVN)")."""
        self._date_line: tuple[str, str] | None = None
        self._updated_shown: str | None = None
        """The time a date line of its own labels as the update ("Cập nhật: …"), beside the publication's."""
        self.head_zone_error = timedelta(0)
        """What the page's own date line adds to the head's times when the head writes its zone wrong."""
        self.lead_node: HtmlElement | None = None
        """The element the sapo was read from by the selectors, which may hold the cover photo."""
        self.badge: str | None = None
        """The visible headline's whole text and its multimedia badge (`fallbacks.headline_badge`)."""
        self._teasers: fallbacks.Teasers | None = None

    def select(self, name: str) -> list[HtmlElement]:
        return _first(self.root, self.generation.compiled[name], self.marks)

    def in_teaser(self, node: HtmlElement) -> bool:
        """`fallbacks.in_teaser` under the headline found so far, each element decided once per headline."""
        if self._teasers is None or self._teasers.title_node is not self.title_node:
            self._teasers = fallbacks.Teasers(self.title_node)
        return self._teasers.hold(node)

    def select_every(self, name: str) -> Iterator[HtmlElement]:
        """The matches of every selector of `name` in turn."""
        for selector in self.generation.compiled[name]:
            for node in selector.select(self.root, self.marks):
                if isinstance(node, HtmlElement):
                    yield node

    def select_outside_teasers(self, name: str) -> Iterator[HtmlElement]:
        """The matches of every selector of `name` in turn, without those in another article's teaser:
        rails reuse the classes of the lead and of the date line."""
        return (node for node in self.select_every(name) if not self.in_teaser(node))

    def extract(self) -> Extraction:
        parts = body_parts(self.select("body"))
        container = parts[0] if parts else None
        title = self._title(has_body=container is not None)
        if title and not _is_web_address(self.fetched_url):
            self._address_by_title(title)
        if container is None and self._says_not_found(title):
            raise NotAnArticle("soft_404", "the page says it does not exist")
        # A page at an article's address with a headline is an article even when it carries teasers in a
        # listing markup (a sidebar); only a page without either is read as a listing.
        at_article = bool(title) and article_id(self.fetched_url) is not None
        if (
            container is None
            and not at_article
            and (is_listing(self.root) or (not title and lists_articles(self.root, self._listing_address())))
        ):
            raise NotAnArticle("listing", "listing entries and no article body")
        if not title:
            raise NotAnArticle("no_title", "no headline in JSON-LD, meta or the title selectors")
        url, aid = self._url()
        folder = LinkFolder(
            self.canonical_root, self.fetched_url, page_base(self.fetched_url, self.head.base)
        )
        base = page_base(url, self.head.base) or url  # what the body's images are read against
        body = read_body(container, base, parts[1:]) if container is not None else Body()
        # a known container without text, under a multimedia title, is the media page; an unknown one is
        # read by the generic layer first
        kind = media_kind(title, body, container, by_title_only=True, badge=self.badge) if parts else None
        if kind is not None:
            raise NotAnArticle(kind, f"{kind} page without text: {title!r}")
        fallback = not body.has_text and not told_by_captions(body)
        blocks = generic_blocks(self.root, self.fetched_url) if fallback else body.blocks
        body_layer = GENERIC if fallback else SELECTORS
        if fallback and not blocks and self.head.ld_body_lines:  # a page its script alone renders
            blocks, body_layer = [Block(line) for line in self.head.ld_body_lines], HEAD
        author = self._visible_author()
        split = split_byline(blocks, author)
        headlines = {title, self.headline_shown}  # the headline is no body, with its badge or without
        lines_read = [block.text for block in split.blocks if block.text not in headlines]
        holder = text_holder(self.root, lines_read) if fallback else None
        held_parts = self._held_parts(holder)
        held = None
        if held_parts == [holder]:
            held = read_body(held_parts[0], base)
        elif held_parts:  # the holder's parts after the headline, each an element of the body
            held = read_parts(held_parts, base)
        below_title = self._below_title(holder, held_parts)
        sapo = self._sapo(container if container is not None else below_title, title, lines_read)
        body_element = parts[-1] if parts else holder  # what follows it holds the byline, source, tags
        body_blocks = [block for block in split.blocks if block.text not in {title, sapo}]
        if held is not None and holds_every_line(held, body_blocks):
            split = split_byline(held.blocks, author)  # the holder read as a known body: headings, lists
        if author is None and split.author:
            author, self.sources["author"] = split.author, body_layer
        author = (
            author
            or self._head_author()
            or self._signed_after(body_element)
            or self._author_by_class()
            or self._labelled_near_title()
            or self._named_on_date_line(container if container is not None else holder)
        )
        lines = self._text_lines(title, sapo, split.blocks, self.headline_shown, author)
        if len(lines) <= (2 if sapo else 1):
            kind = media_kind(title, body, container, badge=self.badge)
            if kind is not None:
                raise NotAnArticle(kind, f"{kind} page without text: {title!r}")
            raise NotAnArticle("no_text", "no body text, even from the generic layer")
        self.sources["text"] = body_layer
        text = "\n".join(normalize_line(line) for line in lines)  # every line is already clean: a fast check
        if held is not None:
            body = held
        images = _each_once([*self._cover_images(base), *body.images])
        if images:
            self.sources["images"] = body_layer
        published_at = self._published(container if container is not None else holder)  # then the update
        modified_at = self._modified(container if container is not None else holder)
        if _stands_before(modified_at, published_at):  # a scheduled article's draft time: no update
            modified_at = None
            self.sources.pop("modified_at", None)
        article = Article(
            url=url,
            article_id=aid,
            title=title,
            sapo=sapo,
            text=text,
            author=author,
            source=self._source(split.source, body_layer, body_element),
            published_at=published_at,
            modified_at=modified_at,
            section=self._section(title),
            tags=self._tags(body_element),
            images=images,
            language=text_language(text, self.root.get("lang")),
            related_urls=folder.article_urls(
                [*body.related_hrefs, *related_box_hrefs(self.root, self.marks)], exclude=url
            ),
        )
        name = Generic.name if container is None else self.generation.name
        return Extraction(article, name, fallback, self.sources, list(self.head.notes))

    # --- fields ---------------------------------------------------------------------------------
    def _title(self, has_body: bool) -> str | None:
        """JSON-LD / og:title, the known headline classes, the page's one prominent `h1`, then `<title>`
        without the site name (only on a page with a body: a bare `<title>` names no article), then og:title
        or `<title>` where the page shows that very text (a headline in an `h2`, a `div`)."""
        visible_nodes = [n for n in self.select("title") if visible_text(n)]
        self.title_node = visible_nodes[0] if visible_nodes else fallbacks.prominent_h1(self.root)
        shown = None
        if self.title_node is not None:
            self.headline_shown = visible_text(self.title_node)
            self.badge = fallbacks.headline_badge(self.title_node)
            shown = _without_label(fallbacks.without_badge(self.headline_shown, self.badge), self.title_node)
        headline = self.head.headline
        og_title = self.head.text(self.head.meta.get("og:title"))
        if shown and self.title_node is not None:
            shown = _without_leading_label(shown, self.title_node, (headline, og_title))
        visible, h1 = (shown, None) if visible_nodes else (None, shown)
        shown = visible or h1
        if og_title and shown and _adds_to(og_title, shown):
            og_title = shown  # the headline as shown, with the site's name before or after it
        elif og_title:
            og_title = self._without_site_name(og_title) or None
        if headline and shown and shown != headline and _continues_cut(headline, shown, self.title_node):
            headline = shown
        stated: list[tuple[str | None, str]] = [(headline, HEAD)]
        if self.head.is_article or shown:
            stated.append((og_title, META))
        if h1 and any(value and _words_alike(value, h1) for value, _ in stated):
            stated.insert(0, (h1, GENERIC))  # the head's SEO variant of the headline the page shows
        candidates = [(visible, SELECTORS), *stated, (h1, GENERIC)]
        if has_body or h1:
            candidates.append((self._without_site_name(self.head.html_title), META))
        for value, layer in candidates:
            if value and not self._names_the_site(value, wholly=True):  # og:title "Báo Quốc tế" on a page
                self.sources["title"] = layer
                return value
        page_title = self.head.html_title or ""
        before_last, site = fallbacks.split_at_last_separator(page_title)
        for value in (og_title, self._without_site_name(page_title), before_last if site else None):
            node = fallbacks.element_showing(self.root, value)
            if node is not None:
                self.title_node = node
                self.sources["title"] = META
                return value
        node = fallbacks.marked_headline(self.root)
        if node is None:
            node = fallbacks.headline_by_slug(self.root, self.fetched_url)
        if node is not None:  # a page without head or h1 whose headline its microdata or its address names
            self.title_node, self.headline_shown = node, visible_text(node)
            self.sources["title"] = GENERIC
            return self.headline_shown
        return None

    def _drop_another_articles_ld(self) -> None:
        """JSON-LD that describes another article (a template's stale copy: its `mainEntityOfPage` names
        another id than the page's address, canonical link and og:url) is not read for any field."""
        stated = article_id(self.head.ld_url or "")
        addresses = (self.fetched_url, self.head.canonical, self.head.meta.get("og:url"))
        own = {article_id(address or "") for address in addresses} - {None}
        if stated is not None and own and stated not in own:
            self.head.notes.append(f"JSON-LD describes another article ({self.head.ld_url}): not read")
            self.head.article = {}

    def _site_names(self) -> list[str]:
        """The names the page gives its site in the head (`og:site_name` and kin)."""
        return [self.head.text(self.head.meta.get(key)) or "" for key in selectors.SITE_NAME_META]

    def _without_site_name(self, title: str) -> str:
        return fallbacks.without_site_name(title, self._site_names(), host_of(self.fetched_url))

    def _listing_address(self) -> str:
        """The address a listing's links are read against: where the page lives, or for a page read from
        a file that states none, the site its article links go to."""
        if _is_web_address(self.fetched_url):
            return self.fetched_url
        return _links_home(self.root) or self.fetched_url

    def _address_by_title(self, title: str) -> None:
        """A saved page that states no address in its head is read at the one it names elsewhere with its
        headline for a slug (`fallbacks.titled_address`)."""
        address = fallbacks.titled_address(self.root, title)
        if address is not None:
            self.fetched_url, self.address_layer = address, GENERIC

    def _url(self) -> tuple[str, int]:
        folder = LinkFolder(self.canonical_root, self.fetched_url)
        for candidate, layer in (
            (self.head.canonical, META),
            (self.head.meta.get("og:url"), META),
            (self.head.ld_url, HEAD),
        ):
            url = folder.article_url(candidate)
            aid = article_id(url) if url else None
            if url and aid is not None:
                self.sources["url"] = layer
                return url, aid
        printed_id = article_id(self.fetched_url) if is_print_view(self.fetched_url) else None
        for candidate in fallbacks.stated_urls(self.root) if printed_id else ():
            url = folder.article_url(candidate)  # a print view's own article address, slug and all
            if url and printed_id and article_id(url) == printed_id:
                self.sources["url"] = GENERIC
                return url, printed_id
        # At a web address without an id, a page with a headline is a section's or a home page; read from a
        # file, it is an article that names no address of its own.
        reason = "listing" if _is_web_address(self.fetched_url) else "no_address"
        try:
            url = canonical_article_url(
                strip_tracking(self.fetched_url), fold_root(self.canonical_root, self.fetched_url)
            )
        except ValueError as exc:
            raise NotAnArticle(reason, f"no article id in the URL or canonical link: {exc}") from exc
        aid = article_id(url) or article_id(self.fetched_url)
        if aid is None:
            raise NotAnArticle(reason, "no article id in the URL or canonical link")
        self.sources["url"] = self.address_layer
        return url, aid

    def _sapo(self, container: HtmlElement | None, title: str, body: Sequence[str]) -> str:
        """The known sapo classes, a class naming a lead near the headline, the page head, the paragraph
        between the headline and the body container, then a first paragraph set as a lead (bold or a
        subheading). The head's description is no lead when it is the site's tagline, the headline, or
        the start of a paragraph of the `body` cut short."""
        for node in self.select_outside_teasers("sapo"):
            if fallbacks.in_author_box(node):
                continue
            shown = fallbacks.lead_text(node)
            if shown:
                self.sources["sapo"] = SELECTORS
                self.lead_node = node
                return shown
        value = fallbacks.lead_near(self.title_node, container)
        if value:
            self.sources["sapo"] = GENERIC
            return value
        placed = (
            fallbacks.subtitle(self.title_node)
            or fallbacks.lead_before_body(self.title_node, container)
            or fallbacks.styled_lead(self.title_node)
        )
        for value, layer in (
            (self.head.text(self.head.article.get("description")), HEAD),
            (self.head.text(self.head.meta.get("og:description")), META),
            (self.head.text(self.head.meta.get("description")), META),
        ):
            if value and _leads(value, title, body) and not (placed and _continues_cut(value, placed, None)):
                self.sources["sapo"] = layer
                return value
        if placed:  # the page shows the lead in full where its head cut it short
            self.sources["sapo"] = GENERIC
            return placed
        return ""

    def _cover_images(self, base: str) -> list[Image]:
        """The photos set inside the lead's box, with their captions, before the body's."""
        if self.lead_node is None or not fallbacks.lead_photos(self.lead_node):
            return []
        return read_body(self.lead_node, base).images  # the lead's box read as a body: its photo boxes

    def _says_not_found(self, title: str | None) -> bool:
        """The page says it does not exist, plainly, or in a heading and without a date: an article's
        headline may name "Quốc lộ 404" or a site that "đã bị xóa", and an article is dated."""
        titles = (title, self.head.html_title)
        if not says_not_found(self.marks, *titles):
            return False
        if says_not_found(self.marks, *titles, plainly=True):
            return True
        return self._publication(None) is None

    def _held_parts(self, holder: HtmlElement | None) -> list[HtmlElement]:
        """The generic layer's text holder as the parts of a body: the holder, or, when it holds the
        headline too (a box around the headline and a body split by an ad or a gallery), what follows the
        headline in it, after the photos right above the headline (the article's hero photo)."""
        if holder is None:
            return []
        if self.title_node is None or holder not in self.title_node.iterancestors():
            return [holder]
        branch = self.title_node
        while (parent := branch.getparent()) is not None and parent is not holder:
            branch = parent
        above = itertools.takewhile(
            is_photo_box, (p for p in branch.itersiblings(preceding=True) if _is_tag(p))
        )
        return [*reversed(list(above)), *(part for part in branch.itersiblings() if _is_tag(part))]

    def _below_title(self, holder: HtmlElement | None, parts: list[HtmlElement]) -> HtmlElement | None:
        """The generic layer's text holder as the body container a lead stands before; of a holder around
        the headline too, the first of the parts after the headline that holds blocks of its own (a lead
        and a date line are blocks alone)."""
        if holder is None or self.title_node is None:
            return None
        if parts == [holder]:  # a holder below the headline (`_held_parts`)
            return holder
        return next(
            (part for part in parts if not is_photo_box(part) and any(_is_block(child) for child in part)),
            None,
        )

    def _visible_author(self) -> str | None:
        """The names of the first author selector that names at most `BYLINE_MAX_NAMES` people; more are
        a list of commenters or a rail of contributors, not a byline. Another article's teaser names its own
        author with the same classes."""
        for selector in self.generation.compiled["author"]:
            nodes = [
                node
                for node in selector.select(self.root, self.marks)
                if isinstance(node, HtmlElement) and not self.in_teaser(node)
            ]
            texts = [fallbacks.byline_text(node) for node in nodes]
            outlets = {text: _sourced(text) for text in texts}
            under = [_sourced(line) for node in nodes for line in visible_lines(node)]  # "Theo TTXVN" under
            credited = [*outlets.values(), *under]
            names = _unique(clean_author(text) for text in texts if outlets[text] is None)
            if not names:  # a block that only attributes ("Theo TTXVN") credits the source and names nobody
                self.credited_outlet = self.credited_outlet or next(filter(None, credited), None)
            elif len(names) <= BYLINE_MAX_NAMES:
                attributed = filter(None, [*map(attributed_source, texts), *credited])
                self.credited_outlet = next(attributed, self.credited_outlet)
                self.sources["author"] = SELECTORS
                return ", ".join(names)
        return None

    def _head_author(self) -> str | None:
        """JSON-LD's or the meta author, unless it is the site itself (a publisher given as the author)."""
        for value, layer in ((self.head.ld_author, HEAD), (self.head.meta.get("author"), META)):
            name = clean_author(self.head.text(value))
            if name and not self._names_the_site(name):
                self.sources["author"] = layer
                return name
        return None

    def _names_the_site(self, name: str, *, wholly: bool = False) -> bool:
        """The name is the site's, or (not `wholly`) long and part of one (`fallbacks.names_the_site`)."""
        if selectors.SITE_TITLE_SUFFIX.search(f"| {name}"):
            return True
        names = self._site_names()
        publisher = self.head.article.get("publisher")
        if isinstance(publisher, dict):
            names.append(self.head.text(publisher.get("name")) or "")
        names.append(fallbacks.split_at_last_separator(self.head.html_title or "")[1])
        return fallbacks.names_the_site(name, names, host_of(self.fetched_url), wholly=wholly)

    def _signed_after(self, body: HtmlElement | None) -> str | None:
        """A signed name just after the `body` element; an attribution there names the source instead."""
        line = fallbacks.signed_line_after(body)
        if not line or attribution(line) is not None or not ends_with_byline(line):
            return None
        self.sources["author"] = GENERIC
        return clean_author(line)

    def _author_by_class(self) -> str | None:
        name = fallbacks.author_by_class(self.marks, self.title_node)
        if name:
            self.sources["author"] = GENERIC
        return name

    def _labelled_near_title(self) -> str | None:
        name = fallbacks.labelled_byline_near(self.title_node)
        if name:
            self.sources["author"] = GENERIC
        return name

    def _named_on_date_line(self, container: HtmlElement | None) -> str | None:
        """The name the page's own date line opens with ("Phương Lê · 10:10 | 10/10/2024")."""
        text, _ = self._own_date_line(container)
        byline = read_dated_byline(text) if text else None
        if byline is None or byline.author is None or self._names_the_site(byline.author, wholly=True):
            return None
        self.sources["author"] = GENERIC
        return clean_author(byline.author)

    def _source(self, from_body: str | None, body_layer: str, body: HtmlElement | None) -> str | None:
        """The source box, else the "Nguồn:" line or signed attribution of the body, else one just after the
        `body` element (an attribution there need not be signed), else the outlet the author block credits
        ("Lan Anh (theo TTXVN)"): an empty box, or one that names only the site itself
        ("https://suckhoeviet.org.vn/"), names no source."""
        hosts = own_hosts(self.fetched_url)
        nodes = self.select("source")
        for read, layer in (
            (lambda: clean_source(visible_text(nodes[0])) if nodes else None, SELECTORS),
            (lambda: from_body, body_layer),
            (lambda: fallbacks.source_after(body, self.title_node), GENERIC),
            (lambda: attribution(fallbacks.signed_line_after(body) or ""), GENERIC),
            (lambda: fallbacks.attribution_after(body), GENERIC),
            (lambda: self.credited_outlet, SELECTORS),
        ):
            value = read()
            if value and not is_own_address(value, hosts):
                self.sources["source"] = layer
                return value
        return None

    def _published(self, container: HtmlElement | None) -> str | None:
        found = self._publication(container)
        if found is None:
            return None
        self.sources["published_at"] = found[1]
        return found[0]

    def _publication(self, container: HtmlElement | None) -> tuple[str, str] | None:
        """When the page was published, with the layer that says so: the head's time, the date selectors,
        a date line near the headline, then htmldate. A head that gives the day alone ("2025-05-12")
        yields to a line the page shows with the time of that day."""
        day_only: tuple[str, str] | None = None
        for value, layer in self._stated_publication():
            parsed = parse_iso(value)
            if parsed and not DAY_ALONE.match(str(value).strip()):
                return self._shown_far_from(parsed, container) or (parsed, layer)
            day_only = day_only or ((parsed, layer) if parsed else None)
        shown = self._shown_date(container)
        if day_only and not (shown and shown[0][:10] == day_only[0][:10]):
            return day_only
        if shown:
            return shown
        parsed = fallbacks.htmldate_of(self.root, self.title_node)
        return (parsed, HTMLDATE) if parsed else None

    def _stated_publication(self) -> Iterator[tuple[object, str]]:
        """The publication times the page states rather than shows, with their layers, most specific first:
        JSON-LD, the head's meta tags, the microdata, then the page's first `<time datetime>`."""
        yield self.head.article.get("datePublished"), HEAD
        for name in selectors.PUBLISHED_META:
            if name in self.head.meta:
                yield self.head.meta[name], META
        for value in selectors.MARKED_PUBLISHED(self.root)[:1]:
            yield value, META
        yield self.head.time_datetime, META

    def _shown_far_from(self, stated: str, container: HtmlElement | None) -> tuple[str, str] | None:
        """The publication time the page's own date line shows, when it is more than `HEAD_DATE_DRIFT` away
        from the one the head states (a head that gives the time the page was rendered, or another
        article's), or `ZONE_SHIFT` away at the same minute (a head that writes its zone wrong, and so
        writes its update time wrong too: `head_zone_error`): what the reader sees wins. A line that says
        it gives the update time says nothing of when the page was published days away; its one time is
        the same moment as the head's, `ZONE_SHIFT` away."""
        text, layer = self._own_date_line(container)
        shown = parse_date_line(text) if text and TIME_OF_DAY.search(text) else None
        if shown is None:
            return None
        drift = datetime.fromisoformat(shown) - datetime.fromisoformat(stated).replace(second=0)
        if abs(drift) > HEAD_DATE_DRIFT and not UPDATED_LABEL.search(text):
            return shown, layer
        if _zone_written_wrong(drift) and parse_update_line(text) is None:
            self.head_zone_error = drift
            return shown, layer
        return None

    def _shown_date(self, container: HtmlElement | None) -> tuple[str, str] | None:
        """The date the page shows, by the date selectors or near the headline, with its layer. Of two date
        lines, one labelled as the update time ("Cập nhật: …") and one not, the other is the publication
        time, wherever each stands; a labelled line alone may give the publication time.

        Once the publication time is found, only a labelled line may still add something: a rail's dates
        are then told apart by their text before their teasers are looked for."""
        first: dict[bool, str] = {}
        """The date of the first line outside teasers that gives the update time alone (True), and of the
        first other line (False)."""
        for node in self.select_every("date"):
            published = False in first
            if not published and self.in_teaser(node):
                continue
            text = visible_text(node)
            update = updates_only(text)
            if update in first:
                continue
            parsed = parse_iso(node.get("datetime")) or parse_date_line(text)
            if parsed and not (published and self.in_teaser(node)):
                first[update] = parsed
                if len(first) == 2:  # both found: the rest can add nothing
                    break
        if False in first:
            self._updated_shown = first.get(True)
            return first[False], SELECTORS
        if True in first:
            return first[True], SELECTORS
        parsed = fallbacks.date_near(self.title_node, container)
        return (parsed, GENERIC) if parsed else None

    def _modified(self, container: HtmlElement | None) -> str | None:
        """JSON-LD's or the meta update time (in the zone the page shows: `head_zone_error`, known once the
        publication time is), else the one a date line gives beside the publication time, else that of a line
        labelled as the update near the headline, apart from the publication's ("Cập nhật: …")."""
        for value, layer in (
            (self.head.article.get("dateModified"), HEAD),
            (self.head.meta.get("article:modified_time"), META),
            (self.head.meta.get("og:updated_time"), META),
        ):
            parsed = parse_iso(value)
            if parsed:
                self.sources["modified_at"] = layer
                return iso_vietnam(datetime.fromisoformat(parsed) + self.head_zone_error)
        text, layer = self._own_date_line(container)  # the line of both times: "… | Cập nhật: …"
        both = parse_update_line(text)
        parsed = both or self._updated_shown or self._labelled_update()
        if parsed:
            self.sources["modified_at"] = layer if both else SELECTORS
            return parsed
        near = fallbacks.date_line_near(self.title_node, container, update=True)
        if near is None or updates_only(text):  # a labelled line alone gives the publication time
            return None
        self.sources["modified_at"] = GENERIC
        return near[2]

    def _labelled_update(self) -> str | None:
        """The time of a date line the selectors find labelled as the update ("Cập nhật: 08:00 | 15/03/2024")
        beside one that is not (the publication's): read here when the head gave the publication time, so
        that the lines shown were not read for it."""
        update, beside = None, False
        for node in self.select_outside_teasers("date"):
            text = visible_text(node)
            if updates_only(text):
                update = update or parse_date_line(text)
            else:
                beside = True
            if update and beside:
                return update
        return None

    def _own_date_line(self, container: HtmlElement | None) -> tuple[str, str]:
        """The text of the page's own date line, the first the date selectors find outside teasers or else
        the one near the headline, with its layer ("" when there is none); read once."""
        if self._date_line is None:
            first, line = None, None
            for node in self.select_outside_teasers("date"):  # a rail below may hold hundreds of dates
                text = visible_text(node)
                first = text if first is None else first
                if not updates_only(text):
                    line = text
                    break
            line = line if line is not None else first
            if line is not None:
                self._date_line = line, SELECTORS
            else:
                near = fallbacks.date_line_near(self.title_node, container)
                self._date_line = (near[1] if near else ""), GENERIC
        return self._date_line

    def _section(self, title: str) -> list[str]:
        crumbs = [
            visible_text(node)
            for node in fallbacks.with_current_level(fallbacks.trail(self.select("breadcrumb")), title)
            if not fallbacks.links_home(node)  # home, whatever it is called ("Tạp chí Thời Đại", an icon)
        ]
        layer = SELECTORS
        if not crumbs:
            crumbs, layer = list(self.head.breadcrumb), HEAD
        stated = self.head.text(self.head.meta.get("article:section"))
        if not crumbs:
            crumbs, layer = fallbacks.generic_trail(self.root, self.marks, stated, self.title_node), GENERIC
        if not crumbs and stated:
            crumbs, layer = [stated], META
        if not crumbs and self.listing:
            crumbs, layer = self.listing, LISTING  # where the crawl found it, over a guess from the page
        if not crumbs:
            crumbs, layer = fallbacks.section_label(self.title_node, host_of(self.fetched_url)), GENERIC
        if not crumbs:
            crumbs, layer = fallbacks.active_section(self.marks), GENERIC
        names = [
            c
            for c in _unique(crumbs)
            if c.casefold() not in selectors.HOME_CRUMBS
            and c != title
            and not self._names_the_site(c, wholly=True)
        ]
        if names:
            self.sources["section"] = layer
        return names

    def _tags(self, body: HtmlElement | None) -> list[str]:
        """The first tag selector that finds the article's tags (not the site's trending ones, not in its
        rails), the links to tag pages after the `body` element, then the head's keywords unless they are
        the site's own (they name the site: the same list on every page)."""
        found = (
            fallbacks.articles_tags(
                node for node in selector.select(self.root, self.marks) if isinstance(node, HtmlElement)
            )
            for selector in self.generation.compiled["tags"]
        )
        for find, layer in (
            (lambda: next(filter(None, found), []), SELECTORS),
            (lambda: fallbacks.tag_links(body), GENERIC),
        ):
            tags = _tag_names(normalize_line(visible_text(node).lstrip("#")) for node in find())
            if tags:
                self.sources["tags"] = layer
                return tags
        keywords = self.head.meta.get("keywords") or self.head.meta.get("news_keywords") or ""
        for words, layer in (
            ([self.head.text(word) for word in keywords.split(",")], META),
            (self.head.article_tags, META),
            (self.head.ld_keywords, HEAD),
        ):
            tags = _tag_names(words)
            if tags and not any(self._names_the_site(tag, wholly=True) for tag in tags):
                self.sources["tags"] = layer
                return tags
        return []

    @staticmethod
    def _text_lines(
        title: str, sapo: str, blocks: list[Block], shown: str | None, author: str | None = None
    ) -> list[str]:
        """Title, sapo, then body lines; a body that opens with the title (as `shown`, badge and all, or
        not), the sapo or the header's lines (the date line, with the name it may open with, the author's
        or any, a follow line: as the generic layer's reading of a whole article element does) does not
        repeat them, whether or not the caption of a photo above the headline comes first."""
        lines = [title, sapo] if sapo else [title]
        body = list(blocks)
        captions: list[str] = []
        while body and (
            body[0].text in {title, sapo, shown}
            or (sapo and _retells_lead(body[0].text, sapo))
            or is_header_line(body[0].text)
            or read_dated_byline(body[0].text)
            or (
                author
                and body[0].text.startswith(author)
                and is_header_line(body[0].text[len(author) :].strip())
            )
            or body[0].caption
        ):
            block = body.pop(0)
            if block.caption and block.text not in {title, sapo, shown}:
                captions.append(block.text)
        return lines + captions + [block.text for block in body]


def _sourced(text: str) -> str | None:
    """The source an author block names when it only attributes ("Theo TTXVN", "(Nguồn: TTXVN)"; "" for
    an empty "Nguồn:"), else None: such a block names no author."""
    return outlet_attribution(text) or source_of(text)
