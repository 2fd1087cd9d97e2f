"""Bylines and "Nguồn:" lines that end up inside the body, and author names as the record keeps them.

2016-2020 pages and sister sites put the byline in the body as a right-aligned last paragraph in bold or
italic, often with a credit before the name and no colon ("Bài và ảnh Trọng Tùng"); other pages end the
body with a short paragraph that is just a name. Both become `author` and leave the text. A name keeps
no role suffix ("Anh Vũ (tổng hợp)" -> "Anh Vũ", "Phạm Hoàng Anh - Phó Bí thư ..." -> "Phạm Hoàng Anh").
How a byline is written is the site's convention (`site_rules`); a name is told from a paragraph by the
rule the text path uses too (`clean.lines.ends_with_byline`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from friendship_crawler import site_rules
from friendship_crawler.clean import rules
from friendship_crawler.clean.lines import (
    OUTLET_ACRONYM,
    academic_byline,
    attributed_source,
    attribution,
    author_name,
    ends_with_byline,
    filed_byline,
    is_byline,
    is_credit_by_name,
    is_labelled_byline,
    is_other_credit,
    is_trailing_notice,
    leading_byline,
    outlet_attribution,
    pairs_places,
)
from friendship_crawler.entities.places import is_place_alone
from friendship_crawler.extract.body import Block
from friendship_crawler.textnorm import normalize_line


@dataclass(frozen=True)
class SplitBody:
    """Body lines with the trailing byline and source line taken out."""

    blocks: list[Block]
    author: str | None
    source: str | None


def clean_author(raw: str | None) -> str | None:
    """An author name without its credit ("Bài và ảnh:", "Bài và ảnh "), role suffixes or e-mail address;
    None for a field that names no one (`site_rules.NO_WRITER`)."""
    if not raw:
        return None
    name = site_rules.unbracketed(normalize_line(raw))
    name = site_rules.AUTHOR_BY.sub("", site_rules.BYLINE_PREFIX.sub("", name))
    if rules.FOLLOW_LINE.match(name):
        return None  # "Theo dõi Báo Quốc tế trên Google News" in the author box
    if rules.PHOTO_CREDIT.match(name):
        return None  # "Ảnh: Tuấn Anh" credits a photo
    name = site_rules.OTHER_CREDITS.sub("", name)
    name = filed_byline(name) or name  # "Minh Anh · 10:10 10/10/2024": the time it was filed is no name
    while not site_rules.GROUP_BYLINE.match(name):  # "Nhóm phóng viên": a group named by its role
        stripped = site_rules.AUTHOR_NOISE.sub("", name)
        if stripped == name or not stripped:
            break
        name = stripped
    while True:
        stripped = site_rules.ROLE_SUFFIX.sub("", name)
        if stripped == name or not stripped:
            break
        name = stripped
    name = site_rules.EMAIL.sub("", name).strip(" -–,;|")
    if not name or site_rules.NO_WRITER.match(name):
        return None  # "Tổng hợp", "admin", an e-mail address alone
    return author_name(name)


def clean_source(raw: str | None) -> str | None:
    """The value of a source element or "Nguồn:" line, without the credit a box may print before it ("Theo
    TTXVN", "(Theo Báo Nhân Dân)", "According to VNA": `attribution`); None when it is empty."""
    if raw is None:
        return None
    line = normalize_line(raw)
    value = site_rules.source_of(line)
    if value is None:
        value = site_rules.SOURCE_LABEL.sub("", line).strip()
    return attribution(value) or value or None


def split_byline(blocks: list[Block], known_author: str | None) -> SplitBody:
    """Take trailing byline, "Nguồn:" and attribution ("Theo TTXVN") lines out of the body, and a
    labelled byline at its top. A series' closing marks ("(Còn nữa)", "Kỳ tới: …") after them, and the
    site's notices to its readers after those (`is_trailing_notice`, left for cleaning), stay where they
    were.

    A signature (right-aligned, wholly bold or italic) last paragraph is a byline, unless it is a photo
    credit ("Ảnh: …", which stays in the text as on a page read by the generic layer), holds a figure (a
    letter's "Hà Nội, ngày 12 tháng 5 năm 2025": no name has one, though a name may be followed by the
    time it was filed, `filed_byline`) or says where a quote is from ("(Trích Di chúc …)"), or the page
    names another author (the signed name is then a quote's, a poem's or a speech's); a name under the
    office a letter is signed for ("CHỦ TỊCH NƯỚC" over "Lương Cường", `site_rules.signs_for_office`)
    signs it, and a signed affiliation under a signed name goes with it (`AFFILIATION`); a signed line over
    the byline stays (a letter's closing and signature, a poem's author, a motto). A last
    paragraph that reads as a byline (a name, bare or with its role) is one only when the page names no
    author elsewhere or names the same one, and at least two lines remain. At the top of the body only a
    labelled one is ("Bài và ảnh: Trọng Tùng", `leading_byline`): a bare name there may be a heading.
    """
    kept = list(blocks)
    author: str | None = None
    source: str | None = None
    known = clean_author(known_author)
    after = _take_trailing(kept, lambda block: is_trailing_notice(block.text))
    series = _take_trailing(kept, lambda block: bool(site_rules.SERIES_MARK.match(block.text)))
    notes, under_notes = _take_notes(kept)
    signature: Block | None = None  # the line the author was last read from
    for _ in range(3):
        if not kept or kept[-1].caption or site_rules.signs_for_office([block.text for block in kept[:-1]]):
            break  # a caption is no byline; a name under an office signs a letter
        last = kept[-1].text
        if site_rules.SERIES_MARK.match(last):
            break  # "(Còn nữa)" set before the byline, in its style
        value = site_rules.source_of(last)
        if value is not None:
            source = source or value or None
        elif named := _attribution_of(kept[-1], enough_left=len(kept) > 2):
            source = source or named
        elif author is not None and kept[-1].signed:
            if site_rules.BYLINE_PREFIX.fullmatch(last):
                pass  # "Bài và ảnh:" over the name goes with it
            elif signature and _co_signs(kept[-1], signature):
                author, signature = f"{clean_author(last)}, {author}", kept[-1]
            else:
                break  # over the byline, a letter's or a poem's signature, or a motto: the article's own
        elif kept[-1].signed and (filed := filed_byline(last)):
            author, signature = clean_author(filed), kept[-1]  # "Thu Hà - 12/05/2025 10:20"
        elif _credits_under_a_byline(kept):
            pass  # the editor's or the designer's credit under the byline: "Biên tập: Thu Hà"
        elif kept[-1].signed and _affiliates(last) and len(kept) > 1 and kept[-2].signed:
            pass  # the byline's affiliation under it: "(Trường Đại học Kinh tế Quốc dân)", "Đại sứ Hoa Kỳ"
        elif kept[-1].signed and not _names_no_writer(last) and _reads_as_a_signature(last):
            if known and author is None and not is_byline(last, known):
                break  # the page names its author elsewhere: a signed name here is a quote's or a poem's
            author, signature = clean_author(last), kept[-1]
            source = source or attributed_source(last)
        elif (
            author is None
            and len(kept) > 2
            and ends_with_byline(last, known)
            and not _names_a_place(last)
            and not _names_an_organisation(last)
        ):
            author = clean_author(last)
            source = source or attributed_source(last)
        else:
            break
        kept.pop()
    if under_notes is not None and kept and kept[-1] is under_notes:
        notes.append(kept.pop())  # no byline: it stays where the page set it, under the notes
    texts = ["" if block.caption else block.text for block in kept]  # a caption is no byline
    leading = leading_byline(texts, known if author is None else author)
    if leading is None and known is None:  # a paper's signed author over the abstract, its place under it
        top = kept[: rules.LEADING_BYLINE_LINES]
        leading = next((n for n, block in enumerate(top) if _signs_a_paper(top, n)), None)
    if leading is not None:
        line = kept.pop(leading).text
        author = author or academic_byline(line, signed=True) or clean_author(line)
        while leading < len(kept) and not kept[leading].caption and _credits_or_places(kept[leading]):
            kept.pop(leading)  # the rest of a block of credits under it, or the writer's place of work
    return SplitBody([*kept, *notes, *series, *after], author, source)


SIGNATURE_MAX_WORDS = 4
"""Words of a signed line that need not read as a name to sign the article ("BBT", "Hương Giang (t/h)")."""
AFFILIATION = re.compile(
    r"^(?:\([^()]{2,120}\)|(?:học viện|viện|trường|đại học|bộ|sở|ban|trung tâm|khoa|hội|liên hiệp|công ty"
    r"|tập đoàn|tạp chí|báo|ủy ban|uỷ ban|cục|vụ|đại sứ quán|tổng lãnh sự quán)\b[^()]{2,120})\.?$",
    re.IGNORECASE,
)
"""A signed line under a signed name that says where the writer works: in brackets ("(Trường Đại học
Kinh tế Quốc dân)"), or an institution by its kind ("Viện Nghiên cứu Đông Nam Á", "Học viện Ngoại giao")."""


def _signs_a_paper(blocks: list[Block], index: int) -> bool:
    """The block at `index` is a paper's author set as a signature: a titled name, signed, over the place
    where the writer works, signed too (a titled name alone may attribute an epigraph)."""
    block = blocks[index]
    below = blocks[index + 1] if index + 1 < len(blocks) else None
    return (
        block.signed
        and academic_byline(block.text, signed=True) is not None
        and below is not None
        and below.signed
        and AFFILIATION.match(below.text) is not None
    )


def _credits_or_places(block: Block) -> bool:
    """A line under a leading byline that goes with it: another hand's credit, or the writer's place of
    work set in the byline's style."""
    return is_other_credit(block.text) or (block.signed and bool(AFFILIATION.match(block.text)))


def _affiliates(line: str) -> bool:
    """A signed line under a signed name that says where or what the writer is: an institution
    (`AFFILIATION`), an office ("Đại sứ Hoa Kỳ tại Việt Nam") or a place ("TP.HCM")."""
    return bool(AFFILIATION.match(line) or site_rules.SIGNING_OFFICE.match(line)) or is_place_alone(line)


def _credits_under_a_byline(blocks: list[Block]) -> bool:
    """The last block credits another hand than the writer's ("Biên tập: Thu Hà") by name, signed as a
    byline is or under a byline (a signed line or one that reads as a byline); or credits the photos by
    name right under a byline, both signed ("Bài: Anh Vũ" over "Ảnh: Minh Đức"), or under a labelled one. Such
    a label opening a line of the article ("Thiết kế: mái ngói truyền thống") is text, and so is a photo
    credit alone under the text, which may be the last photo's."""
    if len(blocks) < 2:
        return False
    last, above = blocks[-1], blocks[-2]
    if is_credit_by_name(last.text):
        return last.signed or above.signed or ends_with_byline(above.text)
    credits_photos = rules.PHOTO_CREDIT.match(last.text) and is_byline(last.text.partition(":")[2].strip())
    return bool(credits_photos) and ((last.signed and above.signed) or is_labelled_byline(above.text))


def _reads_as_a_signature(signed: str) -> bool:
    """A signed line that may name its writer: a byline with or without a role or a title, or a few words
    written as a name is (a pen name, an outlet's initials: "BBT", "Hương Giang (t/h)"); a line of verse, a
    sentence set in italics, a letter's closing ("Kính thư") or a motto ("Peace and Friendship") is none."""
    return (
        is_byline(signed, with_role=True)
        or (len(signed.split()) <= SIGNATURE_MAX_WORDS and _written_as_a_name(signed))
        or ends_with_byline(signed)
    )


COMMON_WORD_MIN_LETTERS = 3
"""A word in lower case this long is a common word ("thư", "and"); a shorter one may be a signature's
abbreviation ("st", sưu tầm)."""


def _written_as_a_name(words: str) -> bool:
    """Outside brackets, no word in lower case of `COMMON_WORD_MIN_LETTERS` letters or more, or with a
    Vietnamese letter ("đô", "ơn": a common word however short, where an abbreviation is plain ASCII)."""
    outside = re.sub(r"\([^()]*\)", " ", words)
    return not any(
        word.isalpha() and word.islower() and (len(word) >= COMMON_WORD_MIN_LETTERS or not word.isascii())
        for word in outside.split()
    )


def _names_no_writer(signed: str) -> bool:
    """A signed line that is no byline: a photo credit, a line with a figure (a letter's place and date), a
    place alone (where the text was written, "TP.HCM", with the outlet it credits or not) or paired ("Việt
    Nam - Lào"), where a quote is taken from."""
    return bool(
        rules.PHOTO_CREDIT.match(signed)
        or site_rules.CITATION.match(signed)
        or any(map(str.isdigit, signed))
        or _names_a_place(signed)
        or pairs_places(signed)
    )


def _names_a_place(line: str) -> bool:
    """A place alone, with the outlet it credits after it or not ("Hà Nội - Theo Tân Hoa xã"): where the text
    was written, not who wrote it."""
    return is_place_alone(line) or is_place_alone(site_rules.without_outlet(line))


def _names_an_organisation(line: str) -> bool:
    """An acronym alone once the address or outlet after it is off ("VUFO - vufo@vufo.org.vn"): an
    organisation's contact line, not a writer (a writer's initials are shorter or dotted)."""
    return OUTLET_ACRONYM.fullmatch(site_rules.without_outlet(line).strip()) is not None


def _co_signs(line: Block, signature: Block) -> bool:
    """A signed line over the signature the author was read from names a co-author: a line of that
    signature after a line break, or a bare name over a bare name ("Minh Anh" over "Thu Hà"); a name over
    a byline with a label or a role ("Thu Hà (dịch)") signs what the article quotes, a letter."""
    if signature.continues:
        return is_byline(line.text)
    return _bare_name(line.text) and _bare_name(signature.text)


def _bare_name(line: str) -> bool:
    return (
        is_byline(line)
        and site_rules.BYLINE_PREFIX.match(line) is None
        and site_rules.ROLE_SUFFIX.search(line) is None
    )


def _take_notes(blocks: list[Block]) -> tuple[list[Block], Block | None]:
    """The closing block of notes or references ("Tài liệu tham khảo", "Chú thích:" and the lines under
    it, `site_rules.NOTES_MAX_LINES` at most), taken off `blocks`: the byline stands before it, or signed
    right after it, where it is left to be read (and returned, to be put back under the notes when it
    is no byline)."""
    start = next(
        (
            index
            for index in range(len(blocks) - 1, max(len(blocks) - site_rules.NOTES_MAX_LINES - 2, 0), -1)
            if site_rules.marker_key(blocks[index].text, site_rules.NOTES_LONGEST) in site_rules.NOTES_TITLES
        ),
        None,
    )
    if start is None or start < 2:
        return [], None
    end = len(blocks)
    under: Block | None = None
    if blocks[-1].signed and not blocks[-1].caption and _reads_as_a_signature(blocks[-1].text):
        end, under = end - 1, blocks[-1]  # the byline under the notes
    notes = blocks[start:end]
    del blocks[start:end]
    return notes, under


def _take_trailing(blocks: list[Block], takes: Callable[[Block], bool]) -> list[Block]:
    """The run of blocks at the end that `takes`, taken off `blocks`, in page order."""
    taken: list[Block] = []
    while blocks and not blocks[-1].caption and takes(blocks[-1]):
        taken.insert(0, blocks.pop())
    return taken


def _attribution_of(block: Block, enough_left: bool) -> str | None:
    """The source a last line names: any attribution signed as a byline is, or, unsigned, one that reads as
    an outlet's name, when enough of the body is left without it."""
    if block.signed:
        return attribution(block.text)
    return outlet_attribution(block.text) if enough_left else None
