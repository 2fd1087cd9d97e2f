#!/usr/bin/env python3
"""Schedule one `friendship` crawl on a Scrapyd, unless a job of it is still pending or running.

Scrapyd runs jobs in the background, so the lock of run-periodic.sh cannot cover the crawl itself; this
script asks `listjobs.json` first. Exit status: 0 scheduled (the job id is printed), 75 a job is still
pending or running, 1 Scrapyd refused or could not be reached. Arguments after the URL are `-a name=value`
spider arguments and `-s NAME=value` settings, as for `scrapy crawl`.
"""

from __future__ import annotations

import json
import sys
from urllib.error import URLError
from urllib.parse import urlencode
from urllib.request import urlopen

PROJECT = "friendship_crawler"
SPIDER = "friendship"
BUSY_EXIT = 75


def _call(url: str, data: list[tuple[str, str]] | None = None) -> dict[str, object]:
    body = urlencode(data).encode() if data is not None else None
    with urlopen(url, data=body, timeout=30) as response:  # noqa: S310 (the URL is the operator's Scrapyd)
        answer: dict[str, object] = json.load(response)
    if answer.get("status") != "ok":
        raise RuntimeError(f"Scrapyd answered {answer}")
    return answer


def _form(arguments: list[str]) -> list[tuple[str, str]]:
    form = [("project", PROJECT), ("spider", SPIDER)]
    flags = iter(arguments)
    for flag in flags:
        name, _, value = next(flags, "").partition("=")
        if flag == "-a":
            form.append((name, value))
        elif flag == "-s":
            form.append(("setting", f"{name}={value}"))
        else:
            raise SystemExit(f"unknown argument {flag!r}: use -a name=value or -s NAME=value")
    return form


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 1
    base = argv[1].rstrip("/")
    try:
        jobs = _call(f"{base}/listjobs.json?project={PROJECT}")
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
        answer = _call(f"{base}/schedule.json", _form(argv[2:]))
    except (URLError, RuntimeError, OSError) as error:
        print(f"cannot schedule on {base}: {error}", file=sys.stderr)
        return 1
    print(answer["jobid"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
