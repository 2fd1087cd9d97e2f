"""Article extraction: `html, url -> Article`, with no Scrapy and no I/O, testable from a saved page.

extractor = ArticleExtractor(canonical_root="https://thoidai.com.vn")
result = extractor.extract(html, url)   # raises NotAnArticle(reason, detail)
result.article, result.fallback, result.generation, result.sources
"""

from friendship_crawler.extract.errors import NOT_ARTICLE_REASONS, NotAnArticle
from friendship_crawler.extract.extractor import ArticleExtractor, Extraction

__all__ = ["NOT_ARTICLE_REASONS", "ArticleExtractor", "Extraction", "NotAnArticle"]
