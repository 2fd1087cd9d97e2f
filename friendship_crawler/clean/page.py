"""Raw page text (a text-browser dump of an article page, or its markdown-like copy) to a clean record.

Two styles exist. Full page text starts with the breadcrumb and date lines, then the title, the "aa"
font-size control and the sapo (the print view and mirror copies put the date under the title or keep
markup debris above it). Markdown-like text starts with the title itself. Both then run through the
same chain as `read_article` (`clean_article_lines`); full page text first loses the
related box printed in the sapo's block, which only its blank-line layout delimits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from friendship_crawler.clean import rules
from friendship_crawler.clean.article import clean_article_lines
from friendship_crawler.clean.lines import (
    DatedByline,
    Removal,
    academic_byline,
    author_name,
    drop_box_blocks,
    drop_cell_box,
    drop_lead_box,
    drop_titles_under_header,
    ends_with_byline,
    is_breadcrumb,
    is_byline,
    is_credited,
    is_header_line,
    is_paragraph,
    is_related_line,
    is_slug_alt,
    is_widget_line,
    read_dated_byline,
    retells_credited_caption,
    strip_edge_bars,
    strip_markdown_images,
    word_count,
)
from friendship_crawler.items import content_hash
from friendship_crawler.site import SECTION_NAMES
from friendship_crawler.site_rules import (
    AUTHOR_BY,
    RELATED_BOX_TITLES,
    date_iso,
    ends_sentence,
    is_not_found_title,
    marker_key,
    match_date_line,
    parse_date_line,
    updates_only,
)
from friendship_crawler.textnorm import normalize_line

PAGE_TEXT_ERRORS = frozenset({"empty", "no_title", "no_text", "not_found"})
_NOT_WORDS = re.compile(r"[\d\W_]+")


class PageTextError(ValueError):
    """The text holds no article; `reason` is one of `PAGE_TEXT_ERRORS`."""

    def __init__(self, reason: str, detail: str) -> None:
        if reason not in PAGE_TEXT_ERRORS:
            raise ValueError(f"unknown reason {reason!r}; allowed: {', '.join(sorted(PAGE_TEXT_ERRORS))}")
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class CleanedPage:
    """The record fields a page text gives, and what cleaning removed."""

    title: str
    text: str
    """Title, sapo, body paragraphs, subheadings and captions, one per line."""
    author: str | None = None
    source: str | None = None
    published_at: str | None = None
    """From the date line, ISO 8601 with `+07:00`; None without a date line."""
    section: list[str] | None = None
    """Breadcrumb names without "Trang chủ"; None without a breadcrumb."""
    removals: list[Removal] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def record(self) -> dict[str, object]:
        """The fields `scrapy cleantext` writes (the caller adds `file`)."""
        return {
            "title": self.title,
            "text": self.text,
            "author": self.author,
            "source": self.source,
            "published_at": self.published_at,
            "section": self.section,
        }


@dataclass(frozen=True)
class PageHeader:
    """What stands above the sapo: title, breadcrumb, date, and where the body starts."""

    title: str
    body_start: int
    section: list[str] | None = None
    published_at: str | None = None
    skipped: list[str] = field(default_factory=list)
    byline: DatedByline | None = None
    """The author, date and category one template prints under the title, in place of a breadcrumb."""
    author: str | None = None
    """The byline a mirror copy prints in its header, before the follow line."""
    copy_header: bool = False
    """A copy's own header stood around the title (a category label over it, a stamp under it): the related
    box the copy keeps stands right under it."""


FOLLOW_UNDER_SAPO = 2
"""Lines from the top to the one under the sapo: where a page's follow button ("Theo dõi Baoquocte.vn trên")
says the text is a whole page's; a line at the end of a short text says nothing of its layout."""


def clean_page_text(raw: str) -> CleanedPage:
    """Clean one page text; raises `PageTextError` when it holds no article."""
    lines, blocks, embedded = _lines_and_blocks(raw)
    if not lines:
        raise PageTextError("empty", "the text has no visible characters")
    header = read_header(lines)
    byline = header.byline
    debris = any(rules.MARKUP_DEBRIS.fullmatch(line) for line in header.skipped)  # "--> -->"
    follows = any(map(rules.FOLLOW_LINE.match, lines[: header.body_start + FOLLOW_UNDER_SAPO]))
    full_page = header.section is not None or header.published_at is not None or debris or follows
    body = lines[header.body_start :]
    laid_out: list[Removal] = []  # what only the layout shows: the box under the sapo, alts set as sentences
    if full_page:
        body, body_blocks, sentence_alts = _without_sentence_alts(body, blocks[header.body_start :])
        body, body_blocks, inline_boxes = _without_inline_related_boxes(body, body_blocks)
        body, laid_out = _without_lead_box(body, body_blocks, header.title, blocks[0])
        laid_out += sentence_alts + inline_boxes  # the box stands above the images past the sapo's block
    else:
        body, laid_out = drop_cell_box(body)
        if header.copy_header:  # the box a copy keeps stands right under its own header
            body, under_header = drop_titles_under_header(body)
            laid_out += under_header
    cleaned = clean_article_lines([header.title, *body], header.title, shows_alt_text=full_page)
    if not cleaned.body:
        raise PageTextError("no_text", f"no article text after the title {header.title!r}")
    return CleanedPage(
        title=header.title,
        text="\n".join(cleaned.lines),
        author=cleaned.author or header.author or (byline.author if byline else None),
        source=cleaned.source,
        published_at=header.published_at or (date_iso(byline.date) if byline else None),
        section=header.section or ([byline.category] if byline and byline.category else None),
        removals=[
            *(Removal("header", line) for line in header.skipped),
            *embedded,
            *laid_out,
            *cleaned.removals,
        ],
    )


def _lines_and_blocks(raw: str) -> tuple[list[str], list[int], list[Removal]]:
    """The normalised non-empty lines, and for each the number of its block (lines between blank lines);
    without the rows of an embedded box of another article, which only the raw line shows
    (`rules.TEMPLATE_CELL`: its indentation is gone once the line is normalised)."""
    lines: list[str] = []
    blocks: list[int] = []
    embedded: list[Removal] = []
    block = 0
    for raw_line in raw.splitlines():
        line = normalize_line(raw_line)
        if not line:
            block += 1
            continue
        if rules.TEMPLATE_CELL.match(raw_line):
            embedded.append(Removal("related", line))
            continue
        lines.append(line)
        blocks.append(block)
    return lines, blocks, embedded


def _without_lead_box(
    body: list[str], blocks: list[int], title: str, laid_out_from: int
) -> tuple[list[str], list[Removal]]:
    """The body without the related box printed in the sapo's block (see `drop_lead_box`), or in the next
    block when the sapo stands alone and that block opens with a title printed twice, and going on in the
    blocks of one line after it (see `drop_box_blocks`).

    Only a text laid out in blocks says where the box ends: a dump without any blank line (one block
    from the first line to the last) keeps its lines. A copy cut short may end inside the sapo's block.
    """
    if blocks and blocks[-1] == blocks[0] == laid_out_from:
        return body, []
    if not body:
        return body, []
    end = _block_end(blocks, 0)
    kept, removals = drop_lead_box(body[1:end], title, printed_again=frozenset(body[end:]))
    if not kept and end < len(body) and is_related_line(body[end]):  # the sapo alone, the box below it
        start, end = end, _block_end(blocks, end)
        kept, more = drop_lead_box(body[start:end], title, printed_again=frozenset(body[end:]))
        removals += more
    singles = end
    while singles < len(body) and _block_size(blocks, singles) == 1:
        singles += 1
    rest, more = drop_box_blocks(
        body[end:singles], after_box=bool(removals) and not kept, ends_text=singles == len(body), title=title
    )
    return [body[0], *kept, *rest, *body[singles:]], removals + more


def _without_sentence_alts(body: list[str], blocks: list[int]) -> tuple[list[str], list[int], list[Removal]]:
    """The body and its blocks without the alts the layout shows, past the sapo's block: a block of two
    lines, a line and the credited caption that retells it (an alt an editor wrote as a sentence), and a
    short slug line ("4253 tls 1", a photo's file name folded) that opens a block of more lines. The
    blank-line layout starts every paragraph in a block of its own; only an image's alt shares its block
    with the caption under it.
    """
    start = _block_end(blocks, 0) if blocks else 0
    alts = [index for index in range(start, len(body) - 1) if _opens_block_as_alt(body, blocks, index)]
    if not alts:
        return body, blocks, []
    dropped = set(alts)
    kept = [index for index in range(len(body)) if index not in dropped]
    removals = [Removal("image_alt", body[index]) for index in alts]
    return [body[index] for index in kept], [blocks[index] for index in kept], removals


INLINE_BOX_PARAGRAPH_WORDS = 30
"""Words from which a paragraph under a related box is the article going on: longer than any headline a
rail or a teaser prints (`rules.HEADLINE_MAX_WORDS`)."""


def _without_inline_related_boxes(
    body: list[str], blocks: list[int]
) -> tuple[list[str], list[int], list[Removal]]:
    """The body and its blocks without the related boxes set inside the article (`_is_inline_box`): a box
    title ("TIN LIÊN QUAN") opening a block of titles, the article going on after it. A box title with no
    paragraph of the article after it starts the trailer, which the line rules cut."""
    dropped: set[int] = set()
    for index in range(len(body)):
        if _block_size(blocks, index) and _is_inline_box(body, blocks, index):
            dropped.update(range(index, _block_end(blocks, index)))
    if not dropped:
        return body, blocks, []
    kept = [index for index in range(len(body)) if index not in dropped]
    removals = [Removal("related", body[index]) for index in sorted(dropped)]
    return [body[index] for index in kept], [blocks[index] for index in kept], removals


def _is_inline_box(body: list[str], blocks: list[int], index: int) -> bool:
    """The block at `index` is a related box's title and its titles, and the article goes on after it:
    subheadings perhaps, each a block of its own (a teaser's title shares one with its sapo), then a
    paragraph longer than a headline (`INLINE_BOX_PARAGRAPH_WORDS`), before any other box or rail title."""
    if marker_key(body[index], rules.MARKER_MAX_CHARS) not in RELATED_BOX_TITLES:
        return False
    end = _block_end(blocks, index)
    if end == index + 1 or any(map(_longer_than_a_headline, body[index + 1 : end])):
        return False
    for at in range(end, len(body)):
        key = marker_key(body[at], rules.MARKER_MAX_CHARS)
        if key in rules.TRAILER_BOXES or key in rules.RAIL_TITLES:
            return False
        if is_paragraph(body[at]) and _longer_than_a_headline(body[at]):
            return True
        if _block_size(blocks, at) > 1:
            return False  # a short line over more lines in its block: a teaser's title over its sapo
    return False


def _longer_than_a_headline(line: str) -> bool:
    return word_count(line, INLINE_BOX_PARAGRAPH_WORDS) >= INLINE_BOX_PARAGRAPH_WORDS


def _opens_block_as_alt(body: list[str], blocks: list[int], index: int) -> bool:
    """The line opens a block of more lines as an image's alt does (`_without_sentence_alts`).

    A slug line the line rules would keep (too short for `is_slug_alt`) is an alt here; a longer one is
    left to them, as they read the line under it as its caption. So is a caption printed twice: the line
    rules keep the last copy.
    """
    size = _block_size(blocks, index)
    if size < 2:
        return False
    line = body[index]
    if rules.SLUG_LINE.match(line) is not None and not is_slug_alt(line):
        return True
    return size == 2 and body[index + 1] != line and retells_credited_caption(line, body[index + 1])


def _block_end(blocks: list[int], start: int) -> int:
    """Where the block of the line at `start` ends (the index of the next block's first line)."""
    return next((n for n in range(start, len(blocks)) if blocks[n] != blocks[start]), len(blocks))


def _block_size(blocks: list[int], index: int) -> int:
    """Lines in the block the line at `index` opens; 0 when it does not open one."""
    if index and blocks[index - 1] == blocks[index]:
        return 0
    return _block_end(blocks, index) - index


def read_header(lines: list[str]) -> PageHeader:
    """Find the title: the line before "aa" in full page text, else the line after the leading header lines.

    Without "aa", a leading header must include a date line (the print and mobile views), so a listing
    or an error page that starts with a breadcrumb gives no title.
    """
    scan = lines[: rules.HEADER_SCAN_LINES]
    author = None
    labelled = False  # a copy's category label over the title
    control = next((n for n, line in enumerate(scan) if rules.FONT_SIZE_CONTROL.match(line)), None)
    if control is not None:
        header = scan[:control]
        candidates = [n for n, line in enumerate(header) if not _above_title(line)]
        if not candidates:
            raise PageTextError("no_title", "nothing between the header lines and the font-size control")
        title_at, body_start = candidates[-1], control + 1
    else:
        title_at = _first_title_line(lines, 0)
        follow = _follow_line_after_bylines(lines, title_at)
        if follow is not None:  # a mirror copy's byline stands between the date and the follow line
            author = author_name(lines[title_at])
            title_at = _first_title_line(lines, follow)
        header = lines[:title_at]
        if title_at == len(lines):
            raise PageTextError("no_title", "the text holds header lines only")
        labelled = title_at + 1 < len(lines) and _is_label_over_title(lines, title_at)
        if labelled or (title_at + 1 < len(lines) and _is_kicker(lines[title_at], lines[title_at + 1])):
            title_at += 1
        body_start = title_at + 1
    stamped = False
    while body_start < len(lines) and _under_title(lines[body_start]):  # the print view's date is below
        stamped = stamped or not is_header_line(lines[body_start])
        body_start += 1
    byline = read_dated_byline(lines[body_start]) if body_start < len(lines) else None
    if byline is not None:
        body_start += 1
    elif control is None and author is None and (signed := _byline_over_the_sapo(lines, body_start)):
        author = academic_byline(lines[body_start], signed=True) or author_name(lines[body_start])
        body_start += signed
    header_lines = [line for n, line in enumerate(lines[:body_start]) if n != title_at]
    crumbs = [names for names in (breadcrumb_names(line) for line in header if is_breadcrumb(line)) if names]
    section = crumbs[-1] if crumbs else None
    by_label = sorted(header_lines, key=updates_only)  # a line of the update time alone after the others
    published_at = next((date_iso(match) for match in map(match_date_line, by_label) if match), None)
    if published_at is None:  # a date line above the title in another of the family's forms
        dated = (line for line in lines[:title_at] if _is_date_line(line))
        published_at = next(filter(None, map(parse_date_line, dated)), None)
    sized = any(rules.FONT_SIZE_CHOICES.match(line) for line in header)  # a control above the title
    if control is None and _is_page_header(header) and published_at is None and not sized:
        raise PageTextError("no_title", "a page header without a date line or a font-size control")
    title = _title(lines[title_at])
    return PageHeader(
        title, body_start, section, published_at, header_lines, byline, author, labelled or stamped
    )


def _under_title(line: str) -> bool:
    """A header line under the title: the print view's date line, or a line of a date alone in a form the
    site's pages never print (a copy's own stamp, year first: "2024-12-20 18:51:42"), which dates nothing:
    only the site's own date line (`match_date_line`) gives `published_at` from under the title."""
    return is_header_line(line) or _is_dated_line(line)


def _is_dated_line(line: str) -> bool:
    """A line of a date alone (`_is_date_line`) that names a date."""
    return _is_date_line(line) and parse_date_line(line) is not None


def _is_label_over_title(lines: list[str], at: int) -> bool:
    """The line at `at`, the first of a copy with no header of the site's, is a category label it prints
    above the title, not the title: a name of the section's (`SECTION_NAMES`), or a short line of words
    alone (`rules.LABEL_MAX_WORDS`, "Kinh tế - Xã hội") over a headline that a line of a date alone
    follows. A short title is told from a label by the date under the line after it."""
    label, title = lines[at], lines[at + 1]
    if _is_page_header(lines[:at]):  # under a breadcrumb, a section's name heads its listing
        return False
    if is_header_line(title) or ends_sentence(title) or len(title.split()) > rules.HEADLINE_MAX_WORDS:
        return False
    if _reads_as_byline(title):  # a short title over its byline ("Minh Anh", "By Phuong Le", "TTXVN")
        return False
    if label.casefold() in _SECTION_KEYS:
        return True
    words = [word for word in _NOT_WORDS.split(label) if word]
    return (
        0 < len(words) <= rules.LABEL_MAX_WORDS
        and not any(char.isdigit() for char in label)
        and not ends_sentence(label)
        and at + 2 < len(lines)
        and _is_dated_line(lines[at + 2])
    )


_SECTION_KEYS = frozenset(name.casefold() for name in SECTION_NAMES)


def _reads_as_byline(line: str) -> bool:
    """A line that names the writer or the outlet, as a byline does under a title: a name (with its credit,
    role or "By"), or an acronym alone ("TTXVN")."""
    unlabelled = AUTHOR_BY.sub("", line)
    return line.isupper() or is_byline(unlabelled) or ends_with_byline(unlabelled)


def _is_date_line(line: str) -> bool:
    """A short line that says a date and nothing else: figures, and only the words of a date line
    (`rules.DATE_LINE_WORDS`: weekdays, months, "Cập nhật", "lúc", "GMT"). A headline with an anniversary's
    dates or a weather box with today's is no date line."""
    if len(line) > rules.HEADER_DATE_LINE_MAX_CHARS:
        return False
    return all(word in rules.DATE_LINE_WORDS for word in _NOT_WORDS.split(line.casefold()) if word)


def _first_title_line(lines: list[str], start: int) -> int:
    """The first line from `start` that may be the title (`len(lines)` when none)."""
    return next((n for n in range(start, len(lines)) if not _above_title(lines[n])), len(lines))


def _follow_line_after_bylines(lines: list[str], start: int) -> int | None:
    """Where the follow line ("Theo dõi thoidai.com.vn trên") stands when only bylines come before it
    from `start`: those lines are the header's, and the title comes after it."""
    end = min(len(lines), start + rules.HEADER_BYLINE_LINES + 1)
    follow = next((n for n in range(start, end) if rules.FOLLOW_LINE.match(lines[n])), None)
    if follow is None or not all(ends_with_byline(line) for line in lines[start:follow]):
        return None  # names, with a title or a role or not
    return follow


def _byline_over_the_sapo(lines: list[str], at: int) -> int:
    """How many lines from `at`, under the title, are a byline set over the sapo, as a sister site's copy
    prints them: a name (with its titles), perhaps the writer's office on a line of its own, then the sapo
    and the follow line ("Bảo Chi", "Chiều ngày 16/7, …", "Theo dõi Baoquocte.vn trên"); 0 when none."""
    name = lines[at] if at < len(lines) else ""
    if not (is_byline(name) or academic_byline(name, signed=True)):
        return 0
    for signed in (1, 2):
        sapo = at + signed
        if sapo + 1 >= len(lines) or is_header_line(lines[sapo]):
            return 0
        if rules.FOLLOW_LINE.match(lines[sapo + 1]):
            return signed if signed == 1 or not ends_sentence(lines[at + 1]) else 0
    return 0


def _above_title(line: str) -> bool:
    """A header line, markup debris a copy kept above it ("--> -->"), a share bar or a link back ("Facebook
    Twitter YouTube", "Back to E-magazine") or a multimedia page's badge ("e mag"): never the title."""
    return (
        is_header_line(line)
        or is_widget_line(line)
        or not any(char.isalnum() for char in line)
        or bool(rules.MEDIA_BADGE.match(line))
    )


def _is_kicker(line: str, following: str) -> bool:
    """The kicker a page without the font-size control shows above its headline ("Hội hữu nghị Việt Nam -
    Nhật Bản:"): a line of headline length that ends in a colon, with a headline, not a sentence, next."""
    return (
        line.endswith(":")
        and len(line.split()) <= rules.HEADLINE_MAX_WORDS
        and not is_header_line(following)
        and not ends_sentence(following)
        and len(following.split()) <= rules.HEADLINE_MAX_WORDS
    )


def _is_page_header(lines: list[str]) -> bool:
    """Lines above the title that are the page's own (markup debris or a share bar alone does not make a
    header)."""
    return any(any(char.isalnum() for char in line) and not is_widget_line(line) for line in lines)


def _title(line: str) -> str:
    title, _ = strip_markdown_images(line)
    title = strip_edge_bars(title).strip()
    key = marker_key(title)
    if is_not_found_title(title):
        raise PageTextError("not_found", f"the page says it does not exist ({title!r})")
    if (
        not any(char.isalpha() for char in title)
        or len(title.split()) > rules.HEADLINE_MAX_WORDS
        or is_credited(title)
        or key in rules.TRAILER_BOXES
        or key in rules.RAIL_TITLES
    ):
        raise PageTextError("no_title", f"no recognisable title (first line {line[:80]!r})")
    return title


def breadcrumb_names(line: str) -> list[str]:
    """`Trang chủ Hữu nghị Bốn phương kết bạn` -> `["Hữu nghị", "Bốn phương kết bạn"]`.

    Without separators, the section's own names are known; the site writes its other category names in
    sentence case ("Việt kiều", "Nhịp sống cộng đồng"), so in a trail of the two levels the site has, the
    first capitalised word (not an acronym) after a lower-case word starts the second name ("Việt kiều
    Nhịp sống cộng đồng"); a capital after that is a proper noun ("Việt kiều Tự hào Việt Nam"), and so
    is a capital on the last word, as no name is one word ("Gia đình Việt").
    """
    rest = line[len(rules.BREADCRUMB_ROOT) :].strip()
    if rules.BREADCRUMB_SEPARATORS.search(rest):
        return [name for name in rules.BREADCRUMB_SEPARATORS.split(rest) if name]
    words = rest.split()
    names: list[list[str]] = [[]]
    index = 0
    while index < len(words):
        known = next(
            (name for name in SECTION_NAMES if _starts_with_name(" ".join(words[index:]), name)), None
        )
        size = len(known.split()) if known else 1
        starts_a_name = index + 1 < len(words) and _starts_a_name(words[index], names[-1])
        if known or (len(names) == 1 and starts_a_name):
            names.append([])
        names[-1] += words[index : index + size]
        if known:
            names.append([])
        index += size
    return [" ".join(name) for name in names if name]


def _starts_a_name(word: str, name: list[str]) -> bool:
    """A capitalised word (not an acronym) after a lower-case word of the name before it."""
    return bool(name) and word[:1].isupper() and not word.isupper() and name[-1].islower()


def _starts_with_name(text: str, name: str) -> bool:
    """The text opens with the name, capitalised as a name starts (in any case after that): in a lower-case
    word, a known name is part of another ("Giao lưu hữu nghị")."""
    return (
        text[:1].isupper()
        and text[: len(name)].casefold() == name.casefold()
        and text[len(name) : len(name) + 1] in ("", " ")
    )
