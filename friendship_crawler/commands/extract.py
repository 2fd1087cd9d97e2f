"""`scrapy extract PAGE.html ...`: saved article pages in, JSON Lines records out, no crawl needed.

Each page goes through `read_article`, exactly as the crawl reads it. A page's URL comes from its own
canonical link (or og:url, or JSON-LD url), on whichever site it is; `--url` names it for a page saved
without one. A page that is not an article, or cannot be read, gets one line on stderr; the other pages
are still read and the exit status is 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from friendship_crawler.commands.input_file import TooLarge, read_at_most, unreadable
from friendship_crawler.commands.new_file import new_output, write_new
from friendship_crawler.commands.options import positional_arguments
from friendship_crawler.console.session import ends_on_ctrl_c
from friendship_crawler.extract import NotAnArticle
from friendship_crawler.project_settings import friendship_setting
from friendship_crawler.urls import http_url

logger = logging.getLogger(__name__)


MAX_PAGE_BYTES = 50_000_000
"""The most a saved page may hold: real pages of the site weigh 0.1-0.3 MB, a whole MHTML archive of one a
few MB; a file larger than this (a dump, a device) is refused, read no further than this."""


class Command(ScrapyCommand):
    """Read saved article pages into records, one JSON line each."""

    requires_project = False
    requires_crawler_process = False
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[options] PAGE.html ..."

    def short_desc(self) -> str:
        return "Read saved article pages into JSON Lines records, as the crawl reads them"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        group = parser.add_argument_group("Extract options")
        group.add_argument(
            "--url", metavar="URL", help="the page's URL, for one page saved without a canonical link"
        )
        group.add_argument("-o", "--output", metavar="FILE", help="write the records to FILE (a new file)")

    @ends_on_ctrl_c("extract")
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        args = positional_arguments("extract", args)
        if not args:
            raise UsageError("give at least one saved page PAGE.html", print_help=False)
        if opts.url and len(args) > 1:
            raise UsageError("--url names the URL of one page: give one PAGE with it", print_help=False)
        if opts.url:
            _check_url(opts.url)
        output = new_output(opts.output)
        from friendship_crawler.extract import ArticleExtractor  # the reading, once there is work
        from friendship_crawler.reader import read_page

        extractor = ArticleExtractor(friendship_setting(self.settings, "FRIENDSHIP_CANONICAL_ROOT"))
        records: dict[int, tuple[str, str, str]] = {}  # id -> (page's name, when saved, record): one each
        failed = 0
        read: set[str] = set()
        for name in args:
            path = Path(name)
            real = os.path.realpath(
                name
            )  # a link loop stays itself, to fail below as a file that cannot be read
            if real in read:  # overlapping globs: one page, one record
                sys.stderr.write(f"extract: {name}: named again, read once\n")
                continue
            read.add(real)
            try:
                page = read_at_most(path, MAX_PAGE_BYTES)
                url = opts.url or path.absolute().as_uri()
                article = read_page(page, url, extractor=extractor).article
            except OSError as error:
                failed += 1
                sys.stderr.write(f"extract: {name}: {unreadable(error, '*.html')}\n")
                continue
            except TooLarge:
                failed += 1
                sys.stderr.write(f"extract: {name}: over {MAX_PAGE_BYTES // 1_000_000} MB, no saved page\n")
                continue
            except NotAnArticle as error:
                failed += 1
                sys.stderr.write(f"extract: {name}: {_refusal(error, asked_url=bool(opts.url))}\n")
                continue
            saved = datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(microsecond=0)
            article.crawled_at = saved.isoformat()
            line = json.dumps(asdict(article), ensure_ascii=False) + "\n"
            earlier = records.get(article.article_id)
            if earlier is not None:  # two saved copies of one article: the later saved, as export keeps
                kept, dropped = (name, earlier[0]) if article.crawled_at > earlier[1] else (earlier[0], name)
                sys.stderr.write(f"extract: {dropped}: the article of {kept} saved again, read once\n")
                if kept == earlier[0]:
                    continue
            records[article.article_id] = (name, article.crawled_at, line)
        lines = [line for _, _, line in records.values()]
        unwritten = None
        if output is None:
            sys.stdout.writelines(lines)
        else:
            unwritten = write_new(output, lines)
        if unwritten:
            sys.stderr.write(f"extract: {unwritten}\n")
        logger.info("Read %d of %d pages", len(lines), len(read))
        if failed or unwritten:
            self.exitcode = 1


def _refusal(error: NotAnArticle, asked_url: bool) -> str:
    """Why a page gave no record, in a few words, with the way out where there is one."""
    hint = "; name its URL with --url" if not asked_url and "article id" in error.detail else ""
    if error.reason == "no_address":
        return f"an article that states no address of its own (canonical link, og:url){hint}"
    why = f"{error.reason}: {error.detail}" if error.reason == "not_html" and error.detail else error.reason
    return f"not an article ({why}){hint}"


def _check_url(url: str) -> None:
    """UsageError unless `url` is an http(s) URL with a host, the only kind of address an article has:
    a file path or a bare slug would be read as the page's address and end up in the record."""
    try:
        http_url(url)
    except ValueError:
        raise UsageError(
            f"--url must be an http(s) URL with a host, e.g. https://thoidai.com.vn/<slug>-<id>.html, "
            f"got {url!r}",
            print_help=False,
        ) from None
