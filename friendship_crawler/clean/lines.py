"""The cleaning rules: small pure functions from body lines to the lines kept and what each removed.

Every rule takes the body lines (the title line is never passed in) and returns `(kept, removals)`;
`article.py` chains them. A marker counts only where it stands alone on its line, so a paragraph
that mentions "Video" or "Tin bài" mid-sentence is never touched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from friendship_crawler import site_rules
from friendship_crawler.clean import rules
from friendship_crawler.clean.folding import has_vietnamese_letters, slug_words
from friendship_crawler.entities.places import is_place_alone, places_named
from friendship_crawler.site_rules import ends_sentence, match_date_line
from friendship_crawler.urls import SITE_HOSTS, host_of


@dataclass(frozen=True)
class Removal:
    """What one rule took out: a whole line, or the part of a line it stripped."""

    rule: str
    text: str
    whole_line: bool = True
    """False when the rule stripped part of a line (edge bars, image syntax) and kept the rest."""


RuleResult = tuple[list[str], list[Removal]]


@dataclass(frozen=True)
class Byline:
    """The byline and "Nguồn:" found at the end of a body, and the lines that remain."""

    lines: list[str]
    removals: list[Removal]
    author: str | None = None
    source: str | None = None


# --- header ----------------------------------------------------------------------------------------
def is_breadcrumb(line: str) -> bool:
    """`Trang chủ Hữu nghị ...`: the root name then a few section names, no sentence."""
    if not line.startswith(rules.BREADCRUMB_ROOT):
        return False
    return len(line.split()) <= rules.BREADCRUMB_MAX_WORDS and not site_rules.SENTENCE_END.search(line)


def is_header_line(line: str) -> bool:
    """Breadcrumb, date line, "Theo dõi thoidai.com.vn trên", or the font-size control ("aa", "Nhỏ Bình
    thường Lớn")."""
    return _is_undated_header_line(line) or match_date_line(line) is not None


def _is_undated_header_line(line: str) -> bool:
    """A header line other than the date line: breadcrumb, follow line or font-size control."""
    return bool(
        is_breadcrumb(line)
        or rules.FOLLOW_LINE.match(line)
        or rules.FONT_SIZE_CONTROL.match(line)
        or rules.FONT_SIZE_CHOICES.match(line)
    )


def drop_header_lines(lines: Sequence[str], from_markup: bool = False) -> RuleResult:
    """Header lines that slipped into the body (a generic extraction of the whole page). In a body read
    from its container (`from_markup`), a date line after the first paragraph is the article's own (a
    live report's time stamps)."""
    if not from_markup:
        return _partition(lines, is_header_line, "header")
    first = next((index for index, line in enumerate(lines) if is_paragraph(line)), len(lines))
    kept, removed = _partition(lines[:first], is_header_line, "header")
    later, removed_later = _partition(
        lines[first:], lambda line: _is_undated_header_line(line) and not match_date_line(line), "header"
    )
    return kept + later, removed + removed_later


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def is_widget_line(line: str) -> bool:
    """A line of widget words only (`rules.WIDGET_LINE`): "Chia sẻ | Tweet", "A- A A+", "Quảng cáo"; one
    word alone only when it is long enough to say so. A line of no letter or digit (a slideshow's arrows
    "‹ ›", a big quote's decorative "“") and a slideshow's counter ("1/4") are widgets too."""
    if not _LETTER_OR_DIGIT.search(line):
        return bool(line.strip()) and not any(mark in line for mark in rules.MARKDOWN_MARKS)
    counter = rules.SLIDE_COUNTER.fullmatch(line.strip())
    if counter is not None:
        return 0 < int(counter["shown"]) <= int(counter["of"])
    if rules.WIDGET_LINE.match(line) is None:
        return False
    return len(line.split()) > 1 or len(line) >= rules.WIDGET_LINE_ALONE_MIN_CHARS


def is_trailing_notice(line: str) -> bool:
    """What a site sets after an article's byline: a widget's words, a follow line, a notice to readers."""
    return is_widget_line(line) or is_reader_notice(line) or rules.FOLLOW_LINE.match(line) is not None


def drop_widget_lines(lines: Sequence[str], from_markup: bool = False) -> RuleResult:
    """The lines the page's widgets left inside the body (share and print buttons, ad labels, font size),
    and the site's notices to its readers. A last line that is an opening quote alone stays in a page text
    (not `from_markup`): a stored copy cut right after a paragraph's opening quote ends so."""
    body = list(lines)
    cut_quote = body.pop() if body and body[-1] in rules.OPENING_QUOTES and not from_markup else None
    kept, removals = _partition(body, lambda line: is_widget_line(line) or is_reader_notice(line), "widget")
    return ([*kept, cut_quote] if cut_quote is not None else kept), removals


def drop_repeated_paragraphs(lines: Sequence[str]) -> RuleResult:
    """A paragraph a page text prints again right under itself (an e-magazine's cover and its body both
    print the sapo): read once. Shorter lines said twice are left to the alt and caption rules."""
    kept: list[str] = []
    removals: list[Removal] = []
    for line in lines:
        if kept and line == kept[-1] and is_paragraph(line):
            removals.append(Removal("repeat", line))
        else:
            kept.append(line)
    return kept, removals


def is_reader_notice(line: str) -> bool:
    """The site's notice to its readers (`rules.READER_NOTICE`): "Mời quý độc giả theo dõi …"."""
    return rules.READER_NOTICE.match(line) is not None


# --- trailer boxes ---------------------------------------------------------------------------------
def trailer_start(lines: Sequence[str], from_markup: bool = False, title: str = "") -> int | None:
    """Index of the first line of the trailer: a box title, a rail title no paragraph follows, or a rail.
    Slug lines that open with the `title` folded are its photos' alts, not a rail's rows.

    `from_markup`: the lines are an article body read from its container, which holds no rails; a rail
    title ("Giá vàng", "Chuyên đề"), a box title an article may head its own text with ("Bình luận",
    `rules.HEADING_WORDS`), a labelled line ("Chủ đề: …") or a run of rows (a table of figures) ends it
    only when no paragraph follows before the next box title (or the end): before one, it is the
    article's own, while the teasers' descriptions under a box that follows ("Tags: …" over "Tin cùng
    chuyên mục") are nobody's paragraphs. A box title ("Bài có liên quan") ends it anyway: the titles a
    box lists may read as sentences. Without `from_markup`, the text is a stored copy that may end inside
    a box title, whose opening then ends it too (`_opens_a_box_title`).
    """
    keys = [site_rules.marker_key(strip_edge_bars(line), rules.MARKER_MAX_CHARS) for line in lines]
    headings = rules.HEADING_WORDS if from_markup else frozenset()
    boxes = [
        index
        for index, (line, key) in enumerate(zip(lines, keys, strict=True))
        if _ends_body(line, key) and key not in headings
    ]
    if not from_markup and lines and _opens_a_box_title(keys[-1]):
        boxes.append(len(lines) - 1)
    for index, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if boxes and index == boxes[0]:
            return index
        ordinary = (
            key in rules.RAIL_TITLES
            or key in headings
            or rules.LABELLED_TRAILER.match(line)
            or _starts_rail(lines, index, title)
        )
        if not ordinary:
            continue
        if from_markup:
            next_box = next((box for box in boxes if box > index), len(lines))
            if not any(map(is_paragraph, lines[index + 1 : next_box])):
                return index
        elif rules.LABELLED_TRAILER.match(line) or not _paragraph_follows(lines, index):
            return index
    return None


def _opens_a_box_title(key: str) -> bool:
    """A stored text's last line that is the opening of a box title, cut where the copy ends ("Tin bài l"):
    two words at least, as an article's own last word cut short ("Xin") is not told apart from a title."""
    return " " in key and any(box.startswith(key) and box != key for box in rules.TRAILER_BOXES)


def _ends_body(line: str, key: str) -> bool:
    """A line that ends the article wherever it stands (its marker `key` given): a box title alone on its
    line, or a trailer line no article's own line opens with (the copyright notice)."""
    return key in rules.TRAILER_BOXES or (
        rules.TRAILER_PREFIX.match(line) is not None and not rules.LABELLED_TRAILER.match(line)
    )


def cut_trailer(lines: Sequence[str], from_markup: bool = False, title: str = "") -> RuleResult:
    """Everything from the first trailer box on (`trailer_start`)."""
    start = trailer_start(lines, from_markup, title)
    if start is None:
        return list(lines), []
    return list(lines[:start]), [Removal("trailer", line) for line in lines[start:]]


def _paragraph_follows(lines: Sequence[str], index: int) -> bool:
    """True when the next line reads as a body paragraph, so the word before it is a subheading."""
    return index + 1 < len(lines) and is_paragraph(lines[index + 1])


def is_paragraph(line: str) -> bool:
    """A sentence of `PARAGRAPH_MIN_WORDS` words or more: article text, not a title, a row or a label."""
    return (
        ends_sentence(line)
        and word_count(line, rules.PARAGRAPH_MIN_WORDS) >= rules.PARAGRAPH_MIN_WORDS
        and not is_media_item(line)
    )


def _rail_row(line: str) -> re.Pattern[str] | None:
    """The kind of rail (`rules.RAIL_ROWS`: media item, slug line, ticker row) the line is a row of."""
    pattern = rules.RAIL_ROWS.get(line[:1])
    return pattern if pattern is not None and pattern.match(line) else None


def _starts_rail(lines: Sequence[str], index: int, title: str) -> bool:
    """`RAIL_RUN` rows of one rail kind in a row: media items, slug lines or ticker rows. A slug line that
    opens with the `title` folded is an alt of the article's own photo, none of a rail's.

    The rows are matched first: nearly every line is none, and the title is folded only for a run of them.
    """
    run = lines[index : index + rules.RAIL_RUN]
    kind = _rail_row(run[0]) if len(run) == rules.RAIL_RUN else None
    if kind is None or any(_rail_row(line) is not kind for line in run[1:]):
        return False
    title_slug = title_slug_of(title)
    return not any(_folded_title_first(line, title_slug) for line in run)


# --- markdown-like remnants ------------------------------------------------------------------------
def own_hosts(page_url: str | None = None) -> frozenset[str]:
    """The site's hosts and the page's own, without "www.", as `is_own_address` compares them."""
    hosts = {*SITE_HOSTS, host_of(page_url)} if page_url else SITE_HOSTS
    return frozenset(host.removeprefix("www.") for host in hosts if host)


SITE_OWN_HOSTS = own_hosts()
"""`own_hosts` of a page text, which is always the site's."""


def is_own_address(line: str, hosts: Collection[str] = SITE_OWN_HOSTS) -> bool:
    """The line is only the address of the site itself (`own_hosts`): a caption or source box that some
    sister sites fill with their own address ("https://suckhoeviet.org.vn/"), saying nothing of the
    article. Another site's address may be a link the article gives its reader, and stays."""
    if " " in line:
        return False
    match = rules.WEB_ADDRESS.match(line)
    return match is not None and match["host"].lower() in hosts


def clean_markdown(lines: Sequence[str]) -> RuleResult:
    """Drop `![]() |`, `| |`, image lines and the site's own address; unwrap caption rows; drop `| title |`
    related rows.

    A row wrapped in bars is a caption when it follows an image row (or is a photo credit), and a
    related-article row otherwise, when it holds a headline or comes before any text (a longer row
    among the paragraphs is an editorial box); a bar at one end only is a remnant around a caption or
    paragraph, unless the cell holds a thumbnail and its text (`![]() teaser |`, its bar at the end of
    the line, alone on the next, or cut off with the text's end) or was cut with an ellipsis (`... |`):
    both are teasers of other articles, and so is a last line of a word or two right under such a row
    (the next teaser, where the stored copy ends).
    """
    kept: list[str] = []
    removals: list[Removal] = []
    after_image = after_box = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if not after_box and _is_plain_text(line):  # most lines: nothing to strip, nothing to read
            kept.append(line)
            after_image = False
            continue
        text, stripped_images = strip_markdown_images(line)
        if is_own_address(strip_edge_bars(text).strip()):
            removals.append(Removal("markdown", line))
            continue
        if rules.EMPTY_CELL.match(text):
            removals.append(Removal("markdown", line))
            after_image = after_image or stripped_images or "|" in line
            continue
        wrapped = text.startswith("|") and text.endswith("|") and len(text) > 1
        inner = strip_edge_bars(text).strip()
        thumbnail = stripped_images and line.startswith("![")  # a cell that opens with its image
        closed_below = thumbnail and index < len(lines) and lines[index].strip() == "|"
        cut_last = thumbnail and index == len(lines)  # the copy ends inside the cell
        teaser = (
            closed_below
            or cut_last
            or (text.endswith("|") and (stripped_images or bool(rules.TRUNCATED_CELL.search(text))))
            or (
                after_box
                and index == len(lines)
                and word_count(text, rules.ALT_MIN_WORDS) < rules.ALT_MIN_WORDS
            )
        )
        boxed = wrapped and not (after_image or rules.PHOTO_CREDIT.match(inner))
        if teaser or (boxed and (not kept or _is_headline(inner))):
            removals.append(Removal("related", line))
            if closed_below:
                removals.append(Removal("related", lines[index]))
                index += 1
            after_image, after_box = False, True
            continue
        if inner != line:
            removals.append(Removal("markdown", removed_part(line, inner), whole_line=False))
        kept.append(inner)
        after_image, after_box = wrapped, False
    return kept, removals


def _is_plain_text(line: str) -> bool:
    """A line of text and nothing else: no bar, no image or link, no doubled or edge space, not the site's
    address. `clean_markdown` keeps it as it is, unless it may be the next teaser under a box."""
    return (
        bool(line)
        and "|" not in line
        and "[" not in line
        and _single_spaced(line) == line
        and not is_own_address(line)
    )


def drop_cell_box(lines: Sequence[str]) -> RuleResult:
    """The related box a markdown-like copy prints right under the title: cells (text and a closing bar)
    longer than a headline, the titles of other articles run together or a title and its teaser (on one
    line, or on two above a bar alone), before the first image.

    They are the box when two or more stand in a row, or when an image follows them (an image row or a
    credited caption), or a caption's cell follows titles run together; one cell alone with text after
    it is the caption of the page's first image, unless it is one line that does not read as a caption
    (a full stop or a credit at its end), and a credited cell is a caption whatever follows. Cells of
    headline length are titles of other articles two or more in a row, or one over an image row whose
    own caption's cell follows it: otherwise one alone is a caption.
    """
    run = cells = 0
    while run < len(lines) and (size := _cell_size(lines, run)):
        run += size
        cells += 1
    if run == 0 and _titles_an_image_of_its_own_caption(lines):
        run = cells = 1
    titles_on_one_line = run == 1 and not _reads_as_caption(lines[0])
    if (
        cells == 1
        and not titles_on_one_line
        and not (run < len(lines) and _box_ends_at(lines[0], lines[run]))
    ):
        run = 0
    return list(lines[run:]), [Removal("related", line) for line in lines[:run]]


def _titles_an_image_of_its_own_caption(lines: Sequence[str]) -> bool:
    """A cell of headline length over an image row whose caption's cell follows it: the image has its
    caption, so the cell above is the box's (its titles run together), not a caption."""
    return (
        len(lines) > 2
        and _is_title_cell(lines[0])
        and _starts_image_row(lines[1])
        and lines[2].endswith("|")
        and not _starts_image_row(lines[2])
    )


def _reads_as_caption(cell: str) -> bool:
    """A caption ends in a full stop or a credit; titles run together end as their last title does (a
    question mark, a quote, no mark at all)."""
    inner = strip_edge_bars(cell).strip()
    return is_credited(inner) or inner.rstrip(site_rules.CLOSING_QUOTES).rstrip().endswith(".")


def _cell_size(lines: Sequence[str], index: int) -> int:
    """Lines of the box's cell at `index`: a bare cell on one line, a title cell with another after it, or a
    title and its teaser on two lines above a bar alone; 0 for anything else."""
    if _is_bare_cell(lines[index]):
        return 1
    if _is_title_cell(lines[index]) and (
        (index + 1 < len(lines) and _is_title_cell(lines[index + 1]))
        or (index > 0 and _is_title_cell(lines[index - 1]))
    ):
        return 1
    if index + 2 >= len(lines) or not rules.EMPTY_CELL.match(lines[index + 2]):
        return 0
    title, teaser = lines[index], lines[index + 1]
    if "|" in title or "|" in teaser or "![" in title or not _is_headline(title) or _starts_image_row(teaser):
        return 0
    return 3


def _box_ends_at(cell: str, following: str) -> bool:
    """One cell is the box when an image follows it, or a caption's cell follows titles run together (no
    sentence end)."""
    caption_cell = following.endswith("|") and not ends_sentence(strip_edge_bars(cell).strip())
    return _starts_image_row(following) or caption_cell


def _is_title_cell(line: str) -> bool:
    """A headline and a closing bar: another article's title (two in a row), or a short caption (alone)."""
    if not line.endswith("|") or line.startswith("|") or "![" in line:
        return False
    inner = strip_edge_bars(line).strip()
    return _is_headline(inner) and not is_credited(inner)


def _is_bare_cell(line: str) -> bool:
    """Text longer than a headline and a closing bar, no image and no photo credit."""
    if not line.endswith("|") or line.startswith("|") or "![" in line:
        return False
    inner = strip_edge_bars(line).strip()
    if word_count(inner, rules.HEADLINE_MAX_WORDS) <= rules.HEADLINE_MAX_WORDS:
        return False
    return not (rules.PHOTO_CREDIT.match(inner) or is_credited(inner))


def _starts_image_row(line: str) -> bool:
    """An image row (`![]() |`, a bar alone) or a credited caption."""
    text, images = strip_markdown_images(line)
    inner = strip_edge_bars(text).strip()
    return (
        images
        or bool(rules.EMPTY_CELL.match(text))
        or bool(rules.PHOTO_CREDIT.match(inner) or is_credited(inner))
    )


def strip_markdown_images(line: str) -> tuple[str, bool]:
    """The line without `![alt](url)` images and with `[text](url)` links as their text; had it images?"""
    if "[" not in line:  # most lines: neither pattern can match, so skip both scans
        return _single_spaced(line), False
    text = rules.MARKDOWN_IMAGE.sub("", line)
    had_images = text != line
    text = rules.MARKDOWN_LINK.sub(lambda match: match["text"], text)
    return _single_spaced(text), had_images


def _single_spaced(text: str) -> str:
    """The text with each run of whitespace made one space and none at either end.

    The space is the only printable whitespace, so a printable text without a doubled or edge space is
    already so (nearly every line, as `normalize_line` left it) and is returned without a split and join.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def strip_edge_bars(text: str) -> str:
    """The text without a table bar (and the spaces next to it) at either end."""
    return rules.EDGE_BARS.sub("", text) if "|" in text else text


def removed_part(before: str, after: str) -> str:
    """The visible characters cleaning took off a line (bars, image syntax), for the character counts."""
    remaining = Counter(after)
    removed = []
    for char in before:
        if remaining[char]:
            remaining[char] -= 1
        else:
            removed.append(char)
    return "".join(char for char in removed if not char.isspace())


# --- inline related articles -----------------------------------------------------------------------
def is_related_line(line: str) -> bool:
    """The related box rendered in one line: the title twice, its ASCII alt then the title, or a short alt
    that is the title's opening then the title ("Ca khúc Ca khúc "Ngày Tết quê em" thu hút ...").

    Each test first rules out what it cannot take by the line's opening or end, so a body paragraph is
    not split into all its words (the costly part on a long one).
    """
    return _title_twice(line) or _alt_then_title(line) or _opening_twice(line) or _slug_then_headline(line)


def _title_twice(line: str) -> bool:
    """The same title (at least `RELATED_MIN_WORDS` words) twice in a row; the second starts with the
    first word and the first ends with the last, so a line that holds either once is not one."""
    first = line.split(maxsplit=1)[:1]
    if not first or line.count(first[0]) < 2 or line.count(line.rsplit(maxsplit=1)[-1]) < 2:
        return False
    words = line.split()
    half, odd = divmod(len(words), 2)
    return half >= rules.RELATED_MIN_WORDS and not odd and words[:half] == words[half:]


def _opening_twice(line: str) -> bool:
    """A headline whose first words are said twice in a row, with a title after them (the thumbnail's
    short alt, the opening of the title, printed before the title)."""
    if not _is_headline(line):
        return False
    words = line.split()
    longest = (len(words) - 1) // 2
    return any(
        words[size] == words[0] and words[:size] == words[size : 2 * size] for size in range(2, longest + 1)
    )


def _slug_then_headline(line: str) -> bool:
    """A slug alt (lower-case ASCII words, as many as `is_slug_alt` asks) and a Vietnamese headline after
    it: a thumbnail's alt, whatever article it folds, before another article's title. A credit after the
    slug marks the image's own caption instead."""
    if not line[:1].islower():
        return False
    rest = _without_slug_lead(line)
    return (
        rest != line
        and (_is_headline(rest) or _is_question_headline(rest))
        and word_count(rest, rules.RELATED_MIN_WORDS) >= rules.RELATED_MIN_WORDS
        and has_vietnamese_letters(rest)
        and not is_credited(rest)
    )


def _alt_then_title(line: str) -> bool:
    """Leading ASCII words (at least `RELATED_MIN_WORDS`) whose slug is that of the Vietnamese rest.

    The opening words are looked at before the whole line is split. Each split moves one word's slug words
    from the title to the alt (`slug_words` of joined text is the words' slug words in turn), so a long
    line is folded once, not once per split.
    """
    shortest = rules.RELATED_MIN_WORDS
    if _leading(line.split(maxsplit=shortest), str.isascii) < shortest:
        return False
    words = line.split()
    last = min(_leading(words, str.isascii), len(words) - shortest)
    if last < shortest:
        return False
    alt, title = slug_words(" ".join(words[:shortest])), slug_words(" ".join(words[shortest:]))
    for split in range(shortest, last + 1):
        if title and _same_title(alt, title) and has_vietnamese_letters(" ".join(words[split:])):
            return True
        moved = slug_words(words[split])
        alt += moved
        del title[: len(moved)]
    return False


def _leading(words: Sequence[str], test: Callable[[str], object]) -> int:
    """How many words open the line before the first one `test` fails (the length of an alt before a
    title: ASCII words, or slug words)."""
    for index, word in enumerate(words):
        if not test(word):
            return index
    return len(words)


def _same_title(alt: list[str], title: list[str]) -> bool:
    """The alt's slug words are the title's, or nearly ("14 cong hien" for "14 năm cống hiến")."""
    if alt == title:
        return True
    if abs(len(alt) - len(title)) > max(1, len(title) // 4):
        return False
    return SequenceMatcher(None, alt, title, autojunk=False).ratio() >= rules.ALT_TITLE_SIMILARITY


def drop_related_lines(lines: Sequence[str]) -> RuleResult:
    """Inline related-article boxes, "Xem thêm: <title>" links and single "[Video] ..." items in the body."""
    return _partition(
        lines, lambda line: is_related_line(line) or is_media_title(line) or is_labelled_link(line), "related"
    )


def is_labelled_link(line: str) -> bool:
    """ "Xem thêm: <title>": a related link with its label, headline length."""
    return bool(rules.RELATED_PREFIX.match(line)) and len(line.split()) <= rules.HEADLINE_MAX_WORDS + 3


def is_media_item(line: str) -> bool:
    return bool(rules.MEDIA_ITEM.match(line))


def is_media_title(line: str) -> bool:
    """A "[Video] ..." link standing alone: a headline, not a paragraph that happens to start so."""
    return is_media_item(line) and _is_headline(line)


def drop_lead_box(block: Sequence[str], title: str, printed_again: Collection[str] = ()) -> RuleResult:
    """The related box that full page text prints right under the sapo, in the sapo's block.

    `block` is the lines that follow the sapo with no blank line between them (the page's text layout
    puts the box there and starts every body paragraph after a blank line). Its lines are other
    articles' titles (a question's or an exclamation's among them), shown once, twice, after their alt
    text or run together, each possibly followed by its teaser, until the first image (an alt line or a
    caption) or a byline. What the box holds is decided from its place and shape, not from how often a
    title repeats; a line `printed_again` further down is the SEO alt the page repeats before its images,
    left to `drop_image_alts`.
    """
    title_key = title.casefold()
    removals: list[Removal] = []
    after_title = False
    for index, line in enumerate(block):
        if (
            line in printed_again
            or _starts_image(block, index, title_key)
            or (is_byline(line, with_role=True) and _names_a_role(line))
        ):
            break
        if is_related_line(line) or (
            (not ends_sentence(line) or line.endswith(("?", "!")))
            and word_count(line, rules.LEAD_BOX_MAX_WORDS) <= rules.LEAD_BOX_MAX_WORDS
        ):
            after_title = True
        elif after_title:  # the teaser of the title above it
            after_title = False
        else:
            break
        removals.append(Removal("related", line))
    return list(block[len(removals) :]), removals


def drop_titles_under_header(lines: Sequence[str]) -> RuleResult:
    """The related box a copy prints right under its own header when the sapo it stands under on the site
    is gone: two or more lines of headline length in a row, none a sentence, a caption, an image or a
    slug, then a paragraph. One such line alone is a subheading; lines that no paragraph follows are left
    to the line rules."""
    run = 0
    while run < len(lines) and _reads_as_title(lines[run]):
        run += 1
    if run < rules.RAIL_RUN or run == len(lines) or not is_paragraph(lines[run]):
        return list(lines), []
    return list(lines[run:]), [Removal("related", line) for line in lines[:run]]


def _reads_as_title(line: str) -> bool:
    """An article's title as a box lists it: a few words to a headline's length, no sentence end, no
    credit, no image syntax or cell bar, no slug."""
    return (
        _is_headline(line)
        and word_count(line, rules.RELATED_MIN_WORDS) >= rules.RELATED_MIN_WORDS
        and not is_credited(line)
        and "|" not in line
        and not line.startswith("!")
        and rules.SLUG_LINE.match(line) is None
    )


def drop_box_blocks(
    lines: Sequence[str], after_box: bool, ends_text: bool = False, title: str = ""
) -> RuleResult:
    """The related box going on after the sapo's block, one item a block (`lines`: the blocks of one line
    that follow it), as 2019-2022 pages print it: a title twice on one line or on two, or after an alt,
    each followed by its teaser; a teaser the site cut ends in an ellipsis, and once one item has shown
    its teaser, the line after the next title printed twice is that title's teaser, cut or not.

    `after_box` says the sapo's block ended in the box, so a cut teaser may open `lines`; `ends_text`
    that the last of `lines` is the text's, where a stored copy may cut the second print of a title.
    Only items of that shape are taken, from the first line on: the first line of another shape is the
    body's, and so are the article's own `title` (a cover image's alt and caption, left to
    `drop_image_alts`) and a credited caption (no article's title ends in a photo credit), with what
    follows them.
    """
    title_key = title.casefold()
    removals: list[Removal] = []
    # the teaser that may come next: "any" line after a title printed twice on two lines, or on one line
    # once the box has shown that its items carry teasers; a "cut" one after a title otherwise
    teaser = "cut" if after_box else ""
    with_teasers = False
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (title_key and line.casefold() == title_key) or is_credited(line) or ends_in_cut_credit(line):
            break  # the article's own title (a cover image's alt) or a photo's caption: the body goes on
        if is_related_line(line):
            taken, teaser = 1, "any" if with_teasers else "cut"
        elif _is_headline(line) and (
            following == line
            or (following and ends_text and index + 2 == len(lines) and line.startswith(following))
        ):
            taken, teaser = 2, "any"
        elif teaser == "any" or (teaser == "cut" and _is_cut_teaser(line)):
            taken, teaser, with_teasers = 1, "", True
        elif following is not None and _is_headline(_without_slug_lead(line)) and _is_cut_teaser(following):
            taken, teaser = 1, "cut"
        else:
            break
        removals += [Removal("related", taken_line) for taken_line in lines[index : index + taken]]
        index += taken
    return list(lines[index:]), removals


def _is_headline(line: str) -> bool:
    """Headline length and no sentence end; the end is looked at first, as it rules out most body lines
    without counting their words."""
    return not ends_sentence(line) and word_count(line, rules.HEADLINE_MAX_WORDS) <= rules.HEADLINE_MAX_WORDS


def _is_question_headline(line: str) -> bool:
    """Headline length and a question or an exclamation at the end ("Việt Nam ưu tiên gì khi làm Chủ tịch
    HĐBA?"): behind a slug alt, another article's title, as a sentence of the body never stands."""
    return (
        line.endswith(("?", "!")) and word_count(line, rules.HEADLINE_MAX_WORDS) <= rules.HEADLINE_MAX_WORDS
    )


def _without_slug_lead(line: str) -> str:
    """The line without the slug alt its thumbnail printed before it (lower-case ASCII words, as many as
    `is_slug_alt` asks), or the line as it is."""
    words = line.split()
    lead = _leading(words, rules.SLUG_WORD.match)
    return " ".join(words[lead:]) if lead >= rules.SLUG_ALT_MIN_WORDS else line


def _is_cut_teaser(line: str) -> bool:
    """A teaser the site cut short: it ends in an ellipsis after a word."""
    return line.endswith((" ...", " …")) and word_count(line, rules.ALT_MIN_WORDS) >= rules.ALT_MIN_WORDS


def _starts_image(lines: Sequence[str], index: int, title_key: str) -> bool:
    """An image starts here: its ASCII alt, the title as alt, a credited caption (or one cut as its credit
    opens) or an alt above one."""
    line = lines[index]
    return (
        line.isascii()
        or _is_hand_written_alt(line)
        or _is_placeholder(line)
        or _is_title_alt(line, title_key)
        or _names_the_title(line, title_key)
        or rules.PHOTO_CREDIT.match(line) is not None
        or is_credited(line)
        or ends_in_cut_credit(line)
        or _credited_caption_follows(lines, index)
        or _told_in_next(lines, index)
    )


def _is_hand_written_alt(line: str) -> bool:
    """A line whose first word is all lower case and that is no related item (a slug alt before a title):
    an alt someone typed for the image ("cộng đồng người Việt tại Ba Lan …"), where every headline opens
    with a capital or a brand's own casing ("eMagazine", "iPhone")."""
    first = line.split(maxsplit=1)[:1]
    return bool(first) and first[0].islower() and not is_related_line(line)


def _told_in_next(lines: Sequence[str], index: int) -> bool:
    """The next line says this headline-like line word for word and a few words more: its caption under it
    ("Hội thảo … lần thứ 16" then "Quang cảnh Hội thảo … lần thứ 16."), not a teaser that repeats a title."""
    if index + 1 >= len(lines) or not _is_headline(lines[index]):
        return False
    line, following = lines[index], lines[index + 1]
    size = word_count(line, rules.HEADLINE_MAX_WORDS)
    return (
        size >= rules.ALT_MIN_WORDS
        and len(following) > len(line)
        and word_count(following, size + rules.CAPTION_OVER_ALT_WORDS) <= size + rules.CAPTION_OVER_ALT_WORDS
        and not _is_cut_teaser(following)
        and line.casefold() in following.casefold()
    )


def _is_placeholder(line: str) -> bool:
    """The alt the CMS writes when nobody wrote one ("Chú thích ảnh")."""
    return site_rules.marker_key(line, len(rules.CAPTION_PLACEHOLDER)) == rules.CAPTION_PLACEHOLDER


def _names_the_title(line: str, title_key: str) -> bool:
    """An SEO alt that holds this article's title after other words ("Phú Yên Online - Đại hội …: <the
    title after its colon>"), or the part of the title after an ellipsis ("Tăng cường giao lưu..., đầu
    tư... Việt Nam-Singapore tỉnh Bình Dương" named in "Hội hữu nghị Việt Nam-Singapore tỉnh Bình Dương
    Đại hội lần thứ nhất"): headline-like, longer than the title's part it names."""
    named = rules.TITLE_PART_BREAK.split(title_key)[-1]
    if len(named.split()) < rules.TITLE_PART_MIN_WORDS or len(line) <= len(named) or ends_sentence(line):
        return False
    return named in line.casefold()


def _is_title_alt(line: str, title_key: str, cut: bool = True) -> bool:
    """The title, the title numbered as an image ("<title>- Ảnh 1."), or (`cut`: a stored copy of the page,
    which may end inside an alt line) its opening cut short. A body read from its markup is cut nowhere:
    there a line that opens the title is a caption naming the person the title quotes ("TS. Lê Hồng
    Hiệp" under "TS. Lê Hồng Hiệp: Đến lúc …").

    Case folding never shortens a text, so a line longer than the title and its number is none of them,
    and most body lines are ruled out before they are folded.
    """
    if len(line) > len(title_key) + rules.NUMBERED_IMAGE_MAX_CHARS:
        return False
    if len(line) > len(title_key):
        return (
            rules.NUMBERED_IMAGE.fullmatch(line[len(title_key) :]) is not None
            and line[: len(title_key)].casefold() == title_key
        )
    key = line.casefold()
    return key == title_key or (
        cut
        and len(key) < len(title_key)
        and title_key.startswith(key)
        and len(line.split()) >= rules.ALT_MIN_WORDS
    )


# --- image alt text --------------------------------------------------------------------------------
def drop_image_alts(
    lines: Sequence[str], title: str, shows_alt_text: bool = False, from_markup: bool = False
) -> RuleResult:
    """Alt text of body images: the title (or its opening where a stored copy ends), the title folded to
    ASCII (alone or before another article's title), an SEO sentence repeated before images. Of the same
    line printed twice in a row, the last is the caption and stays, and a credited one ("… (Ảnh: …)")
    stays even when it tells the headline.

    With `shows_alt_text` (a text-browser dump, where every image leaves its alt line) a headline-like
    line right before a caption with a photo credit is an alt too, and so is a line the next one tells
    again in other words (the caption), a slug line (lower-case ASCII words: the folded title of this
    article or another, whatever it was renamed to), a credited caption whose opening is all the
    stored copy kept of the next, last line (the caption under its alt, cut where the copy ends), a
    line the credited caption under it retells, the first of credited captions paired off in a run
    (alt, caption, alt, caption), a retelling of the headline, a stray one-word alt ("avc"), a file name
    ("2.jpg") and a bare number over a credited caption ("8").
    Extracted text has no alt lines, and there a subheading may well stand before a caption, so those
    tests are off by default. Every test looks at the lines as given, so removing one alt never makes a
    subheading look like another. `from_markup` (a body read from its container, where no alt is a line):
    a line said twice is the article's (two cells of a table that read alike), not an SEO alt.
    """
    title_key = title.casefold()
    title_slug = title_slug_of(title)
    counts = Counter(lines)

    def is_alt(index: int, line: str) -> bool:
        if _last_of_a_run(lines, index) and is_credited(line):
            return False  # a credited caption under its own copy as the alt, whatever words it shares
        if (
            _is_title_alt(line, title_key, cut=not from_markup)
            or _folded_title_first(line, title_slug)
            or _is_placeholder(line)
        ):
            return True
        if shows_alt_text and (
            _caption_told_again(lines, index)
            or is_slug_alt(line)
            or rules.STRAY_ALT.match(line) is not None
            or rules.FILE_NAME_ALT.match(line) is not None
            or (
                rules.NUMBER_ALT.match(line) is not None
                and index + 1 < len(lines)
                and is_credited(lines[index + 1])
            )
            or _cut_caption_follows(lines, index)
            or _credited_copy_follows(lines, index)
            or _split_copy_follows(lines, index)
            or _credited_caption_retold(lines, index)
            or _credited_alt_pairs_with_next(lines, index)
            or _retold_title(lines, index, title_key, title_slug)
            or (_is_headline(line) and _names_the_title(line, title_key))
        ):
            return True
        if (from_markup and not shows_alt_text) or not is_alt_like(line):
            return False  # only a page text repeats an alt, and only a dump shows it over its caption
        if counts[line] > 1 and not from_markup and not _last_of_a_run(lines, index):
            # a credited caption said again under another photo is that photo's caption too
            return not is_credited(line) or lines[index + 1 : index + 2] == [line]
        # a line ending in a comma, or one the next goes on from in lower case, runs on into the next:
        # the first half of a caption, not its alt
        following = lines[index + 1] if index + 1 < len(lines) else ""
        runs_on = line.endswith(",") or following[:1].islower()
        return shows_alt_text and not runs_on and _credited_caption_follows(lines, index)

    kept: list[str] = []
    removals: list[Removal] = []
    for index, line in enumerate(lines):
        if is_alt(index, line):
            removals.append(Removal("image_alt", line))
        else:
            kept.append(line)
    return kept, removals


def is_slug_alt(line: str) -> bool:
    """Lower-case ASCII words only, as many as an alt has, or with a photo's file number among them:
    Vietnamese prose never runs that long without a diacritic or a capital, an alt folded to a slug
    always does."""
    if rules.SLUG_LINE.match(line) is None:
        return False
    return (
        word_count(line, rules.SLUG_ALT_MIN_WORDS) >= rules.SLUG_ALT_MIN_WORDS
        or rules.PHOTO_FILE_NUMBER.search(line) is not None
    )


def _credited_copy_follows(lines: Sequence[str], index: int) -> bool:
    """The next line is this one and a photo credit after it: the caption under its alt, which the alt
    repeats without the credit ("Quang cảnh buổi tiếp." then "Quang cảnh buổi tiếp. Ảnh: Minh Thái.")."""
    if index + 1 >= len(lines):
        return False
    line, following = lines[index], lines[index + 1]
    stem = line.rstrip(" .")
    if len(stem.split()) < rules.ALT_MIN_WORDS or not following.startswith(stem):
        return False
    credit = rules.TRAILING_CREDIT.search(following, len(stem))
    return credit is not None and not following[len(stem) : credit.start() + 1].strip(" .(")


def _split_copy_follows(lines: Sequence[str], index: int) -> bool:
    """The next two lines are this one split before its photo credit: the caption, on two lines, under
    its alt ("Hệ thống … (Ảnh: X)." then "Hệ thống …" and "(Ảnh: X).")."""
    if index + 2 >= len(lines) or not is_credit_line(lines[index + 2]):
        return False
    return lines[index] == f"{lines[index + 1]} {lines[index + 2]}"


def _credited_caption_retold(lines: Sequence[str], index: int) -> bool:
    """The next line is a credited caption this line retells (`retells_credited_caption`). A sentence is
    never taken for an alt here: a paragraph before a photo may tell it just as well, and only the
    blank-line layout of a full page text tells them apart (`clean.page`)."""
    if index + 1 >= len(lines) or ends_sentence(lines[index]):
        return False
    return retells_credited_caption(lines[index], lines[index + 1])


def retells_credited_caption(line: str, caption: str) -> bool:
    """The caption ends in a photo credit, and the line, however long up to a caption's length, holds
    nearly all its other words: the alt an editor wrote at length above the caption."""
    credit = rules.TRAILING_CREDIT.search(caption)
    if credit is None or word_count(line, rules.CAPTION_MAX_WORDS) > rules.CAPTION_MAX_WORDS:
        return False
    told = set(slug_words(caption[: credit.start()]))
    if len(told) < rules.ALT_MIN_WORDS or len(slug_words(line)) < rules.ALT_MIN_WORDS:
        return False
    return len(told & set(slug_words(line))) / len(told) >= rules.CAPTION_RETOLD


def _credited_alt_pairs_with_next(lines: Sequence[str], index: int) -> bool:
    """This line and the next are both credited captions, and this one opens a pair in a run of them: the
    alt an editor wrote as a caption, credit and all, above the caption itself. A dump that shows alt
    text prints each image as its alt then its caption, so a run of credited captions pairs off from its
    first (alt, caption, alt, caption). A run of odd length has an image without an alt somewhere in it,
    and nothing says where: it stays whole."""
    if not (_in_credited_run(lines, index) and _in_credited_run(lines, index + 1)):
        return False
    start, end = index, index + 1
    while start > 0 and _in_credited_run(lines, start - 1):
        start -= 1
    while end + 1 < len(lines) and _in_credited_run(lines, end + 1):
        end += 1
    return (end - start) % 2 == 1 and (index - start) % 2 == 0


def _in_credited_run(lines: Sequence[str], index: int) -> bool:
    """A credited caption that is not printed twice in a row: such a pair is an alt and its caption of
    their own, which the rule of repeated lines reads."""
    if index >= len(lines) or not _is_credited_caption(lines[index]):
        return False
    line = lines[index]
    return lines[index - 1 : index] != [line] and lines[index + 1 : index + 2] != [line]


def _is_credited_caption(line: str) -> bool:
    """Caption length, ending in a photo credit after words of its own (a credit alone ends a caption
    split over two lines)."""
    return (
        rules.TRAILING_CREDIT.search(line) is not None
        and not is_credit_line(line)
        and word_count(line, rules.CAPTION_MAX_WORDS) <= rules.CAPTION_MAX_WORDS
    )


def _cut_caption_follows(lines: Sequence[str], index: int) -> bool:
    """This line is a caption with its credit, and the next, the text's last, a shorter opening of it: the
    caption under its alt, cut where the stored copy of the page ends."""
    if index + 2 != len(lines):
        return False
    line, cut = lines[index], lines[index + 1]
    return (
        len(cut) < len(line)
        and line.startswith(cut)
        and len(cut.split()) >= rules.ALT_MIN_WORDS
        and is_credited(line)
    )


def _retold_title(lines: Sequence[str], index: int, title_key: str, title_slug: list[str]) -> bool:
    """The headline with a few words changed or left out ("Quan hệ … Philippines có những dấu ấn …" for
    "Quan hệ … Philippines sắp tới sẽ có những dấu ấn …"): the alt an editor wrote from the title, unless
    it stands under the title printed as an alt (as is, or folded), as that image's caption. The first
    line is the sapo, never an alt. Only a line of headline length is folded."""
    line = lines[index]
    if not title_slug or not index or not _is_headline(line):
        return False
    above = lines[index - 1]
    if _is_title_alt(above, title_key) or _folded_title_first(above, title_slug):
        return False
    words = slug_words(line)
    return len(words) >= rules.ALT_MIN_WORDS and _same_title(words, title_slug)


def title_slug_of(title: str) -> list[str]:
    """The title folded as its alt text is (`slug_words`), or none for a title without diacritics: its
    folding is the title itself, which other rules read."""
    return slug_words(title) if has_vietnamese_letters(title) else []


def _folded_title_first(line: str, title_slug: list[str]) -> bool:
    """The title folded to ASCII, alone, followed by another article's title (a related box's alt) or, in
    a line all ASCII, by more words of its alt ("… hinh anh 1").

    `title_slug` is empty for a title without diacritics, whose folding is the title itself. A line that
    opens with an ASCII letter or digit opens its slug with its first word: another opening than the title
    slug's first word rules the line out before it is split.
    """
    if not title_slug or not line[:1].isascii():
        return False
    if line[:1].isalnum() and line[: len(title_slug[0])].lower() != title_slug[0]:
        return False
    words = line.split()
    leading = _leading(words, str.isascii)
    folded = slug_words(" ".join(words[:leading]))
    # all ASCII, the folded title may go on with the alt's own words ("... hinh anh 1")
    return folded == title_slug or (leading == len(words) and folded[: len(title_slug)] == title_slug)


def ends_in_cut_credit(line: str) -> bool:
    """The line is a caption cut where its credit opens (`rules.CUT_CREDIT`): no complete line ends so."""
    match = rules.CUT_CREDIT.search(line)
    start = match["start"].casefold() if match else None
    return start is not None and any(word.startswith(start) for word in rules.CREDIT_WORDS)


def is_credited(line: str) -> bool:
    """Ends in a photo credit (naming someone or not) or a source, as a caption does and an alt does not."""
    return bool(
        rules.TRAILING_CREDIT.search(line)
        or rules.SOURCE_AFTER_CAPTION.search(line)
        or rules.UNNAMED_CREDIT.search(line)
    )


def _last_of_a_run(lines: Sequence[str], index: int) -> bool:
    """The last of the same line printed twice or more in a row: the caption under its own alt."""
    line = lines[index]
    return index > 0 and lines[index - 1] == line and (index + 1 == len(lines) or lines[index + 1] != line)


def _caption_told_again(lines: Sequence[str], index: int) -> bool:
    """An alt line: the next line says nearly the same in caption length (the caption under the image).

    A shorter last line that is not this line's own opening may be a caption the stored copy cut: the
    alt's opening of its length is what it is told again by, unless the image's alt (a slug line) stands
    right above, which makes this line the caption. A line that goes on from the next one is a longer
    text, never its alt."""
    if index + 1 >= len(lines) or is_slug_alt(lines[index + 1]):
        return False  # a slug line is the image's own alt, not a caption telling this one again
    line, following = lines[index], lines[index + 1]
    size, following_size = [word_count(text, rules.CAPTION_MAX_WORDS) for text in (line, following)]
    if max(size, following_size) > rules.CAPTION_MAX_WORDS:  # under the cap, a count is the whole line's
        return False
    if index + 2 == len(lines) and following_size < size and not line.startswith(following):
        if index and is_slug_alt(lines[index - 1]):
            return False  # under its image's own alt, the line is the caption and the cut one the body's
        line = " ".join(line.split()[:following_size])
    elif size > following_size + rules.ALT_MIN_WORDS:  # an alt never outgrows its caption
        return False
    ours = set(slug_words(line))
    if len(ours) < rules.ALT_MIN_WORDS:
        return False
    theirs = set(slug_words(following))
    return len(ours & theirs) / len(ours | theirs) >= rules.NEAR_DUPLICATE


def _credited_caption_follows(lines: Sequence[str], index: int) -> bool:
    """A caption follows: one line ending in its credit, or a caption line then a credit line."""
    following = lines[index + 1 : index + 3]
    if not following or is_credit_line(following[0]) or is_slug_alt(following[0]):
        return False  # a slug line is the image's own alt: this line is no alt of that image
    if rules.TRAILING_CREDIT.search(following[0]):
        return _is_credited_caption(following[0])
    return len(following) == 2 and is_credit_line(following[1])


def is_credit_line(line: str) -> bool:
    """A caption's credit standing on its own line: "(Ảnh: Báo Bắc Giang)."."""
    return bool(rules.PHOTO_CREDIT.match(line)) and len(line.split()) <= rules.CREDIT_MAX_WORDS


def is_alt_like(line: str) -> bool:
    """A line that may be an alt sentence: headline length, no sentence end, not a photo credit."""
    return (
        _is_headline(line)
        and word_count(line, rules.ALT_MIN_WORDS) >= rules.ALT_MIN_WORDS
        and not rules.PHOTO_CREDIT.match(line)
    )


# --- byline and source -----------------------------------------------------------------------------
def split_byline(
    lines: Sequence[str],
    author: str | None = None,
    before_trailer: bool = False,
    captions: frozenset[str] = frozenset(),
) -> Byline:
    """Take the "Nguồn:" line (and what follows it) or an outlet's attribution ("Theo TTXVN",
    `outlet_attribution`) and the byline off the end of the body, or a labelled byline off its top.

    A "Nguồn:" line that a paragraph follows names the source of a chart or a quote, not the article's, and
    one of the `captions` (the page's photo captions, when its markup tells them) credits a photo. Over the
    page's empty "Nguồn:" the body's own source line ("(Nguồn: TTXVN)") names the source.
    With a "Nguồn:" line the byline is the line before it when it starts with a name; without one,
    only a name right before the trailer (`before_trailer`), bare or followed by a role ("- Phó Bí
    thư ..."), or the known `author` is a byline, so a real last paragraph is never taken. Without a
    byline at the end, a labelled one among the first `LEADING_BYLINE_LINES` is (`is_labelled_byline`).
    A series' closing mark ("(Còn nữa)") after them stays the last line.
    """
    body = list(lines)
    series = body.pop() if body and site_rules.SERIES_MARK.match(body[-1]) else None
    removals: list[Removal] = []
    source: str | None = None
    found_source = False
    start = max(0, len(body) - rules.SOURCE_SEARCH_LINES)
    for index in range(len(body) - 1, start - 1, -1):
        value = site_rules.source_of(body[index]) if body[index] not in captions else None
        if value is not None and any(map(is_paragraph, body[index + 1 :])):
            break  # the source of a chart or a quote, with the article going on after it
        if value is not None:
            source = value or None
            removals.append(Removal("source", body[index]))
            removals += [Removal("article_footer", line) for line in body[index + 1 :]]
            del body[index:]
            found_source = True
            break
    over_empty = found_source and source is None and len(body) > 2 and body[-1] not in captions
    if over_empty and (named := site_rules.source_of(body[-1])):  # "Nguồn: TTXVN" over the page's "Nguồn:"
        source = named
        removals.append(Removal("source", body.pop()))
    if source is None and len(body) > 2 and (named := outlet_attribution(body[-1])):
        source = named  # "(theo TTXVN)" alone, or over an empty "Nguồn:"
        removals.append(Removal("source", body.pop()))
        found_source = True
    under_byline = (
        (found_source or before_trailer) and len(body) > 1 and is_byline(body[-2], author, with_role=True)
    )
    if under_byline and is_credit_by_name(body[-1]):
        removals.append(Removal("byline", body.pop()))  # the editor's credit under the byline
    byline: str | None = None
    placed = len(body) > 1 and is_place_alone(body[-1])  # the writer's place under the name, or no byline
    if body and not site_rules.signs_for_office(body[:-1]):  # a letter's signer is no byline
        last = body[-2] if placed else body[-1]
        if found_source:  # a name with any role, or with a title before it ("TS.", "Đại sứ")
            reads = is_byline(last, author, with_role=True) or ends_with_byline(last, author)
            byline = last if reads and not pairs_places(last) else None
        elif author is not None or before_trailer:
            byline = last if ends_with_byline(last, author) else None
        if byline is None and author is None and (found_source or before_trailer) and filed_byline(last):
            byline = last  # "Minh Anh · 10:10 10/10/2024": the name and the time it was filed
    if byline is not None:
        removals += [Removal("byline", body.pop()) for _ in range(1 + placed)][::-1]
    elif (leading := leading_byline(body, author)) is not None:
        byline = body.pop(leading)
        removals.append(Removal("byline", byline))
        while leading < len(body) and is_other_credit(body[leading]):
            removals.append(Removal("byline", body.pop(leading)))
        byline = academic_byline(byline) or byline
    found = author_name(filed_byline(byline) or byline) if byline is not None else None
    source = source or (attributed_source(byline) if byline is not None else None)
    if series is not None:
        body.append(series)
    return Byline(body, removals, found, source)


def _credited_from(group: str) -> str:
    """What opens an attribution: "Theo" (an English edition's "According to"), or a translation's "Lược
    dịch từ" (its words in `group`)."""
    return rf"(?:{site_rules.ATTRIBUTION_OPENER}|(?P<{group}>{site_rules.TRANSLATION_CREDIT}))"


ATTRIBUTION = re.compile(
    rf"^(?:\(\s*{_credited_from('translated')}\s+(?P<wrapped>.+?)\s*\)"
    rf"|{_credited_from('translated_bare')}\s+(?P<source>.+?))\s*\.?$",
    re.I,
)
"""A last line "Theo TTXVN", "(Theo Báo Nhân Dân)" or "According to VNA" names the source, not an author; so
does a translation's credit, "(Lược dịch từ The Diplomat)", when it names an outlet (capitalised: not "Dịch
từ tiếng Anh")."""


def attribution(line: str) -> str | None:
    """The source an attribution line names ("Theo TTXVN" -> "TTXVN"), as a signed line is read; None
    for any other line, and for a sentence that opens with "Theo" and goes on after a comma."""
    match = ATTRIBUTION.match(line)
    if not match:
        return None
    named = match["wrapped"] or match["source"]
    translated = match["translated"] or match["translated_bare"]
    if translated and not named[:1].isupper():
        return None
    return None if "," in named and (site_rules.ends_sentence(line) or not _lists_outlets(named)) else named


def _lists_outlets(named: str) -> bool:
    """What follows "Theo" lists outlets between commas ("Reuters, AFP", "Đài Tiếng nói Việt Nam, TTXVN"),
    each capitalised and of a name's words at most (`NAME_MAX_WORDS`); a clause after a comma makes a
    sentence ("Theo kế hoạch, đoàn sẽ …", "According to the plan, the delegation …"), and so does a line
    that ends as one ("Theo Bộ Ngoại giao, Việt Nam sẽ tham dự.")."""
    return all(
        part[:1].isupper() and len(part.split()) <= site_rules.NAME_MAX_WORDS
        for part in map(str.strip, named.split(","))
    )


def outlet_attribution(line: str) -> str | None:
    """The source an attribution line names when, unsigned, it reads as an outlet's name and nothing more:
    a few words, the first capitalised, without a digit or a sentence of its own ("Theo TTXVN",
    "(Theo Báo Nhân Dân)"), or several such names between commas, each of `OUTLET_MAX_WORDS` words at
    most ("Theo Reuters, AFP"); None for a sentence that opens with "Theo" ("Theo đó, …", "Theo Bộ Y
    tế, số ca mắc tăng"), or for a person it quotes, its sentence cut short ("Theo Đại sứ Vũ H", "Theo
    PGS.TS Nguyễn Viết Thảo, Phó ch": `WRITER_TITLE`, `OFFICE_TITLE`)."""
    named = attribution(line)
    if named is None or any(c.isdigit() for c in named) or site_rules.SENTENCE_END.search(named):
        return None
    if site_rules.WRITER_TITLE.match(named) or site_rules.OFFICE_TITLE.match(named):
        return None
    outlets = [part.strip() for part in named.split(",")]  # "Theo Reuters, AFP"
    words = site_rules.NAME_MAX_WORDS if len(outlets) == 1 else site_rules.OUTLET_MAX_WORDS
    if not all(part[:1].isupper() and len(part.split()) <= words for part in outlets):
        return None
    return named


def attributed_source(byline: str) -> str | None:
    """The outlet a byline credits in brackets after the name ("Hà Anh (Theo Nikkei Asia)") or after a dash
    ("Hà Anh - Theo Reuters"), else None."""
    match = site_rules.ATTRIBUTED_SUFFIX.search(byline) or site_rules.ATTRIBUTED_AFTER.search(byline)
    return match["source"] if match else None


def is_labelled_byline(line: str, author: str | None = None) -> bool:
    """A line labelled as a byline (`site_rules.LABELLED_BYLINE`: "Bài và ảnh: Trọng Tùng", "Tác giả: Minh
    Anh") that names the known `author`, or without one, reads as a name: a byline wherever it stands, as at
    the top of a body, where a bare name may be a heading."""
    return site_rules.LABELLED_BYLINE.match(line) is not None and is_byline(line, author)


def leading_byline(lines: Sequence[str], author: str | None = None) -> int | None:
    """Where a labelled byline (`is_labelled_byline`) or a paper's line of authors (`academic_byline`)
    stands among the first `LEADING_BYLINE_LINES` of a body, under a sapo the body may repeat; None
    without one."""
    top = lines[: rules.LEADING_BYLINE_LINES]
    return next(
        (
            index
            for index, line in enumerate(top)
            if is_labelled_byline(line, author) or academic_byline(line)
        ),
        None,
    )


def academic_byline(line: str, *, signed: bool = False) -> str | None:
    """The authors of a paper, as a journal of the CMS family prints them over its abstract, each with
    the academic titles before the name and the place of work in brackets after it ("NCS. HOÀNG ANH THƯ
    (Giảng viên, …) - PGS.TS. PHAN THANH HẢI (…)"): the titled names, joined by " - "; else None. One name
    without its place of work is none, unless it is `signed` (set as a signature, its place on the next
    line)."""
    if not site_rules.ACADEMIC_START.match(line):
        return None
    parts = site_rules.AUTHOR_LIST_SEPARATOR.split(_outside_brackets(line))
    names = [site_rules.ACADEMIC_AUTHOR.fullmatch(part.strip()) for part in parts]
    if not names or not all(match and _capitalised(match["name"]) for match in names):
        return None
    if len(names) == 1 and "(" not in line and not signed:
        return None  # a titled name alone may head an interview with that person
    return " - ".join(" ".join(match["titled"].split()) for match in names if match)


def _capitalised(name: str) -> bool:
    return all(word[:1].isupper() for word in name.split())


def _outside_brackets(line: str) -> str:
    """The line with what stands in brackets blanked out (kept as long, so that it cannot be split)."""
    depth, out = 0, []
    for char in line:
        depth += char == "("
        out.append("#" if depth else char)
        depth -= char == ")" and depth > 0
    return "".join(out)


def is_other_credit(line: str) -> bool:
    """The line credits another hand (`site_rules.CREDIT_LINE`: "Thiết kế: Minh Tú") in a few words: under a
    labelled byline, the rest of a block of credits."""
    return (
        site_rules.CREDIT_LINE.match(line) is not None
        and word_count(line, site_rules.CREDIT_LINE_MAX_WORDS) <= site_rules.CREDIT_LINE_MAX_WORDS
    )


def is_credit_by_name(line: str) -> bool:
    """The line credits another hand than the writer's or the photographer's by name ("Biên tập: Thu Hà",
    "Thiết kế: Quang Huy"), not with a description ("Thiết kế: mái ngói truyền thống")."""
    if not is_other_credit(line) or rules.PHOTO_CREDIT.match(line):
        return False
    return is_byline(line.partition(":")[2].strip())


def ends_with_byline(line: str, author: str | None = None) -> bool:
    """A last line of a body that is its byline: the known `author`, else a name, bare or with its role,
    after a role or a title ("Phóng viên", "TS.", "Đại sứ", `site_rules.WRITER_TITLE`) or not, with the
    photographer credited after it or not ("Bài: Phương Lê - Ảnh: Minh Đức").

    Only a line without a known author is read for a role.
    """
    if author:
        return is_byline(line, author)
    line = site_rules.without_role(
        site_rules.PHOTO_CREDIT_AFTER.sub("", site_rules.BYLINE_PREFIX.sub("", line))
    )
    title = site_rules.WRITER_TITLE.match(line)
    if title is not None:
        line = line[title.end() :]
    return is_byline(line, with_role=_names_a_role(line))


def filed_byline(line: str) -> str | None:
    """The byline of a last line that gives the time it was filed after it (`site_rules.DATED_BYLINE`: "Thu
    Hà - 12/05/2025 10:20", "Minh Anh · 10:10 10/10/2024"), else None; a place there ("Hà Nội -
    12/05/2025") dates a text where it was written, and a day without a time of day may be a fact the
    article states under a name ("Hồ Chí Minh - 19/5/1890", a portrait's caption)."""
    dated = site_rules.DATED_BYLINE.match(line)
    if dated is None or not site_rules.TIME_OF_DAY.search(line, dated.end("name")):
        return None
    if not ends_with_byline(dated["name"]) or places_named(dated["name"]):
        return None
    return dated["name"]


def is_byline(line: str, author: str | None = None, with_role: bool = False) -> bool:
    """A byline: the known `author`, else a name of a few capitalised words, with a role when `with_role`.

    A "Bài:" / "Bài và ảnh:" prefix marks a byline and is not part of the name, and neither are a
    photographer credited after it ("Bài: Phương Lê - Ảnh: Minh Đức") or brackets around the whole line
    ("(Translated by Phi Yen)").
    """
    line = site_rules.BYLINE_PREFIX.sub("", site_rules.unbracketed(line))
    line = site_rules.PHOTO_CREDIT_AFTER.sub("", line)
    if author:
        name = author_name(author)
        if not line.startswith(name):  # `without_outlet` only cuts a line's end: the name would not open it
            return False
        line = site_rules.without_outlet(line)
        rest = line[len(name) :]
        return line.startswith(name) and (not rest or bool(site_rules.ROLE_SEPARATOR.match(rest)))
    line = site_rules.without_outlet(line)
    words = line.split()
    if not words or len(words) > site_rules.BYLINE_MAX_WORDS or any(map(str.isdigit, line)):
        return False
    if {words[0].casefold(), " ".join(words[:2]).casefold()} & site_rules.HONORIFICS:
        return False
    if site_rules.GROUP_BYLINE.match(line):  # "Nhóm phóng viên"
        return True
    if site_rules.INITIALS_NAME.fullmatch(words[0]):  # "C.Tin", "V.H. (TTXVN)"
        return len(words) == 1 or bool(site_rules.ROLE_SUFFIX.fullmatch(" " + " ".join(words[1:])))
    size = _name_size(words)
    if size == 0 or size > site_rules.NAME_MAX_WORDS or (size == 1 and not words[0].rstrip(",").isupper()):
        return False
    rest = " ".join(words[size:])
    if words[size - 1].endswith(",") and not _co_authors(line):
        return with_role and bool(rest)
    if not rest or _co_authors(line):
        return not ends_sentence(line)
    if site_rules.ROLE_SUFFIX.fullmatch(" " + rest) or site_rules.WORK_SUFFIX.fullmatch(" " + rest):
        return True  # "Anh Vũ (tổng hợp)", "Hoài Nam thực hiện"
    return with_role and bool(site_rules.ROLE_SEPARATOR.match(rest))


@dataclass(frozen=True)
class DatedByline:
    """A line of the author, the date and the category, as one template prints under the title:
    "Mai Anh (t/h) 09/12/2021 11:14 | Bốn phương kết nghĩa"."""

    author: str | None
    """None when a place or an outlet dates the line ("Hà Nội · 10:10 | …", "TTXVN | …")."""
    date: re.Match[str]
    category: str | None


BYLINE_DATE_SEPARATORS = " ·•|"
"""What may stand between the byline and the date after it ("Phương Lê · 10:10 | 10/10/2024", "Minh Anh |
12/05/2024 10:20"): a dot or a bar, as meta lines set them; a dash or a comma after a place ("Hà Nội,
10:10 | …") or an outlet ("TTXVN - …") dates a dateline, not a byline."""


def read_dated_byline(line: str) -> DatedByline | None:
    """The parts of a dated byline, or None: a byline (see `is_byline`), then a date line in any of the
    CMS family's forms, then, after a bar, a category without digits. A place ("Hà Nội · 10:10 | …") or an
    outlet ("TTXVN | …", "Báo Quốc tế | …") before the date makes it a dateline, which names no writer."""
    digit = site_rules.DIGIT.search(line)
    if digit is None or digit.start() == 0 or match_date_line(line):
        return None  # a date line alone: "Thứ Ba, 12/05/2025 10:20" names a day, not a writer
    byline, dated = (
        line[: digit.start()].strip().rstrip(BYLINE_DATE_SEPARATORS).strip(),
        line[digit.start() :],
    )
    date, bar, category = dated.rpartition("|")
    if not bar or site_rules.DIGIT.search(category) or not category.strip():
        date, category = dated, ""
    match = match_date_line(date.strip())
    if match is None and _set_apart(line[: digit.start()]):  # "Phương Lê · 10/10/2024": a day alone
        match = site_rules.DAY_LINE.match(date.strip())
    if match is None or not ends_with_byline(byline):  # a name, with its role or title or not
        return None
    writer = None if _names_a_place_or_outlet(byline) else author_name(byline)
    return DatedByline(writer, match, category.strip() or None)


def _set_apart(before_date: str) -> bool:
    """The byline ends in a dot or a bar before the date, as a meta line sets them apart: a day without a
    time of day after a name alone ("Phương Lê 10/10/2024") is not read as its date."""
    return any(mark in before_date.rstrip()[-1:] for mark in BYLINE_DATE_SEPARATORS.strip())


def _names_a_place_or_outlet(byline: str) -> bool:
    """A place, or an outlet: by a word of its name, or an acronym of its own ("TTXVN")."""
    return bool(
        places_named(byline) or site_rules.OUTLET_WORD.search(byline) or OUTLET_ACRONYM.fullmatch(byline)
    )


OUTLET_ACRONYM = re.compile(r"[A-ZĐ]{3,}")
"""An outlet named by its acronym alone ("TTXVN", "VOV"); a writer's initials are shorter or dotted ("PV",
"N.L.T")."""


def _co_authors(line: str) -> bool:
    """A shared byline: two or more names, each of a few capitalised words ("Thu Hà - Minh Anh"), and no
    pair of places (`pairs_places`)."""
    names = _joined_names(line)
    return (
        len(names) > 1
        and all(
            0 < len(name.split()) <= site_rules.NAME_MAX_WORDS
            and _name_size(name.split()) == len(name.split())
            for name in names
        )
        and not pairs_places(line)
    )


def pairs_places(line: str) -> bool:
    """The line joins names as a shared byline does, and a place is among them ("Việt Nam - Lào", "Hà Nội -
    Viêng Chăn", "Nhật Bản và Hàn Quốc", "Việt Nam - Lào mãi mãi anh em"): a pair of places, a motto or a
    route, not of writers."""
    names = _joined_names(line)
    return len(names) > 1 and any(name in site_rules.HOME_COUNTRY or is_place_alone(name) for name in names)


def _joined_names(line: str) -> list[str]:
    """The names a shared byline joins ("Thu Hà - Minh Anh", "Thu Hà và Minh Anh"), its role suffix off."""
    return site_rules.CO_AUTHOR_SEPARATOR.split(site_rules.ROLE_SUFFIX.sub("", line))


def _name_size(words: Sequence[str]) -> int:
    """How many leading words look like a personal name (capitalised words, a comma ends it)."""
    size = 0
    for word in words[: site_rules.NAME_MAX_WORDS + 1]:
        core = word.rstrip(",")
        if not (core[:1].isupper() and core.replace("-", "").isalpha()):
            break
        size += 1
        if word.endswith(","):
            break
    return size


def author_name(byline: str) -> str:
    """The author's name: no "Bài:" or "By" prefix, no role before it or before a co-author's ("PV Thu Hà -
    CTV Minh Anh"), no outlet after a slash or a dash ("/Báo …", "- TTXVN"), no "(tổng hợp)" or "thực hiện"
    suffix, no role after a single name.

    "Phạm Hoàng Anh - Phó Bí thư Tỉnh ủy." -> "Phạm Hoàng Anh"; a shared byline ("Thu Hà - Minh Anh")
    stays whole.
    """
    unlabelled = site_rules.AUTHOR_BY.sub("", site_rules.BYLINE_PREFIX.sub("", byline))
    unlabelled = site_rules.PHOTO_CREDIT_AFTER.sub("", unlabelled)  # after the label: "Bài, ảnh: …" is one
    name = site_rules.without_role(site_rules.without_outlet(unlabelled))
    name = site_rules.CO_AUTHOR_ROLE.sub(
        lambda role: role["next"] if site_rules.co_author_name_follows(role) else role[0], name
    )
    name = site_rules.ROLE_SUFFIX.sub("", name).strip() or name
    name = site_rules.WORK_SUFFIX.sub("", name) or name
    if _co_authors(name):
        return name
    words = name.split()
    size = _name_size(words)
    role = " ".join(words[size:])
    if 0 < size < len(words) and (words[size - 1].endswith(",") or site_rules.ROLE_SEPARATOR.match(role)):
        return " ".join(words[:size]).rstrip(",")
    return name


def _names_a_role(line: str) -> bool:
    """The words after the leading name start with a role ("- Phó Bí thư ...", ", phóng viên")."""
    words = site_rules.BYLINE_PREFIX.sub("", line).split()
    size = _name_size(words)
    return 0 < size < len(words) and bool(site_rules.ROLE_START.match(" ".join(words[size:]).lstrip(",")))


# --- shared ----------------------------------------------------------------------------------------
def word_count(line: str, limit: int) -> int:
    """How many words the line has, counted up to `limit` + 1: a long paragraph is not split whole."""
    return len(line.split(maxsplit=limit))


def _partition(lines: Sequence[str], remove: Callable[[str], bool], rule: str) -> RuleResult:
    kept: list[str] = []
    removals: list[Removal] = []
    for line in lines:
        if remove(line):
            removals.append(Removal(rule, line))
        else:
            kept.append(line)
    return kept, removals
