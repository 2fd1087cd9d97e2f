"""The README's main-job command, verbatim, in a fresh copy of the project and a fresh virtualenv.

A newcomer's machine has the interpreter's own pip, no virtualenv and nothing installed: a dependency
that only a newer pip resolves, or a step the README lacks, fails here before it fails for them.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def readme_block(heading_text: str) -> str:
    """The first ```sh block after the paragraph that contains `heading_text`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(heading_text)
    block = re.search(r"```sh\n(.*?)```", readme[start:], re.S)
    assert block is not None, f"no sh block after {heading_text!r}"
    return block.group(1).strip()


def fresh_copy(destination: Path) -> Path:
    """What a clone of this tree holds: tracked and new unignored files, nothing installed."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return destination


def newcomer_env() -> dict[str, str]:
    """This environment without the test run's virtualenv: `python3` is the machine's own."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    venv_bin = str(Path(sys.prefix) / "bin")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    return env


def test_the_main_job_command_works_verbatim_on_a_fresh_copy(tmp_path: Path) -> None:
    command = readme_block("Run the main job")
    assert command.startswith("python3 -m venv .venv") and "friendship_crawler.offline" in command
    project = fresh_copy(tmp_path / "friendship_crawler")
    done = subprocess.run(
        ["bash", "-c", command], cwd=project, env=newcomer_env(),
        capture_output=True, text=True, timeout=1200, check=False,
    )  # fmt: skip
    assert done.returncode == 0, (done.stdout[-2000:], done.stderr[-3000:])
    assert "Traceback" not in done.stderr
    (feed,) = (project / "output").glob("friendship-*Z.jsonl")
    records = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len({r["article_id"] for r in records}) >= 200
    (report,) = (project / "output" / "runs").glob("friendship-*.json")
    assert json.loads(report.read_text(encoding="utf-8"))["healthy"] is True


def test_ci_installs_exactly_as_the_readme_says() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash .ci/run" in readme_block("Run the tests")
    assert "--upgrade pip" not in ci and "pip install" in ci
    assert "python3 -m venv .venv" in readme_block("Run the main job") and "python3 -m venv .venv" in ci
