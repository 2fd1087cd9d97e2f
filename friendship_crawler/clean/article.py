"""The cleaning chain in one place: an article's text lines in, the article's own lines out.

Used by `read_article` (on extracted text, which should already be clean and must come out
unchanged) and by the page-text cleaner (on raw page dumps). The first line, when it is the title,
is kept as it is; every rule sees the body lines only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from friendship_crawler.clean.lines import (
    Removal,
    clean_markdown,
    cut_trailer,
    drop_header_lines,
    drop_image_alts,
    drop_related_lines,
    drop_repeated_paragraphs,
    drop_widget_lines,
    removed_part,
    split_byline,
    strip_edge_bars,
    strip_markdown_images,
)
from friendship_crawler.items import Article, Image, content_hash
from friendship_crawler.textnorm import normalize_line

RULES = (
    "header",
    "trailer",
    "widget",
    "markdown",
    "related",
    "image_alt",
    "repeat",
    "source",
    "article_footer",
    "byline",
)
"""Every rule name a `Removal` can carry (the `friendship/clean/.../<rule>` stats keys)."""


@dataclass(frozen=True)
class CleanedLines:
    """The article's lines (title first when it was given first) and what was taken out, by rule."""

    lines: list[str]
    removals: list[Removal] = field(default_factory=list)
    author: str | None = None
    """The byline found at the end of the body, without a "(...)" suffix."""
    source: str | None = None
    """The value of a "Nguồn:" line; None when empty or absent."""
    starts_with_title: bool = True

    @property
    def body(self) -> list[str]:
        """The lines after the title."""
        return self.lines[1:] if self.starts_with_title else self.lines


def clean_article_lines(
    lines: Iterable[str],
    title: str,
    author: str | None = None,
    shows_alt_text: bool = False,
    from_markup: bool = False,
    captions: frozenset[str] = frozenset(),
) -> CleanedLines:
    """Normalise the lines (NFC, spaces) and remove the site's boilerplate, keeping page order.

    `author`, when known, is the only byline taken off the end; otherwise a name-like line before a
    "Nguồn:" line or right before a trailer box is. `shows_alt_text` says the lines come from a page
    dump where every image left its alt line (full page text), so a headline-like line right before
    a credited caption is an alt, not a subheading. `from_markup` says they are a body read from its
    container (`lines.trailer_start`), and `captions` its photos' captions (no "Nguồn:" line of theirs
    names the article's source).
    """
    title = normalize_line(title)
    normalised = [line for line in map(normalize_line, lines) if line]
    head = normalised[:1] if normalised and normalised[0] == title else []
    body = normalised[len(head) :]
    removals: list[Removal] = []

    body, removed = drop_header_lines(body, from_markup)
    removals += removed
    body, removed = cut_trailer(body, from_markup, title)
    removals += removed
    before_trailer = bool(removed)
    body, removed = drop_widget_lines(body, from_markup)
    removals += removed
    for rule in (clean_markdown, drop_related_lines):
        body, removed = rule(body)
        removals += removed
    if not from_markup:  # a page's markup says a paragraph twice when its text does
        body, removed = drop_repeated_paragraphs(body)
        removals += removed
    body, removed = drop_image_alts(body, title, shows_alt_text, from_markup)
    removals += removed
    byline = split_byline(body, author, before_trailer, captions)
    removals += byline.removals
    return CleanedLines([*head, *byline.lines], removals, byline.author, byline.source, bool(head))


def clean_inline(text: str) -> tuple[str, list[Removal]]:
    """One field of running text (sapo, caption): normalised, markdown images and edge bars removed."""
    line = normalize_line(text)
    stripped, _ = strip_markdown_images(line)
    stripped = strip_edge_bars(stripped).strip()
    if stripped == line:
        return line, []
    return stripped, [Removal("markdown", removed_part(line, stripped), whole_line=False)]


@dataclass(frozen=True)
class CleanedArticle:
    """An Article after cleaning, what was removed, and whether any article text is left."""

    article: Article
    removals: list[Removal] = field(default_factory=list)
    has_body: bool = True
    """False when nothing but the title (and sapo) is left: such an item is not an article."""


def clean_article_fields(article: Article) -> CleanedArticle:
    """Clean `text`, `sapo` and image captions; fill `author`/`source` from a byline found in the text.

    The same object comes back when nothing changed, so correct records pass through untouched.
    """
    removals: list[Removal] = []
    sapo, removed = clean_inline(article.sapo)
    removals += removed
    images = []
    for image in article.images:
        caption, removed = clean_inline(image.caption)
        removals += removed
        images.append(Image(url=image.url, caption=caption))
    cleaned = clean_article_lines(
        article.text.split("\n"),
        article.title,
        author=article.author,
        from_markup=True,
        captions=frozenset(normalize_line(image.caption) for image in images if image.caption),
    )
    removals += cleaned.removals
    has_body = any(line != sapo for line in cleaned.body)
    text = "\n".join(cleaned.lines)
    if text == article.text and sapo == article.sapo and images == article.images:
        return CleanedArticle(article, removals, has_body)
    changed = replace(
        article,
        text=text,
        sapo=sapo,
        images=images,
        author=article.author or cleaned.author,
        source=article.source or cleaned.source,
        content_hash=content_hash(text),
    )
    return CleanedArticle(changed, removals, has_body)
