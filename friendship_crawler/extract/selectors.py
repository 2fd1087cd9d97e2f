"""Where each part of a MasterCMS article page lives, per template generation, and the boilerplate markers.

Generations are versions in the fundus manner: `V2019` is the base, with every selector as a class
attribute; later generations override only what changed. A selector is a tuple of CSS expressions tried in
order (first match wins), compiled once to XPath when the class is defined. Markers that are not
selectors (class names of related boxes and image boxes, title prefixes) are grouped below by what they
stand for; the conventions the text path meets too (box titles, bylines, dates, error pages) are in
`site_rules.py`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import ClassVar

from lxml.etree import XPath
from lxml.html import HtmlElement

from friendship_crawler.extract.css import css_to_xpath, descendants_xpath
from friendship_crawler.extract.marks import PageMarks, class_lead, is_class_name_alone, required_marks
from friendship_crawler.listing import ENTRY_SELECTORS
from friendship_crawler.site_rules import RELATED_MARKS

SELECTOR_FIELDS = ("signature", "title", "sapo", "date", "body", "author", "source", "breadcrumb", "tags")


def compile_css(*expressions: str) -> tuple[XPath, ...]:
    """CSS expressions compiled once to XPath objects."""
    return tuple(XPath(css_to_xpath(css)) for css in expressions)


class Selector:
    """One CSS expression compiled once to XPath, run only on pages that carry the marks it needs; one
    that starts with class names is answered from the page's elements by class (`ClassLead`)."""

    def __init__(self, css: str) -> None:
        self.css = css
        self.path = css_to_xpath(css)
        self.xpath = XPath(self.path)
        self.exists = XPath(f"boolean({self.path})")
        self.marks = required_marks(css)
        self.by_marks_alone = is_class_name_alone(css)
        self.lead = class_lead(css, descendants_xpath)

    def __repr__(self) -> str:
        return f"Selector({self.css!r})"

    def select(self, root: HtmlElement, marks: PageMarks) -> list[object]:
        """The matches under `root`; `marks` are the page's (`PageMarks(root)`)."""
        if not marks.carries(self.marks):
            return []
        if self.lead is not None and root is marks.root:
            return list(self.lead.select(marks))
        return self.xpath(root)

    def matches(self, root: HtmlElement, marks: PageMarks) -> bool:
        """Anything under `root` matches."""
        if not marks.carries(self.marks):
            return False
        if self.by_marks_alone:
            return True
        if self.lead is not None and root is marks.root:
            return bool(self.lead.select(marks))
        return bool(self.exists(root))


Css = tuple[str, ...]
"""CSS expressions of one field, most specific first."""


class Generation:
    """Base of the template generations: selectors as data, compiled by `__init_subclass__`."""

    name: ClassVar[str] = "generation"
    compiled: ClassVar[dict[str, tuple[Selector, ...]]] = {}

    signature: ClassVar[tuple[str, ...]] = ()
    """Markup that identifies the generation; detection tries generations in `DETECTION_ORDER`."""
    title: ClassVar[tuple[str, ...]] = ()
    sapo: ClassVar[tuple[str, ...]] = ()
    date: ClassVar[tuple[str, ...]] = ()
    body: ClassVar[tuple[str, ...]] = ()
    author: ClassVar[tuple[str, ...]] = ()
    source: ClassVar[tuple[str, ...]] = ()
    breadcrumb: ClassVar[tuple[str, ...]] = ()
    tags: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.compiled = {name: tuple(map(Selector, getattr(cls, name))) for name in SELECTOR_FIELDS}

    @classmethod
    def detects(cls, root: HtmlElement, marks: PageMarks) -> bool:
        """The page carries any of the signature markup; `marks` are the page's."""
        return any(selector.matches(root, marks) for selector in cls.compiled["signature"])


class V2019(Generation):
    """2016-2020 pages: the body wrapped as on sister sites, byline as a right-aligned bold paragraph."""

    name = "v2019"
    signature: ClassVar[Css] = (
        "div.__MB_CONTENT_FOR_PRINTER",
        "div.__MB_MASTERCMS_EL",
        ".__mb_article_in_image",
        "div[id^=__MB_MASTERCMS_EL_]",
    )
    title: ClassVar[Css] = (
        "h1.article-detail-title",
        ".article-detail-title",
        "h1.title-detail",
        "h1.article-title",
        "h1.detail-title",
        "h1.post-title",
        "h1.titleDetailNews",
    )
    sapo: ClassVar[Css] = (
        "div.article-detail-desc",
        ".article-detail-desc",
        ".article-sapo",
        ".sapo",
        "p.detail-sapo",
        ".detail-sapo",
        "div.post-desc",
    )
    date: ClassVar[Css] = (
        "span.article-detail-date",
        ".article-detail-date",
        "span.article-detail-publish",
        "span.post-publish-time",
        "span.datetime",
        ".date-detail",
        ".article-date",
    )
    body: ClassVar[Css] = (
        "div.__MB_CONTENT_FOR_PRINTER",
        "div.__MASTERCMS_CONTENT",
        "article.__MASTERCMS_CONTENT",
        "div.__MASTERCMS_CONTENT_BODY",
        "div.__MB_MASTERCMS_EL",
        "div[id^=__MB_MASTERCMS_EL_]",
        "[itemprop=articleBody]",
    )
    author: ClassVar[Css] = (
        "div.article-detail-author",
        "a.article-author",
        ".article-author",
        "[rel=author]",
        "[itemprop=author]",
        "span.cms-author",
        "div.article-member",
        "div.article-detail-infor > a[href='#']",
        "div.article-detail-infor > a:not([href])",
        "p.author",
    )
    source: ClassVar[Css] = (
        "div.article-detail-source",
        ".article-detail-source",
        ".article-source",
        "p.post-source",
        ".post-source",
    )
    breadcrumb: ClassVar[Css] = (
        "div.breadcrumbs a",
        ".breadcrumbs a",
        ".breadcrumb a",
        "ol.breadcrumb li",
        "[itemtype$=BreadcrumbList] [itemprop=itemListElement] [itemprop=name]",
    )
    tags: ClassVar[Css] = (
        "div.article-tags a",
        ".article-tags a",
        ".article-tag a",
        ".box-tags a",
        ".tags a",
        "div.post-tag a",
        ".post-tag a",
        "ul.tagsCould a",
    )


class V2021(V2019):
    """2021-2026 pages: plain `__MASTERCMS_CONTENT`, byline in `h2.author-title`."""

    name = "v2021"
    signature: ClassVar[Css] = (
        "div.__MASTERCMS_CONTENT",
        "article.__MASTERCMS_CONTENT",
        "div.__MASTERCMS_CONTENT_BODY",
    )
    body: ClassVar[Css] = (
        "div.__MASTERCMS_CONTENT",
        "article.__MASTERCMS_CONTENT",
        *(css for css in V2019.body if not css.endswith(".__MASTERCMS_CONTENT")),
    )
    author: ClassVar[Css] = ("h2.author-title a", "h2.author-title", ".author-title", *V2019.author)


class Amp(V2021):
    """AMP / mobile variant (`&mobile=yes&amp=1`): lighter markup, `amp-img`, simplified class names."""

    name = "amp"
    signature: ClassVar[Css] = ("html[amp]", "amp-img", "script[src*='cdn.ampproject.org']")
    sapo: ClassVar[Css] = (*V2021.sapo, ".article-desc", ".desc", ".lead")
    date: ClassVar[Css] = (*V2021.date, ".article-time", ".date", "time")
    body: ClassVar[Css] = (
        *V2021.body,
        ".article-content",
        ".article-body",
        ".content-detail",
        "article .content",
    )
    author: ClassVar[Css] = (*V2021.author, ".author")
    source: ClassVar[Css] = (*V2021.source, ".source")


class Generic(V2021):
    """No known body container: the page's other parts are read liberally, the body by the generic layer."""

    name = "generic"
    signature = ()
    sapo = Amp.sapo
    date = Amp.date
    body = ()
    author = Amp.author


DETECTION_ORDER: tuple[type[Generation], ...] = (Amp, V2019, V2021)
"""Most specific signature first: 2019 pages also carry the 2021 container class."""


# --- the page head -------------------------------------------------------------------------------
META = XPath("/html/head//meta[@content]")
LINKS = XPath("/html/head//link[@rel][@href]")
JSON_LD = XPath(
    "descendant::script[translate(@type, 'LDJSONAPLICTR+', 'ldjsonaplictr+')='application/ld+json']"
)
HTML_TITLE = XPath("/html/head/title")
TIME_DATETIME = XPath("//time/@datetime", smart_strings=False)
PUBLISHED_META = (
    "article:published_time", "datepublished", "pubdate", "og:published_time", "dc.date.issued",
    "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date", "date",
    "publishdate", "publish-date", "publish_date", "article.published", "parsely-pub-date", "sailthru.date",
)  # fmt: skip
"""Head meta tags (by lower-cased `property`, `name` or `itemprop`) that state the publication time, the
standard's first; those htmldate reads too, which would give their day alone."""
MARKED_PUBLISHED = XPath(
    "//*[@itemprop='datePublished']/@content | //*[@itemprop='datePublished']/@datetime", smart_strings=False
)
"""The publication time the page's microdata marks outside its head (`<meta itemprop="datePublished">` in
the article's box)."""
ARTICLE_LD_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPageElement"}
)
SITE_TITLE_SUFFIX = re.compile(r"\s*[|\-–—]\s*(?:Tạp chí\s+)?Thời\s+Đại(?:\s+Online)?\s*$", re.I)
TITLE_SEPARATOR = re.compile(r"\s+[|\-–—]\s+")
"""What stands between a headline and the site name in `<title>` ("… - Netbiz", "… | Báo Hải quan")."""
SITE_NAME_META = ("og:site_name", "application-name", "al:android:app_name", "twitter:site")

# --- inside the body: what is skipped, what is a block, what is an image box -----------------------
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "iframe", "object", "embed", "video", "audio", "form", "button",
        "input", "select", "textarea", "svg", "template", "head", "ins", "amp-ad", "amp-analytics",
        "amp-video", "amp-youtube", "amp-iframe", "amp-social-share",
    }
)  # fmt: skip
BLOCK_TAGS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "table", "tbody",
        "thead", "tfoot", "tr", "td", "th", "caption", "section", "article", "header", "footer", "main",
        "figure", "figcaption", "pre", "dl", "dt", "dd", "center", "hr", "address", "aside", "nav",
    }
)  # fmt: skip
IMAGE_TAGS = frozenset({"img", "amp-img"})
LAZY_SRC_ATTRS = (
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-lazy",
    "data-lazyload",
    "data-echo",
    "src",
)
SRCSET_ATTRS = ("data-srcset", "srcset")
"""Where an image without an address of its own lists its sizes (`url 800w, url 1600w`)."""
PLACEHOLDER_IMAGE = re.compile(
    r"(?:^|/)(?:(?:lazy[-_]?)?(?:blank|spacer|placeholder|transparent|loading|lazy|lazyload|pixel|grey|gray"
    r"|no[-_]?(?:image|img|photo|thumb))"
    r"(?:[-_]?\d+x\d+|[-_]?\d+)?|\d+x\d+)\.(?:gif|png|svg|jpe?g|webp)(?:[?#].*)?$",
    re.IGNORECASE,
)
"""What a lazy image shows until a script loads it ("/images/blank.gif", "lazy-placeholder.png"), or a
template where a photo is missing ("no-image.png"): not the photo, whose address stands in another
attribute or in the `noscript` after it."""
_NOT_A_PHOTO_WORD = r"(?:icons?|avatars?|logos?|emoji|sprites?)"
NOT_A_PHOTO = re.compile(
    rf"(?:^|/){_NOT_A_PHOTO_WORD}(?:[/_.-]|$)|[-_]{_NOT_A_PHOTO_WORD}\.\w+$"
    r"|(?:^|/)(?:banners?|ads?|adv|advertis\w*|quang-?cao)/",
    re.I,
)
"""In an image's address: a share button's icon, an author's avatar, a logo, not a photo, as a folder or a
file name opens or ends with it ("/icons/", "logo-lazy.png", "zalo-icon.png"); a folder of ads or banners
is an ad's. A photo's file name may say "logo", "quang-cao" or "banner" between its words: it names what
the photo shows ("ra-mat-logo-nam-huu-nghi.jpg")."""
NOT_A_PHOTO_CLASS = re.compile(
    rf"(?:^|[_.-]){_NOT_A_PHOTO_WORD}(?:[_.-]|$)|^(?:banners?|ads?|adv|advertis\w*|quang-?cao)(?:[-_]\w+)*$",
    re.I,
)
"""In an image's class: an icon, an avatar, a logo ("site-logo", "icon-share"), or an ad."""
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
HIDDEN_CLASSES = frozenset({"hidden", "sr-only", "visually-hidden", "screen-reader-text"})
"""Class names that hide an element on every screen (a headline kept for search engines, a label for
screen readers); "d-none" and "hidden-xs" are left out: they hide it on some screens only."""


def is_hidden(element: HtmlElement) -> bool:
    """No reader sees the element: its style, its `hidden` attribute or its class hides it."""
    return (
        element.get("hidden") is not None
        or bool(HIDDEN.search(element.get("style") or ""))
        or not HIDDEN_CLASSES.isdisjoint((element.get("class") or "").lower().split())
    )


PHOTO_MIN_PIXELS = 50
"""An image the page sets smaller than this (width or height) is an icon or a tracking pixel."""
SAVED_COPY_PATH = re.compile(r"^(?:\./)?[^/:?#]*_files/")
"""Where a browser's "save page, complete" puts the page's images and rewrites their `src`
(`./Title_files/photo.jpg`): a copy on the saving machine, which says nothing of the image's address."""

RELATED_BOX_CLASSES = frozenset(
    {"tpl_CMS_ARTICLE_EMBED", "__mb_article_in_image", "__MB_ARTICLE_A", "news-relation", "relation-news"}
)
"""Inline related-article boxes inside the body (current and sister-site markup, and a neighbour's "news
relation" box; "relations" alone may title a box of the article's own)."""
RELATED_CLASS_FRAGMENTS = ("relate", "lienquan")
"""Parts of a class name that mark a related-article box ("box-related", "tinlienquan")."""
AD_WORDS = frozenset(
    {
        "ads",
        "ad",
        "adv",
        "advert",
        "advertisement",
        "advertising",
        "qc",
        "quangcao",
        "inread",
        "inpage",
        "sponsor",
    }
)
"""Words that make a class name an ad slot's, alone or among the words of a compound ("ads-inread",
"box_qc")."""
AD_CLASSES = AD_WORDS | {"banner"}
"""Whole class names of ad slots; "banner" only whole, as a compound's word it names a cover
("banner-image" on an e-magazine)."""
CLASS_WORD_JOINERS = "-_"
"""What joins the words of a compound class name ("tin-lien-quan", "box_qc")."""
_WITHOUT_JOINERS = str.maketrans("", "", CLASS_WORD_JOINERS)
CLASS_WORD_BREAKS = re.compile(f"[{re.escape(CLASS_WORD_JOINERS)}]+")


def names_related(class_name: str) -> bool:
    """The class name (or a whole class attribute) says related articles, however its words are joined
    ("tinlienquan", "tin-lien-quan", "box_related")."""
    folded = class_name.lower().translate(_WITHOUT_JOINERS)
    return any(fragment in folded for fragment in RELATED_CLASS_FRAGMENTS)


WIDGET_CLASS_WORDS = frozenset(
    {"newsletter", "subscribe", "subscription", "hotline", "vote", "poll", "donate", "donation", "thumbs"}
)
"""Words that make a class name a reader widget's (a newsletter form, a hotline box, a poll, a slideshow's
strip of thumbnails under its photos), alone or among the words of a compound ("box-newsletter",
"vote-box", "gallery-thumbs")."""
NO_TEXT_CLASS_WORDS = AD_WORDS | WIDGET_CLASS_WORDS


def names_no_text(class_name: str) -> bool:
    """The class name is an ad's or a widget's word, or a compound with one among its words ("ads-inread",
    "box_qc", "box-hotline")."""
    return not NO_TEXT_CLASS_WORDS.isdisjoint(CLASS_WORD_BREAKS.split(class_name.lower()))


LINK_WIDGET_WORDS = frozenset({"share", "sharing", "social", "tags", "tag", "keywords", "tukhoa"})
"""Words that make a class name a box of sharing buttons' or of an article's tags, alone or among the words
of a compound ("share-bar", "box-tags"); not inside another word ("shared", "stage")."""


def names_link_widget(class_name: str) -> bool:
    """The class name is a word of `LINK_WIDGET_WORDS`, or a compound with one among its words."""
    folded = class_name.lower()
    if not any(word in folded for word in LINK_WIDGET_WORDS):  # most class names: no such word at all
        return False
    return not LINK_WIDGET_WORDS.isdisjoint(CLASS_WORD_BREAKS.split(folded))


BOILERPLATE_CLASSES = frozenset(
    {"font-size-tool", "follow-news", "share", "social", "article-tools", "print", "__MB_PRINT"}
)
EMBED_CLASSES = frozenset(
    {"twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "fb-post", "fb-video", "fb-page"}
)
"""A social network's embedded post: its chrome (a handle, "pic.twitter.com/…", "Xem bài viết này trên
Instagram") is the network's rendering of another post, not the article's."""
QUOTED_POST_CLASSES = frozenset({"twitter-tweet", "fb-post"})
"""Embeds whose first paragraph is the post's own words, which the article quotes."""
PULL_QUOTE_CLASS = re.compile(r"(?:^|[-_])(?:pull-?quote|quote|trich-?dan)(?:$|[-_])", re.I)
"""What may hold a pull quote, a sentence of the article set again in large type beside it: an `aside`, or
a box with a class word that names a quote ("pull-quote", "box-quote", "trich-dan"; not "pull-left").
Only a repeat makes it one (`body._BodyWalker`): a quote the article does not repeat is its text, and a
plain `blockquote` is the article's own quotation, even of words it also reports."""
QUOTE_SOURCE_TAGS = frozenset({"cite", "footer"})
"""What names who said a quotation, set as the `blockquote`'s own child under its words (WordPress's
`<blockquote class="wp-block-quote"><p>…</p><cite>Name</cite>`, HTML's `<footer>`): the quote's byline, no
line of the text. A `cite` within a paragraph (a work's title) is the paragraph's."""
IMAGE_BOX_CLASSES = frozenset({"MASTERCMS_TPL_TABLE", "image", "picture", "img-box", "expNoEdit"})
"""Boxes holding an image and its caption (MasterCMS tables, sister-site variants)."""
COMMENT_BOX = re.compile(r"comment|binh-?luan|user-?opinion|y-?kien-?ban-?doc|\bcmt\b", re.I)
"""A class or id naming the box of readers' comments."""
CAPTION_CLASS = re.compile(r"caption|chu-?thich|(?:img|image|photo)-?(?:desc|note)", re.I)
"""A class naming an image's caption set apart from the image ("image-caption", "chuthich", "img-desc")."""
CAPTION_EMPHASIS = ("em", "i")
"""A line wholly in italic just after a photo, without a box around both, is its caption."""

# --- around the body ---------------------------------------------------------------------------
RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right", re.I)
EMPHASIS_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)|font-style\s*:\s*italic", re.I)
"""An element set in bold or italic by its own style."""
EMPHASIS_TAGS = ("strong", "b", "em", "i")
"""A signature line is written wholly in one of these (bold on 2016-2020 pages, italic elsewhere)."""
SAYS_RELATED = re.compile(
    "|".join(
        re.escape(form)
        for mark in RELATED_MARKS
        for cased in (mark, mark.capitalize(), mark.upper())
        for form in dict.fromkeys((cased, unicodedata.normalize("NFD", cased)))
    )
)
"""A heading that says one of `RELATED_MARKS` in any case, composed or decomposed (a page written in NFD)."""
BOX_HEADING_TAGS = ("h2", "h3", "h4")
BOX_TITLES = XPath("$headings | $titled")
"""Box headings that may read "Tin bài liên quan" (checked against `site_rules.RELATED_BOX_TITLES`), in
document order: `$headings`, the headings by tag (`BOX_HEADING_TAGS`), and `$titled`, the titled boxes
(`TITLED_BOX_TAGS` whose class names a title) that the page's class names give (`PageMarks.with_class`),
each kept when its text says a mark (`SAYS_RELATED`).

The headings are found by one walk in C (`iter`) and each text is searched once: three `descendant::`
walks cost libxml2 ten times more, and a `contains(., …)` predicate takes the text again for every form;
a predicate on `//*` or `//@class` would be tested on every element or attribute of the page."""
TITLED_BOX_TAGS = frozenset({"div", "span", "p"})
TITLED_CLASS = re.compile("title|heading|cat-?name", re.I)
HOME_CRUMBS = frozenset({"trang chủ", "home", "thời đại"})

# --- kinds of pages that are not articles ----------------------------------------------------
LISTING_ENTRIES = compile_css(*ENTRY_SELECTORS)
VIDEO_TITLE = re.compile(r"^\s*[\[(]\s*video\s*[\])]|^\s*video\s*:", re.I)
INFOGRAPHIC_TITLE = re.compile(r"^\s*[\[(]\s*infographics?\s*[\])]|^\s*infographics?\s*:", re.I)
PLAYERS = compile_css(
    "video", "iframe", "amp-video", "amp-youtube", "amp-iframe", "object", "embed",
    ".video-player", ".player", "[data-video]", "[data-vid]",
)  # fmt: skip
HEADINGS = "descendant::h1 | descendant::h2 | descendant::title"
"""Headings that may say "Không tìm thấy trang" (an XPath joined with the error boxes found by class)."""
ERROR_CLASS = re.compile(r"error|notfound")
"""Class names of boxes that may say it."""
