"""Pages that look like articles to a crawler but must never become records, and how to tell them.

Listing pages (a known listing markup, or article links in the main column of a page without a headline),
video and infographic pages (a title prefix and a body with a player or an image but no text), and
soft-404 pages (HTTP 200 with a "Không tìm thấy trang" message and no article title).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement
from parsel import Selector

from friendship_crawler.clean.lines import is_other_credit
from friendship_crawler.extract import selectors
from friendship_crawler.extract.body import Body, visible_text
from friendship_crawler.extract.fallbacks import BADGE_BRACKETS
from friendship_crawler.extract.marks import PageMarks
from friendship_crawler.listing import parse_listing
from friendship_crawler.site_rules import NOT_FOUND, is_not_found_title, source_of


def is_listing(root: HtmlElement) -> bool:
    """The page carries a listing of article entries in a known listing markup."""
    return any(xpath(root) for xpath in selectors.LISTING_ENTRIES)


def lists_articles(root: HtmlElement, url: str) -> bool:
    """The listing fallback finds article links in the page's main column.

    Asked only of pages with neither an article body nor a headline: an article page links a few
    articles too, so links alone do not make a listing of a page that has a headline.
    """
    return bool(parse_listing(Selector(root=root, type="html"), url).entries)


def says_not_found(marks: PageMarks, *titles: str | None, plainly: bool = False) -> bool:
    """The page's title or headings say the page does not exist; `marks` are the page's.

    `plainly`: only as an error message says it (a few words beside "404", "Không tìm thấy", in a part
    of a title between its separators), or a box whose class names an error; a headline that names
    "Quốc lộ 404" or a site that "đã bị xóa" does not say it plainly."""
    said = _is_error_message if plainly else _mentions_missing
    if any(title and said(title) for title in titles):
        return True
    for node in marks.with_classes_like(selectors.ERROR_CLASS, also=selectors.HEADINGS)[:20]:
        in_error_box = selectors.ERROR_CLASS.search(node.get("class") or "") is not None
        if (NOT_FOUND.search if in_error_box else said)(visible_text(node)):
            return True
    return False


def _mentions_missing(text: str) -> bool:
    return NOT_FOUND.search(text) is not None or _is_error_message(text)


def _is_error_message(text: str) -> bool:
    return any(is_not_found_title(part) for part in selectors.TITLE_SEPARATOR.split(text))


def told_by_captions(body: Body) -> bool:
    """A body whose text is its captions: photo news or a photo story, a photo told in `STORY_CAPTION_WORDS`
    words or more ("Toàn cảnh Hội nghị."), where an infographic's caption only names it ("Infographic",
    "Đồ họa: …") or credits who made it."""
    return any(
        block.caption
        and not _credits(block.text)
        and not NAMES_A_GRAPHIC.search(block.text)
        and len(block.text.split()) >= STORY_CAPTION_WORDS
        for block in body.blocks
    )


def _credits(line: str) -> bool:
    """A line that credits the hands and the source of a work, and says nothing else."""
    return is_other_credit(line) or source_of(line) is not None


STORY_CAPTION_WORDS = 3
"""A caption this long tells what its photo shows: the text of a photo story."""
NAMES_A_GRAPHIC = re.compile(r"infographic|đồ họa|đồ hoạ|emagazine|e-magazine", re.IGNORECASE)


def media_kind(
    title: str,
    body: Body,
    container: HtmlElement | None,
    by_title_only: bool = False,
    badge: str | None = None,
) -> str | None:
    """ "video" or "infographic" when the body has no text of its own (captions and the credits of who
    made it and where it is from are none: "Thiết kế: Hà Phương - Nguồn: TTXVN"), else None.

    The title prefix ("[Video] ...", "[Infographic] ...") or the headline's `badge` decides first; with
    `by_title_only` false, a body holding only a player or only images decides too (used once the
    generic layer found no text).
    """
    if any(not block.caption and not _credits(block.text) for block in body.blocks):
        return None
    badged = f"[{badge.strip(BADGE_BRACKETS)}] {title}" if badge else title
    if selectors.VIDEO_TITLE.search(badged):
        return "video"
    if selectors.INFOGRAPHIC_TITLE.search(badged):
        return "infographic"
    if by_title_only:
        return None
    if container is not None and any(xpath(container) for xpath in selectors.PLAYERS):
        return "video"
    if body.images:
        return "infographic"
    return None
