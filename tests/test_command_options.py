"""An option a project command does not have is refused by name, before any work and without a trace."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.crawling import crawl_env


@pytest.mark.parametrize(
    ("command", "unknown"),
    [
        (["export", "dataset", "--formt", "jsonl"], "export: --formt"),
        (["rebuild_state", "--state-dr", "x"], "rebuild_state: --state-dr"),
        (["cleantext", "--encodng", "cp1258", "page.txt"], "cleantext: --encodng"),
        (["extract", "--uri", "https://thoidai.com.vn/a-1.html", "page.html"], "extract: --uri"),
        (["reprocess", "--archve", "x"], "reprocess: --archve"),
        (["crawl", "friendship", "--bogus"], "crawl: --bogus"),
        (["crawl", "--bogus", "friendship"], "crawl: --bogus"),
    ],
    ids=lambda value: "-".join(value[:2]) if isinstance(value, list) else None,
)
def test_an_option_the_command_does_not_have_is_refused_by_name(
    tmp_path: Path, command: list[str], unknown: str
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", *command],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].endswith(f"error: not an option of scrapy {unknown}")
    assert list(tmp_path.iterdir()) == []


def test_after_a_double_dash_a_name_may_start_with_a_dash(tmp_path: Path) -> None:
    (tmp_path / "-page.txt").write_text("Tiêu đề\nĐoạn một của bài viết.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "cleantext", "--", "-page.txt"],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert '"title": "Tiêu đề"' in done.stdout


HEAVY_LIBRARIES = (
    "datasketch",
    "scipy",
    "trafilatura",
    "friendship_crawler.reader",
    "friendship_crawler.extract.extractor",
    "friendship_crawler.clean.lines",
)
"""Imported by the work that needs them (a dedup signature, the generic layer, the reading of a page), not
when a command starts: Scrapy imports every command's module to start any one of them."""


@pytest.mark.parametrize("command", ["export", "cleantext", "extract", "reprocess", "rebuild_state"])
def test_a_command_starts_without_the_heavy_libraries(tmp_path: Path, command: str) -> None:
    probe = (
        "import sys\nfrom scrapy.cmdline import execute\n"
        f"sys.argv = ['scrapy', {command!r}, '--help']\n"
        "try:\n    execute()\nexcept SystemExit:\n    pass\n"
        f"print('loaded:', sorted(name for name in {HEAVY_LIBRARIES!r} if name in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert f"scrapy {command} [" in done.stdout, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "loaded: []"
