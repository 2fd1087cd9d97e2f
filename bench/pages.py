"""The pages every system is scored and timed on, each with what a perfect extraction returns.

Three kinds: replica article pages (HTML as the replica serves it, ground truth from the corpus, grouped
by template generation); real article pages of MasterCMS sites (tests/fixtures/mastercms/, each with a
hand-written truth), which nobody here wrote and which carry real page weight; and the real sample page
texts that have a hand-made expected record. Those are text, not HTML: our text cleaner reads the text
itself, and the peers get it wrapped as minimal HTML, one `<p>` per line.
"""

from __future__ import annotations

import html
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from friendship_crawler.replica import Corpus
from friendship_crawler.replica.chrome import Hosts
from friendship_crawler.replica.site import ReplicaSite

logger = logging.getLogger(__name__)

SHARED_DIR = Path(__file__).resolve().parents[1].parent / "shared"
SAMPLES_GROUP = "sample texts"
MASTERCMS_DIR = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "mastercms"
MASTERCMS_GROUP = "real MasterCMS"
UNKNOWN_TEMPLATES_DIR = MASTERCMS_DIR.parent / "unknown_templates"
UNKNOWN_TEMPLATES_GROUP = "unknown templates"
REPLICA_BASE_URL = "http://127.0.0.1:8000"
"""The address pages are rendered for; no server listens there, the site answers in memory."""


@dataclass(frozen=True)
class Expected:
    """What a perfect extraction returns for a page."""

    text: str
    author: str | None
    published_at: str | None
    title: str | None = None
    """Set where the truth names it (the real MasterCMS pages), for the exact-title check."""


@dataclass(frozen=True)
class Page:
    """One benchmark page; `page_text` is set for the sample texts, whose `html` is only a wrapper."""

    name: str
    group: str
    """"replica v2019", "replica v2021" or "sample texts"."""
    url: str
    html: str
    expected: Expected
    page_text: str | None = None


def replica_pages(articles: int, seed: int = 2026) -> list[Page]:
    """Every article page of a replica corpus of `articles` stories, duplicates included, by id."""
    corpus = Corpus(seed=seed, articles=articles)
    hosts = Hosts(REPLICA_BASE_URL)
    site = ReplicaSite(corpus, hosts)
    pages: list[Page] = []
    for article_id in sorted(corpus.stories):
        story = corpus.stories[article_id]
        response = site.respond(story.path)
        if response.status != 200:
            raise RuntimeError(f"replica answered {response.status} for its own article {story.path}")
        truth = corpus.expected(article_id)
        pages.append(
            Page(
                name=f"replica/{article_id}",
                group=f"replica {story.generation}",
                url=hosts.link(story.path),
                html=response.body.decode("utf-8"),
                expected=Expected(truth.text, truth.author, truth.published_at),
            )
        )
    return pages


def mastercms_pages(directory: Path = MASTERCMS_DIR) -> list[Page]:
    """The real MasterCMS article pages with their hand-written truth (listing pages left out)."""
    return fixture_pages(directory, MASTERCMS_GROUP, "mastercms")


def unknown_template_pages(directory: Path = UNKNOWN_TEMPLATES_DIR) -> list[Page]:
    """Article pages in templates of other CMSs, written after real Vietnamese outlets' markup, with their
    hand-written truth: what only the generic layers read."""
    return fixture_pages(directory, UNKNOWN_TEMPLATES_GROUP, "unknown")


def fixture_pages(directory: Path, group: str, prefix: str) -> list[Page]:
    """The article pages of a fixture directory (`<case>.html` beside `<case>.json`, whose `article` is the
    truth and `fetched_url` the address; a case without `article` is no article page)."""
    pages: list[Page] = []
    for truth_path in sorted(directory.glob("*.json")):
        case = json.loads(truth_path.read_text(encoding="utf-8"))
        truth = case.get("article")
        if truth is None:
            continue
        pages.append(
            Page(
                name=f"{prefix}/{truth_path.stem}",
                group=group,
                url=case["fetched_url"],
                html=truth_path.with_suffix(".html").read_text(encoding="utf-8"),
                expected=Expected(truth["text"], truth["author"], truth["published_at"], truth["title"]),
            )
        )
    return pages


def sample_pages(shared_dir: Path = SHARED_DIR) -> list[Page]:
    """The sample page texts that have an expected record; none when the shared directory is absent."""
    expected_dir, texts_dir = shared_dir / "expected", shared_dir / "sample-documents"
    if not expected_dir.is_dir() or not texts_dir.is_dir():
        logger.warning("No sample documents at %s; that part of the benchmark is skipped", shared_dir)
        return []
    pages: list[Page] = []
    for record_path in sorted(expected_dir.glob("*.json")):
        record = json.loads(record_path.read_text(encoding="utf-8"))
        text_path = texts_dir / record.get("source_file", f"{record_path.stem}.txt")
        if not text_path.is_file():
            logger.warning(
                "Expected record %s has no page text %s; skipped", record_path.name, text_path.name
            )
            continue
        page_text = text_path.read_text(encoding="utf-8")
        pages.append(
            Page(
                name=f"sample/{text_path.stem}",
                group=SAMPLES_GROUP,
                url=f"https://thoidai.com.vn/sample-{text_path.stem}.html",
                html=wrap_as_html(page_text),
                expected=Expected(record["text"], record.get("author"), record.get("published_at")),
                page_text=page_text,
            )
        )
    return pages


def wrap_as_html(page_text: str) -> str:
    """Minimal HTML of a page text: one `<p>` per non-empty line, nothing else."""
    paragraphs = "".join(
        f"<p>{html.escape(line.strip())}</p>\n" for line in page_text.splitlines() if line.strip()
    )
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{paragraphs}</body></html>\n'
