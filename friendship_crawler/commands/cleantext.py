"""`scrapy cleantext FILE...`: clean saved page texts with exactly the rules the crawler uses.

For people who already hold page dumps (from an earlier scraper, an archive): one JSON record per
input file, on standard output or in `-o PATH`. A file that cannot be read as UTF-8 text or holds no
article gets one error line on stderr; the other files are still cleaned and the exit code is 1.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from friendship_crawler.clean import PageTextError, clean_page_text

logger = logging.getLogger(__name__)


class UnreadableText(ValueError):
    """The file is not page text: unreadable, binary, or not valid UTF-8."""


def read_page_text(path: Path) -> str:
    """The file's text; raises `UnreadableText` for binary content or invalid UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableText(f"cannot read: {error.strerror or error}") from error
    if b"\x00" in data:
        raise UnreadableText("binary file (NUL bytes), not page text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableText(
            f"not valid UTF-8 (byte {error.start}: {data[error.start : error.start + 1]!r})"
        ) from error
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 100):
        raise UnreadableText(f"binary file ({controls} control characters), not page text")
    return text


def clean_file(path: Path) -> dict[str, object]:
    """The record of one page-text file; raises `UnreadableText` or `PageTextError`."""
    record = clean_page_text(read_page_text(path)).record()
    record["file"] = str(path)
    return record


class Command(ScrapyCommand):
    """Clean page-text files into JSON records: title, text, author, source, published_at, section, file."""

    requires_project = False
    requires_crawler_process = False
    default_settings = {"LOG_LEVEL": "WARNING"}

    def syntax(self) -> str:
        return "[options] FILE ..."

    def short_desc(self) -> str:
        return "Clean saved article page texts into JSON records, with the crawler's cleaning rules"

    def long_desc(self) -> str:
        return (
            "Read each FILE (full page text starting with the breadcrumb, or markdown-like text starting "
            "with the title), remove everything the site wraps around the article, and write one JSON "
            "record per file to standard output or to -o PATH. Files that are not UTF-8 text or hold no "
            "article are reported on stderr and make the exit code 1."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        group = parser.add_argument_group("Cleaning options")
        group.add_argument("-o", "--output", metavar="PATH", help="write the JSON Lines records to PATH")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args:
            raise UsageError("give at least one page-text FILE", print_help=False)
        failed = 0
        with _output(opts.output) as out:
            for name in args:
                path = Path(name)
                try:
                    record = clean_file(path)
                except (UnreadableText, PageTextError) as error:
                    failed += 1
                    sys.stderr.write(f"cleantext: {name}: {error}\n")
                    continue
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        logger.info("Cleaned %d of %d files", len(args) - failed, len(args))
        if failed:
            self.exitcode = 1


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8") as handle:
        yield handle
