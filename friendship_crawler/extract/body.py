"""Reading an article body container into text blocks, images with captions and inline related links.

One walk over the container's subtree, in document order: block elements end a line, inline elements
add to it, boilerplate (scripts, ads, inline related boxes) is skipped, and text inside an image box
becomes both a text line and that image's caption; a line that is only the site's own address (a caption
some sister sites print under every photo) is neither. Each line remembers whether it was a caption and
whether it was a signature (a right-aligned paragraph wholly in bold or italic, the byline of 2016-2020 pages
and of sister sites), so bylines can be split off after.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from friendship_crawler.clean.folding import slug_words
from friendship_crawler.clean.lines import (
    ends_with_byline,
    is_labelled_link,
    is_own_address,
    is_widget_line,
    own_hosts,
)
from friendship_crawler.clean.rules import RAIL_BOX_TITLES, TRAILER_BOXES
from friendship_crawler.extract import selectors
from friendship_crawler.items import Image
from friendship_crawler.site_rules import CONTENTS_LABELS, RELATED_LABELS, SERIES_LABEL, marker_key
from friendship_crawler.textnorm import normalize_line
from friendship_crawler.urls import article_id, linked_article_id

_HTML_NEWLINES = re.compile(r"[\n\r\f\v]+")
_BREAKING_TAGS = selectors.BLOCK_TAGS | {"br"}
"""What breaks a line of visible text."""
_LINE_BREAK = "\x1e"
"""Where `visible_lines` breaks a line: a control character the parsed page cannot hold (parsing drops it)."""
MAX_DEPTH = 150
"""Deeper markup is read as flat text: hostile nesting must not exhaust the stack."""
_SKIPPED_CLASSES = selectors.AD_CLASSES | selectors.BOILERPLATE_CLASSES | selectors.EMBED_CLASSES
PULL_QUOTE_MIN_CHARS = 20
"""A pull quote is a sentence: a few words in a quote box that a paragraph also holds are no repeat of it."""
_QUOTATION_MARKS = str.maketrans("", "", '"“”„«»‘’')
SIGNED_TAGS = frozenset({"p", "div"})
"""What a signed paragraph (a byline set right-aligned in bold or italic) stands in."""
LINK_SHARE = 0.5
"""A table or list whose text is at least this share of links to articles is a related-article box."""
WHOLLY_LINKED = 0.9
"""A paragraph whose text is at least this share of links to articles is a related title set in the
body; a sentence that links a title it names keeps words of its own."""
_LINK_BOXES = {
    "table": LINK_SHARE,
    "ul": LINK_SHARE,
    "ol": LINK_SHARE,
    "p": WHOLLY_LINKED,
    "div": WHOLLY_LINKED,
}
"""Elements that may be related boxes by their links alone, with the share of links that makes one."""
_NO_CLASSES: frozenset[str] = frozenset()
_BOX_LABELS = RELATED_LABELS | CONTENTS_LABELS | TRAILER_BOXES
"""What titles a box of links the walk leaves out: its title goes with it (left behind, a trailer box's
title, "Có thể bạn quan tâm", "Tin cùng chuyên mục", would end the article at it)."""
_LONGEST_LABEL = max(map(len, _BOX_LABELS))
WIDGET_MAX_CHARS = 300
"""What a box of sharing buttons or of tags says at most (`is_link_widget`)."""
TITLED_LINK_BOX_TAGS = ("div", "aside", "section", "nav")
LABELLED_BOX_TAGS = frozenset({"ul", "ol", "div", "p", "table"})
"""What holds the links a line before it titles (`labels_a_link_box`)."""
LABEL_SPACE = 20
"""Spaces and marks a box's title may carry around its words (`labels_a_link_box`)."""
LINK_BOX_SHARE = 0.6
"""A box under a trailer box's title that is this share of links is that box (`is_titled_link_box`)."""
CONTENTS_TAGS = frozenset({"ul", "ol", "div", "nav"})
"""What an article's table of contents is set in."""
CELL_TAGS = frozenset({"td", "th"})
NETWORK_LINK = re.compile(r"\s*(?:https?://)?(?:pic\.twitter\.com|t\.co)/\S+")
"""A social network's link to a picture or a short address inside a post's text."""
CELL_SEPARATOR = " | "
"""Between the cells of a data table's row, which is one line of the text, as a page's text writes it."""
DATA_ROW_HOLDS_NOT = ("table", "ul", "ol", "figure")
"""What a row of a data table does not hold, nor a photo (a flag icon it may): a row with one of them is set
out for layout."""
DATA_CELL_MAX_CHARS = 300
"""A data table's cell holds a figure, a name or a sentence or two; a longer one is a column of text."""
ENDS_BODY = ("h1", "h2", "article")
"""What stands between two parts of a body only when another article begins there."""
BOLD_TAGS = ("strong", "b")
"""What a roundup's item title is set in."""
LIST_TAGS = frozenset({"ul", "ol"})
SERIES_PART = re.compile(r"^(?:bài|kỳ|phần)\s+(?:\d+|[ivx]+|cuối)\s*[:.–-]", re.IGNORECASE)
"""A part of a series as its navigation names it ("Bài 1: …", "Kỳ II - …", "Bài cuối: …")."""
SERIES_MIN_PARTS = 2
PHOTO_HOLDERS = frozenset({"a", "picture", "div", "span"})
"""What may wrap a photo alone in its caption box."""
CAPTION_MAX_CHARS = 400
"""A caption is a sentence or two; a longer line beside a photo is a paragraph of the article."""
PARAGRAPH_CAPTION_CHARS = 200
"""A paragraph (`p`) beside a photo longer than this is a caption only when it credits the photo."""
CREDITED = re.compile(r"\(?\s*(?:Ảnh|Nguồn ảnh|Photo)\s*:", re.I)
INTRO_MIN_WORDS = 4
"""A sentence that introduces a list has a few words; a box's title ("Xem thêm:") has one or two."""
READS_MORE = re.compile(r"\b(?:xem thêm|đọc thêm|liên quan|tham khảo|cùng chủ đề|cùng chuyên mục)\b", re.I)
"""What an invitation to read related articles says ("Mời bạn đọc xem thêm các bài viết:")."""
ROUNDUP_MIN_ITEMS = 2
"""Items retold under their titles that make a roundup: one alone may be a related link that happens to
share its words with the paragraph after it."""
ITEM_TITLE_MIN_WORDS = 3
ITEM_TITLE_SHARE = 0.5
"""A roundup item's paragraph retells its title: at least this share of the title's words (of at least
`ITEM_TITLE_MIN_WORDS`), where a related link's title shares a word or two with the paragraph after it."""
LABELLED_LINK_TAGS = frozenset({"p", "div"})
"""What a related link set with its label ("Đọc thêm:", ">>") stands in."""
TEASER_BOX_TAGS = frozenset({"div", "section", "aside", "article"})
TEASER_MAX_CHARS = 600
"""A teaser is a title and a summary of a sentence or two; a box with more text is the article's own."""
CHOICE_MAX_WORDS = 8
"""A poll's choice is named in a few words ("Có", "Rất hài lòng"); more are text of their own."""
NOT_PAGE_LINKS = ("#", "javascript:", "mailto:", "tel:", "sms:", "data:")
"""How a link that leads to no web page starts (lower-cased): a place in this page, a script, mail, a call."""


@dataclass(frozen=True)
class Block:
    """One line of body text."""

    text: str
    caption: bool = False
    """Part of an image caption."""
    signed: bool = False
    """A right-aligned paragraph wholly in bold or italic: a byline ("Ngọc Hậu", "Bài và ảnh Trọng Tùng")."""
    continues: bool = False
    """The line goes on the element of the line before it, after a line break (`<p>A<br>B</p>`)."""


@dataclass
class Body:
    """What the body container holds, in page order."""

    blocks: list[Block] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    related_hrefs: list[str] = field(default_factory=list)
    """`href`s of the inline related-article boxes, unresolved."""

    @property
    def has_text(self) -> bool:
        """Any line that is not an image caption."""
        return any(not block.caption for block in self.blocks)


def visible_text(element: HtmlElement) -> str:
    """The text a reader sees in an element (scripts and styles left out), as one normalised line."""
    parts: list[str] = []
    _collect_visible(element, parts, 0)
    return html_line("".join(parts))


def visible_lines(element: HtmlElement) -> list[str]:
    """The lines a reader sees in an element, each normalised: its text broken where a `<br>` or a block
    element breaks it."""
    parts: list[str] = []
    _collect_visible(element, parts, 0, _LINE_BREAK)
    return [line for raw in "".join(parts).split(_LINE_BREAK) if (line := html_line(raw))]


def text_of(element: HtmlElement) -> str:
    """All the text in an element, its tail left out, as `text_content()` gives it: serialised by libxml2
    without the XPath evaluation that `text_content()` sets up for every call."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def html_line(raw: str) -> str:
    """Text from HTML as one normalised line: newlines in markup are only spaces."""
    if "\n" in raw or "\r" in raw or "\f" in raw or "\v" in raw:
        raw = _HTML_NEWLINES.sub(" ", raw)
    return normalize_line(raw)


def _collect_visible(element: HtmlElement, parts: list[str], depth: int, breaks: str = " ") -> None:
    """The text a reader sees in `element`, into `parts`, with `breaks` where a line breaks. Each tag, text
    and tail is read once: lxml builds a new string at every read."""
    if text := element.text:
        parts.append(text)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in selectors.SKIP_TAGS:
            if tag in _BREAKING_TAGS:
                parts.append(breaks)
            if not len(child):  # most inline elements hold only their text
                if text := child.text:
                    parts.append(text)
            elif depth < MAX_DEPTH:
                _collect_visible(child, parts, depth + 1, breaks)
            else:
                parts.append(text_of(child))
        if tail := child.tail:
            parts.append(tail)


def read_body(container: HtmlElement, base_url: str, more: Sequence[HtmlElement] = ()) -> Body:
    """Blocks, images and inline related links of a body container, and of the `more` parts of the same
    body after it (`body_parts`)."""
    walker = _BodyWalker(base_url, PollChoices(container, *more))
    walker.walk(container, 0)
    for part in more:  # read as an element of the body: a photo box, an ad or a related box among them
        walker.flush()
        walker.read_element(part)
    walker.flush()
    return walker.finish()


def read_parts(parts: Sequence[HtmlElement], base_url: str) -> Body:
    """Blocks, images and inline related links of a body given as its parts, each read as an element of
    the body (its own classes and kind included: a hero photo's box, a lead's)."""
    walker = _BodyWalker(base_url, PollChoices(*parts))
    for part in parts:
        walker.flush()
        walker.read_element(part)
    walker.flush()
    return walker.finish()


def body_parts(containers: Sequence[HtmlElement]) -> list[HtmlElement]:
    """The body as the matches of one container selector give it: the first, then the later ones beside
    it (same parent), as a CMS that writes an article in several content blocks (`__MB_MASTERCMS_EL_1`,
    `…_3`) sets them. A match inside another is part of it; a copy of a part (a desktop and a mobile
    copy) is read once. What stands between two parts is read with them (a photo, a paragraph, an ad or
    a related box, which the walk leaves out), unless it holds a headline: another article's, which ends
    the body before it."""
    if not containers:
        return []
    first, *others = containers
    later = {id(element) for element in others}
    parts, texts = [first], {_compact_text(first)}
    between: list[HtmlElement] = []
    for sibling in first.itersiblings():
        if not later:
            break
        if id(sibling) in later:
            later.discard(id(sibling))
            text = _compact_text(sibling)
            if text not in texts:
                parts += [*between, sibling]
                texts.add(text)
            between = []
        elif isinstance(sibling.tag, str):
            if sibling.tag in ENDS_BODY or next(sibling.iter(*ENDS_BODY), None) is not None:
                break
            between.append(sibling)
    return parts


def _quoted_words(text: str) -> str:
    """A line as a pull quote and the paragraph it repeats are compared: its words without quotation marks,
    case folded."""
    return " ".join(text.translate(_QUOTATION_MARKS).split()).casefold()


def _compact_text(element: HtmlElement) -> str:
    return "".join(element.text_content().split())


@dataclass(frozen=True, slots=True)
class ClassWords:
    """What an element's class attribute tells the walk, read once per distinct attribute value: a page
    repeats a few dozen values over hundreds of elements, and each test of a class word costs a scan of
    every name."""

    names: frozenset[str]
    no_text: bool
    """A class of a box that holds no text of the article: an ad, a tool, an embed, a widget."""
    link_widget: bool
    """A class word of sharing buttons or tags (`selectors.names_link_widget`)."""
    related: bool
    """A class of a related-article box (`is_related_box`)."""
    image_box: bool
    pull_quote: bool
    caption: bool


CLASS_VALUES_KEPT = 4096
"""Distinct class attribute values whose reading is kept across pages (a site has a few hundred)."""


@lru_cache(maxsize=CLASS_VALUES_KEPT)
def _class_words(value: str) -> ClassWords:
    names = frozenset(value.split()) if value else _NO_CLASSES
    return ClassWords(
        names=names,
        no_text=bool(names & _SKIPPED_CLASSES) or any(map(selectors.names_no_text, names)),
        link_widget=any(map(selectors.names_link_widget, names)),
        related=is_related_box(names),
        image_box=bool(names & selectors.IMAGE_BOX_CLASSES),
        pull_quote=any(map(selectors.PULL_QUOTE_CLASS.search, names)),
        caption=any(map(selectors.CAPTION_CLASS.search, names)),
    )


def class_words(element: HtmlElement) -> ClassWords:
    """What the element's class attribute says (`ClassWords`)."""
    return _class_words(element.get("class") or "")


def class_names(element: HtmlElement) -> frozenset[str]:
    """The element's class names."""
    return class_words(element).names


def is_related_box(classes: frozenset[str]) -> bool:
    """A box whose class names say it holds related articles (`selectors.names_related`)."""
    if not classes:
        return False
    if classes & selectors.RELATED_BOX_CLASSES:
        return True
    return any(selectors.names_related(name) for name in classes)


def _titled(box: HtmlElement) -> str | None:
    """The title a box opens with (its first element, when that is a short line), as a `marker_key`."""
    if (box.text or "").strip():
        return None
    first = next((child for child in box if isinstance(child.tag, str)), None)
    if first is None or first.tag == "a":
        return None
    text = text_of(first)
    if len(text) > 2 * _LONGEST_LABEL:  # a paragraph or a box of links, no title
        return None
    return marker_key(visible_text(first) if len(first) else html_line(text), _LONGEST_LABEL) or None


def is_quote_source(element: HtmlElement) -> bool:
    """The line under a quotation that names who said it (`selectors.QUOTE_SOURCE_TAGS`): the quotation's
    last element, under a block of its words (`<blockquote><p>…</p><cite>Name</cite>`); a work cited within
    the quotation's own line (`<blockquote>Như <cite>Truyện Kiều</cite> đã viết…`) is its text."""
    if element.tag not in selectors.QUOTE_SOURCE_TAGS:
        return False
    parent, before = element.getparent(), element.getprevious()
    return (
        parent is not None
        and parent.tag == "blockquote"
        and next(element.itersiblings(), None) is None
        and before is not None
        and before.tag in selectors.BLOCK_TAGS
        and not (before.tail or "").strip()
    )


def is_link_card(figure: HtmlElement) -> bool:
    """A figure with no image whose text is all one link's: a card of another page (a bookmark's title,
    note and site), not a figure of the article."""
    links = list(figure.iter("a"))
    text = "".join(figure.text_content().split())
    return (
        len(links) == 1
        and bool(text)
        and "".join(links[0].text_content().split()) == text
        and next(figure.iter(*selectors.IMAGE_TAGS), None) is None
    )


def is_link_widget(box: HtmlElement) -> bool:
    """A box of sharing buttons ("share-bar", "social") or of the article's tags ("tags", "box-tags"), by a
    word of its class: mostly its links, and saying little."""
    if not class_words(box).link_widget:
        return False
    text = box.text_content()
    links = sum(len(link.text_content()) for link in box.iter("a"))
    return len(text) <= WIDGET_MAX_CHARS and links > 0 and links >= LINK_BOX_SHARE * len(text.strip())


def is_titled_link_box(box: HtmlElement) -> bool:
    """A box of links under the title of a trailer box ("Related news:", "Có thể bạn quan tâm",
    `TRAILER_BOXES`) as its first element, whatever the links' addresses and the box's classes: wherever it
    stands, it is that box."""
    if _titled(box) not in TRAILER_BOXES:
        return False
    title = next(child for child in box if isinstance(child.tag, str))
    in_title = set(title.iter("a"))  # the elements themselves: a freed proxy's id is reused
    links = sum(len(text_of(link)) for link in box.iter("a") if link not in in_title)
    rest = len(text_of(box)) - len(text_of(title))
    return links > 0 and links >= LINK_BOX_SHARE * rest


def labels_a_link_box(label: HtmlElement) -> bool:
    """A line that is only a box's title ("Đọc thêm:", "Tin liên quan", `_BOX_LABELS`) with a box of links
    to pages right after it, as a body sets one between its paragraphs: `<p><b>Đọc thêm:</b></p><ul>…`."""
    if next(label.iter("a"), None) is not None or len(text_of(label)) > _LONGEST_LABEL + LABEL_SPACE:
        return False
    if marker_key(visible_text(label), _LONGEST_LABEL) not in _BOX_LABELS:
        return False
    box = label.getnext()
    while box is not None and not isinstance(box.tag, str):
        box = box.getnext()
    return box is not None and box.tag in LABELLED_BOX_TAGS and links_to_pages(box)


def lists_series_parts(items: HtmlElement) -> bool:
    """A list of the parts of a series ("Bài 1: …", "Kỳ 2: …"), one of them at least a link to it (an
    article's address): the series' navigation, however few of its parts are out (linked) yet."""
    entries = [visible_text(item) for item in items if item.tag == "li"]
    return (
        len(entries) >= SERIES_MIN_PARTS
        and all(SERIES_PART.match(entry) for entry in entries)
        and any(linked_article_id(link.get("href")) for link in items.iter("a"))
    )


def links_to_articles(element: HtmlElement, share: float = LINK_SHARE) -> bool:
    """Text that is mostly links to articles (at least `share` of it): a related box whatever its class
    names, as sister sites embed one as a bare table or list in the body."""
    return _mostly_links(element, [a for a in element.iter("a") if article_id(a.get("href") or "")], share)


def links_to_pages(element: HtmlElement, share: float = LINK_SHARE) -> bool:
    """Text that is mostly links to web pages of any address (at least `share` of it): under a box's title
    ("Tin liên quan", "Read more:"), the related articles of other sites (`…-post900001.vnp`, `/412345/…`)."""
    return _mostly_links(element, [a for a in element.iter("a") if _leads_to_a_page(a)], share)


def _leads_to_a_page(link: HtmlElement) -> bool:
    """A link to a web page: an http(s) or relative address, not a place in this page, a script or mail."""
    href = (link.get("href") or "").strip().lower()
    return bool(href) and not href.startswith(NOT_PAGE_LINKS)


def _mostly_links(element: HtmlElement, links: list[HtmlElement], share: float) -> bool:
    if not links:
        return False
    text = len(visible_text(element))
    return text > 0 and sum(len(visible_text(a)) for a in links) / text >= share


def heads_an_item(paragraph: HtmlElement) -> bool:
    """A linked title in bold over a paragraph of its own, among siblings of which at least
    `ROUNDUP_MIN_ITEMS` are retold by the paragraph under them: the items of a roundup, each linking its
    full story ("Hội hữu nghị Việt - Nhật tổ chức giao lưu" over "Chiều 12/5, Hội hữu nghị Việt - Nhật tổ
    chức buổi giao lưu…"), not related links. Once the roundup is known, an item retold in other words
    is one of its items too."""
    parent = paragraph.getparent()
    if parent is None or _story_under(paragraph) is None:
        return False
    retold = 0
    for other in parent:
        if other.tag == "p" and (story := _story_under(other)) is not None and _retells(story, other):
            retold += 1
            if retold >= ROUNDUP_MIN_ITEMS:
                return True
    return False


def holds_own_paragraph(wrapper: HtmlElement) -> bool:
    """A `div` that holds a paragraph of text that is not a link: a wrapper of the body's text (a content
    block whose short text sits among inline related boxes), whose boxes are judged one by one, not a box
    of links."""
    return any(
        visible_text(paragraph) and not links_to_articles(paragraph, WHOLLY_LINKED)
        for paragraph in wrapper.iter("p")
    )


def is_introduced(items: HtmlElement) -> bool:
    """A list the paragraph before it introduces in a sentence of its own ("Theo đó, các sự kiện nổi bật
    gồm:"): the article's list, whose items link the stories they name; a box's title ("Tin liên quan:",
    "Xem thêm:") or an invitation to read more introduces related links."""
    intro = items.getprevious()
    if intro is None or intro.tag not in SIGNED_TAGS:
        return False
    text = visible_text(intro)
    return (
        text.endswith(":")
        and len(text.split()) >= INTRO_MIN_WORDS
        and not READS_MORE.search(text)
        and marker_key(text, _LONGEST_LABEL) not in _BOX_LABELS
    )


def _story_under(paragraph: HtmlElement) -> HtmlElement | None:
    """The paragraph after a title in bold of at least `ITEM_TITLE_MIN_WORDS` words, when it is text of its
    own (not another link); None for any other paragraph."""
    story = paragraph.getnext()
    if story is None or story.tag != "p" or not wholly_in(paragraph, BOLD_TAGS):
        return None
    if len(visible_text(paragraph).split()) < ITEM_TITLE_MIN_WORDS or links_to_articles(story, WHOLLY_LINKED):
        return None
    return story


def _retells(story: HtmlElement, title: HtmlElement) -> bool:
    """The story repeats at least `ITEM_TITLE_SHARE` of the title's words."""
    words = set(slug_words(visible_text(title)))
    return len(words & set(slug_words(visible_text(story)))) >= ITEM_TITLE_SHARE * len(words)


def lists_this_page(element: HtmlElement) -> bool:
    """A table of contents: links to places in this very page (`#…`), at least two, and mostly links."""
    links = list(element.iter("a"))
    if len(links) < 2 or not all((a.get("href") or "").startswith("#") for a in links):
        return False
    text = len(visible_text(element))
    return text > 0 and sum(len(visible_text(a)) for a in links) / text >= LINK_SHARE


def data_cells(row: HtmlElement) -> list[str] | None:
    """The cells of a table row that holds data ("Việt Nam | 12 | 8 | 5"), as one line each; None for a row
    of any other table: one cell (an editorial box), photos (icons are data), lists or nested tables, or a
    cell that holds paragraphs of its own (text set out in columns)."""
    cells = [cell for cell in row if cell.tag in CELL_TAGS]
    if len(cells) < 2 or next(row.iter(*DATA_ROW_HOLDS_NOT), None) is not None:
        return None
    if any(map(is_photo, row.iter(*selectors.IMAGE_TAGS))):
        return None
    texts = [visible_text(cell) for cell in cells]
    if sum(map(bool, texts)) < 2 or any(len(text) > DATA_CELL_MAX_CHARS for text in texts):
        return None
    if any(sum(1 for child in cell if child.tag in selectors.BLOCK_TAGS) > 1 for cell in cells):
        return None
    return texts


class PollChoices:
    """The choices of the polls below some elements: radio buttons of one name, two or more, and what
    names each (a `label` around it or pointing to it, or the few words after it). A choice's name is
    never article text ("Có", "Không" would read "CóKhông"); the question stays. Check boxes (a
    checklist, a CSS toggle) and nameless buttons (a CSS slider) are no poll."""

    def __init__(self, *roots: HtmlElement) -> None:
        groups: dict[str, list[HtmlElement]] = {}
        for root in roots:
            for control in root.iter("input"):
                name = control.get("name")
                if name and (control.get("type") or "").lower() == "radio":
                    groups.setdefault(name, []).append(control)
        self.inputs = [choice for group in groups.values() if len(group) >= 2 for choice in group]
        self._held = {id(choice) for choice in self.inputs}
        self._pointed_at = {choice.get("id") for choice in self.inputs} - {None}

    def __bool__(self) -> bool:
        return bool(self.inputs)

    def names_after(self, element: HtmlElement) -> bool:
        """The element is a choice and the text after it is its name."""
        return id(element) in self._held and len((element.tail or "").split()) <= CHOICE_MAX_WORDS

    def labels(self, element: HtmlElement) -> bool:
        """The element is the `label` of a choice, a few words without an image."""
        if element.tag != "label" or next(element.iter(*selectors.IMAGE_TAGS), None) is not None:
            return False
        named = element.get("for") in self._pointed_at or any(
            id(c) in self._held for c in element.iter("input")
        )
        return named and len(visible_text(element).split()) <= CHOICE_MAX_WORDS


def _thumbnails_link_articles(box: HtmlElement) -> bool:
    """Every image of the box sits in a link to an article, as a related teaser's thumbnail does."""
    images = list(box.iter(*selectors.IMAGE_TAGS))
    return bool(images) and all(
        any(article_id(a.get("href") or "") for a in image.iterancestors("a")) for image in images
    )


def is_inline_teaser(box: HtmlElement) -> bool:
    """Another article's teaser set in the body, whatever its class: a small box whose thumbnail and
    title link that same article (a summary may follow), and whose thumbnails link no other article (a
    content block that holds a box of several teasers and a short text of its own is the body's)."""
    if box.tag not in TEASER_BOX_TAGS:
        return False
    links = [a for a in box.iter("a") if article_id(a.get("href") or "")]
    thumbnails = {a.get("href") for a in links if next(a.iter(*selectors.IMAGE_TAGS), None) is not None}
    if len({article_id(href or "") for href in thumbnails}) > 1:
        return False  # thumbnails of several articles: a box of them in a content block
    if not thumbnails or not any(a.get("href") in thumbnails and visible_text(a) for a in links):
        return False
    return len(visible_text(box)) <= TEASER_MAX_CHARS


def _labels_a_link(paragraph: HtmlElement) -> bool:
    """ "Đọc thêm: <a>title</a>": a link to a page (an article of this site or another's) under the label
    the text path drops it by."""
    return any(map(_leads_to_a_page, paragraph.iter("a"))) and is_labelled_link(visible_text(paragraph))


def _image_address(image: HtmlElement) -> str | None:
    """Where an image lives, as its lazy-loading attributes or its `src` say, else the widest of the sizes
    it lists; None when none says it (empty, inline `data:`, a placeholder, or the copy a browser saved
    beside the page)."""
    for attribute in selectors.LAZY_SRC_ATTRS:
        value = (image.get(attribute) or "").strip()
        if (
            value
            and not value.lower().startswith("data:")
            and not selectors.SAVED_COPY_PATH.match(value)
            and not selectors.PLACEHOLDER_IMAGE.search(value)
        ):
            return value
    for attribute in selectors.SRCSET_ATTRS:
        widest = _widest_candidate(image.get(attribute) or "")
        if widest:
            return widest
    return None


def _column_of(cell: HtmlElement) -> int:
    """The cell's place among the cells of its row."""
    row = cell.getparent()
    return [child for child in row if child.tag in CELL_TAGS].index(cell) if row is not None else 0


def quoted_post(embed: HtmlElement) -> str:
    """What a post the article embeds says (its first paragraph, without the network's picture links), as
    the article quotes it; the name, handle and date the network prints under it are not read."""
    said = next((visible_text(p) for p in embed.iter("p") if visible_text(p)), "")
    return html_line(NETWORK_LINK.sub("", said))


def is_image_box(element: HtmlElement, words: ClassWords | None = None) -> bool:
    """A box the walk reads as a photo's with its caption: a figure, a box of a known image class, a table
    holding a photo, a box of a photo and one short line (`is_captioned_photo`), or an italic run that
    opens with a photo (`is_italic_photo`). `words`: the element's `class_words`, when read already."""
    tag = element.tag
    if tag == "figure" or (words or class_words(element)).image_box:
        return True
    if tag == "table":
        return any(map(is_photo, element.iter(*selectors.IMAGE_TAGS)))  # a flag icon makes none
    if tag in selectors.CAPTION_EMPHASIS:
        return is_italic_photo(element)
    return tag == "div" and is_captioned_photo(element)


def is_italic_photo(run: HtmlElement) -> bool:
    """An italic run that opens with a photo, its one image, then a line break and a caption's line
    (`<em><img><br>Hà Nội hợp tác cùng TikTok…</em>`): the photo and its caption set in one italic."""
    if (run.text or "").strip():
        return False
    parts = [child for child in run if isinstance(child.tag, str)]
    holder = next((part for part in parts if part.tag != "br"), None)
    photo = holder
    if holder is not None and holder.tag in PHOTO_HOLDERS and not (holder.text or "").strip():
        inner = [child for child in holder if isinstance(child.tag, str)]
        photo = inner[0] if len(inner) == 1 else None  # a linked photo
    if holder is None or photo is None or photo.tag not in selectors.IMAGE_TAGS or not is_photo(photo):
        return False
    after = holder.getnext()
    if after is None or after.tag != "br" or (holder.tail or "").strip():
        return False
    if sum(1 for _ in run.iter(*selectors.IMAGE_TAGS)) != 1:
        return False
    return is_caption_line(visible_text(run))


def is_photo_box(element: HtmlElement) -> bool:
    """An image box (`is_image_box`) with a photo of the article's own: not a teaser's thumbnail, which links
    another article."""
    return (
        is_image_box(element)
        and any(map(is_photo, element.iter(*selectors.IMAGE_TAGS)))
        and not _thumbnails_link_articles(element)
    )


def is_captioned_photo(box: HtmlElement) -> bool:
    """A box of a photo and a short line under it, nothing else, whatever its classes: the photo's
    caption box as a template with classes nobody here knows sets it."""
    parts = [child for child in box if isinstance(child.tag, str)]
    if len(parts) != 2 or (box.text or "").strip() or any((part.tail or "").strip() for part in parts):
        return False
    photo, caption = parts
    if photo.tag not in selectors.IMAGE_TAGS:
        inner = [child for child in photo if isinstance(child.tag, str)]
        if photo.tag not in PHOTO_HOLDERS or len(inner) != 1 or inner[0].tag not in selectors.IMAGE_TAGS:
            return False
        photo = inner[0]
    if not is_photo(photo) or next(caption.iter(*selectors.IMAGE_TAGS, "a"), None) is not None:
        return False
    text = visible_text(caption)
    if caption.tag == "p" and not is_caption_line(text):
        return False  # a paragraph set beside its photo, not a caption
    return 0 < len(text) <= CAPTION_MAX_CHARS


def is_caption_line(text: str) -> bool:
    """A line beside a photo that may be its caption: short, or credited ("(Ảnh: …)") and at most
    `CAPTION_MAX_CHARS`; a longer uncredited one is a paragraph set beside the photo."""
    return 0 < len(text) <= CAPTION_MAX_CHARS and (
        len(text) <= PARAGRAPH_CAPTION_CHARS or bool(CREDITED.search(text))
    )


def is_photo(image: HtmlElement) -> bool:
    """Not an icon, avatar or logo (by its address or class), not hidden, not set as small as an icon or
    a tracking pixel."""
    try:  # the address the photo is read at, not a lazy image's placeholder ("logo-lazy.png")
        address = urlsplit(_image_address(image) or image.get("src") or "").path
    except ValueError:  # no address ("https://[host/x.jpg"): the walk takes no image from it anyway
        address = ""
    classes = (image.get("class") or "").split()
    if selectors.NOT_A_PHOTO.search(address) or any(map(selectors.NOT_A_PHOTO_CLASS.search, classes)):
        return False
    if selectors.HIDDEN.search(image.get("style") or ""):
        return False
    for side in ("width", "height"):
        size = (image.get(side) or "").strip().removesuffix("px")
        if size.isdigit() and int(size) < selectors.PHOTO_MIN_PIXELS:
            return False
    return True


def _widest_candidate(srcset: str) -> str | None:
    """The address of the widest (or densest) image a `srcset` lists; None for an empty one."""
    best: tuple[float, str] | None = None
    for address, descriptor in _srcset_candidates(srcset):
        if not address or address.lower().startswith("data:"):
            continue
        size = descriptor.strip().rstrip("wxWX")
        try:
            width = float(size) if size else 1.0
        except ValueError:
            width = 1.0
        if best is None or width > best[0]:
            best = (width, address)
    return best[1] if best else None


def _srcset_candidates(srcset: str) -> Iterator[tuple[str, str]]:
    """Each address of a `srcset` and its descriptor ("1200w", "2x", or ""), as the HTML standard splits
    them: an address runs to the next whitespace, commas and all (`…/w_1200,c_fill/a.jpg`), and a comma
    after its descriptor, or at its own end, closes the candidate."""
    position, end = 0, len(srcset)
    while position < end:
        while position < end and (srcset[position].isspace() or srcset[position] == ","):
            position += 1
        start = position
        while position < end and not srcset[position].isspace():
            position += 1
        address, descriptor = srcset[start:position], ""
        if address.endswith(","):
            address = address.rstrip(",")
        elif position < end:
            comma = srcset.find(",", position)
            stop = end if comma < 0 else comma
            descriptor, position = srcset[position:stop].strip(), stop + 1
        if address:
            yield address, descriptor


def _noscript_image(image: HtmlElement) -> HtmlElement | None:
    """The image of the `noscript` right after a lazy image, which holds the photo for a reader without
    scripts (the walk skips `noscript`, so the photo is read once)."""
    following = image.getnext()
    if following is None or following.tag != "noscript":
        return None
    return next(following.iter(*selectors.IMAGE_TAGS), None)


def is_signature(element: HtmlElement) -> bool:
    """Right-aligned (by style or by the old `align` attribute) and wholly in bold or in italic (by its
    tags or its own style), but for the work its writer did or the time it was filed (`OUTSIDE_SIGNATURE`)."""
    style = element.get("style") or ""
    aligned = (element.get("align") or "").lower() == "right" or selectors.RIGHT_ALIGNED.search(
        style
    ) is not None
    if not aligned:
        return False
    if selectors.EMPHASIS_STYLE.search(style):  # the whole element set in bold or italic by its style
        return bool(element.text_content().strip())
    plain = _plain_text(element, selectors.EMPHASIS_TAGS)
    return plain is not None and (not plain or OUTSIDE_SIGNATURE.fullmatch(plain) is not None)


_FILED_DAY = r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}"
_FILED_TIME = r"\d{1,2}:\d{2}"
OUTSIDE_SIGNATURE = re.compile(
    rf"\([^()]{{1,30}}\)\.?|[-–|]\s*(?:{_FILED_DAY}(?:\s+{_FILED_TIME})?|{_FILED_TIME}(?:\s+{_FILED_DAY})?)"
)
"""What a signature may leave outside its emphasis: the work done, in brackets ("(thực hiện)", "(t/h)"), or
the time it was filed ("<strong>Thu Hà</strong> - 12/05/2025 10:20")."""


def wholly_in(element: HtmlElement, tags: Sequence[str]) -> bool:
    """All the element's text is inside `tags` (all of it bold, or a name in bold over its affiliation in
    italic), and there is some."""
    return _plain_text(element, tags) == ""


def _plain_text(element: HtmlElement, tags: Sequence[str]) -> str | None:
    """The element's text outside every element of `tags` in it, stripped; None for an element without
    text."""
    if not element.text_content().strip():
        return None
    plain: list[str] = []
    _collect_outside(element, frozenset(tags), plain)
    return "".join(plain).strip()


def _collect_outside(element: HtmlElement, tags: frozenset[str], plain: list[str]) -> None:
    """The text of `element` that stands outside every element of `tags` in it."""
    if text := element.text:
        plain.append(text)
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in tags:
            _collect_outside(child, tags, plain)
        if tail := child.tail:
            plain.append(tail)


class _BodyWalker:
    """State of one walk: the line being built, lines so far, the image box being read."""

    def __init__(self, base_url: str, choices: PollChoices) -> None:
        self.base_url = base_url
        self._choices = choices or None
        """None without a poll: tested at every element and tail, where `PollChoices.__bool__` is Python."""
        self._own_hosts = own_hosts(base_url)
        self.body = Body()
        self._buffer: list[str] = []
        self._after_break = False
        """A line break ended the last line, inside the element being read."""
        self._image_box_depth = 0
        self._signed_depth = 0
        self._box_images: list[Image] = []
        self._columns: dict[int, int] = {}
        """The table column each image of the box stands in."""
        self._column: int | None = None
        """The table column of the cell being read."""
        self._captions: dict[int, list[str]] = {}
        self._pending_caption: list[tuple[str, int | None]] = []
        """Lines read in an image box before its photo, with the table column of each."""
        self._loose_image: Image | None = None
        self._loose_holders: set[HtmlElement] = set()
        """The last image read outside an image box, while no line has followed it, and its ancestors."""
        self._rail: HtmlElement | None = None
        """The element in which the links under a rail's title ("Đọc nhiều") are being read."""
        self._quote_boxes: list[tuple[int, int]] = []
        """Where the blocks of each box that may hold a pull quote start and end (`PULL_QUOTE_CLASS`)."""
        self._in_quote_box = False

    def walk(self, element: HtmlElement, depth: int) -> None:
        if text := element.text:  # read once: lxml builds a new string at every read
            self._buffer.append(text)
        for child in element:
            if isinstance(child.tag, str):
                self._element(child, depth + 1)
            if (tail := child.tail) and not (self._choices and self._choices.names_after(child)):
                self._buffer.append(tail)

    def flush(self) -> None:
        raw = "".join(self._buffer)
        self._buffer.clear()
        line = html_line(raw) if raw and not raw.isspace() else ""
        if not line or is_own_address(line, self._own_hosts):
            return
        head, _, last = line.rpartition(" ")
        if head and is_own_address(last, self._own_hosts):  # a caption signed with the site's address
            line = head.rstrip()
        in_box = self._image_box_depth > 0
        self.body.blocks.append(
            Block(line, caption=in_box, signed=self._signed_depth > 0, continues=self._after_break)
        )
        self._loose_image = None
        self._rail = None  # a line of text ends the rail's links
        if not in_box:
            return
        if self._box_images:
            target = next(
                (
                    image
                    for image in reversed(self._box_images)
                    if self._columns.get(id(image), -1) == self._column
                ),
                self._box_images[-1],
            )  # photos side by side in a table, or one under another: each caption under its photo
            self._captions.setdefault(id(target), []).append(line)
        else:
            self._pending_caption.append((line, self._column))

    def read_element(self, element: HtmlElement) -> None:
        """One element of the body as the walk reads it, its own classes and kind included."""
        if isinstance(element.tag, str):
            self._element(element, 1)

    def finish(self) -> Body:
        self._drop_pull_quotes()
        for image in self.body.images:  # a slideshow's counter ("1/4") in the caption box is no caption
            lines = self._captions.get(id(image), [])
            image.caption = " ".join(line for line in lines if not is_widget_line(line))
        return self.body

    def _element(self, element: HtmlElement, depth: int) -> None:
        tag = element.tag
        if tag in selectors.SKIP_TAGS:
            return
        if tag == "br":
            self.flush()
            self._after_break = True
            return
        if tag in selectors.IMAGE_TAGS:
            self._image(element)
            return
        words = class_words(element)
        block = tag in selectors.BLOCK_TAGS
        ident, style = element.get("id"), element.get("style")
        if (
            words.no_text
            or (ident and selectors.names_no_text(ident))
            or (style and selectors.HIDDEN.search(style))
            or is_quote_source(element)
            or (self._choices and self._choices.labels(element))
            or (words.link_widget and is_link_widget(element))
        ):
            if block:
                self.flush()
            if words.names & selectors.QUOTED_POST_CLASSES:
                self._quoted_post(element)
            return
        image_box = is_image_box(element, words)
        linked = next(element.iter("a"), None) is not None  # no link, no box of links of any kind
        share = _LINK_BOXES.get(tag) if linked else None
        if image_box and share:  # a teaser: its thumbnail links the article its title links, unlike a caption
            share = WHOLLY_LINKED if _thumbnails_link_articles(element) else None
        if words.related or (
            linked
            and (
                (
                    share
                    and (
                        links_to_articles(element, share)
                        or (self._box_label() is not None and links_to_pages(element, share))
                    )
                    and not (tag == "p" and heads_an_item(element))
                    and not (tag in LIST_TAGS and is_introduced(element))
                    and not (tag == "div" and holds_own_paragraph(element))
                )
                or (tag in LABELLED_LINK_TAGS and _labels_a_link(element))
                or (not image_box and is_inline_teaser(element))
                or (tag in TITLED_LINK_BOX_TAGS and is_titled_link_box(element))
                or (tag in LIST_TAGS and lists_series_parts(element))
                or (tag == "figure" and is_link_card(element))
            )
        ):
            if block:
                self.flush()
            if self._drop_box_label() in RAIL_BOX_TITLES:
                self._rail = element.getparent()
            in_rail = self._rail is element.getparent() and not words.related
            if in_rail or _titled(element) in RAIL_BOX_TITLES:
                return  # a rail set in the body ("Đọc nhiều"): its links are no related articles
            self.body.related_hrefs.extend(a.get("href") or "" for a in element.iter("a"))
            if tag == "a":
                self.body.related_hrefs.append(element.get("href") or "")
            return
        if linked and tag in CONTENTS_TAGS and lists_this_page(element):
            if block:
                self.flush()
            self._drop_box_label()
            return
        if depth > MAX_DEPTH:
            self._buffer.append(element.text_content())
            return
        if tag == "tr" and not self._image_box_depth and (cells := data_cells(element)):
            self.flush()
            self._buffer.append(CELL_SEPARATOR.join(cells))
            self.flush()
            return
        signed = tag in SIGNED_TAGS and is_signature(element)
        captioned = (
            self._loose_image if not (image_box or signed) and self._holds_caption(element, words) else None
        )
        image_box = image_box or captioned is not None
        if block or image_box:
            self.flush()
            self._after_break = False
        self._enter(image_box, signed)
        if captioned is not None:
            self._box_images = [captioned]
        column = self._column
        if tag in CELL_TAGS:
            self._column = _column_of(element)
        quote_box = not self._in_quote_box and (tag == "aside" or words.pull_quote)
        first_block = len(self.body.blocks)
        self._in_quote_box = self._in_quote_box or quote_box
        self.walk(element, depth)
        if block or image_box:
            self.flush()
            self._after_break = False
        if quote_box:  # the outermost box judged whole: its attribution goes with it or stays with it
            self._in_quote_box = False
            if not image_box:
                self._quote_boxes.append((first_block, len(self.body.blocks)))
        self._column = column
        self._leave(image_box, signed)

    def _holds_caption(self, element: HtmlElement, words: ClassWords) -> bool:
        """The element holds the caption of the photo just read outside an image box: its class names a
        caption, or it is a paragraph wholly in italic, or the italic that closes the photo's own paragraph
        or line (`<p><img><br><em>…</em></p>`, `<img><br><i>…</i><br>` in text set by line breaks). A
        signature (right-aligned) is a byline, never a caption, and an italic name alone may be one: it is
        left to the byline rules."""
        if self._loose_image is None:
            return False
        if words.caption:
            return True
        if element.tag in selectors.CAPTION_EMPHASIS:
            after = element.getnext()
            closes = (after is None or after.tag == "br") and not (element.tail or "").strip()
            italic = (
                closes and element.getparent() in self._loose_holders and not "".join(self._buffer).strip()
            )
        else:
            italic = element.tag in SIGNED_TAGS and wholly_in(element, selectors.CAPTION_EMPHASIS)
        return italic and not ends_with_byline(visible_text(element))

    def _quoted_post(self, embed: HtmlElement) -> None:
        """What a post the article embeds says (`quoted_post`)."""
        said = quoted_post(embed)
        if said:
            self.body.blocks.append(Block(said))
            self._loose_image = None

    def _box_label(self) -> str | None:
        """The line just read as a `marker_key`, when it is only a box's title ("Tin liên quan", "Read
        more:"): the links after it are the box's, whatever their addresses."""
        blocks = self.body.blocks
        key = marker_key(blocks[-1].text, _LONGEST_LABEL) if blocks else None
        return key if key in _BOX_LABELS else None

    def _drop_box_label(self) -> str | None:
        """The line just read goes with the box of links left out after it when it is only that box's title
        ("Tin liên quan:", "Mục lục") or a series' ("Loạt bài: …"): a related box's left in the text would
        read as the one that ends an article. Returns the title dropped (as a `marker_key`)."""
        blocks = self.body.blocks
        if not blocks:
            return None
        key = self._box_label()
        if key is None and SERIES_LABEL.match(blocks[-1].text):
            key = marker_key(blocks[-1].text, _LONGEST_LABEL)
        if key is not None:
            blocks.pop()
        return key

    def _drop_pull_quotes(self) -> None:
        """A box's lines that another line of the body holds word for word: a pull quote, the article's own
        sentence set again beside it (`selectors.PULL_QUOTE_CLASS`), read once."""
        if not self._quote_boxes:
            return
        blocks = self.body.blocks
        in_boxes = {index for start, end in self._quote_boxes for index in range(start, end)}
        said = [_quoted_words(block.text) for index, block in enumerate(blocks) if index not in in_boxes]
        dropped: set[int] = set()
        for start, end in self._quote_boxes:
            quoted = _quoted_words(" ".join(block.text for block in blocks[start:end]))
            if len(quoted) >= PULL_QUOTE_MIN_CHARS and any(quoted in line for line in said):
                dropped.update(range(start, end))
        if dropped:
            self.body.blocks = [block for index, block in enumerate(blocks) if index not in dropped]

    def _enter(self, image_box: bool, signed: bool) -> None:
        if image_box:
            if self._image_box_depth == 0:
                self._box_images = []
                self._pending_caption = []
            self._image_box_depth += 1
        self._signed_depth += signed

    def _leave(self, image_box: bool, signed: bool) -> None:
        if image_box:
            self._image_box_depth -= 1
            last = self._box_images[-1] if self._box_images else None
            if self._image_box_depth == 0 and last is not None and id(last) not in self._captions:
                self._loose_image, self._loose_holders = last, set()  # a box of a photo alone: its caption
                # may follow it as a loose photo's does (`<div class="image">…</div><p class="caption">`)
        self._signed_depth -= signed

    def _image(self, element: HtmlElement) -> None:
        if not is_photo(element):
            return
        source = _image_address(element)
        if source is None and (fallback := _noscript_image(element)) is not None:
            source = _image_address(fallback)
        if source is None:
            return
        try:
            image = Image(url=urljoin(self.base_url, source))
        except ValueError:
            return
        self.body.images.append(image)
        self._loose_image = image if self._image_box_depth == 0 else None
        self._loose_holders = set(element.iterancestors()) if self._loose_image else set()
        if self._image_box_depth > 0:
            self._box_images.append(image)
            self._columns[id(image)] = self._column if self._column is not None else -1
            column = self._columns[id(image)]
            above = [
                line for line, cell in self._pending_caption if cell is None or cell == column or column == -1
            ]
            if above:  # a caption set above its photo, in its column: not a column of text before it
                self._captions[id(image)] = above
            self._pending_caption = []
