#!/usr/bin/env python3
"""Schedule one `friendship` crawl on a Scrapyd, unless a job of it is still pending or running.

Scrapyd runs jobs in the background, so the lock of run-periodic.sh cannot cover the crawl itself; this
script asks `listjobs.json` first. Exit status: 0 scheduled (the job id is printed), 75 a job is still
pending or running, 1 Scrapyd refused or could not be reached, 2 a usage error: no Scrapyd URL, an
argument that is no `-a name=value` or `-s NAME=value`, or a spider argument the spider refuses (checked
here, with the spider's own rules, before Scrapyd is asked: a job would only fail later, out of sight).
Arguments after the URL are `-a name=value` spider arguments and `-s NAME=value` settings, as for
`scrapy crawl`.

A Scrapyd job runs from an egg in Scrapyd's directory, far from the project: each job gets the setting
`FRIENDSHIP_HOME=<project root>` (the root this script finds, as a crawl would: `FRIENDSHIP_HOME`, else
the closest scrapy.cfg; run outside any project, the checkout this script lives in), so it keeps its state
and output in the same directories as `scrapy crawl` run in the project. A `-s FRIENDSHIP_HOME=...` given
here wins.

A `user:password@` in the URL is sent as HTTP Basic authentication (urllib ignores it in a URL) and never
printed: messages show the URL with the password as `***`.
"""

from __future__ import annotations

import json
import os
import sys
from base64 import b64encode
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import URLError
from urllib.parse import unquote, urlencode, urlunsplit
from urllib.request import Request, urlopen

from scrapy.utils.conf import closest_scrapy_cfg

from friendship_crawler.paths import HOME, project_root
from friendship_crawler.spiders.params import CrawlParams, SpiderArgumentError
from friendship_crawler.urls import http_url

PROJECT = "friendship_crawler"
SPIDER = "friendship"
BUSY_EXIT = 75
USAGE_EXIT = 2
USAGE = "usage: schedule_scrapyd.py SCRAPYD_URL [-a name=value ...] [-s NAME=value ...]"
CHECKOUT = Path(__file__).resolve().parents[1]
"""The project checkout this script lives in (it is the checkout's deploy/)."""


@dataclass(frozen=True)
class Scrapyd:
    """A Scrapyd's URL with its credentials taken out into a header."""

    url: str
    """Without user and password."""
    shown: str
    """For messages: the password as `***`."""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_url(cls, url: str) -> Scrapyd:
        """Split `http://user:password@host:port` into the bare URL and a Basic `Authorization` header;
        ValueError for anything but an http(s) URL with a host."""
        try:
            parts = http_url(url.rstrip("/"))
        except ValueError:
            raise ValueError(
                f"{url!r} is no Scrapyd URL: give http://host:port (e.g. http://127.0.0.1:6800)"
            ) from None
        host = parts.netloc.rpartition("@")[2]
        bare = urlunsplit(parts._replace(netloc=host))
        if parts.username is None:
            return cls(bare, bare)
        credentials = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        shown = urlunsplit(parts._replace(netloc=f"{parts.username}:***@{host}"))
        return cls(bare, shown, {"Authorization": f"Basic {b64encode(credentials).decode()}"})


def _call(scrapyd: Scrapyd, endpoint: str, data: list[tuple[str, str]] | None = None) -> dict[str, object]:
    """Call a Scrapyd endpoint (POST when `data` is given); raises RuntimeError unless it answers ok."""
    body = urlencode(data).encode() if data is not None else None
    request = Request(f"{scrapyd.url}/{endpoint}", data=body, headers=scrapyd.headers)
    with urlopen(request, timeout=30) as response:  # noqa: S310 (the URL is the operator's Scrapyd)
        answer: dict[str, object] = json.load(response)
    if answer.get("status") != "ok":
        raise RuntimeError(f"Scrapyd answered {answer}")
    return answer


def _form(arguments: list[str]) -> list[tuple[str, str]]:
    """schedule.json's form fields from `-a name=value` and `-s NAME=value` arguments.

    Raises ValueError for an argument that is no `-a name=value` or `-s NAME=value`, and
    SpiderArgumentError when the spider would refuse its arguments.
    """
    spider_arguments: dict[str, str] = {}
    settings: dict[str, str] = {}
    flags = iter(arguments)
    for flag in flags:
        name, equals, value = next(flags, "").partition("=")
        if flag not in {"-a", "-s"} or not name or not equals:
            given = " ".join(part for part in (flag, name + equals + value) if part)
            raise ValueError(f"{given!r} is no -a name=value or -s NAME=value")
        (spider_arguments if flag == "-a" else settings)[name] = value
    CrawlParams.parse(**spider_arguments)
    settings.setdefault(HOME, str(_home()))
    return [
        ("project", PROJECT),
        ("spider", SPIDER),
        *spider_arguments.items(),
        *(("setting", f"{name}={value}") for name, value in settings.items()),
    ]


def _home() -> Path:
    """The root a crawl would use; outside any project, this script's checkout instead of the cwd, which
    would give the job a state and output directory where nothing else looks."""
    if os.environ.get(HOME) or closest_scrapy_cfg():
        return project_root()
    return CHECKOUT


def main(argv: list[str]) -> int:
    """Schedule a crawl on the Scrapyd at argv[1]; returns the exit status."""
    if len(argv) < 2:
        print(USAGE, file=sys.stderr)
        return USAGE_EXIT
    try:
        scrapyd = Scrapyd.from_url(argv[1])
    except ValueError as error:
        print(f"not scheduling: {error}", file=sys.stderr)
        return USAGE_EXIT
    try:
        form = _form(argv[2:])
    except SpiderArgumentError as error:
        print(f"not scheduling: spider {SPIDER}: {error}", file=sys.stderr)
        return USAGE_EXIT
    except ValueError as error:
        print(f"not scheduling: {error}", file=sys.stderr)
        return USAGE_EXIT
    try:
        jobs = _call(scrapyd, f"listjobs.json?project={PROJECT}")
        busy = [
            job
            for state in ("pending", "running")
            for job in jobs.get(state, [])  # type: ignore[attr-defined]
            if job.get("spider") == SPIDER
        ]
        if busy:
            ids = ", ".join(sorted(str(job.get("id")) for job in busy))
            print(f"a {SPIDER} job is still pending or running ({ids}): not scheduling")
            return BUSY_EXIT
        answer = _call(scrapyd, "schedule.json", form)
    except (URLError, RuntimeError, OSError, ValueError) as error:  # ValueError: an answer that is no JSON
        print(f"cannot schedule on {scrapyd.shown}: {error}", file=sys.stderr)
        return 1
    print(answer["jobid"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
