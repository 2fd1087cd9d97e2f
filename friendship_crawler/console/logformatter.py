"""`ArticleLogFormatter`: log lines that name an article by its URL instead of dumping the whole record."""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter, is_item
from scrapy import Spider
from scrapy.http import Response
from scrapy.logformatter import LogFormatter, LogFormatterResult
from twisted.python.failure import Failure


def item_name(item: Any) -> str:
    """The article's URL (or id) when the item has one, else the item's type."""
    if is_item(item):
        adapter = ItemAdapter(item)
        for field in ("url", "article_id"):
            if adapter.get(field):
                return str(adapter[field])
    return type(item).__name__


class ArticleLogFormatter(LogFormatter):
    """Scrapy's messages, with an item shown as its URL: a record's text never fills the log."""

    def dropped(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        result = super().dropped(item, exception, response, spider)
        return {**result, "msg": "Dropped: %(exception)s", "args": {"exception": exception}}

    def item_error(
        self, item: Any, exception: BaseException, response: Response | Failure | None, spider: Spider
    ) -> LogFormatterResult:
        result = super().item_error(item, exception, response, spider)
        return {**result, "msg": "Error processing %(item)s", "args": {"item": item_name(item)}}
