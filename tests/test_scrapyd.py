"""End to end with Scrapyd: start a real scrapyd, deploy the project with scrapyd-deploy, schedule a crawl of
the replica (through deploy/schedule_scrapyd.py, which calls schedule.json), read the exported items from the
project's own output/, where `scrapy crawl` would have written them."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.error import URLError
from urllib.request import urlopen

import pytest

from friendship_crawler.replica import ReplicaServer
from friendship_crawler.schema import ArticleValidator

pytestmark = pytest.mark.slow

PROJECT_ROOT = Path(__file__).parents[1]
BIN = Path(sys.executable).parent
SCHEDULE = PROJECT_ROOT / "deploy" / "schedule_scrapyd.py"
BUSY_EXIT = 75


@dataclass
class Scrapyd:
    url: str
    workdir: Path

    def get(self, endpoint: str) -> dict[str, Any]:
        with urlopen(f"{self.url}/{endpoint}", timeout=10) as response:
            answer: dict[str, Any] = json.load(response)
        return answer


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[Scrapyd]:
    if not (BIN / "scrapyd").exists() or not (BIN / "scrapyd-deploy").exists():
        pytest.skip("scrapyd and scrapyd-client are not installed (pip install -e '.[test]')")
    workdir = tmp_path / "scrapyd"
    workdir.mkdir()
    port = _free_port()
    (workdir / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        f"bind_address = 127.0.0.1\nhttp_port = {port}\n"
        "eggs_dir = eggs\nlogs_dir = logs\nitems_dir =\ndbs_dir = dbs\n"
        "poll_interval = 0.2\nmax_proc = 2\n",
        encoding="utf-8",
    )
    process = subprocess.Popen(
        [str(BIN / "scrapyd")], cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    server = Scrapyd(f"http://127.0.0.1:{port}", workdir)
    try:
        for _ in range(300):
            try:
                if server.get("daemonstatus.json")["status"] == "ok":
                    break
            except (URLError, OSError):
                time.sleep(0.1)
        else:
            pytest.fail("scrapyd did not come up")
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_egg_names_the_settings_module() -> None:
    """Scrapyd finds a project's settings through the egg's `scrapy` entry point; with a [project] table,
    setuptools ignores the one scrapyd-deploy's generated setup.py passes, so pyproject.toml must declare it."""
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    entry_points = pyproject["project"].get("entry-points", {}).get("scrapy", {})
    assert entry_points.get("settings") == "friendship_crawler.settings", (
        'pyproject.toml needs: [project.entry-points.scrapy] settings = "friendship_crawler.settings"'
    )


def _deploy(scrapyd: Scrapyd, tmp_path: Path) -> Path:
    """scrapyd-deploy from a copy of the project: it writes setup.py and build/ into the directory it runs in."""
    copy = tmp_path / "project"
    shutil.copytree(
        PROJECT_ROOT / "friendship_crawler",
        copy / "friendship_crawler",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PROJECT_ROOT / name, copy / name)
    (copy / "scrapy.cfg").write_text(
        "[settings]\ndefault = friendship_crawler.settings\n\n"
        f"[deploy:test]\nurl = {scrapyd.url}/\nproject = friendship_crawler\n",
        encoding="utf-8",
    )
    deployed = subprocess.run(
        [str(BIN / "scrapyd-deploy"), "test", "--version", "1"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert deployed.returncode == 0, deployed.stderr[-3000:]
    assert '"status": "ok"' in deployed.stdout, deployed.stdout
    assert scrapyd.get("listspiders.json?project=friendship_crawler")["spiders"] == ["friendship"]
    return copy


def _schedule(scrapyd: Scrapyd, base_url: str, project: Path) -> subprocess.CompletedProcess[str]:
    """Schedule from inside `project`, as run-periodic.sh does from the checkout."""
    arguments = ["-a", f"base_url={base_url}", "-a", "sections=than-gui-viet-nam", "-a", "max_pages=1"]
    settings = {
        "DOWNLOAD_DELAY": "0",
        "AUTOTHROTTLE_ENABLED": "0",
        "EXTENSIONS": json.dumps({"friendship_crawler.monitor.RunMonitor": 500}),
    }
    for name, value in settings.items():
        arguments += ["-s", f"{name}={value}"]
    return subprocess.run(
        [sys.executable, str(SCHEDULE), scrapyd.url, *arguments],
        cwd=project,
        env={key: value for key, value in os.environ.items() if key != "FRIENDSHIP_HOME"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _wait_finished(scrapyd: Scrapyd, job: str) -> dict[str, Any]:
    for _ in range(1200):
        jobs = scrapyd.get("listjobs.json?project=friendship_crawler")
        finished = [j for j in jobs["finished"] if j["id"] == job]
        if finished:
            return finished[0]
        time.sleep(0.1)
    pytest.fail(f"job {job} did not finish")


def test_deploy_schedule_and_read_the_items(scrapyd: Scrapyd, replica: ReplicaServer, tmp_path: Path) -> None:
    project = _deploy(scrapyd, tmp_path)

    scheduled = _schedule(scrapyd, replica.base_url, project)
    assert scheduled.returncode == 0, scheduled.stderr
    job = scheduled.stdout.strip()
    second = _schedule(scrapyd, replica.base_url, project)
    assert second.returncode == BUSY_EXIT, second.stdout + second.stderr
    assert job in second.stdout

    _wait_finished(scrapyd, job)
    log = (scrapyd.workdir / "logs" / "friendship_crawler" / "friendship" / f"{job}.log").read_text(
        encoding="utf-8"
    )
    [feed] = (project / "output").glob("friendship-*[0-9]Z.jsonl")
    items = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines() if line]
    assert items, log[-3000:]
    validator = ArticleValidator()
    assert [validator.errors(item) for item in items if validator.errors(item)] == []
    assert all(item["url"].startswith("https://thoidai.com.vn/") for item in items)
    [report_file] = (project / "output" / "runs").glob("friendship-*.json")
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["healthy"] is True, report["checks"]
    assert report["exported"]["items"] == len(items)
    assert (project / "state" / "dedup.sqlite3").exists(), "the job shares the project's dedup state"
    assert not (scrapyd.workdir / "output").exists() and not (scrapyd.workdir / "state").exists()
