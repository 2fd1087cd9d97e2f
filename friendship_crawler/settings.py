"""Scrapy settings: polite defaults for the live site. No work is done at import."""

BOT_NAME = "friendship_crawler"
SPIDER_MODULES = ["friendship_crawler.spiders"]
NEWSPIDER_MODULE = "friendship_crawler.spiders"
COMMANDS_MODULE = "friendship_crawler.commands"

USER_AGENT = (
    "friendship_crawler/0.1 (+https://github.com/friendship-crawler/friendship_crawler; "
    "research corpus of thoidai.com.vn Hữu nghị)"
)
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024

AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = 4
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]

ITEM_PIPELINES = {
    "friendship_crawler.dedup.pipeline.DedupPipeline": 800,
}
FRIENDSHIP_STATE_DIR = "state"

FEED_EXPORT_ENCODING = "utf-8"
FEEDS = {
    "output/%(name)s-%(run_id)s.jsonl": {"format": "jsonlines", "encoding": "utf-8"},
}

LOG_LEVEL = "INFO"
LOG_FORMATTER = "friendship_crawler.console.logformatter.ArticleLogFormatter"
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    "friendship_crawler.middlewares.site_hosts.SiteHostsMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "friendship_crawler.middlewares.retry_after.RetryAfterMiddleware": 550,
    "friendship_crawler.middlewares.failures.FailureReasonsMiddleware": 40,
    "friendship_crawler.middlewares.failures.EmptyBodyRetryMiddleware": 560,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "friendship_crawler.middlewares.failures.CountingHttpCompressionMiddleware": 590,
    "friendship_crawler.middlewares.redirects.RedirectGuardMiddleware": 610,
}
FRIENDSHIP_RETRY_AFTER_MAX = 300

EXTENSIONS = {
    "friendship_crawler.archive.extension.WarcArchive": 500,
    "friendship_crawler.monitor.RunMonitor": 500,
    "friendship_crawler.jobdir.CrashSafeJobDir": 0,
    "friendship_crawler.console.progress.ProgressDisplay": 600,
}
