"""`scrapy cleantext FILE...`: clean saved page texts with exactly the rules the crawler uses.

For people who already hold page dumps (from an earlier scraper, an archive): one JSON record per
input file, on standard output or in `-o FILE` (a new file, written once every file is read). Files
are UTF-8 unless a byte order mark or `--encoding` says otherwise. A file that cannot be decoded, is
larger than a page text can be, or holds no article gets one error line on stderr; the other files
are still cleaned and the exit code is 1.
"""

from __future__ import annotations

import argparse
import codecs
import json
import logging
import re
import sys
from pathlib import Path

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from friendship_crawler.commands.input_file import TooLarge, read_at_most, unreadable
from friendship_crawler.commands.new_file import new_output, write_new
from friendship_crawler.commands.options import positional_arguments
from friendship_crawler.console.session import ends_on_ctrl_c

logger = logging.getLogger(__name__)


MAX_SIZE_MB = 5.0
"""Default size limit of one input file: the site's longest page text is about 22 kB, so a file of
several megabytes is not a page text (a dump, a log, a database), and reading it whole costs ten times
its size in memory."""
MAX_SIZE_LIMIT_MB = 1_000_000.0
"""The largest `--max-size` taken: a terabyte; beyond it a number only overflows the byte count."""

BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
"""A byte order mark names its encoding for certain, so it wins over `--encoding`."""


HTML_PAGE = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
"""How a saved HTML page starts: its markup is read by `scrapy extract`, not as page text."""


class UnreadableText(ValueError):
    """The file is not page text: unreadable, too large, binary, or not valid in its encoding."""


def text_encoding(name: str) -> str:
    """The codec's canonical name; raises ValueError naming `name` when Python has no such text encoding."""
    try:
        info = codecs.lookup(name)
        "\n".encode(info.name)  # rejects codecs that exist but are not text encodings (rot13, base64)
    except LookupError:
        raise ValueError(
            f"unknown encoding {name!r}; give a Python codec name such as cp1258 or latin-1"
        ) from None
    return info.name


def read_page_text(path: Path, encoding: str | None = None, max_size_mb: float = MAX_SIZE_MB) -> str:
    """The file's text; raises `UnreadableText` for a file too large, binary content or undecodable bytes.

    A byte order mark (UTF-8, UTF-16, UTF-32) decides the encoding; without one the file is read as
    `encoding`, UTF-8 by default.
    """
    data = _read_at_most(path, int(max_size_mb * 1_000_000))
    mark, codec = next(
        ((m, c) for m, c in BYTE_ORDER_MARKS if data.startswith(m)), (b"", encoding or "utf-8")
    )
    _check_nul_bytes(data[len(mark) :], codec)
    try:
        text = data[len(mark) :].decode(codec)
    except UnicodeDecodeError as error:
        at = len(mark) + error.start
        found = f"byte {at}: {data[at : at + 1]!r}"
        if mark or encoding:
            raise UnreadableText(f"not valid {codec} ({found})") from error
        raise UnreadableText(
            f"not valid UTF-8 ({found}); if it is in another encoding, pass --encoding NAME (e.g. cp1258)"
        ) from error
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 100):
        raise UnreadableText(f"binary file ({controls} control characters), not page text")
    if HTML_PAGE.match(text):
        raise UnreadableText("an HTML page, not page text: read it with `scrapy extract`")
    return text


def _check_nul_bytes(data: bytes, codec: str) -> None:
    """Refuse bytes whose NULs contradict `codec`, where a strict decode alone would pass them: a one-byte
    encoding decodes anything, and UTF-16 turns any even number of UTF-8 bytes into CJK-looking text.

    Page text in a one-byte encoding (or UTF-8) holds no NUL byte, so one means a binary file; in UTF-16
    and UTF-32 every space and line break holds one, so none means the file is in another encoding.
    """
    wide = b"\x00" in "\n".encode(codec)  # UTF-16 and UTF-32, not utf-8-sig (longer only by its BOM)
    if not wide and b"\x00" in data:
        guess = _wide_encoding(data)
        if guess is not None:
            raise UnreadableText(
                f"NUL bytes laid out as in {guess} text without a byte order mark: pass --encoding {guess}"
            )
        raise UnreadableText("binary file (NUL bytes), not page text")
    if wide and data and b"\x00" not in data:
        raise UnreadableText(
            f"not valid {codec} (no NUL byte, yet every space and line break in {codec} has one)"
        )


WIDE_SAMPLE = 65_536
"""Bytes looked at to tell UTF-16 or UTF-32 text without a byte order mark."""


def _wide_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 byte order the NUL bytes of `data` are laid out in (a NUL in the high bytes of
    every ASCII character: every space, line break and digit of a page text), or None for a binary file."""
    sample = data[:WIDE_SAMPLE]
    for width, codec in ((4, "utf-32"), (2, "utf-16")):
        at = [sample[offset::width].count(0) / max(1, len(sample) // width) for offset in range(width)]
        high, low = (at[1:], at[0]) if at[0] < min(at[1:]) else (at[:-1], at[-1])
        if min(high) >= 0.5 and low < 0.05:
            return f"{codec}-le" if high == at[1:] else f"{codec}-be"
    return None


def _read_at_most(path: Path, limit: int) -> bytes:
    """The file's bytes; refused unread when over `limit` (checked again after, for pipes and growth)."""
    try:
        return read_at_most(path, limit)
    except OSError as error:
        raise UnreadableText(unreadable(error, "*.txt")) from error
    except TooLarge as error:
        raise UnreadableText(f"{error} for a page text (--max-size MB)") from error


def clean_file(
    path: Path, encoding: str | None = None, max_size_mb: float = MAX_SIZE_MB
) -> dict[str, object]:
    """The record of one page-text file; raises `UnreadableText` or `PageTextError`."""
    from friendship_crawler import reader  # the cleaning, once there is work

    record = reader.read_page_text(read_page_text(path, encoding, max_size_mb))
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
            "record per file to standard output or to -o FILE (a new file). Files are read as UTF-8 "
            "unless they start with a byte order mark (UTF-8, UTF-16, UTF-32) or --encoding names another "
            "encoding. Files that cannot be decoded, are over --max-size or hold no article are reported "
            "on stderr and make the exit code 1."
        )

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        group = parser.add_argument_group("Cleaning options")
        group.add_argument(
            "-o", "--output", metavar="FILE", help="write the JSON Lines records to FILE (a new file)"
        )
        group.add_argument(
            "--encoding",
            metavar="NAME",
            help="encoding of files without a byte order mark, e.g. cp1258 or latin-1 (default utf-8)",
        )
        group.add_argument(
            "--max-size",
            type=float,
            default=MAX_SIZE_MB,
            metavar="MB",
            help=f"refuse files larger than MB megabytes (default {MAX_SIZE_MB:g})",
        )

    @ends_on_ctrl_c("cleantext")
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        args = positional_arguments("cleantext", args)
        if not args:
            raise UsageError("give at least one page-text FILE", print_help=False)
        if not 0 < opts.max_size <= MAX_SIZE_LIMIT_MB:  # also false for nan
            raise UsageError(
                f"--max-size must be a number of megabytes above 0 and up to {MAX_SIZE_LIMIT_MB:g}, "
                f"got {opts.max_size:g}",
                print_help=False,
            )
        try:
            encoding = text_encoding(opts.encoding) if opts.encoding else None
        except ValueError as error:
            raise UsageError(f"--encoding: {error}", print_help=False) from error
        output = new_output(opts.output)
        from friendship_crawler.clean import PageTextError  # the cleaning, once there is work

        failed, records = 0, []
        for name in args:
            path = Path(name)
            try:
                record = clean_file(path, encoding, opts.max_size)
            except (UnreadableText, PageTextError) as error:
                failed += 1
                sys.stderr.write(f"cleantext: {name}: {error}\n")
                continue
            line = json.dumps(record, ensure_ascii=False) + "\n"
            if output is None:
                sys.stdout.write(line)
            else:
                records.append(line)
        unwritten = write_new(output, records) if output is not None else None
        if unwritten:
            sys.stderr.write(f"cleantext: {unwritten}\n")
        logger.info("Cleaned %d of %d files", len(args) - failed, len(args))
        if failed or unwritten:
            self.exitcode = 1
