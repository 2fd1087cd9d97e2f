"""The exported record's JSON Schema (`article.schema.json`), kept beside the code that writes the records.

`friendship_crawler.items.Article` is the source of truth; the schema states the same fields for readers of
the dataset who never see Python, and the run monitor validates every exported item against it.
"""

from friendship_crawler.schema.validator import (
    ARTICLE_SCHEMA_PATH,
    ArticleValidator,
    load_article_schema,
)

__all__ = ["ARTICLE_SCHEMA_PATH", "ArticleValidator", "load_article_schema"]
