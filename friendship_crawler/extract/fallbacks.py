"""Generic last resorts for the fields: rules that read any news page, used when no selector matched.

Each rule looks where news pages of any CMS put a field: the one prominent `h1`; `<title>` with the site's
name taken off; the element near the headline whose class names a lead, else the paragraph between the
headline and the body; the date line near the headline; htmldate over the whole page; the name in an
element whose class names an author; the trail of a breadcrumb, not a menu that shares its class, and
without a class to go by, links that walk down the site's tree from home or a subsection marked active
beside its section. The extractor tries them after the template selectors and the page head, and
records which layer gave each field.
"""

from __future__ import annotations

import copy
import functools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from itertools import chain, islice
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml.etree import XPath
from lxml.html import HtmlElement

from friendship_crawler.clean.folding import slug_words
from friendship_crawler.clean.lines import (
    academic_byline,
    ends_with_byline,
    is_byline,
    is_credit_line,
    is_labelled_byline,
    is_other_credit,
    is_widget_line,
    outlet_attribution,
)
from friendship_crawler.clean.rules import FOLLOW_LINE, MEDIA_BADGE, SITE_TAGLINE
from friendship_crawler.extract import selectors
from friendship_crawler.extract.body import (
    CLASS_VALUES_KEPT,
    SIGNED_TAGS,
    html_line,
    is_photo,
    is_related_box,
    is_signature,
    links_to_articles,
    text_of,
    visible_lines,
    visible_text,
    wholly_in,
)
from friendship_crawler.extract.byline import clean_author
from friendship_crawler.extract.document import writable_copy
from friendship_crawler.extract.marks import PageMarks
from friendship_crawler.site_rules import (
    AUTHOR_NOISE,
    OUTLET_WORD,
    TIME_OF_DAY,
    WRITER_TITLE,
    ends_sentence,
    iso_vietnam,
    parse_date_line,
    source_of,
    updates_only,
)
from friendship_crawler.urls import article_id, article_slug

logger = logging.getLogger(__name__)

H1 = XPath("//body//h1")
SHOWING_TEXT = XPath(
    "//body//*[not(self::script or self::style or self::title or descendant-or-self::a or ancestor::a)]"
    "[normalize-space(.) = normalize-space($text)]"
)
LEAD_LINK_BOXES = ("ul", "ol", "table", "div", "p")
"""What holds the related links a lead's box may list after the lead."""
PHOTO_BOXES = frozenset({"table", "figure"})
"""What holds a cover photo and its caption inside a lead's box (a `div` there may wrap the lead itself)."""
SITE_HEADER = re.compile(r"^(?:(?:site|page|main|top)[-_]?)?header(?:[-_]?(?:top|bar))?$|^top[-_]?bar$", re.I)
"""The id or a class name of the site's header or top bar ("header", "header-top", "topbar"), not of an
article's header ("article-header", "detail-header")."""
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
"""The page's own header, menus, rails and footer (an article's own `header` is none of them)."""
LOGO_BOX = re.compile(r"logo|brand|masthead|site-?(?:title|name)", re.I)
"""Class names or ids of the box that sets the site's name as an `h1`."""
BADGE_BRACKETS, BADGE_SEPARATORS = "[]() ", " :|-–"
"""What may enclose a headline's multimedia badge ("[Video]") and stand between it and the title."""
NEAR_TITLE_ELEMENTS = 60
"""How far after the headline a lead or a date line may sit (elements in document order)."""
LEAD_CLASS = re.compile(r"sapo|desc|lead(?!ing)|summary|description|excerpt|intro|chap+eau", re.I)
"""A class name of a lead ("sapo", "article-lead", "desc"); not a utility class that sets the spacing of a
paragraph's lines ("leading-7", "leading-relaxed", as Tailwind CSS writes line height), which any
paragraph of a body may carry."""
NEGATED_CLASS = re.compile(r"^(?:no|hide|hidden|without)[-_]", re.I)
"""A class name that says a box lacks something ("no-desc" on a box of teasers without their leads)."""
NOT_LEAD_TAGS = frozenset({"figure", "figcaption", "table", "nav", "aside", "footer", "form"})
"""What holds captions, menus and widgets between a headline and its body, never the lead (an article's
own `header` may hold it)."""
STYLED_LEAD_TAGS = frozenset({"p", "h2", "h3", "h4"})
"""Where a lead marked by style alone stands: a paragraph, or a subheading under the headline."""
BOLD_TAGS = ("strong", "b")
MIN_LEAD_CHARS = 30
SUBTITLE_TAGS = frozenset({"h2"})
SECTION_TEXT_TAGS = frozenset({"p", "h2", "h3"})
"""What, set beside a subheading after it, makes it the heading of a section of text rather than a lead."""
SUBTITLE_MIN_WORDS = 3
"""A subheading right after the headline is its subtitle (the lead) from this many words: a shorter one
is a label ("Video", "Tin ảnh")."""
PLACED_LEAD_MIN_CHARS = 80
"""A lead known only by its place runs a sentence long; widgets and bylines there are shorter."""
PRESS_KIND = re.compile(
    r"^(?:báo|tạp chí|cổng thông tin|trang thông tin|trang tin)(?:\s+(?:điện tử|online))?\s+", re.IGNORECASE
)
"""What a site's name may open with before the name its host spells: the kind of press it is."""
SITE_NAME_MIN_LETTERS = 6
"""Letters a name needs before being part of the site's name or host makes it the site's ("Việt" is a
person's name and part of many a site's)."""
SOURCE_WORD = "ngu"
"""How "Nguồn" starts in any Unicode form: a cheap test before the label is read in full."""
SOURCE_LABEL_TAGS = frozenset({"strong", "b", "em", "i", "span"})
"""What sets the "Nguồn:" label apart inside its box."""
KICKER_LEVELS, KICKER_REACH, KICKER_MAX_WORDS = 2, 3, 6
"""A section's link over the headline stands among the `KICKER_REACH` elements before it or before its
holder (`KICKER_LEVELS` up), names the section in a few words, and points one or two levels deep."""
AUTHOR_PATHS = ("tac-gia", "author")
WEB_SCHEMES = frozenset({"", "http", "https"})
LANGUAGE_PATH_CHARS = 2
"""A path this short names a language edition ("/en"), not a section."""
NOT_SECTION_PATHS = (
    *AUTHOR_PATHS, "nha-bao", "phong-vien", "chu-de", "su-kien", "topic", "event", "tag", "tags", "tu-khoa",
    "tim-kiem", "search", "dang-nhap", "dang-ky", "login", "register", "rss", "lien-he", "contact",
)  # fmt: skip
"""Pages a lone link over a headline may lead to that are no section: an author's, a topic's or an event's
page, a tag, search, sign-in, feeds, contact; each as whole words of the path."""
TAG_PAGE = re.compile(r"^/(?:tags?|tu-khoa|keywords?)/|\.tag$", re.I)
"""The path of a tag's page on the CMS family and beyond: `/tag/binh-phuoc.tag`, `/tags/suc-khoe-73.tag`."""
SEARCH_PAGE = re.compile(r"/(?:search|tim-?kiem)(?:[/.?]|$)", re.I)
SEARCH_TERMS = re.compile(r"(?:^|&)(?:q|keywords?|tags?|k)=[^&]", re.I)
"""A tag's page as a search for it (`/search/?q=hữu+nghị`, `/tim-kiem.html?keywords=Lào`)."""
TAG_WORDS = ("tag", "khoa", "keyword", "search", "kiem")
"""What a link to a tag's page has somewhere (`TAG_PAGE`, `SEARCH_PAGE`), in any case: `/tag/`, `….tag`,
`/tu-khoa/`, `/search/?q=`."""
TRENDING_TAGS = re.compile(
    r"nổi bật|xu hướng|phổ biến|quan tâm|tìm kiếm nhiều|(?<!\w)nóng(?!\w)|tiêu điểm|\bhot\b|trending|popular",
    re.I,
)
"""What the title of the site's box of trending keywords says ("Từ khóa nổi bật", "Xu hướng"): its tags
are the site's of the day, not the article's."""
BOX_TITLE_MAX_CHARS = 60
"""A line set before a box as its title says a few words ("Từ khóa nổi bật")."""
BOX_OWN_TEXT = XPath(".//text()[not(ancestor::a)]", smart_strings=False)
"""The words of a box of links that are not its links: its label ("Tags:", "Từ khóa nổi bật")."""
MARKED_HEADLINE = XPath(
    "//*[@itemprop and contains(concat(' ', normalize-space(@itemprop), ' '), ' headline ')]"
)
"""Elements whose microdata names them the headline (schema.org `headline`, among other properties)."""
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
"""What titles a box from just before it."""
HEADLINE_TAGS = ("h1", "h2", "h3", "h4")
SLUG_BLOCK_TAGS = ("div", "p", "span", "strong", "b", "header")
SLUG_HEADLINE_MIN_WORDS = 3
"""A slug of fewer words names too little to tell a headline by."""
SLUG_SHARE = 0.6
"""The share of a headline's words its slug keeps at least."""
HEADLINE_MAX_CHARS = 300
"""A block the slug spells is the headline only up to this length: a longer one is a paragraph that
happens to use its words."""
SIGNED_AFTER_LEVELS = 2
"""Wrappers (the body's column, its article box) that a signed line after the body may stand outside of."""
TAG_REACH = 150
"""How far after the body container (elements in document order) its box of tags may stand."""
TAG_ITEM_TAGS = frozenset({"li", "span", "strong", "em", "b", "i"})
"""What wraps a single tag link inside the box of tags."""
TAG_BOX_SHARE = 0.5
"""A box of tags inside the body is at least this share of tag links, its label aside; a sentence that
links a keyword is mostly words of its own."""
DATE_LINE_MAX_CHARS = 80
"""A date line is short: a paragraph that mentions a date is not one."""
BYLINE_PARTS = re.compile(r"\s*\|\s*|\s+[-–]\s+(?=\d)")
"""Where a line under the headline goes on from its byline to the date or a widget ("PV: Thu Hà | 10:30
12/05/2023", "Tác giả: Minh Anh - 12/05/2023")."""
TRAIL_CLASS = re.compile(r"crumb|path", re.I)
"""A class name that holds a breadcrumb trail ("breadcrumbs", "BreadCrumb", "path-nav")."""
LABELLED_TRAIL = "//*[contains(translate(@aria-label, 'BREADCUM', 'breadcum'), 'breadcrumb')]"
"""A trail labelled for screen readers (`<nav aria-label="breadcrumb">`), whatever its classes."""
MAX_TRAIL = 6
"""A breadcrumb trail names a few levels; more entries under one parent are a menu."""
CURRENT_LEVEL_MAX_WORDS = 6
"""A trail's last level, named without a link, is a category's name of a few words, not a headline."""
ACTIVE_TRAIL_CLIMB = 3
"""How many ancestors above a subsection marked active may hold the link to its section."""
MIN_CHAINED_LEVELS = 2
"""Levels below home a trail known by its links alone shows: one level beside home is a menu's too,
unless it stands right above the headline (`HEADLINE_REACH`), as an article filed in a section shows it."""
HEADLINE_REACH = 2
"""How many wrappers up from a trail the element right after it may hold the headline."""
HOME_LINKS = XPath(
    "//body//a[substring(@href, string-length(@href)) = '/'"
    " or (contains(@href, '://') and not(contains(substring-after(@href, '://'), '/')))]"
)
"""Links whose address ends in a slash or is a bare origin: the links home among them."""
TEASER_TAGS = frozenset({"article", "li"})
TEASER_CLASSES = frozenset({"article", "bx-article", "story", "item-news"})
TEASER_HEADINGS = ("h2", "h3", "h4")
"""Where a teaser of any markup puts the linked title of its article."""
ACTIVE = re.compile(r"\b(?:active|actived|current|selected)\b", re.I)
STATED_SECTION_LINKS = XPath("//body//a[normalize-space(.) = $name]")
"""Links that read as the section the page head names."""
AUTHOR_CLASS = re.compile(r"author|byline|writer|tac-?gia|but-?danh|^by$|^field--name-uid$", re.I)
"""A class name of a byline block ("article-author", "AuthorName", "byline", "tacgia", or "by" alone), or
Drupal's field of the node's author ("field--name-uid", the user who wrote it; its other author fields,
"field--name-field-author", name themselves)."""
AUTHOR_LINKS = "descendant::a[{}]".format(
    " or ".join(f"contains(@href, '/{path}/')" for path in AUTHOR_PATHS)
)
"""Links to an author's page, which name the author whatever their class."""
_AUTHOR_PAGE_LINKS = XPath(AUTHOR_LINKS)
NAME_CLASS = re.compile(r"^(?:name|fn|(?:\w+[-_])?(?:author|writer|tac-?gia)[-_]?(?:name|ten))$", re.I)
"""A class of the element in an author box that holds the writer's name alone ("name", "author-name",
"authorName", "td-author-name", "tac-gia-ten"), beside the writer's photo and note; not another name's
("unit-name", "cat-name")."""
NOT_A_BYLINE = re.compile(r"comment|binh-?luan|avatar", re.I)
"""Class names of what holds names that are not the article's byline: comments, reader avatars."""
STATED_URLS = XPath(
    "//input[@name='__printURL']/@value | //*[contains(@class, 'link_print')]//text()", smart_strings=False
)
"""Where a print view states the article's own address: the CMS's hidden `__printURL` field and the
"URL: …" line under the article."""
URL_IN_TEXT = re.compile(r"https?://\S+")
ADDRESS_VALUES = XPath(
    "//@href | //@data-href | //@data-url | //@src | //input/@value | //meta/@content", smart_strings=False
)
"""Where a page names addresses, its own among them: links, sharing and like buttons (`data-href`, or the
address inside a plugin's `src` query), hidden fields, meta tags."""
ADDRESS_PATH = re.compile(r"https?://[^\s\"'<>?#&]+")
"""An absolute address up to its query: each one of a value, those inside another's query included."""


def prominent_h1(root: HtmlElement) -> HtmlElement | None:
    """The page's headline `h1`: the first with text that no menu, footer, link, logo box or page header
    holds (an article's own `header` is no page chrome) and that is not a link to the home page (the
    site's name set as an `h1`)."""
    return _first_shown_headline(H1(root))


def marked_headline(root: HtmlElement) -> HtmlElement | None:
    """The element the page's microdata marks as its headline (`itemprop="headline"`), taken as
    `prominent_h1` takes an `h1`, a link itself aside. For a page without a head or an `h1` (a CMS that
    sets its headline in an `h2`)."""
    marked = MARKED_HEADLINE(root)
    return _first_shown_headline(node for node in marked if isinstance(node, HtmlElement) and node.tag != "a")


def _first_shown_headline(nodes: Iterable[HtmlElement]) -> HtmlElement | None:
    """The first of `nodes` with text, shown, outside menus, footers, links, logo boxes and the page's header,
    and no link to the home page: a headline hidden for search engines holds the site's name."""
    for node in nodes:
        if not visible_text(node) or links_home(node) or selectors.is_hidden(node):
            continue
        if not any(map(_hides_a_headline, node.iterancestors())):
            return node
    return None


def without_badge(shown: str, badge: str | None) -> str:
    """The headline as shown, without the multimedia badge set before it (`headline_badge`)."""
    return shown[len(badge) :].lstrip(BADGE_SEPARATORS) if badge else shown


def headline_badge(node: HtmlElement) -> str | None:
    """The multimedia badge set first in the headline in an element of its own (`<h1><span>Video</span>
    Title</h1>`, "[Infographic]: …"), as shown; None without one. The badge says what the page is, the
    title is what follows it. A word set in bold or italic is the headline's own ("<strong>Video</strong>
    clip ghi lại …"), and so is a badge word the rest of the headline goes on from in lower case."""
    first = next((child for child in node if isinstance(child.tag, str)), None)
    if first is None or first.tag in selectors.EMPHASIS_TAGS or (node.text or "").strip():
        return None
    badge, text = visible_text(first), visible_text(node)
    rest = text[len(badge) :]
    bare = rest.lstrip(BADGE_SEPARATORS)
    if not text.startswith(badge) or not bare or not MEDIA_BADGE.match(badge.strip(BADGE_BRACKETS)):
        return None
    marked = badge[:1] in BADGE_BRACKETS or rest[: len(rest) - len(bare)].strip() != ""
    return badge if marked or not bare[0].islower() else None


def element_showing(root: HtmlElement, title: str | None) -> HtmlElement | None:
    """The innermost element of the page whose whole text is `title` (a headline that only the page head
    names, shown in markup no rule knows: an `h2`, a `div`), neither a link nor holding one (a rail may
    link this very article), not in page chrome; None when the page does not show it."""
    if not title:
        return None
    found = [
        node
        for node in SHOWING_TEXT(root, text=title)
        if isinstance(node, HtmlElement) and not any(map(_hides_a_headline, node.iterancestors()))
    ]
    if not found:
        return None
    first = found[0]  # the headline shows before any later copy (a share box); within it, the innermost
    return next(node for node in reversed(found) if node is first or first in node.iterancestors())


def _hides_a_headline(element: HtmlElement) -> bool:
    """Holds an `h1` that is no headline: page chrome, a link, a logo box, a box no reader sees."""
    return (
        element.tag == "a"
        or _is_page_chrome(element)
        or _names_a_logo(element)
        or selectors.is_hidden(element)
    )


def _is_page_chrome(element: HtmlElement) -> bool:
    """One of `CHROME_TAGS`: a `header` or `footer` only outside the article (an article's header holds its
    headline, its footer its tags: `footer.entry-footer`)."""
    if element.tag in ("header", "footer"):
        return not any(a.tag in {"article", "main"} for a in element.iterancestors())
    return element.tag in CHROME_TAGS


def _names_a_logo(element: HtmlElement) -> bool:
    return bool(LOGO_BOX.search(element.get("class") or "") or LOGO_BOX.search(element.get("id") or ""))


def lead_text(node: HtmlElement) -> str:
    """A lead's text without the box of related links or the cover photo with its caption that some
    templates set inside the lead's own box."""
    if not _not_lead(node):
        return visible_text(node)
    lead = copy.deepcopy(node)
    for box in _not_lead(lead):
        if box.getparent() is not None:
            box.drop_tree()
    return visible_text(lead)


def lead_photos(node: HtmlElement) -> list[HtmlElement]:
    """The boxes of a photo (and its caption) set inside a lead's box: the article's cover, not a related
    teaser's thumbnail."""
    return [box for box in _not_lead(node) if box.tag in PHOTO_BOXES and not links_to_articles(box)]


def _not_lead(node: HtmlElement) -> list[HtmlElement]:
    """The boxes inside `node` that are mostly links to articles, or hold a photo (and its caption)."""
    return [
        box
        for box in node.iter(*LEAD_LINK_BOXES, "figure")
        if box is not node
        and (links_to_articles(box) or (box.tag in PHOTO_BOXES and any(map(is_photo, box.iter("img")))))
    ]


def links_home(node: HtmlElement) -> bool:
    """All the text is one link to the site's root (not to a place in this page, "#")."""
    links = list(node.iter("a"))
    if len(links) != 1 or visible_text(links[0]) != visible_text(node):
        return False
    href = (links[0].get("href") or "").strip()
    try:
        return bool(href) and not href.startswith("#") and urlsplit(href).path.strip("/") == ""
    except ValueError:
        return False


def without_site_name(title: str, site_names: Iterable[str], host: str) -> str:
    """`<title>` without the site's name after its last " - " or " | ", and again while the part before
    it ends in one ("… | Báo Hải quan - Cơ quan ngôn luận của Tổng cục Hải quan").

    The part after the separator is the site's name when it equals a name the page gives itself
    (`og:site_name` and kin) or, folded to ASCII letters, names the host ("Netbiz" on netbiz.net.vn).
    A headline that merely contains a dash ("Việt Nam - Panama") keeps it.
    """
    title = selectors.SITE_TITLE_SUFFIX.sub("", title)
    names = {_letters(name) for name in site_names} - {""}
    while True:
        head, tail = split_at_last_separator(title)
        if not head.strip() or not _names_site(tail, names, host):
            return title
        title = head.strip()


def _names_site(tail: str, names: set[str], host: str) -> bool:
    """A title's last part names the site: it is, holds, or lies in a name the page gives itself, it is the
    site's tagline ("Cơ quan ngôn luận của …"), or, a kind of press aside ("Báo", "Tạp chí điện tử"), it
    names the host ("Báo Hải quan" on haiquanonline.com.vn). A headline's words that merely lie in the host
    ("thương mại" on congthuong.vn) do not."""
    suffix = _letters(tail)
    if not suffix:
        return False
    if suffix in names or suffix in _letters(host) or any(name in suffix for name in names):
        return True
    if SITE_TAGLINE.search(tail):
        return True
    label = max(map(_letters, host.split(".")[:-1] or [host]), key=len)  # "congthuong" of en.congthuong.vn
    core = _letters(PRESS_KIND.sub("", tail.strip()))
    return min(len(core), len(label)) >= SITE_NAME_MIN_LETTERS and (core in label or label in core)


def names_the_site(name: str, site_names: Iterable[str], host: str, *, wholly: bool = False) -> bool:
    """The name is the site's own, as a head gives its publisher for the author ("Sức khỏe Việt" on
    suckhoeviet.org.vn): one of its names or its host, or, unless `wholly` is asked, long enough not to be
    a person's by chance, part of one ("Tạp chí điện tử Sức khỏe Việt - …") or of the host, compared by
    ASCII letters. A section is only `wholly` the site's: "Sức khỏe" is a section of Sức khỏe Việt."""
    letters = _letters(name)
    names = {_letters(site_name) for site_name in site_names} - {""}
    if not letters or letters in names or letters in {_letters(host), _letters(host.removeprefix("www."))}:
        return bool(letters)
    if wholly:
        return False
    return len(letters) >= SITE_NAME_MIN_LETTERS and any(letters in text for text in (*names, _letters(host)))


def split_at_last_separator(title: str) -> tuple[str, str]:
    """`<title>` before and after its last " - " or " | " (`(title, "")` without one)."""
    separators = list(selectors.TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title, ""
    last = separators[-1]
    return title[: last.start()], title[last.end() :]


@functools.lru_cache(maxsize=256)
def _letters(text: str) -> str:
    """ASCII letters and digits only, case folded: "Kinh tế & Đô thị" -> "kinhtedothi" (a page asks for
    the same site names for every crumb and every title part)."""
    return "".join(slug_words(text))


def following_elements(element: HtmlElement, limit: int) -> Iterator[HtmlElement]:
    """The first `limit` elements after `element` in document order, its own descendants left out: XPath's
    `following::*`, walked from the element's siblings and its ancestors' (the XPath sorts the whole
    rest of the page first, and costs several times more)."""
    count = 0
    node: HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            for following in sibling.iter(etree.Element):
                yield following
                count += 1
                if count >= limit:
                    return
        node = node.getparent()


def lead_near(title_node: HtmlElement | None, container: HtmlElement | None = None) -> str | None:
    """The text of the first element after the headline whose class names a lead (any casing or compound),
    before the end of the body `container` when it is known, and never in a teaser or in a link (a card
    of another page with its description): what follows the body is rails of teasers, each with a lead of
    its own."""
    if title_node is None:
        return None
    for node in _before_body_end(title_node, container):
        if (
            _names_a_lead(node.get("class") or "")
            and not in_teaser(node, title_node)
            and next(node.iterancestors("a"), None) is None
        ):
            text = visible_text(node)
            if len(text) >= MIN_LEAD_CHARS and not links_to_articles(node):
                return text
    return None


def _before_body_end(title_node: HtmlElement, container: HtmlElement | None) -> Iterator[HtmlElement]:
    """The elements after the headline (`NEAR_TITLE_ELEMENTS` at most) up to the end of the body
    `container` when it is known."""
    inside = False
    for node in following_elements(title_node, NEAR_TITLE_ELEMENTS):
        if container is not None:
            within = node is container or container in node.iterancestors()
            if inside and not within:
                return
            inside = within
        if isinstance(node, HtmlElement):
            yield node


def _names_a_lead(classes: str) -> bool:
    return any(LEAD_CLASS.search(name) and not NEGATED_CLASS.match(name) for name in classes.split())


def subtitle(title_node: HtmlElement | None) -> str | None:
    """The subheading set right after the headline (its next element, an `h2`): the page's lead, however
    short, unless it is a date line, a byline, a widget's label or a link, or heads a section of text
    set beside it (a paragraph or another subheading follows it: a flat article, no lead)."""
    following = title_node.getnext() if title_node is not None else None
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    if following is None or following.tag not in SUBTITLE_TAGS or next(following.iter("a"), None) is not None:
        return None
    if any(sibling.tag in SECTION_TEXT_TAGS for sibling in following.itersiblings()):
        return None
    text = visible_text(following)
    if len(text.split()) < SUBTITLE_MIN_WORDS or parse_date_line(text) or is_labelled_byline(text):
        return None
    return None if is_widget_line(text) or FOLLOW_LINE.match(text) else text


def lead_before_body(title_node: HtmlElement | None, container: HtmlElement | None) -> str | None:
    """The first paragraph between the headline and the body container: the lead of a page whose class
    names say nothing of it. Only a block of text that holds no other block and runs a sentence long
    counts (a widget's line, "Theo dõi … trên Google News", does not), and not a date line, a box of links
    or a caption."""
    if title_node is None or container is None:
        return None
    body = {container, *container.iterancestors()}
    for node in following_elements(title_node, NEAR_TITLE_ELEMENTS):
        if node in body:
            break
        if not isinstance(node, HtmlElement) or node.tag not in selectors.BLOCK_TAGS:
            continue
        if any(child.tag in selectors.BLOCK_TAGS for child in node):
            continue
        text = _placed_lead_text(node)
        if text is not None:
            return text
    return None


def _placed_lead_text(node: HtmlElement) -> str | None:
    """The node's text when it may be a lead by its place: a sentence long, not a date line, not a box of
    links, not inside a caption, menu or widget."""
    if any(a.tag in NOT_LEAD_TAGS for a in (node, *node.iterancestors())):
        return None
    text = visible_text(node)
    if len(text) < PLACED_LEAD_MIN_CHARS or parse_date_line(text) or links_to_articles(node):
        return None
    return None if academic_byline(text) else text  # a paper's line of authors


def styled_lead(title_node: HtmlElement | None) -> str | None:
    """The lead a page marks by style alone: the first paragraph after the headline a sentence long, when
    it is set as a subheading (`h2`-`h4`) or wholly in bold, as older templates of the CMS family print it
    (`h3 > strong`, or `p > strong` opening the body). Shorter lines on the way (date, byline, widgets)
    are passed; an ordinary first paragraph means the page has no such lead."""
    if title_node is None:
        return None
    for node in following_elements(title_node, NEAR_TITLE_ELEMENTS):
        if not isinstance(node, HtmlElement) or node.tag not in STYLED_LEAD_TAGS:
            continue
        text = _placed_lead_text(node)
        if text is not None:
            return text if node.tag != "p" or _wholly_bold(node, text) else None
    return None


def _wholly_bold(node: HtmlElement, text: str) -> bool:
    bold = "".join(t for tag in BOLD_TAGS for part in node.iter(tag) for t in part.itertext())
    return html_line(bold) == text


def date_near(title_node: HtmlElement | None, container: HtmlElement | None = None) -> str | None:
    """The date of the line `date_line_near` finds, with the time an inline neighbour holds when the line
    gives only the day."""
    found = date_line_near(title_node, container)
    if found is None:
        return None
    node, text, parsed = found
    return parsed if TIME_OF_DAY.search(text) else _with_time_beside(node, text) or parsed


DATE_LINE_REACH = 3
"""Elements before the headline where its date line may stand: the line itself, and a follow or share bar
or the breadcrumb between them."""


def date_line_near(
    title_node: HtmlElement | None, container: HtmlElement | None = None, *, update: bool = False
) -> tuple[HtmlElement, str, str] | None:
    """The short line that reads as a date of the CMS family ("08:15 | 15/01/2018", "15/01/2018 08:15",
    "Cập nhật: 14:30 | 24/06/2022", with or without "GMT+7"), looked for just before the headline, then a
    few elements farther before it with a time (a follow or share bar may stand between), then after the
    headline up to the end of the body `container`; a line without a time only when none with a time is
    found, nearest the headline first and farther before it last (a header's "Thứ Hai, 20/05/2024" is
    today, not the article's day, and may stand right above the headline); its element, its text and its
    date.

    Not a line in another article's teaser or a ticker of links: rails and tickers carry dates of their own.
    With `update`, only a line after the headline labelled as the update time and giving no other
    (`updates_only`): above the headline such a line may be the site's clock ("Cập nhật: …" today).
    """
    if title_node is None:
        return None
    before = [node for node in title_node.itersiblings(preceding=True) if isinstance(node, HtmlElement)]
    farther = before[1:DATE_LINE_REACH]
    timed = [node for node in farther if TIME_OF_DAY.search(visible_text(node)[:DATE_LINE_MAX_CHARS])]
    untimed = [node for node in farther if node not in timed]  # a header's "Thứ Hai, 20/05/2024"
    after = _before_body_end(title_node, container)
    day_only: tuple[HtmlElement, str, str] | None = None  # the first line found without a time
    for node in after if update else chain(before[:1], timed, after, untimed):
        if node.tag in selectors.SKIP_TAGS:
            continue
        text = visible_text(node)
        if not text or len(text) > DATE_LINE_MAX_CHARS or (update and not updates_only(text)):
            continue
        parsed = parse_date_line(text)
        if not parsed or in_teaser(node, title_node) or links_to_articles(node, share=0):
            continue
        if update or TIME_OF_DAY.search(text):
            return node, text, parsed
        if node in untimed:
            return day_only or (node, text, parsed)
        day_only = day_only or (node, text, parsed)
    return day_only


def _with_time_beside(node: HtmlElement, text: str) -> str | None:
    """The date of `text` (a day without its time) read with the time that an inline neighbour holds, as the
    CMS family prints them apart: `<span class="format_time">10:15</span> | <span class="format_date">…`."""
    before, after = node.getprevious(), node.getnext()
    lines = []
    if before is not None and before.tag not in selectors.BLOCK_TAGS:
        lines.append(f"{visible_text(before)}{before.tail or ' '}{text}")
    if after is not None and after.tag not in selectors.BLOCK_TAGS:
        lines.append(f"{text}{node.tail or ' '}{visible_text(after)}")
    for line in lines:
        if TIME_OF_DAY.search(line) and len(line) <= DATE_LINE_MAX_CHARS:
            parsed = parse_date_line(line)
            if parsed:
                return parsed
    return None


def stated_urls(root: HtmlElement) -> list[str]:
    """The addresses a page states of itself in its text or hidden fields (a print view has no canonical
    link), in page order."""
    return [url for value in STATED_URLS(root) for url in URL_IN_TEXT.findall(str(value))]


def headline_by_slug(root: HtmlElement, url: str) -> HtmlElement | None:
    """The element whose text the article's address spells, folded as the CMS folds a headline into its
    slug (`/ngan-hang-giam-lai-suat-cho-vay-154999.html`, `_spells`): a heading first, then any short
    block, never a link or what holds one (a crumb or a teaser names the page too). For a page that
    states no title and shows no `h1`."""
    slug = article_slug(url)
    words = slug.split("-") if slug else []
    if len(words) < SLUG_HEADLINE_MIN_WORDS:
        return None
    for tags in (HEADLINE_TAGS, SLUG_BLOCK_TAGS):
        for node in root.iter(*tags):
            if next(node.iterancestors("a"), None) is not None or next(node.iter("a"), None) is not None:
                continue
            text = visible_text(node)
            if text and len(text) <= HEADLINE_MAX_CHARS and _spells(words, slug_words(text)):
                return node
    return None


def _spells(slug: list[str], words: list[str]) -> bool:
    """The slug is the text's words folded, in order, some dropped as editors shorten a slug
    ("ngan-hang-giam-lai-suat" for "Ngân hàng đồng loạt giảm lãi suất"), most of them kept."""
    remaining = iter(words)
    in_order = all(word in remaining for word in slug)
    return in_order and len(slug) >= SLUG_SHARE * len(words)


def titled_address(root: HtmlElement, title: str) -> str | None:
    """The page's own address among those it names anywhere (a print field, a share or like button, a
    link to itself), for a page saved without its head: the first article address whose slug is the
    headline folded as the CMS folds it into the address ("Doanh nghiệp báo lỗ …" ->
    `/doanh-nghiep-bao-lo-…-112379.html`). An address given inside another's query (`…?href=https%3A…`)
    counts as written."""
    words = slug_words(title)
    if not words:
        return None
    for value in ADDRESS_VALUES(root):
        for address in ADDRESS_PATH.findall(unquote(str(value))):
            slug = article_slug(address)
            if slug is not None and slug.split("-") == words:
                return address
    return None


ASSET_TAGS = ("link", "script", "img", "source", "iframe", "video", "audio", "embed", "object")
"""What loads a file into the page: its address dates the file (a stylesheet's, a photo's upload), not the
article."""
ASSET_ADDRESSES = ("href", "src", "srcset", "data-src", "data-srcset", "data")
UPDATE_META = re.compile(r"modif|updat", re.I)
"""In a meta tag's name: it states when the page was changed ("og:updated_time", "article:modified_time",
"dateModified"), not when it was published."""
PAGE_ADDRESS_RELS = frozenset({"canonical", "amphtml", "alternate", "shortlink"})
"""`link` elements that give the page's own address (whose path may date the article), not a file's."""


def _meta_name(meta: HtmlElement) -> str:
    return meta.get("property") or meta.get("name") or meta.get("itemprop") or ""


def htmldate_of(root: HtmlElement, title_node: HtmlElement | None = None) -> str | None:
    """The publication day htmldate finds in the page, at 00:00 Vietnam time.

    It reads its own copy without the page's menus, header (today's date) and footer, without other
    articles' teasers (the known boxes, and the box around any subheading that links an article), without
    prose (the sapo's and the body's sentences, `_holds_prose`: "Sáng 15/3, …" tells the day of an event),
    without the meta tags of its update time (which it takes for want of a publication time), and without
    the addresses of its links, whose dates it would otherwise take for a page that shows none of its own,
    nor of the files it loads (`ASSET_TAGS`). The first of a month that the page does not write is refused:
    htmldate gives it for a year or a month alone.
    """
    from htmldate import find_date  # imported on first use: a page rarely needs it

    teasers = {heading.getparent() for heading in root.iter(*TEASER_HEADINGS) if links_to_articles(heading)}
    page = writable_copy(root)
    pairs = zip(root.iter(etree.Element), page.iter(etree.Element), strict=True)  # a copy walks alike
    others = [
        twin
        for node, twin in pairs
        if _is_page_chrome(node)
        or (
            (node in teasers or _is_teaser_box(node) or _is_site_header(node))
            and not _holds(node, title_node)
        )
    ]
    for node in others:
        if node is not page:  # a page whose every element sits in its header keeps its root to be read
            node.drop_tree()
    for node in [node for node in page.iter(etree.Element) if _holds_prose(node) and node is not page]:
        node.drop_tree()  # the article's own sentences: the day of an event they tell is no publication date
    for meta in [meta for meta in page.iter("meta") if UPDATE_META.search(_meta_name(meta))]:
        meta.drop_tree()  # "og:updated_time": htmldate takes an update for the publication it cannot find
    for link in page.iter("a"):
        link.attrib.pop("href", None)  # a link's address dates what it links ("…&by-date=2026-09-25")
    for asset in page.iter(*ASSET_TAGS):  # a stylesheet's version dates a release: "main.css?v=20240912"
        if asset.tag == "link" and PAGE_ADDRESS_RELS.intersection((asset.get("rel") or "").lower().split()):
            continue  # the page's own address
        for attribute in ASSET_ADDRESSES:
            asset.attrib.pop(attribute, None)
    try:
        found = find_date(page, original_date=True, extensive_search=True)
    except (ValueError, TypeError) as exc:
        logger.debug("htmldate failed: %s", exc)
        return None
    if not found:
        return None
    day = datetime.strptime(found, "%Y-%m-%d")
    if day.day == 1 and not _writes_day(page.text_content(), day):
        return None  # htmldate's stand-in for a year or a month alone (a copyright line), not a day
    return iso_vietnam(day)


PUBLICATION_LABEL = re.compile(
    r"\W*(?:ngày đăng|đăng ngày|đăng lúc|đăng|xuất bản|cập nhật|published|posted|updated)\b", re.I
)
"""What opens a long date line ("Đăng ngày 14/03/2024 lúc 10:20 bởi …"), not a sentence ("Lúc 10:20
ngày …")."""


def _holds_prose(node: HtmlElement) -> bool:
    """Text of its own, outside its children, longer than any date line, that is no date line opening with
    its label, a date and a time ("Đăng ngày 14/03/2024 lúc 10:20 bởi …"): a sentence, whose day is an
    event's ("Lúc 10:20 ngày 14/03/2024, tại Hà Nội, …")."""
    own = ((node.text or "") + "".join(child.tail or "" for child in node)).strip()
    if len(own) <= DATE_LINE_MAX_CHARS:
        return False
    opening = own[:DATE_LINE_MAX_CHARS]
    labelled = PUBLICATION_LABEL.match(opening) is not None
    return not (labelled and TIME_OF_DAY.search(opening) and parse_date_line(opening))


def _writes_day(text: str, day: datetime) -> bool:
    """The text writes this day in one of the forms the CMS family and machines use."""
    written = rf"(?<!\d)0?{day.day}[/.-]0?{day.month}[/.-]{day.year}(?!\d)|{day:%Y-%m-%d}(?!\d)"
    return re.search(written, text) is not None


def _is_teaser_box(node: HtmlElement) -> bool:
    """A teaser's box by its tag or class, or a box of related articles ("news-relation"), whose teasers
    carry the lead classes of the article's own."""
    return _boxes_a_teaser(node.tag, node.get("class") or "")


@functools.lru_cache(maxsize=CLASS_VALUES_KEPT)
def _boxes_a_teaser(tag: str, class_value: str) -> bool:
    """`_is_teaser_box` of an element of this tag and class attribute: read once per distinct pair, as
    rails repeat them."""
    if tag in TEASER_TAGS:
        return True
    names = frozenset(class_value.split())
    return is_related_box(names) or not TEASER_CLASSES.isdisjoint(names)


def in_author_box(node: HtmlElement) -> bool:
    """Inside a box whose class names the author ("author-box-wrap"): its note on the writer may carry a
    lead's class ("desc")."""
    return any(AUTHOR_CLASS.search(ancestor.get("class") or "") for ancestor in node.iterancestors())


def _holds(box: HtmlElement, node: HtmlElement | None) -> bool:
    return node is not None and (node is box or box in node.iterancestors())


def _credits_no_writer(line: str) -> bool:
    """A line of an author block that names no writer: another hand's credit ("Ảnh: Quang Hòa", "Photo:
    VNA"), the source ("Nguồn: TTXVN"), an attribution ("Theo TTXVN") or a follow button ("Theo dõi Báo
    Quốc tế trên Google News")."""
    return (
        FOLLOW_LINE.match(line) is not None
        or is_other_credit(line)
        or is_credit_line(line)
        or source_of(line) is not None
        or outlet_attribution(line) is not None
    )


def byline_text(node: HtmlElement) -> str:
    """What an author block says of its authors: the names of its links to author pages where they read
    as names (a job title or an e-mail address beside them names nobody), or of its elements whose class
    names a name ("author-name"), or the one name set in bold before the writer's job ("<b>Minh Châu</b>
    Phóng viên thường trú tại Lào"), else its text without the links that are no names ("Xem tất cả bài
    viết"), without the lines that credit other hands, the source or an outlet under the byline ("Bài:
    Phương Lê" / "Ảnh: Quang Hòa", "Minh Anh" / "Theo TTXVN") and without the sentences of an author box's
    note on the writer under the name."""
    texts = [text for link in _AUTHOR_PAGE_LINKS(node) if (text := visible_text(link))]
    names = [name for text in texts if (name := author_page_name(text))]
    if not names:
        named = [element for element in node.iterdescendants() if _names_a_name(element.get("class") or "")]
        whole, rest = visible_text(node), _text_outside(node, named)
        if named and (not ends_with_byline(whole) or OUTLET_WORD.search(rest)):  # a note or an outlet beside
            names = list(
                dict.fromkeys(text for element in named if ends_with_byline(text := visible_text(element)))
            )
        elif not named and not ends_with_byline(whole):  # "<b>Minh Châu</b><span>Phóng viên tại Lào</span>"
            emphasised = [
                text for element in node.iter(*selectors.EMPHASIS_TAGS) if (text := visible_text(element))
            ]
            if len(emphasised) == 1 and ends_with_byline(emphasised[0]) and whole.startswith(emphasised[0]):
                names = emphasised
    if names:
        return ", ".join(names)
    lines = [line for line in visible_lines(node) if not _credits_no_writer(line)] or visible_lines(node)
    if any(map(ends_with_byline, lines)) and all(
        ends_with_byline(line) or ends_sentence(line) for line in lines
    ):
        lines = [line for line in lines if ends_with_byline(line)]  # the name over a note on the writer
    text = " ".join(lines)
    for other in texts:
        text = text.replace(other, " ")
    return " ".join(text.split())


NAME_AND_ROLE = re.compile(r"^(?P<name>[^-–]+?)\s+[-–]\s+\S")
"""A name, then a dash and what the writer is ("Vu Xuan Hong - Former President of …")."""


def author_page_name(text: str) -> str | None:
    """The writer a link to an author's page names, None when it names nobody ("Xem tất cả bài viết", an
    e-mail address): a name, as it is ("Nguyễn Văn Hải", "PV Thu Hà"), after a title or an office ("TS.
    Nguyễn Văn Hải", "Đại sứ Nguyễn Văn A", "Dr. Le Dang Doanh", titles kept), or before a dash and the
    writer's role ("Vu Xuan Hong - Former President of …", the name alone)."""
    if ends_with_byline(text):
        return text
    if titled := academic_byline(text, signed=True):
        return titled
    role = NAME_AND_ROLE.match(text)
    if role and ends_with_byline(role["name"]):
        return role["name"]
    title = WRITER_TITLE.match(text)
    return text if title and is_byline(text[title.end() :]) else None


def _text_outside(node: HtmlElement, parts: Sequence[HtmlElement]) -> str:
    """The text of `node` outside the elements `parts`."""
    text = node.text_content()
    for part in parts:
        text = text.replace(part.text_content(), " ", 1)
    return text


def _names_a_name(classes: str) -> bool:
    """A class that names the element holding a name ("name", "author-name", "authorName")."""
    return any(NAME_CLASS.search(token) for token in classes.split())


def author_by_class(marks: PageMarks, title_node: HtmlElement | None) -> str | None:
    """The name in the first element whose class names an author, or the first link to an author's page;
    `marks` are the page's.

    Only a block that reads as a byline (a name, bare, with its credit or with its role, an e-mail address
    or a follow button aside) counts, and not in a teaser, a comment, or the page's header, menus, rails
    and footer, which name other people.
    """
    for node in marks.with_classes_like(AUTHOR_CLASS, also=AUTHOR_LINKS):
        if in_teaser(node, title_node) or _names_others(node):
            continue
        text = AUTHOR_NOISE.sub("", byline_text(node) or "")  # "Quỳnh Nga quynhnga@congthuong.vn"
        if text and ends_with_byline(text):
            return clean_author(text)
    return None


def labelled_byline_near(title_node: HtmlElement | None) -> str | None:
    """The name of the first line after the headline that is labelled as a byline ("Tác giả: Minh Anh",
    "PV: Thu Hà | 10:30 12/05/2023"), whatever its element's class; not one in another article's teaser.
    Only an element that holds no block is a line."""
    if title_node is None:
        return None
    for node in following_elements(title_node, NEAR_TITLE_ELEMENTS):
        if node.tag in selectors.SKIP_TAGS or any(child.tag in selectors.BLOCK_TAGS for child in node):
            continue  # a box's lines are read one by one
        text = visible_text(node)
        if not text or len(text) > DATE_LINE_MAX_CHARS:
            continue
        for part in BYLINE_PARTS.split(text):
            if is_labelled_byline(part) and not in_teaser(node, title_node):
                return clean_author(part)
    return None


def signed_line_after(body: HtmlElement | None) -> str | None:
    """The line a page signs just after its body container rather than in it (a byline, or an
    attribution "Theo TTXVN"): the first element with text after the body (`line_after`), when it is signed
    (right-aligned, wholly bold or italic)."""
    found = line_after(body)
    if found is None:
        return None
    element, text = found
    return text if element.tag in SIGNED_TAGS and is_signature(element) else None


def line_after(body: HtmlElement | None) -> tuple[HtmlElement, str] | None:
    """The first element with text just after the body container, and its text. When nothing follows the
    body inside its wrappers, the first element after the wrapper that closes with it is read, up to
    `SIGNED_AFTER_LEVELS` wrappers out."""
    node = body
    for _ in range(SIGNED_AFTER_LEVELS + 1):
        if node is None:
            return None
        for sibling in node.itersiblings():
            if not isinstance(sibling.tag, str):
                continue
            text = visible_text(sibling)
            if text:
                return sibling, text
            # else a spacer (`<div style="clear: both">`) between the body and its byline
        node = node.getparent()
    return None


def attribution_after(body: HtmlElement | None) -> str | None:
    """The outlet a line just after the body container credits when it says that and nothing more, wholly
    in italic or bold but not right-aligned (`<i id="theo">Theo <i>Báo Xây dựng</i></i>`, in a source box
    of any class): a sentence that opens with "Theo" is no attribution (`outlet_attribution`), nor is a
    plain line."""
    found = line_after(body)
    if found is None or not wholly_in(found[0], selectors.EMPHASIS_TAGS):
        return None
    return outlet_attribution(found[1])


def source_after(body: HtmlElement | None, title_node: HtmlElement | None) -> str | None:
    """The value of the first "Nguồn: …" line that stands on its own (an element holding no block) just
    after the body container, as the CMS family prints its source box, whatever the box's class; not
    one in another article's teaser."""
    if body is None:
        return None
    for node in following_elements(body, NEAR_TITLE_ELEMENTS):
        if (node.text or "").lstrip()[: len(SOURCE_WORD)].casefold() != SOURCE_WORD:
            continue  # the label opens the box's own text, or that of its bold or italic first word
        parent = node.getparent()
        box = parent if node.tag in SOURCE_LABEL_TAGS and parent is not None else node
        if any(child.tag in selectors.BLOCK_TAGS for child in box):
            continue
        value = source_of(visible_text(box))
        if value and not in_teaser(box, title_node):
            return value
    return None


def tag_links(body: HtmlElement | None) -> list[HtmlElement]:
    """The links of the box of tags after the body container, known by where they lead (`/tag/…`,
    `/tags/…`, `….tag`) rather than by the box's class: the first such link after the body, and every tag
    link of the list it stands in; else those of a box of tags that closes the body itself. Tag links in
    the body's sentences (a keyword linked in a sentence) are not the article's list, and those of the
    page's menus and rails are not either."""
    if body is None:
        return []
    for node in following_elements(body, TAG_REACH):
        if node.tag != "a" or not _leads_to_a_tag(node):
            continue
        holder = _tag_box(node)
        if holder is None or not is_articles_tag(node):
            return []
        return [link for link in holder.iter("a") if _leads_to_a_tag(link)]
    return _closing_tag_box(body)


def _tag_box(link: HtmlElement) -> HtmlElement | None:
    """What holds a tag link beside the others of its box: above the elements that wrap it alone."""
    holder = link.getparent()
    while holder is not None and holder.tag in TAG_ITEM_TAGS:
        holder = holder.getparent()
    return holder


def _closing_tag_box(body: HtmlElement) -> list[HtmlElement]:
    """The tag links of the box that ends the body container ("Tags: <a>…</a>, <a>…</a>", "#hữu nghị
    #giao lưu"): its last link leads to a tag, and its box is mostly such links, not a sentence."""
    links = list(body.iter("a"))
    if not links or not _leads_to_a_tag(links[-1]):
        return []
    holder = _tag_box(links[-1])
    if holder is None or holder is body or body not in holder.iterancestors():
        return []
    tags = [link for link in holder.iter("a") if _leads_to_a_tag(link)]
    text = len(visible_text(holder))
    return tags if text and sum(len(visible_text(a)) for a in tags) / text >= TAG_BOX_SHARE else []


def _leads_to_a_tag(link: HtmlElement) -> bool:
    href = link.get("href") or ""
    if not any(word in href for word in TAG_WORDS):
        return False  # most links of a page: told without splitting them
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    if TAG_PAGE.search(parts.path):
        return True
    return SEARCH_PAGE.search(parts.path) is not None and SEARCH_TERMS.search(parts.query) is not None


def articles_tags(links: Iterable[HtmlElement]) -> list[HtmlElement]:
    """The tag links that tag this article (`is_articles_tag`), each box judged once."""
    verdicts: dict[HtmlElement, bool] = {}
    kept = []
    for link in links:
        box = _tag_box(link)
        if box is None:
            kept.append(link)
            continue
        if box not in verdicts:
            verdicts[box] = _tags_the_article(box)
        if verdicts[box]:
            kept.append(link)
    return kept


def is_articles_tag(link: HtmlElement) -> bool:
    """A tag link that tags this article: not in the page's header, menus, rails or footer, nor in the
    site's box of trending keywords, known by its title ("Từ khóa nổi bật")."""
    box = _tag_box(link)
    return box is None or _tags_the_article(box)


def _tags_the_article(box: HtmlElement) -> bool:
    if any(_is_page_chrome(element) for element in (box, *box.iterancestors())):
        return False
    label = " ".join(BOX_OWN_TEXT(box))
    heading = box.getprevious()
    if heading is not None and _titles_a_box(heading):
        label += " " + visible_text(heading)
    return TRENDING_TAGS.search(label) is None


def _titles_a_box(element: HtmlElement) -> bool:
    """A heading, or a short line without links set before a box as its title (`div.box-title`)."""
    if element.tag in HEADING_TAGS:
        return True
    return (
        isinstance(element.tag, str)
        and next(element.iter("a"), None) is None
        and len(text_of(element)) <= BOX_TITLE_MAX_CHARS
    )


def _names_others(node: HtmlElement) -> bool:
    """In the page's header, menus, rails or footer, or in a comment: names that are not the byline."""
    for element in (node, *node.iterancestors()):
        if _is_page_chrome(element) or NOT_A_BYLINE.search(element.get("class") or ""):
            return True
    return False


def trail(nodes: Sequence[HtmlElement]) -> list[HtmlElement]:
    """The breadcrumb trail among the matches of a breadcrumb selector, without the menu it may hold.

    A trail names one entry per level. Entries under one parent are instead alternatives at one level
    (a menu of sibling categories), of which only the entry marked active belongs to the trail, when
    they number more than `MAX_TRAIL`, when an entry after the marked one follows it (a trail marks
    its last entry), or when their links are siblings in the site's tree (`/news/a` beside `/news/b`).
    More than `MAX_TRAIL` distinct levels left are no trail at all: a menu that wraps each category in a
    breadcrumb element of its own.
    """
    parents = [_entry_parent(node) for node in nodes]
    groups: dict[HtmlElement | None, list[HtmlElement]] = {}
    for node, parent in zip(nodes, parents, strict=True):
        groups.setdefault(parent, []).append(node)
    if len({group[0].get("href") for group in groups.values() if len(group) == 1}) > MAX_TRAIL:
        return []  # a lone entry is a level, and these alone name more levels than a trail has
    alternatives = {id(node) for group in groups.values() for node in _alternatives(group)}
    levels = [node for node in nodes if id(node) not in alternatives or _is_active(node)]
    distinct = {(visible_text(node), node.get("href")) for node in levels}  # a trail printed twice is one
    return levels if len(distinct) <= MAX_TRAIL else []


def with_current_level(levels: list[HtmlElement], title: str) -> list[HtmlElement]:
    """The trail's linked `levels` and, after the last, the list item that names the page's own level
    without a link (`<li class="active">Đối ngoại nhân dân</li>`, as a Bootstrap trail ends): a category's
    short name, not the headline nor a part of it."""
    item = next((node for node in levels[-1].iterancestors("li")), None) if levels else None
    if item is None:
        return levels
    after = [node for node in item.itersiblings() if isinstance(node.tag, str)]
    if len(after) != 1 or after[0].tag != "li" or next(after[0].iter("a"), None) is not None:
        return levels
    name = visible_text(after[0])
    if not name or len(name.split()) > CURRENT_LEVEL_MAX_WORDS or name.rstrip(".… ") in title:
        return levels
    return [*levels, after[0]]


def _alternatives(group: list[HtmlElement]) -> list[HtmlElement]:
    """The entries of one parent that are a level's alternatives rather than levels of a trail."""
    if len(group) > MAX_TRAIL:
        return group
    marked = [index for index, node in enumerate(group) if _is_active(node)]
    if marked and marked[-1] < len(group) - 1:
        return group
    paths = [_parent_path(node) for node in group]
    counts = Counter(paths)
    return [node for node, path in zip(group, paths, strict=True) if path is not None and counts[path] > 1]


def _parent_path(node: HtmlElement) -> str | None:
    """The path one level above the entry's link; None for a link at the site's top level or no link."""
    link = node if node.tag == "a" else next(node.iter("a"), None)
    path = _path(link) if link is not None else None
    return (path.rpartition("/")[0] or None) if path else None


def _entry_parent(node: HtmlElement) -> HtmlElement | None:
    """The element that holds this entry beside its siblings: above the `li` when there is one."""
    parent = node.getparent()
    if parent is not None and parent.tag == "li":
        return parent.getparent()
    return parent


def _is_active(node: HtmlElement) -> bool:
    """Marked as the current entry, on the link or on its `li` (not on the menu around it)."""
    if node.get("aria-current") or ACTIVE.search(node.get("class") or ""):
        return True
    parent = node.getparent()
    return parent is not None and parent.tag == "li" and ACTIVE.search(parent.get("class") or "") is not None


def in_teaser(node: HtmlElement, title_node: HtmlElement | None) -> bool:
    """Inside (or being) another article's teaser (an `article`, `li` or `.article` box, or a box under a
    heading that links an article, that does not hold the headline), or the site's own header.

    Listing teasers in rails carry the same date and lead classes as the article's own date line and
    sapo; the header's date is today's.
    """
    return Teasers(title_node).hold(node)


class Teasers:
    """`in_teaser` for one page and headline, each element's verdict decided once: the date, lead and
    author selectors match in the same rails, whose ancestors every match would test again."""

    def __init__(self, title_node: HtmlElement | None) -> None:
        self.title_node = title_node
        self._around_title = set(title_node.iterancestors()) if title_node is not None else set()
        self._verdicts: dict[HtmlElement, bool] = {}

    def hold(self, node: HtmlElement) -> bool:
        """`node` is in another article's teaser or the site's header (`in_teaser`).

        Each element says what its parent says, unless it holds the headline (no teaser) or is a teaser
        or the site's header itself. The ancestors are walked up to the first that its markup decides
        (`_says`); only when that one says no is a heading that links an article looked for in the boxes
        under it, from the top down (a teaser in a rail is known by its `li` without such a look into
        each box on the way)."""
        unsettled = []
        verdict = False
        for ancestor in chain((node,), node.iterancestors()):
            known = self._verdicts.get(ancestor)
            if known is None:
                known = self._says(ancestor)
                if known is not None:
                    self._verdicts[ancestor] = known
            if known is not None:
                verdict = known
                break
            unsettled.append(ancestor)
        for element in reversed(unsettled):  # each says what the element above it says, or titles a teaser
            verdict = verdict or _titles_an_article(element)
            self._verdicts[element] = verdict
        return verdict

    def _says(self, ancestor: HtmlElement) -> bool | None:
        """False for a holder of the headline, True for a teaser box or the site's header by its markup
        (`_is_teaser_box`, `_is_site_header`, with the element's tag and class read once for both), else
        None."""
        if ancestor in self._around_title:
            return False
        tag, class_value = ancestor.tag, ancestor.get("class") or ""
        if _boxes_a_teaser(tag, class_value) or _is_site_header(ancestor, tag, class_value):
            return True
        return None


def _titles_an_article(box: HtmlElement) -> bool:
    """The box's own heading links an article: a featured teaser whatever its class."""
    return any(child.tag in TEASER_HEADINGS and links_to_articles(child) for child in box)


def _is_site_header(element: HtmlElement, tag: str | None = None, class_value: str | None = None) -> bool:
    """The site's header or its top bar, by tag (outside the article) or by id or class name; `tag` and
    `class_value` are the element's, when already read."""
    tag = element.tag if tag is None else tag
    if tag == "header":
        return _is_page_chrome(element)
    class_value = (element.get("class") or "") if class_value is None else class_value
    return _names_site_header(element.get("id") or "", class_value)


@functools.lru_cache(maxsize=CLASS_VALUES_KEPT)
def _names_site_header(id_value: str, class_value: str) -> bool:
    """The id or a class name is the site header's: read once per distinct pair, as rails repeat them."""
    return any(SITE_HEADER.match(name) for name in (id_value, *class_value.split()) if name)


def section_label(title_node: HtmlElement | None, host: str) -> list[str]:
    """The name of the section a lone link shows just above the headline (a kicker, "Hữu nghị" over the
    title, as a trail of one level): a box of that link alone, among the nearest elements before the
    headline or its holders and outside the page's menus, pointing to a section's page of this site (not
    an article, a tag, an author or the home page)."""
    node = title_node
    for _ in range(KICKER_LEVELS):
        if node is None:
            return []
        for before in islice(node.itersiblings(preceding=True), KICKER_REACH):
            name = _kicker(before, host)
            if name:
                return [name]
        node = node.getparent()
    return []


def _kicker(box: HtmlElement, host: str) -> str | None:
    links = list(box.iter("a")) if isinstance(box.tag, str) else []
    if len(links) != 1 or any(map(_is_page_chrome, (box, *box.iterancestors()))):
        return None
    name = visible_text(links[0])
    if not name or name != visible_text(box) or len(name.split()) > KICKER_MAX_WORDS:
        return None
    try:
        parts = urlsplit(links[0].get("href") or "")
    except ValueError:
        return None
    path = parts.path.strip("/")
    on_site = not parts.netloc or parts.netloc.removeprefix("www.") == host.removeprefix("www.")
    if parts.scheme not in WEB_SCHEMES or parts.query or not on_site or len(path) <= LANGUAGE_PATH_CHARS:
        return None
    if path.count("/") >= KICKER_LEVELS or article_id(f"https://{host}/{path}"):
        return None
    words = set(re.split(r"[/_.-]", path.casefold()))
    return None if any(set(phrase.split("-")) <= words for phrase in NOT_SECTION_PATHS) else name


def generic_trail(
    root: HtmlElement, marks: PageMarks, stated: str | None = None, title_node: HtmlElement | None = None
) -> list[str]:
    """Names of the first short list of links whose class names a path or crumbs (or which is labelled a
    breadcrumb for screen readers) and starts at home, else
    of a trail known by its links alone (`chained_trail`), else, when the head states the article's
    section, that section under the one its link stands below (`stated_trail`, nothing when the page shows
    no such link: the head's word is taken over a guess), else a subsection marked active beside its
    section (`active_trail`); `marks` are the page's."""
    for holder in marks.with_classes_like(TRAIL_CLASS, also=LABELLED_TRAIL):
        links = [a for a in trail(list(holder.iter("a"))) if visible_text(a)]
        if not links or len(links) > MAX_TRAIL:
            continue
        first = visible_text(links[0]).casefold()
        href = (links[0].get("href") or "").rstrip("/")
        if first in selectors.HOME_CRUMBS or href.count("/") <= 2:
            return [visible_text(a) for a in links]
    names = chained_trail(root, title_node)
    if names:
        return names
    return stated_trail(root, stated) if stated else active_trail(marks)


def active_trail(marks: PageMarks) -> list[str]:
    """Names of a section and of its subsection marked as the current one: a link marked active one level
    below a link near it (`/quoc-te/huu-nghi` beside `/quoc-te`), as a section's box of subsections, or a
    menu and its submenu, shows the article's place; `marks` are the page's. A mark that a menu sets on
    several subsections of one section says nothing of the article's."""
    for element in marks.with_classes_like(ACTIVE):
        link = element if element.tag == "a" else next(element.iter("a"), None)
        if link is None or not _is_active(link) or not visible_text(link):
            continue
        parent = _parent_path(link)
        if parent and not _rivals_marked_active(link, parent):
            names = _under_section(link, parent)
            if names:
                return names
    return []


def active_section(marks: PageMarks) -> list[str]:
    """The name of the one top-level section the page marks as the current one (a menu's entry marked
    "active", "actived"), when every such mark agrees; `marks` are the page's. Marks on tabs, slides and
    articles say nothing of a section; marks on two sections say nothing either."""
    sections: dict[str, str] = {}
    for element in marks.with_classes_like(ACTIVE):
        link = element if element.tag == "a" else next(element.iter("a"), None)
        path = _path(link) if link is not None and _is_active(link) else None
        if link is None or not path or path.count("/") != 1 or article_id(link.get("href") or ""):
            continue
        name = visible_text(link)
        if name and name.casefold() not in selectors.HOME_CRUMBS:
            sections.setdefault(path, name)
    return list(sections.values()) if len(sections) == 1 else []


def stated_trail(root: HtmlElement, section: str) -> list[str]:
    """Names of the section the page head states (`article:section`) and of the one above it: a link named
    as the head names it, one level below a link near it (`/suc-khoe/khoe-dep` beside `/suc-khoe`)."""
    for link in STATED_SECTION_LINKS(root, name=section):
        parent = _parent_path(link)
        names = _under_section(link, parent) if parent else []
        if names:
            return names
    return []


def _under_section(link: HtmlElement, parent: str) -> list[str]:
    """The names of the link to the `parent` path near `link` (up to `ACTIVE_TRAIL_CLIMB` ancestors up)
    and of `link`; nothing without one."""
    holder = link.getparent()
    for _ in range(ACTIVE_TRAIL_CLIMB):
        if holder is None:
            break
        above = next((a for a in holder.iter("a") if _path(a) == parent and visible_text(a)), None)
        if above is not None:
            return [visible_text(above), visible_text(link)]
        holder = holder.getparent()
    return []


def _rivals_marked_active(link: HtmlElement, parent: str) -> bool:
    """Another link of the same list, below the same section, is marked active too."""
    entry = link.getparent()
    menu = entry.getparent() if entry is not None and entry.tag == "li" else entry
    if menu is None:
        return False
    return any(
        other is not link and _is_active(other) and _parent_path(other) == parent for other in menu.iter("a")
    )


def chained_trail(root: HtmlElement, title_node: HtmlElement | None = None) -> list[str]:
    """Names of a trail whatever its classes: a link home, then side by side with it links each one level
    below the one before (`/quoc-te`, `/quoc-te/huu-nghi`), at least `MIN_CHAINED_LEVELS` of them, or one
    right above the headline (`title_node`).

    A menu puts its sections side by side at one level, and the links of a submenu are not siblings of
    its home link; only a breadcrumb walks down the site's tree from home.
    """
    for home in HOME_LINKS(root):
        if _path(home) != "":
            continue
        holder = _entry_parent(home)
        if holder is None:
            continue
        entries = [a for a in holder.iter("a") if a is not home and _entry_parent(a) is holder]
        alone = sum(1 for _ in holder.iter("a")) == 2  # home and one section, no submenu
        fewest = 1 if alone and _says_home(home) and _heads(holder, title_node) else MIN_CHAINED_LEVELS
        if not fewest <= len(entries) <= MAX_TRAIL:
            continue
        paths = [_path(a) for a in entries]
        parents = ["", *paths[:-1]]
        if all(
            path and path.rpartition("/")[0] == parent for path, parent in zip(paths, parents, strict=True)
        ):
            names = [visible_text(a) for a in entries]
            if all(names):
                return names
    return []


def _says_home(link: HtmlElement) -> bool:
    """A link that says it leads home ("Trang chủ", a title saying so, a home icon), not a logo."""
    said = {visible_text(link).casefold(), (link.get("title") or "").strip().casefold()}
    icon = any("home" in (element.get("class") or "").casefold() for element in link.iter())
    return bool(said & selectors.HOME_CRUMBS) or icon


def _heads(holder: HtmlElement, title_node: HtmlElement | None) -> bool:
    """The element right after `holder`, or after one of its `HEADLINE_REACH` wrappers, is or holds the
    headline."""
    if title_node is None:
        return False
    element: HtmlElement | None = holder
    for _ in range(HEADLINE_REACH + 1):
        if element is None:
            return False
        following = element.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is not None:
            return following is title_node or title_node in following.iterdescendants()
        element = element.getparent()
    return False


def _path(link: HtmlElement) -> str | None:
    """The path a link points to, without its trailing slash ("" for the site's root), or None."""
    try:
        return urlsplit(link.get("href") or "").path.rstrip("/")
    except ValueError:
        return None
