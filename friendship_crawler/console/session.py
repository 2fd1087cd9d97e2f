"""Console set-up of one crawl: Scrapy's full log to a file, errors on stderr in one line, start notes.

With `FRIENDSHIP_CONSOLE` on (the default) a crawl writes Scrapy's log to
`<FRIENDSHIP_MONITOR_REPORTS_DIR>/<spider>-<run id>.log` at `LOG_LEVEL` (`-L`), unless `LOG_FILE`
(`--logfile`) names another file, and the terminal shows the progress display, errors and the summary.
The project's commands that crawl nothing (`export`, `reprocess`) say what they did in the same plain
lines (`command_log`). `-s FRIENDSHIP_CONSOLE=0` gives Scrapy's own console log back.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TextIO, TypeVar
from urllib.parse import urljoin, urlsplit

from scrapy.settings import BaseSettings, Settings
from scrapy.utils.log import configure_logging

from friendship_crawler.console.summary import shown
from friendship_crawler.hosts import is_loopback_host
from friendship_crawler.project_settings import friendship_setting
from friendship_crawler.run import Run

RUN_ID_SETTING = "FRIENDSHIP_RUN_ID"
"""The run id a command chose before the crawl, so the log file and the feeds share it."""


def console_enabled(settings: BaseSettings) -> bool:
    return bool(friendship_setting(settings, "FRIENDSHIP_CONSOLE"))


def route_log_to_file(settings: BaseSettings, spider_name: str, run_id: str) -> Path:
    """Point Scrapy's log at the run's log file (unless the user chose one); returns the file."""
    if settings.get("LOG_FILE"):
        return Path(settings["LOG_FILE"]).absolute()
    path = Run.at(settings, spider_name, run_id).log_file
    path.parent.mkdir(parents=True, exist_ok=True)
    settings.set("LOG_FILE", str(path), priority="cmdline")
    return path


class OneLineFormatter(logging.Formatter):
    """`LEVEL: message` (a notice below WARNING without its level), first line only: the traceback stays
    in the log file."""

    def format(self, record: logging.LogRecord) -> str:
        message = record.getMessage().strip().splitlines()
        level = f"{record.levelname}: " if record.levelno >= logging.WARNING else ""
        return f"{level}{message[0] if message else ''}"

    def formatException(self, ei: object) -> str:  # noqa: N802 (logging's own name)
        return ""


class OncePerRequest(logging.Filter):
    """One console line per failed request: Scrapy logs a request given up three times over (the retry
    middleware gives up, the scraper reports the download error, and robots.txt's middleware reports the
    failed robots.txt under the request that waited for it). The first record about a URL is shown; the
    log file keeps them all."""

    ROBOTS_LOGGER = "scrapy.downloadermiddlewares.robotstxt"

    def __init__(self) -> None:
        super().__init__()
        self._shown: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        url = self._url_of(record)
        if url is None:
            return True
        if url in self._shown:
            return False
        self._shown.add(url)
        return True

    def _url_of(self, record: logging.LogRecord) -> str | None:
        """The URL the record is about: its request's, or the robots.txt that request waited for."""
        args = record.args
        request = args.get("request") if isinstance(args, Mapping) else None
        url = getattr(request, "url", None)
        if not isinstance(url, str):
            return None
        return urljoin(url, "/robots.txt") if record.name == self.ROBOTS_LOGGER else url


class ErrorsAndStops(logging.Filter):
    """Records at `level` or above, and Scrapy's word that a Ctrl-C was heard: the crawl goes on for
    seconds while the pages in flight finish, and a person should know the key press was not lost."""

    STOP_LOGGER = "scrapy.crawler"

    def __init__(self, level: int) -> None:
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= self.level:
            return True
        return record.name == self.STOP_LOGGER and str(record.msg).startswith("Received %(signame)s")


def show_errors_on_console(stream: TextIO = sys.stderr, level: int = logging.ERROR) -> logging.Handler:
    """Add a root handler that shows errors on the console in one line each, one per failed request, and
    the notice that a Ctrl-C stops the crawl (`ErrorsAndStops`)."""
    handler = logging.StreamHandler(stream)
    handler.setLevel(min(level, logging.INFO))
    handler.setFormatter(OneLineFormatter())
    handler.addFilter(ErrorsAndStops(level))
    handler.addFilter(OncePerRequest())
    logging.getLogger().addHandler(handler)
    return handler


def command_log(settings: Settings, stream: TextIO = sys.stderr) -> None:
    """Logging of a command that crawls nothing: its messages on the console as plain lines, one each
    (`OneLineFormatter`: no time, no logger name, a level only from WARNING up). Scrapy's own format when
    the console is off or `--logfile` sends the log to a file."""
    if not console_enabled(settings) or settings.get("LOG_FILE"):
        configure_logging(settings)
        return
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    configure_logging(settings)
    handler = logging.StreamHandler(stream)
    handler.setLevel(settings.get("LOG_LEVEL"))
    handler.setFormatter(OneLineFormatter())
    root = logging.getLogger()
    root.setLevel(logging.NOTSET)  # as Scrapy's own root handler leaves it: the handler's level decides
    root.addHandler(handler)


INTERRUPTED = 130
"""The exit status a shell gives a command ended by Ctrl-C (128 + SIGINT)."""
_Run = TypeVar("_Run", bound=Callable[..., Any])


def ends_on_ctrl_c(name: str) -> Callable[[_Run], _Run]:
    """A command's `run` that a Ctrl-C ends with one line and exit 130, not a traceback; what it was
    writing is cleaned up on the way out, as on any error."""

    def wrap(run: _Run) -> _Run:
        @functools.wraps(run)
        def interruptible(*args: Any, **kwargs: Any) -> Any:
            try:
                return run(*args, **kwargs)
            except KeyboardInterrupt:
                sys.stderr.write(f"{name}: interrupted\n")
                raise SystemExit(INTERRUPTED) from None

        return interruptible  # type: ignore[return-value]

    return wrap


def start_notes(settings: BaseSettings, base_url: str | None, log_path: Path | None) -> list[str]:
    """What a person should know as the crawl starts: what is crawled, where the log is, any slowness."""
    notes = [
        f"Crawling {base_url or 'the live site'}" + (f"; full log: {shown(log_path)}" if log_path else "")
    ]
    host = urlsplit(base_url or "").hostname or ""
    delay = settings.getfloat("DOWNLOAD_DELAY")
    throttled = settings.getbool("AUTOTHROTTLE_ENABLED")
    if is_loopback_host(host) and (delay > 0 or throttled):
        notes.append(
            f"Note: this local replica is crawled with the live site's delays (DOWNLOAD_DELAY={delay:g}, "
            f"AutoThrottle {'on' if throttled else 'off'}): a full crawl takes minutes. "
            "`-s AUTOTHROTTLE_ENABLED=0 -s DOWNLOAD_DELAY=0` (or `python -m friendship_crawler.offline`) "
            "takes seconds."
        )
    return notes
