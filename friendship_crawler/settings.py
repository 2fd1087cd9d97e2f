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

CONCURRENT_REQUESTS_PER_DOMAIN = 2
CONCURRENT_REQUESTS = CONCURRENT_REQUESTS_PER_DOMAIN  # one site: more would only queue requests in the
# downloader's slot, ahead of the listing pages the spider puts first (the crawl's measure and ETA)
CONCURRENT_ITEMS = 8  # a page's output takes this many workers; it is one item, or a listing's links, and
# Scrapy starts every worker for every response: 100 by default, 101 asyncio tasks per page fetched
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

FEED_EXPORT_ENCODING = "utf-8"
FEEDS = {
    "output/%(name)s-%(run_id)s.jsonl": {"format": "jsonlines", "encoding": "utf-8", "store_empty": False},
}

LOG_LEVEL = "INFO"
LOG_FORMATTER = "friendship_crawler.console.logformatter.ArticleLogFormatter"
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    "friendship_crawler.middlewares.site_hosts.SiteHostsMiddleware": 50,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "friendship_crawler.middlewares.robots.StrictRobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "friendship_crawler.middlewares.retry_after.RetryAfterMiddleware": 550,
    "friendship_crawler.middlewares.failures.FailureReasonsMiddleware": 40,
    "friendship_crawler.middlewares.failures.CutPageRetryMiddleware": 555,
    "friendship_crawler.middlewares.failures.EmptyBodyRetryMiddleware": 560,
    "scrapy.downloadermiddlewares.httpcompression.HttpCompressionMiddleware": None,
    "friendship_crawler.middlewares.failures.CountingHttpCompressionMiddleware": 590,
    "friendship_crawler.middlewares.redirects.RedirectGuardMiddleware": 610,
}

EXTENSIONS = {
    "friendship_crawler.archive.extension.WarcArchive": 500,
    "friendship_crawler.monitor.RunMonitor": 500,
    "friendship_crawler.jobdir.CrashSafeJobDir": 0,
    "friendship_crawler.console.progress.ProgressDisplay": 600,
}

# The project's own settings, each read through `friendship_crawler.project_settings.friendship_setting`,
# which takes its default from here. Relative directories count from the project root (`paths.py`).

FRIENDSHIP_HOME = None  # project root for state and output; None: the closest scrapy.cfg's directory
FRIENDSHIP_STATE_DIR = "state"  # dedup state and crawl frontier (SQLite)
FRIENDSHIP_OUTPUT_DIR = "output"  # run files and duplicates reports
FRIENDSHIP_MONITOR_REPORTS_DIR = "output/runs"  # run reports and full crawl logs
FRIENDSHIP_ARCHIVE_DIR = "output/archive"  # WARC archives of fetched pages
FRIENDSHIP_CANONICAL_ROOT = "https://thoidai.com.vn"  # the host every article URL is folded onto
FRIENDSHIP_RUN_ID = None  # set by `scrapy crawl` so feeds and log share one id; None: the spider makes one

FRIENDSHIP_INCREMENTAL = True  # skip articles earlier runs exported; stop listings at known entries
FRIENDSHIP_DEDUP_ENABLED = True  # the dedup pipeline (needed by incremental runs)
FRIENDSHIP_DEDUP_SHINGLE_WORDS = 4  # words per shingle of the MinHash signature
FRIENDSHIP_DEDUP_NUM_PERM = 128  # MinHash permutations (signature size)
FRIENDSHIP_DEDUP_NEAR_THRESHOLD = 0.4  # estimated Jaccard at or above which two texts may be one story
FRIENDSHIP_DEDUP_MAX_ANCHOR_CONFLICT = 5  # names and figures two copies of one story may disagree on

FRIENDSHIP_RETRY_AFTER_MAX = 300.0  # longest Retry-After wait honoured, seconds
FRIENDSHIP_BACKOFF_BASE = 1.0  # first wait after a 5xx without Retry-After, seconds (doubles)
FRIENDSHIP_BACKOFF_MAX_DELAY = 60.0  # highest download delay back-off raises the site to, seconds

FRIENDSHIP_ARCHIVE_ENABLED = True  # keep fetched pages in WARC for `scrapy reprocess`
FRIENDSHIP_ARCHIVE_LISTINGS = False  # archive listing pages too

FRIENDSHIP_MONITOR_ENABLED = True  # check every run and write its report
FRIENDSHIP_MONITOR_MAX_ERRORS = 0  # logged errors a healthy run stays within
FRIENDSHIP_MONITOR_MAX_RETRY_GIVEUPS = 0  # requests given up after all retries
FRIENDSHIP_MONITOR_MAX_RETRY_RATE = 0.5  # retries per downloaded response
FRIENDSHIP_MONITOR_MAX_HTTP_ERROR_RATE = 0.02  # share of responses still 4xx/5xx after retries
FRIENDSHIP_MONITOR_MAX_INVALID_ITEMS = 0  # items failing the record's JSON Schema
FRIENDSHIP_MONITOR_MIN_COVERAGE = 1.0  # share of items with title, text and published_at
FRIENDSHIP_MONITOR_MIN_ITEMS = 0  # items exported at least (0: a run with nothing new is healthy)
FRIENDSHIP_MAX_FALLBACK_RATE = 0.0  # share of articles read by generic rules: above it, the markup drifted
FRIENDSHIP_MONITOR_MAX_GUESSED_SHARE = 0.5  # share of articles whose title, author, sapo or date is guessed
FRIENDSHIP_MONITOR_MAX_UNREADABLE_SHARE = 0.2  # share of article pages fetched that give no record (from 3)

FRIENDSHIP_CONSOLE = True  # progress, one-line errors and a summary on the console; full log to a file
FRIENDSHIP_PROGRESS_INTERVAL = 30.0  # seconds between progress lines when stderr is not a terminal
