"""The main job offline: `python -m friendship_crawler.offline` serves the replica, crawls it and stops."""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from crawling import aliases, crawl_env, stories

from friendship_crawler import offline
from friendship_crawler.offline import exit_status, unknown_crawl_options
from friendship_crawler.replica import Corpus


def test_offline_main_job_exports_the_whole_replica(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "friendship_crawler.offline", "--articles", "40", "-s", "LOG_LEVEL=INFO"],
        cwd=tmp_path,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Replica serving on http://127.0.0.1:" in done.stderr
    (feed,) = (tmp_path / "output").glob("friendship-*Z.jsonl")
    records = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    corpus = Corpus(articles=40)
    assert stories(records, corpus) == {a.article_id: 1 for a in corpus.truth()}
    kept = {r["article_id"] for r in records}
    assert all(kept_id in kept for kept_id in aliases(tmp_path).values())
    (report,) = (tmp_path / "output" / "runs").glob("friendship-*.json")
    run = json.loads(report.read_text(encoding="utf-8"))
    assert run["healthy"] is True
    assert run["stats"].get("friendship/extract/fallback", 0) == 0


def test_offline_main_job_names_a_bad_replica_size(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "friendship_crawler.offline", "--articles", "3"],
        cwd=tmp_path,
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "articles must be 40 to 200000 (got 3)" in done.stderr and "Traceback" not in done.stderr


def test_offline_outside_the_project_says_where_to_run_it_before_starting_anything(tmp_path: Path) -> None:
    env = crawl_env()
    del env["SCRAPY_SETTINGS_MODULE"]
    done = subprocess.run(
        [sys.executable, "-m", "friendship_crawler.offline", "--articles", "40"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == "offline: run it in the project directory (the one holding scrapy.cfg)\n"


def test_an_option_scrapy_crawl_refuses_is_named_as_scrapys(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "friendship_crawler.offline", "--articles", "40", "-L", "LOUD"],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("scrapy: error: unknown log level 'LOUD'")


@pytest.mark.parametrize("options", [["--bogus"], ["-s", "LOG_LEVEL=INFO", "stray"]])
def test_an_option_neither_the_job_nor_scrapy_crawl_has_is_refused_before_anything_starts(
    tmp_path: Path, options: list[str]
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "friendship_crawler.offline", "--articles", "40", *options],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"python -m friendship_crawler.offline: error: not an option of this job or of scrapy crawl: {options[-1]}"
    )
    assert "Replica serving" not in done.stderr and not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    "options",
    [["-O", "-:jsonl"], ["-o", "-:json", "-s", "LOG_LEVEL=INFO"], ["-a", "sections=huu-nghi", "--nolog"]],
)
def test_the_options_scrapy_crawl_takes_pass_through(options: list[str]) -> None:
    assert unknown_crawl_options(options, "offline") == []


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "stop"])
def test_a_signal_while_the_crawl_starts_ends_the_crawl_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int
) -> None:
    """The Ctrl-C or the stop lands in the parent just as `Popen` returns, before the crawl can have heard
    it: the parent does not end while the crawl runs on against a replica that is gone; the crawl ends."""
    started: list[subprocess.Popen[bytes]] = []
    real_popen = subprocess.Popen

    def popen_then_ctrl_c(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        started.append(real_popen(*args, **kwargs))
        os.kill(os.getpid(), number)
        return started[-1]

    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    monkeypatch.chdir(tmp_path)
    for name, value in crawl_env().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(offline.subprocess, "Popen", popen_then_ctrl_c)
    try:
        status = offline.main(["--articles", "40", "-s", "LOG_LEVEL=INFO"])
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        for process in started:
            if process.poll() is None:
                process.kill()
    (crawl,) = started
    assert crawl.returncode is not None and status == exit_status(crawl.returncode) != 0


def test_a_crawl_killed_by_a_signal_exits_as_a_shell_reports_it(caplog: pytest.LogCaptureFixture) -> None:
    suicide = "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"
    with subprocess.Popen([sys.executable, "-c", suicide]) as crawl:
        assert exit_status(crawl.wait()) == 128 + signal.SIGKILL
    assert caplog.messages == ["offline: the crawl was stopped by signal SIGKILL"]


def test_the_main_job_console_fits_on_a_screen_with_progress_and_a_summary(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "friendship_crawler.offline", "--articles", "40"],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stderr.splitlines()
    assert len(lines) <= 15 and max(map(len, lines)) <= 200, done.stderr
    assert sum("Replica serving on" in line for line in lines) == 1
    assert any(" pages · " in line and " new · " in line for line in lines), "no progress line"
    assert any(line.startswith("Crawl finished in ") for line in lines)
    assert any("healthy (report: output/runs/friendship-" in line for line in lines)
    assert "Traceback" not in done.stderr and "Overridden settings" not in done.stderr
    (log,) = (tmp_path / "output" / "runs").glob("friendship-*.log")
    full = log.read_text(encoding="utf-8")
    assert "Dumping Scrapy stats" in full and "Overridden settings" in full
    assert all(len(line) < 1000 for line in full.splitlines()), "a record was dumped into the log"


def test_on_a_terminal_the_progress_is_a_live_bar(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "friendship_crawler.offline", "--articles", "40"]
    primary, secondary = pty.openpty()
    with subprocess.Popen(command, cwd=tmp_path, env=crawl_env(), stdin=secondary, stdout=secondary,
                          stderr=secondary) as process:  # fmt: skip
        os.close(secondary)
        screen = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closes with the process
                break
            if not chunk:
                break
            screen += chunk
        assert process.wait(timeout=300) == 0, screen[-3000:]
    os.close(primary)
    text = screen.decode("utf-8", errors="replace")
    assert re.search(r"\r\[[#.]{20}\] \d+ pages · ", text), text[-2000:]
    assert "Crawl finished in " in text


def test_a_ctrl_c_closes_the_crawl_before_the_replica_stops(tmp_path: Path) -> None:
    """The terminal sends Ctrl-C to the whole process group: the crawl closes gracefully, with the
    replica still serving what it had asked for, and the main job ends with the crawl's status."""
    command = [sys.executable, "-m", "friendship_crawler.offline", "--articles", "1500"]
    with subprocess.Popen(command, cwd=tmp_path, env=crawl_env(), stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as process:  # fmt: skip
        assert process.stderr is not None
        seen = []
        for line in process.stderr:
            seen.append(line)
            if line.startswith("Crawling http://127.0.0.1:"):
                break
        time.sleep(1.5)
        os.killpg(process.pid, signal.SIGINT)
        rest = process.stderr.read()
        status = process.wait(timeout=120)
    text = "".join(seen) + rest
    assert status == 3 and "Traceback" not in text, text[-3000:]
    assert "Crawl shut down in " in text and "Run         UNHEALTHY, failed: finish_reason" in text
    (report,) = (tmp_path / "output" / "runs").glob("friendship-*.json")
    run = json.loads(report.read_text(encoding="utf-8"))
    (feed,) = (tmp_path / "output").glob("friendship-*Z.jsonl")
    exported = feed.read_text(encoding="utf-8").splitlines()
    assert 0 < len(exported) == run["exported"]["feeds"][0]["items"] < 1500
    assert run["stats"].get("friendship/failed/connection_refused", 0) == 0


def test_a_ctrl_c_while_the_crawl_is_loading_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    """Loading Scrapy takes a second or more: a Ctrl-C then cuts an import short, which Python would
    report with a traceback. The main job says in one line that it was interrupted and exits 130."""
    command = [sys.executable, "-m", "friendship_crawler.offline", "--articles", "40"]
    with subprocess.Popen(command, cwd=tmp_path, env=crawl_env(), stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as process:  # fmt: skip
        assert process.stderr is not None
        first = process.stderr.readline()
        assert first.startswith("Replica serving on http://127.0.0.1:"), first
        time.sleep(0.3)  # the crawl's process has started and is loading Scrapy
        os.killpg(process.pid, signal.SIGINT)
        rest = process.stderr.read()
        status = process.wait(timeout=60)
    assert status == 130 and rest == "offline: interrupted before the crawl started\n", rest
    assert not (tmp_path / "output").exists()
