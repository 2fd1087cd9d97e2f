"""deploy/: the lock of run-periodic.sh, the systemd units and crontab line it is started by, and
schedule_scrapyd.py against a stand-in Scrapyd that requires HTTP Basic authentication."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pytest

from friendship_crawler.paths import HOME

DEPLOY = Path(__file__).parents[1] / "deploy"
SCRIPT = DEPLOY / "run-periodic.sh"
SCHEDULE = DEPLOY / "schedule_scrapyd.py"
LOCKED_EXIT = 75
SCRAPYD_USER, SCRAPYD_SECRET = "ops", "Scr4pydS3cret"

KNOWN_KEYS = {
    "Unit": {"Description", "Documentation", "Wants", "Requires", "After", "Before", "OnFailure"},
    "Service": {
        "Type",
        "User",
        "Group",
        "WorkingDirectory",
        "Environment",
        "EnvironmentFile",
        "ExecStart",
        "SuccessExitStatus",
        "TimeoutStartSec",
        "Nice",
        "NoNewPrivileges",
        "PrivateTmp",
    },
    "Timer": {"OnCalendar", "Persistent", "RandomizedDelaySec", "Unit", "AccuracySec", "OnBootSec"},
    "Install": {"WantedBy"},
}
"""The systemd.unit / .service / .exec / .timer keys the units may use; a typo is an unknown key."""


def _unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """Parse a unit file: section -> key -> values (systemd allows repeated keys, configparser does not)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = sections.setdefault(header[1], defaultdict(list))
            continue
        key, equals, value = line.partition("=")
        assert current is not None and equals, f"{path.name}:{number}: not `Key=value` in a section: {raw!r}"
        current[key.strip()].append(value.strip())
    return sections


def _script_env(tmp_path: Path, command: str) -> dict[str, str]:
    """Run the script on `tmp_path` as the project checkout (given a scrapy.cfg), `command` as the crawl."""
    (tmp_path / "scrapy.cfg").touch()
    return {
        **os.environ,
        "FRIENDSHIP_PROJECT_DIR": str(tmp_path),
        "FRIENDSHIP_LOCK_FILE": str(tmp_path / "crawl.lock"),
        "FRIENDSHIP_CRAWL_COMMAND": command,
    }


def _wait_for(path: Path, process: subprocess.Popen[str]) -> None:
    for _ in range(500):
        if path.exists() or process.poll() is not None:
            break
        time.sleep(0.01)
    assert path.exists(), "the first run never started its command"


@pytest.mark.skipif(shutil.which("flock") is None, reason="flock(1) is not installed")
def test_a_second_run_is_refused_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    started, release = tmp_path / "started", tmp_path / "release"
    command = f"touch {started}; while [ ! -e {release} ]; do sleep 0.02; done; echo crawled"
    env = _script_env(tmp_path, command)
    first = subprocess.Popen(
        ["bash", str(SCRIPT)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        _wait_for(started, first)
        second = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=30)
    finally:
        release.touch()
        out, _ = first.communicate(timeout=30)

    assert second.returncode == LOCKED_EXIT
    assert "another run holds" in second.stderr
    assert "crawled" not in second.stdout
    assert first.returncode == 0
    assert out.strip() == "crawled"

    third = subprocess.run(
        ["bash", str(SCRIPT)],
        env=_script_env(tmp_path, "echo again"),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert (third.returncode, third.stdout.strip()) == (0, "again"), "the lock is released when a run ends"


def test_the_crawl_exit_status_is_passed_on(tmp_path: Path) -> None:
    run = subprocess.run(
        ["bash", str(SCRIPT)], env=_script_env(tmp_path, "exit 3"), capture_output=True, text=True, timeout=30
    )
    assert run.returncode == 3


@pytest.mark.parametrize("made", [False, True], ids=["missing", "no-scrapy-cfg"])
def test_a_project_dir_that_is_no_checkout_is_refused_before_anything_is_created(
    tmp_path: Path, made: bool
) -> None:
    typo = tmp_path / "friendship_crawlr"
    if made:
        typo.mkdir()
    env = {**os.environ, "FRIENDSHIP_PROJECT_DIR": str(typo), "FRIENDSHIP_CRAWL_COMMAND": "echo crawled"}
    env.pop("FRIENDSHIP_LOCK_FILE", None)
    run = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True, timeout=30)

    assert run.returncode == 2 and run.stdout == ""
    [line] = run.stderr.splitlines()
    assert str(typo) in line and "FRIENDSHIP_PROJECT_DIR" in line
    assert sorted(path.name for path in tmp_path.rglob("*")) == (["friendship_crawlr"] if made else [])


def test_the_script_runs_the_crawl_in_the_project_venv(tmp_path: Path) -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    assert os.access(SCRIPT, os.X_OK)
    assert "flock -n" in text
    assert '. "$venv/bin/activate"' in text
    assert 'exec scrapy crawl friendship "$@"' in text
    assert subprocess.run(["bash", "-n", str(SCRIPT)], check=False).returncode == 0


def test_unit_files_use_only_known_keys() -> None:
    for name in ("friendship-crawl.service", "friendship-crawl.timer"):
        for section, keys in _unit(DEPLOY / name).items():
            assert section in KNOWN_KEYS, f"{name}: unknown section [{section}]"
            assert set(keys) <= KNOWN_KEYS[section], f"{name} [{section}]: {set(keys) - KNOWN_KEYS[section]}"


def test_service_runs_the_periodic_script_once_per_start() -> None:
    service = _unit(DEPLOY / "friendship-crawl.service")["Service"]
    assert service["Type"] == ["oneshot"]
    [exec_start] = service["ExecStart"]
    assert Path(exec_start).name == SCRIPT.name
    assert Path(exec_start).parent.name == "deploy"
    assert str(LOCKED_EXIT) in service["SuccessExitStatus"][0].split()


def test_timer_fires_every_six_hours_and_catches_up() -> None:
    timer = _unit(DEPLOY / "friendship-crawl.timer")
    assert timer["Timer"]["Unit"] == ["friendship-crawl.service"]
    assert timer["Timer"]["Persistent"] == ["true"]
    assert re.fullmatch(r"\d+(min|h|s)", timer["Timer"]["RandomizedDelaySec"][0])
    [calendar] = timer["Timer"]["OnCalendar"]
    assert calendar == "*-*-* 00/6:00:00"
    assert timer["Install"]["WantedBy"] == ["timers.target"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    for name in ("friendship-crawl.service", "friendship-crawl.timer"):
        text = (
            (DEPLOY / name).read_text(encoding="utf-8").replace("/opt/friendship_crawler", str(DEPLOY.parent))
        )
        (tmp_path / name).write_text(text, encoding="utf-8")
    calendar = subprocess.run(
        ["systemd-analyze", "calendar", "*-*-* 00/6:00:00"], capture_output=True, text=True, check=False
    )
    assert calendar.returncode == 0, calendar.stderr
    verify = subprocess.run(
        [
            "systemd-analyze",
            "verify",
            "--man=no",
            str(tmp_path / "friendship-crawl.service"),
            str(tmp_path / "friendship-crawl.timer"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verify.returncode == 0, verify.stderr


def _crontab_line() -> str:
    lines = [
        line
        for line in (DEPLOY / "crontab").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    [line] = lines
    return line


def test_crontab_line_runs_the_script_every_six_hours() -> None:
    minute, hour, day, month, weekday, command = _crontab_line().split(maxsplit=5)
    assert 0 <= int(minute) <= 59
    assert hour == "*/6"
    assert (day, month, weekday) == ("*", "*", "*")
    assert command.split()[0].endswith("/deploy/run-periodic.sh")


@pytest.mark.parametrize("status", [0, 3])
def test_the_crontab_line_logs_a_run_and_prints_one_line_only_when_it_fails(
    tmp_path: Path, status: int
) -> None:
    """Cron mails what the command prints: nothing for a good run, a line naming status and log otherwise."""
    command = _crontab_line().split(maxsplit=5)[5].replace("/opt/friendship_crawler", str(tmp_path))
    stand_in = tmp_path / "deploy" / SCRIPT.name
    stand_in.parent.mkdir()
    stand_in.write_text(f"#!/bin/sh\necho crawl output\necho crawl warning >&2\nexit {status}\n")
    stand_in.chmod(0o755)
    (tmp_path / "output").mkdir()
    run = subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=30)

    log = tmp_path / "output" / "cron.log"
    assert log.read_text(encoding="utf-8").splitlines() == ["crawl output", "crawl warning"]
    assert run.stderr == ""
    if status == 0:
        assert (run.returncode, run.stdout) == (0, "")
    else:
        [line] = run.stdout.splitlines()
        assert f"status {status}" in line and str(log) in line


class _Scrapyd(BaseHTTPRequestHandler):
    """listjobs.json and schedule.json of a Scrapyd with no jobs, behind Basic authentication."""

    expected = "Basic " + base64.b64encode(f"{SCRAPYD_USER}:{SCRAPYD_SECRET}".encode()).decode()
    seen: list[tuple[str, str | None]]
    scheduled: list[dict[str, list[str]]]

    def do_GET(self) -> None:
        self._answer({"status": "ok", "pending": [], "running": [], "finished": []})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        self.scheduled.append(parse_qs(self.rfile.read(length).decode()))
        self._answer({"status": "ok", "jobid": "job-1"})

    def _answer(self, answer: dict[str, object]) -> None:
        authorization = self.headers.get("Authorization")
        self.seen.append((self.path, authorization))
        status, body = (200, answer) if authorization == self.expected else (401, {"status": "error"})
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads what the server saw from `seen`."""


@pytest.fixture
def scrapyd() -> Iterator[tuple[str, type[_Scrapyd]]]:
    """A stand-in Scrapyd on 127.0.0.1: its URL (no credentials) and its handler class, which records calls."""
    handler = type("Handler", (_Scrapyd,), {"seen": [], "scheduled": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def _schedule_on(url: str, *arguments: str, home: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != HOME}
    return subprocess.run(
        [sys.executable, str(SCHEDULE), url, "-a", "max_pages=1", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=home,
        env=env,
    )


def test_schedule_scrapyd_without_arguments_prints_one_usage_line() -> None:
    run = subprocess.run(
        [sys.executable, str(SCHEDULE)], capture_output=True, text=True, timeout=60, check=False
    )
    assert (run.returncode, run.stdout) == (2, "")
    [line] = run.stderr.splitlines()
    assert line.startswith("usage: schedule_scrapyd.py ")


@pytest.mark.parametrize("arguments", [["-x", "a=b"], ["-a"], ["-s", "FRIENDSHIP_HOME"], ["-a", "=x"]])
def test_schedule_scrapyd_refuses_an_argument_that_is_no_name_value_pair(arguments: list[str]) -> None:
    """Refused before any request: the Scrapyd URL is a closed port, which would exit 1."""
    run = subprocess.run(
        [sys.executable, str(SCHEDULE), "http://127.0.0.1:9", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (run.returncode, run.stdout) == (2, "")
    [line] = run.stderr.splitlines()
    assert line.startswith("not scheduling: '") and "is no -a name=value or -s NAME=value" in line


def _project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "scrapy.cfg").write_text("[settings]\ndefault = friendship_crawler.settings\n", encoding="utf-8")
    return root


def test_schedule_scrapyd_authenticates_with_the_urls_credentials(
    scrapyd: tuple[str, type[_Scrapyd]], tmp_path: Path
) -> None:
    url, handler = scrapyd
    home = _project(tmp_path)
    run = _schedule_on(url.replace("://", f"://{SCRAPYD_USER}:{SCRAPYD_SECRET}@"), home=home)

    assert (run.returncode, run.stdout.strip()) == (0, "job-1"), run.stderr
    assert [path for path, _ in handler.seen] == [
        "/listjobs.json?project=friendship_crawler",
        "/schedule.json",
    ]
    assert {authorization for _, authorization in handler.seen} == {handler.expected}
    assert handler.scheduled == [
        {
            "project": ["friendship_crawler"],
            "spider": ["friendship"],
            "max_pages": ["1"],
            "setting": [f"{HOME}={home}"],
        }
    ]
    assert SCRAPYD_SECRET not in run.stdout + run.stderr


def test_a_scheduled_job_keeps_state_and_output_under_the_project_root(
    scrapyd: tuple[str, type[_Scrapyd]], tmp_path: Path
) -> None:
    url, handler = scrapyd
    url = url.replace("://", f"://{SCRAPYD_USER}:{SCRAPYD_SECRET}@")
    home = _project(tmp_path)
    (home / "deploy").mkdir()
    assert _schedule_on(url, home=home / "deploy").returncode == 0
    elsewhere = tmp_path / "data"
    assert _schedule_on(url, "-s", f"{HOME}={elsewhere}", home=home).returncode == 0

    settings = [form["setting"] for form in handler.scheduled]
    assert settings == [[f"{HOME}={home}"], [f"{HOME}={elsewhere}"]], "a root given with -s wins"


def test_scheduled_outside_any_project_the_job_gets_the_scripts_checkout_as_root(
    scrapyd: tuple[str, type[_Scrapyd]], tmp_path: Path
) -> None:
    url, handler = scrapyd
    url = url.replace("://", f"://{SCRAPYD_USER}:{SCRAPYD_SECRET}@")
    assert not any((directory / "scrapy.cfg").exists() for directory in (tmp_path, *tmp_path.parents))
    assert _schedule_on(url, home=tmp_path).returncode == 0

    [form] = handler.scheduled
    assert form["setting"] == [f"{HOME}={DEPLOY.parent.resolve()}"], "not the cwd, where nothing else looks"


@pytest.mark.skipif(shutil.which("flock") is None, reason="flock(1) is not installed")
def test_a_wrong_spider_argument_is_refused_before_anything_is_scheduled(
    scrapyd: tuple[str, type[_Scrapyd]], tmp_path: Path
) -> None:
    url, handler = scrapyd
    env = {
        **os.environ,
        "FRIENDSHIP_PROJECT_DIR": str(DEPLOY.parent),
        "FRIENDSHIP_VENV": str(Path(sys.executable).parents[1]),
        "FRIENDSHIP_LOCK_FILE": str(tmp_path / "crawl.lock"),
        "FRIENDSHIP_SCRAPYD_URL": url,
    }
    run = subprocess.run(
        ["bash", str(SCRIPT), "-a", "since=bogus"], env=env, capture_output=True, text=True, timeout=60
    )

    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        "not scheduling: spider friendship: since must be a date as YYYY-MM-DD, e.g. 2024-01-31, got 'bogus'"
    ]
    assert handler.seen == [] and handler.scheduled == []


def test_schedule_scrapyd_never_prints_the_password(scrapyd: tuple[str, type[_Scrapyd]]) -> None:
    url, handler = scrapyd
    wrong = "Wr0ngS3cret"
    run = _schedule_on(url.replace("://", f"://{SCRAPYD_USER}:{wrong}@"))

    assert run.returncode == 1
    assert handler.seen and all(authorization != handler.expected for _, authorization in handler.seen)
    shown = url.replace("://", f"://{SCRAPYD_USER}:***@")
    assert f"cannot schedule on {shown}: HTTP Error 401" in run.stderr
    assert wrong not in run.stdout + run.stderr


@pytest.mark.parametrize("url", ["notaurl", "127.0.0.1:6800", "ftp://127.0.0.1:6800", "http://[", "http://"])
def test_a_scrapyd_url_that_is_none_is_one_usage_line(url: str) -> None:
    run = _schedule_on(url)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    [line] = run.stderr.splitlines()
    assert line.startswith("not scheduling: ") and "http://host:port" in line


class _WebPage(_Scrapyd):
    """A web server that is no Scrapyd: a page of HTML at every address."""

    def _answer(self, answer: dict[str, object]) -> None:
        data = b"<html><body>It works!</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_a_scrapyd_that_answers_no_json_is_one_line() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _WebPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        run = _schedule_on(f"http://127.0.0.1:{server.server_address[1]}", home=DEPLOY)
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith("cannot schedule on http://127.0.0.1:")
