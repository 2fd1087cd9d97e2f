"""The generic main-content layer: trafilatura reads the body when no template selector finds one.

It is the last resort for markup nobody here has seen; the extractor reports every use of it, so a run
on the live site says loudly which selectors stopped matching. trafilatura runs with its defaults, tables
kept, because CMS editorial boxes are tables whose paragraphs are text. On its own copy of the page, the
tables that are not text are settled first: a related-article table (its class says so, or its text is
mostly links to other articles) goes, an image table leaves only its caption as a paragraph, and a
one-cell box becomes a plain block, so that its paragraphs stay paragraphs. A `figure` with an image
leaves its caption too (trafilatura drops a figure whole), and the "- " trafilatura writes before a list
item goes: the text reads as a known container's does.

trafilatura gives text, not the element it read: `text_holder` finds that element on the page again
(the closest one holding the blocks of the text's first and last lines), so that the images and inline
related links of a body no selector knows are read from it as from a known container.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence

from lxml import etree
from lxml.etree import XPath
from lxml.html import HtmlElement

from friendship_crawler.clean.lines import is_labelled_link, is_own_address, own_hosts
from friendship_crawler.extract import selectors
from friendship_crawler.extract.body import (
    CELL_SEPARATOR,
    TEASER_MAX_CHARS,
    TITLED_LINK_BOX_TAGS,
    Block,
    Body,
    PollChoices,
    class_names,
    class_words,
    html_line,
    is_link_card,
    is_link_widget,
    is_quote_source,
    is_related_box,
    is_titled_link_box,
    labels_a_link_box,
    links_to_articles,
    quoted_post,
)
from friendship_crawler.extract.document import writable_copy
from friendship_crawler.textnorm import normalize_line, normalize_text
from friendship_crawler.urls import article_id

logger = logging.getLogger(__name__)

HOLDER_LINE_CHARS = 40
"""Lines at least this long find the text's holder: a shorter one (a caption, a name) may stand anywhere."""
HOLDER_LINES_READ = 3
"""The holder is placed by the first and last long lines the page holds, and by the second when the first
stands apart as a lead (which takes two more after it): the first three are looked for from the top,
the last from the end, and no other line."""
LIST_ITEM_MARK = "- "
"""What trafilatura's text puts before each list item."""
TABLE_ROW = re.compile(r"^\|(.+)\|$")
TABLE_RULE = re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$")
"""A table's row and the rule under its header row, as trafilatura writes tables in markdown."""
_LISTS_AROUND = XPath("count(ancestor::ul | ancestor::ol)")
_TEXT_AT_LIST_DEPTH = XPath(".//text()[count(ancestor::ul | ancestor::ol) = $depth]", smart_strings=False)
LINE_TAGS = frozenset({"p", "li", "h2", "h3", "h4"})
"""Blocks that hold a line, never a body: a brief with one long line is held by what is around it."""
TEASER_RUN = 3
"""Teasers side by side that make a list of other articles: a rail, a "Các tin bài khác" box."""
TEASER_TAGS = ("article", "li", "div")
_TEASER_TITLE_LINKS = XPath("(.//h2 | .//h3 | .//h4)//a/@href", smart_strings=False)
FORM_BOX_CHARS = 300
"""What a form's box says beside the form at most: its title and a note ("Đăng ký nhận bản tin")."""
WIDGET_BOX_CHARS = FORM_BOX_CHARS
"""What the box of an ad or a reader widget says at most: a newsletter's or a follow box's note, an ad's
label."""
_TEXT_FIELDS = XPath(".//textarea | .//input[not(@type) or @type='text' or @type='email']")
LAYOUT_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
IMAGE_TABLE_MAX_CHARS = 1500
"""What a table of photos says beside them at most: the captions of a few photos."""
LABEL_TAGS = ("p", "div", "h2", "h3", "h4", "h5", "h6")
"""What sets a box's title on a line of its own before the box."""
PAGE_WIDE = frozenset({"html", "body"})
"""A holder this wide is the whole page, rails and all: no holder."""


def generic_blocks(root: HtmlElement, url: str) -> list[Block]:
    """Main-text lines of a page by trafilatura, on a copy whose non-text tables are settled."""
    page = writable_copy(root)
    settle_tables(page)
    settle_figures(page)
    settle_quoted_posts(page)
    drop_quote_sources(page)
    drop_form_widgets(page)
    drop_reader_boxes(page)
    drop_widget_boxes(page)
    drop_titled_link_boxes(page)
    drop_labelled_link_boxes(page)
    drop_link_widgets(page)
    drop_teaser_lists(page, article_id(url))
    import trafilatura  # on first use: most pages never need it, and every `scrapy` command would pay it

    try:
        text = trafilatura.extract(
            page,
            url=url,
            include_comments=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            with_metadata=False,
        )
    except RecursionError:
        logger.warning("Generic extraction gave up on %s: its markup nests too deep", url)
        return []
    if not text:
        logger.debug("Generic extraction found no main text on %s", url)
        return []
    items = {normalize_line(html_line(_item_text(item))) for item in root.iter("li")}
    hosts = own_hosts(url)  # a line that is only the site's address says nothing, as in a known container
    return [
        Block(_as_row(_without_item_mark(line, items)))
        for line in normalize_text(text).split("\n")
        if not is_own_address(line, hosts) and not TABLE_RULE.match(line)
    ]


def _as_row(line: str) -> str:
    """A data table's row as a body read from its markup writes it ("Y tế | 112 | 18,5"), not as
    trafilatura's markdown ("| Y tế | 112 | 18,5 |")."""
    row = TABLE_ROW.match(line)
    if row is None:
        return line
    cells = [cell.strip() for cell in row[1].split("|")]
    if sum(map(bool, cells)) < 2:  # a title row across the table, as the markup reads one
        return normalize_line(" ".join(cells))
    return normalize_line(CELL_SEPARATOR.join(cells))


def _item_text(item: HtmlElement) -> str:
    """A list item's own text, without the lists nested in it, however deep (trafilatura writes those on
    lines of their own)."""
    depth = int(_LISTS_AROUND(item))
    return "".join(_TEXT_AT_LIST_DEPTH(item, depth=depth))


def _without_item_mark(line: str, items: set[str]) -> str:
    """A line of a list item without the "- " trafilatura writes before it."""
    item = line.removeprefix(LIST_ITEM_MARK)
    return item if item != line and item in items else line


def text_holder(root: HtmlElement, lines: Sequence[str]) -> HtmlElement | None:
    """The closest element of the page that holds the blocks of the first and last long `lines` (the
    generic layer's text), or the holder of all but the first when the first stands apart before it (a
    lead printed above the body container, which trafilatura reads as the body's first paragraph), so
    that the lead is read as one. None when a line is not found or only the whole page holds them."""
    long_lines = [line for line in lines if len(line) >= HOLDER_LINE_CHARS]
    if not long_lines:
        return None
    blocks = [(block, normalize_line(html_line(block.text_content()))) for block in _leaf_blocks(root)]
    # a line trafilatura ran together from two blocks is found in none: the others place it
    found = _found_first(blocks, long_lines, HOLDER_LINES_READ)
    if not found:
        return None
    last_line = found[-1][0]
    if len(found) == HOLDER_LINES_READ:
        last_line = next(line for line in reversed(long_lines) if _first_block(blocks, line) is not None)
    last = _first_block(reversed(blocks), last_line)
    (first_line, first), *rest = found
    holder = _holder(first, last)
    if holder is first and holder.tag in LINE_TAGS:  # one long line in one block: the body is around it
        holder = _holder(holder.getparent(), holder.getparent())
    if holder is None or len(rest) < 2 or lines[0] != first_line:
        return holder
    inner = _holder(rest[0][1], last)
    if inner is None or inner is holder or inner in (first, *first.iterancestors()):
        return holder
    return inner


def _found_first(
    blocks: Sequence[tuple[HtmlElement, str]], lines: Sequence[str], count: int
) -> list[tuple[str, HtmlElement]]:
    """The first `count` of `lines` that a block holds, each with the first block that holds it. Each line
    is looked for from the top, where it stands in page order: searching every line of a long page so
    would take time that grows with the square of its length."""
    found: list[tuple[str, HtmlElement]] = []
    for line in lines:
        if (block := _first_block(blocks, line)) is not None:
            found.append((line, block))
            if len(found) == count:
                break
    return found


def _first_block(blocks: Iterable[tuple[HtmlElement, str]], line: str) -> HtmlElement | None:
    return next((block for block, text in blocks if line in text), None)


def _holder(first: HtmlElement | None, last: HtmlElement | None) -> HtmlElement | None:
    """The closest element around both blocks; None for a missing block or the whole page."""
    if first is None or last is None:
        return None
    around_last = {last, *last.iterancestors()}  # the elements themselves: a freed proxy's id is reused
    holder = next(e for e in (first, *first.iterancestors()) if e in around_last)
    return None if holder.tag in PAGE_WIDE else holder


def holds_every_line(body: Body, blocks: Sequence[Block]) -> bool:
    """`body` (the holder read as a known container is) has every long line of the generic layer's
    `blocks`: reading it loses none of trafilatura's text and keeps what trafilatura may drop from a small
    page (subheadings, lists) and what it cannot see (a signed byline). A line of trafilatura's may be two
    of the body's run together (a caption and its credit on lines of their own: "…Bắc Giang(Ảnh: …)."), or
    part of one (a paragraph of `<br>`-separated text split where its bold opening ends). A related link
    with its label ("Xem thêm: …"), which the body's reading leaves out, is no line it must hold."""
    texts = [block.text for block in body.blocks]
    lines = {*texts, *(f"{a}{gap}{b}" for a, b in zip(texts, texts[1:], strict=False) for gap in ("", " "))}
    joined = "\n".join(texts)
    return body.has_text and all(
        block.text in lines or block.text in joined
        for block in blocks
        if len(block.text) >= HOLDER_LINE_CHARS and not is_labelled_link(block.text)
    )


def _leaf_blocks(root: HtmlElement) -> list[HtmlElement]:
    """The block elements that hold no other block, in page order: each piece of text once."""
    return [
        element
        for element in root.iter(*selectors.BLOCK_TAGS)
        if not any(isinstance(child.tag, str) and child.tag in selectors.BLOCK_TAGS for child in element)
    ]


def settle_tables(root: HtmlElement) -> None:
    """Drop related-article tables, reduce image tables to their captions, unwrap one-cell boxes and the
    tables a page is laid out in."""
    for table in reversed(list(root.iter("table"))):
        if table.getparent() is None:
            continue
        if _is_related(table):
            table.drop_tree()
        elif _lays_out(table):
            for part in list(table.iter(*LAYOUT_TABLE_PARTS)):
                part.tag = "div"  # a page set in a table: its cells' paragraphs are blocks of their own
        elif _is_image_table(table):
            _keep_caption(table)
        elif len(table.findall(".//td")) + len(table.findall(".//th")) == 1:
            _unwrap(table)


def settle_figures(root: HtmlElement) -> None:
    """A figure holding an image becomes one paragraph per line of its caption (none without one); a
    figure that is one link and no image is a card of another page (a bookmark's title, note and site)
    and goes."""
    for figure in reversed(list(root.iter("figure"))):
        if figure.getparent() is None:
            continue
        if next(figure.iter(*selectors.IMAGE_TAGS), None) is not None:
            _keep_caption(figure, ("figcaption",))
        elif is_link_card(figure):
            figure.drop_tree()


def settle_quoted_posts(root: HtmlElement) -> None:
    """An embedded post becomes one paragraph of the words the article quotes (`quoted_post`), as a known
    container reads it: trafilatura keeps the network's links and the poster's name and date."""
    for embed in [e for e in root.iter(etree.Element) if class_names(e) & selectors.QUOTED_POST_CLASSES]:
        if embed.getparent() is None:
            continue
        paragraph = etree.Element("p")
        paragraph.text = quoted_post(embed)
        paragraph.tail = embed.tail
        embed.getparent().replace(embed, paragraph)


def drop_quote_sources(root: HtmlElement) -> None:
    """The name under a quotation goes (`is_quote_source`), as a known container's walk leaves it out:
    trafilatura sets it as a line of its own, which reads as a byline in the middle of the text."""
    _drop([element for element in root.iter(*selectors.QUOTE_SOURCE_TAGS) if is_quote_source(element)])


def drop_form_widgets(root: HtmlElement) -> None:
    """The names of a poll's choices go, as a known container's walk leaves them out (`PollChoices`;
    trafilatura keeps them: "CóKhông")."""
    choices = PollChoices(root)
    if not choices:
        return
    for label in [label for label in root.iter("label") if choices.labels(label)]:
        label.drop_tree()
    for choice in choices.inputs:
        if choices.names_after(choice):
            choice.tail = None


def drop_reader_boxes(root: HtmlElement) -> None:
    """Readers' comments go, known by the class or id of their box ("comments", "user-opinions",
    "binh-luan"): trafilatura takes a list of long comments for text. So do the boxes of forms that ask
    for a text (a comment, an e-mail address to send a newsletter to), with the title and the note around
    the form (`FORM_BOX_CHARS`); a form that says more, or holds a headline, wraps the page, and only its
    tag goes."""
    boxes = [
        element
        for element in root.iter(etree.Element)
        if selectors.COMMENT_BOX.search(element.get("class") or "")
        or selectors.COMMENT_BOX.search(element.get("id") or "")
    ]
    for form in [form for form in root.iter("form") if _TEXT_FIELDS(form)]:
        if (
            len(form.text_content()) > FORM_BOX_CHARS
            or next(form.iter("h1", "h2", "article"), None) is not None
        ):
            form.drop_tag()  # a page wrapped in one form, which trafilatura would drop whole
        else:
            boxes.append(_form_box(form))
    for box in boxes:
        if box.getparent() is not None and not any(a in boxes for a in box.iterancestors()):
            box.drop_tree()


def drop_widget_boxes(root: HtmlElement) -> None:
    """The boxes of ads and reader widgets go, known by a word of their class or id ("box-subscribe",
    "ads-inread", "poll"), as a known container's walk leaves them out: trafilatura keeps what they say
    ("Like us on Facebook or follow us on Twitter …") as a line of text. Only a box that says little
    goes (`WIDGET_BOX_CHARS`): a wrapper whose class names an ad among its words ("has-ads") and holds
    the article stays."""
    _drop(
        [
            box
            for box in root.iter(etree.Element)
            if (class_words(box).no_text or selectors.names_no_text(box.get("id") or ""))
            and len(box.text_content()) <= WIDGET_BOX_CHARS
        ]
    )


def drop_link_widgets(root: HtmlElement) -> None:
    """The boxes of links a page sets around the text, known by a word of their class: sharing buttons
    ("share-bar", "social"), a tag list ("tags", "box-tags"). trafilatura keeps their words run together
    as a line ("Chia sẻTweetZalo"). Only a box that is mostly its links and says little goes."""
    _drop([box for box in root.iter(etree.Element) if is_link_widget(box)])


def drop_titled_link_boxes(root: HtmlElement) -> None:
    """A box of links under a trailer box's title goes (`is_titled_link_box`): set inside the body, its
    title would end the text for the cleaning that follows, and with it the paragraphs after the box."""
    _drop([box for box in root.iter(*TITLED_LINK_BOX_TAGS) if is_titled_link_box(box)])


def drop_labelled_link_boxes(root: HtmlElement) -> None:
    """A box of links after a line that titles it ("Đọc thêm:", `labels_a_link_box`) goes with that line:
    trafilatura drops the links and keeps the title, which would end the text for the cleaning that follows,
    and with it the paragraphs after the box."""
    labels = [label for label in root.iter(*LABEL_TAGS) if labels_a_link_box(label)]
    _drop([box for label in labels for box in (label.getnext(), label)])


def _drop(boxes: Sequence[HtmlElement | None]) -> None:
    """Each box goes with its text; the page's root, which has no parent to leave, stays."""
    for box in boxes:
        if box is not None and box.getparent() is not None:
            box.drop_tree()


def drop_teaser_lists(root: HtmlElement, own_id: int | None) -> None:
    """Lists of other articles' teasers go: at least `TEASER_RUN` teasers side by side (`_is_teaser`).
    trafilatura reads the descriptions of a list of teasers as text, and prefers it to an article of a
    few paragraphs."""
    parents = {
        id(parent): parent
        for element in root.iter(*TEASER_TAGS)
        if (parent := element.getparent()) is not None
    }
    for parent in parents.values():
        teasers = [child for child in parent if child.tag in TEASER_TAGS and _is_teaser(child, own_id)]
        if len(teasers) >= TEASER_RUN:
            for teaser in teasers:
                teaser.drop_tree()


def _is_teaser(element: HtmlElement, own_id: int | None) -> bool:
    """A short `article`, or a short item with its thumbnail, whose heading links another article (not
    the page's own); a list item of linked headings without pictures may be an article's own list."""
    if len(element.text_content()) > TEASER_MAX_CHARS or next(element.iter("h1"), None) is not None:
        return False
    if element.tag != "article" and next(element.iter(*selectors.IMAGE_TAGS), None) is None:
        return False
    ids = {article_id(str(href)) for href in _TEASER_TITLE_LINKS(element)}
    return bool(ids - {None, own_id})


def _form_box(form: HtmlElement) -> HtmlElement:
    """The box of a form: the element around it when what it says beside the form is a title and a note,
    else the form alone."""
    said = len(form.text_content())
    box = form.getparent()
    if box is None or box.tag in PAGE_WIDE:
        return form
    return box if len(box.text_content()) - said <= FORM_BOX_CHARS else form


def _is_image_table(table: HtmlElement) -> bool:
    """A table of photos and their captions: images, and a few lines beside them; a table that holds
    another, or the text of a page, lays the page out (a banner among its cells is no photo of it)."""
    return (
        next(table.iter(*selectors.IMAGE_TAGS), None) is not None
        and next(table.iter("table"), table) is table
        and len(table.text_content()) <= IMAGE_TABLE_MAX_CHARS
    )


def _lays_out(table: HtmlElement) -> bool:
    """A table that holds a headline, or a cell of several paragraphs: it lays a page out, not data."""
    return next(table.iter("h1"), None) is not None or any(
        len(cell.findall(".//p")) > 1 for cell in table.iter("td", "th")
    )


def _is_related(table: HtmlElement) -> bool:
    return is_related_box(frozenset((table.get("class") or "").split())) or links_to_articles(table)


def _keep_caption(table: HtmlElement, text_tags: tuple[str, ...] = ("td", "th", "caption")) -> None:
    """The image box (a table, a figure) becomes one paragraph per line of text its `text_tags` hold beside
    its images."""
    lines = [html_line(cell.text_content()) for cell in table.iter(*text_tags)]
    box = table.makeelement("div", {})
    for line in filter(None, lines):
        paragraph = box.makeelement("p", {})
        paragraph.text = line
        box.append(paragraph)
    box.tail = table.tail
    table.getparent().replace(table, box)


def _unwrap(table: HtmlElement) -> None:
    """A one-cell table (an editorial box) becomes a `div` holding the cell's content."""
    cell = next(table.iter("td", "th"))
    box = table.makeelement("div", {})
    box.text = cell.text
    for child in list(cell):
        box.append(child)
    box.tail = table.tail
    table.getparent().replace(table, box)
