"""The systems compared: ours (extraction + cleaning) and general-purpose extractors, as their docs say.

Each system turns a `Page` into an `Output` (text, author, date). Peers are called the way the
ScrapingHub article-extraction-benchmark calls them (`extractors/run_*.py`), with the page's language
where the library takes one. Our records' `text` starts with the title, so a peer's text is its title
(when it gives one) followed by its body text. A peer that is not installed becomes an `Unavailable`
entry with the reason, reported in the table instead of stopping the run.
"""

from __future__ import annotations

import importlib
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType

import lxml.html

from bench.pages import Page
from friendship_crawler.clean import PageTextError, clean_page_text
from friendship_crawler.extract import NotAnArticle
from friendship_crawler.reader import read_article

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Output:
    """What a system made of one page."""

    text: str
    author: str | None = None
    published_at: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class System:
    """A named extractor; `metadata` is False for systems that return no author or date."""

    name: str
    run: Callable[[Page], Output]
    metadata: bool
    errors: tuple[type[Exception], ...]
    """Exceptions that mean "this page failed" (scored as empty output and counted), not a crash."""
    version: str = ""
    note: str = ""


@dataclass(frozen=True)
class Unavailable:
    """A system that could not be loaded, and why."""

    name: str
    reason: str


def with_title(title: str | None, body: str | None) -> str:
    """The title line, then the body, unless the body already starts with the title."""
    body = (body or "").strip()
    title = (title or "").strip()
    if not title or body.startswith(title):
        return body
    return f"{title}\n{body}"


def _import_quietly(name: str) -> ModuleType:
    """Import a peer, hiding the warnings some emit at import (newspaper4k warns when nltk is absent)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return importlib.import_module(name)


def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return ""


# --- ours ---------------------------------------------------------------------------------------
def ours() -> System:
    """Our reader as a crawl runs it (`read_article`: extraction and cleaning, and the entity stage after
    them, timed with them); sample texts go to the page-text cleaner."""

    def run(page: Page) -> Output:
        if page.page_text is not None:
            cleaned = clean_page_text(page.page_text)
            return Output(cleaned.text, cleaned.author, cleaned.published_at)
        article = read_article(page.html, page.url)
        return Output(article.text, article.author, article.published_at, article.title)

    errors = (NotAnArticle, PageTextError)
    note = "read_article: extraction + cleaning, entities included"
    return System("ours", run, True, errors, _version("friendship_crawler"), note)


# --- peers --------------------------------------------------------------------------------------
# Peers are third-party code run on pages they were not written for: any exception they raise on a
# page is that page's failure, counted and scored as empty output.
_ANY_FAILURE = (Exception,)


def trafilatura_full() -> System:
    trafilatura = _import_quietly("trafilatura")

    def run(page: Page) -> Output:
        document = trafilatura.bare_extraction(
            page.html, url=page.url, include_comments=False, with_metadata=True
        )
        if document is None:
            return Output("")
        return Output(
            with_title(document.title, document.text), document.author, document.date, document.title
        )

    return System("trafilatura", run, True, _ANY_FAILURE, _version("trafilatura"), "with metadata")


def trafilatura_text() -> System:
    trafilatura = _import_quietly("trafilatura")

    def run(page: Page) -> Output:
        return Output(trafilatura.extract(page.html, include_comments=False) or "")

    return System(
        "trafilatura (text only)", run, False, _ANY_FAILURE, _version("trafilatura"), "its fastest call"
    )


def readability_lxml() -> System:
    readability = _import_quietly("readability")
    html_text = _import_quietly("html_text")

    def run(page: Page) -> Output:
        document = readability.Document(page.html, url=page.url)
        body = html_text.extract_text(document.summary(html_partial=True))
        return Output(with_title(document.short_title(), body))

    return System("readability-lxml", run, False, _ANY_FAILURE, _version("readability-lxml"))


def justext_vi() -> System:
    justext = _import_quietly("justext")
    stoplist = justext.get_stoplist("Vietnamese")

    def run(page: Page) -> Output:
        paragraphs = justext.justext(page.html, stoplist)
        return Output("\n".join(p.text for p in paragraphs if not p.is_boilerplate))

    return System("jusText", run, False, _ANY_FAILURE, _version("jusText"), "Vietnamese stoplist")


def resiliparse_main() -> System:
    html2text = _import_quietly("resiliparse.extract.html2text")
    parse = _import_quietly("resiliparse.parse.html")

    def run(page: Page) -> Output:
        tree = parse.HTMLTree.parse(page.html)
        return Output(with_title(tree.title, html2text.extract_plain_text(tree, main_content=True)))

    return System("resiliparse", run, False, _ANY_FAILURE, _version("resiliparse"), "main_content=True")


def newspaper4k() -> System:
    newspaper = _import_quietly("newspaper")

    def run(page: Page) -> Output:
        article = newspaper.article(page.url, language="vi", input_html=page.html, fetch_images=False)
        published = article.publish_date.isoformat() if article.publish_date else None
        return Output(with_title(article.title, article.text), ", ".join(article.authors) or None, published)

    return System("newspaper4k", run, True, _ANY_FAILURE, _version("newspaper4k"), 'language="vi"')


def lxml_floor() -> System:
    """Not an extractor: the bare parse no DOM-based extractor goes below (timed, never scored)."""

    def run(page: Page) -> Output:
        lxml.html.fromstring(page.html)
        return Output("")

    return System("bare lxml parse", run, False, (), _version("lxml"))


PEER_FACTORIES: tuple[tuple[str, Callable[[], System]], ...] = (
    ("trafilatura", trafilatura_full),
    ("trafilatura (text only)", trafilatura_text),
    ("readability-lxml", readability_lxml),
    ("jusText", justext_vi),
    ("resiliparse", resiliparse_main),
    ("newspaper4k", newspaper4k),
)


def load_systems() -> tuple[list[System], list[Unavailable]]:
    """Ours first, then every peer that imports; peers that do not are returned as Unavailable."""
    systems, missing = [ours()], []
    for name, factory in PEER_FACTORIES:
        try:
            systems.append(factory())
        except ImportError as error:
            logger.warning("Peer %s is not available: %s", name, error)
            missing.append(Unavailable(name, f"not installed ({error.name or error})"))
    return systems, missing
