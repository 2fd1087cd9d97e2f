"""The one place that reads Scrapy's feed-exporter internals: what each feed of a crawl writes, and where.

Scrapy has no public API for the feeds of a running crawl. The dedup stage needs the local files a run
writes (to confirm what really reached them) and the run monitor needs each feed's item count and
storage. Both read `FeedSlotView`s from here, and tests/test_feed_slots.py fails loudly when a Scrapy
upgrade moves what this module relies on (`FeedExporter.slots`, and each slot's `uri`, `format`,
`feed_options`, `itemcount`, `storage`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scrapy.crawler import Crawler
from scrapy.extensions.feedexport import FeedExporter

JSONLINES_FORMATS = frozenset({"jsonlines", "jsonl", "jl"})


@dataclass(frozen=True)
class FeedSlotView:
    """One feed of a running crawl."""

    uri: str
    format: str
    items: int
    """Items written to it so far."""
    storage: str
    """Class name of its storage (`FileFeedStorage`, `FTPFeedStorage` ...)."""
    postprocessed: bool
    """Compressed or otherwise post-processed: its bytes are not plain JSON Lines."""

    @property
    def path(self) -> Path | None:
        """The local file, or None for remote storage."""
        return local_path(self.uri)

    @property
    def readable_jsonlines(self) -> bool:
        """A local, plain JSON Lines file that can be read back line by line."""
        return self.path is not None and self.format in JSONLINES_FORMATS and not self.postprocessed


def local_path(uri: str) -> Path | None:
    """The absolute local path of a feed URI (`file://` or a plain path), or None for remote storage."""
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(unquote(parts.path)).absolute()
    if parts.scheme == "" or len(parts.scheme) == 1:  # a plain path (or a Windows drive letter)
        return Path(uri).absolute()
    return None


def feed_exporter(crawler: Crawler) -> FeedExporter | None:
    """The crawl's feed-export extension, or None when feeds are off."""
    extensions = getattr(crawler, "extensions", None)
    for extension in getattr(extensions, "middlewares", ()):
        if isinstance(extension, FeedExporter):
            return extension
    return None


def feed_slots(exporter: FeedExporter | None) -> list[FeedSlotView]:
    """The feeds the exporter writes now (its slots exist once the spider is open)."""
    if exporter is None:
        return []
    return [
        FeedSlotView(
            uri=slot.uri,
            format=slot.format,
            items=slot.itemcount,
            storage=type(slot.storage).__name__,
            postprocessed="postprocessing" in slot.feed_options,
        )
        for slot in exporter.slots
    ]
