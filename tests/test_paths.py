"""State and output paths count from the project root (closest scrapy.cfg, or FRIENDSHIP_HOME), not the cwd."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.settings import SETTINGS_PRIORITIES, Settings

from friendship_crawler.paths import HOME, project_path, project_root, resolve_project_paths
from friendship_crawler.replica import ReplicaServer
from tests.crawling import crawl_env, run_crawl

SMALL = ("-a", "sections=than-gui-viet-nam", "-a", "max_pages=1")
"""One listing page of one subsection: enough to write every file a crawl writes."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project directory (scrapy.cfg) with a subdirectory `tests/` to start commands in."""
    root = tmp_path / "project"
    (root / "tests").mkdir(parents=True)
    (root / "scrapy.cfg").write_text("[settings]\ndefault = friendship_crawler.settings\n", encoding="utf-8")
    return root


def test_the_root_is_the_closest_scrapy_cfg_above_the_cwd(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(HOME, raising=False)
    monkeypatch.chdir(project / "tests")
    assert project_root() == project.resolve()
    assert project_path(Settings({"FRIENDSHIP_STATE_DIR": "state"}), "FRIENDSHIP_STATE_DIR") == (
        project.resolve() / "state"
    )
    assert project_path(Settings(), "FRIENDSHIP_MONITOR_REPORTS_DIR") == project.resolve() / "output" / "runs"


def test_friendship_home_names_the_root_as_a_setting_or_in_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(HOME, str(tmp_path / "from-env"))
    assert project_root() == tmp_path / "from-env"
    assert project_root(Settings({HOME: str(tmp_path / "from-setting")})) == tmp_path / "from-setting"
    monkeypatch.delenv(HOME)
    assert project_root() == tmp_path, "outside any project, the cwd"


def test_absolute_paths_stay_as_they_are(tmp_path: Path) -> None:
    settings = Settings({"FRIENDSHIP_ARCHIVE_DIR": str(tmp_path / "warc"), HOME: "/elsewhere"})
    assert project_path(settings, "FRIENDSHIP_ARCHIVE_DIR") == tmp_path / "warc"


def test_project_feeds_move_under_the_root_and_command_line_feeds_stay(tmp_path: Path) -> None:
    settings = Settings({HOME: str(tmp_path)}, priority="project")
    settings.set(
        "FEEDS",
        {
            "output/%(name)s-%(run_id)s.jsonl": {"format": "jsonlines"},
            "s3://bucket/%(name)s.jsonl": {"format": "jsonlines"},
            "/abs/feed.jsonl": {"format": "jsonlines"},
        },
        priority="project",
    )
    root = resolve_project_paths(settings)
    assert root == tmp_path
    assert sorted(settings.getdict("FEEDS")) == sorted(
        [str(tmp_path / "output/%(name)s-%(run_id)s.jsonl"), "s3://bucket/%(name)s.jsonl", "/abs/feed.jsonl"]
    )
    assert settings["FRIENDSHIP_STATE_DIR"] == str(tmp_path / "state")
    assert settings.getpriority("FEEDS") == SETTINGS_PRIORITIES["project"]

    typed = Settings({HOME: str(tmp_path)})
    typed.set("FEEDS", {"out.jsonl": {"format": "jsonlines"}}, priority="cmdline")
    resolve_project_paths(typed)
    assert list(typed.getdict("FEEDS")) == ["out.jsonl"], "-o/-O files are relative to the cwd"


def test_the_projects_run_files_follow_friendship_output_dir(tmp_path: Path) -> None:
    """The crawl writes its run file where `scrapy export` reads run files from."""
    settings = Settings({HOME: str(tmp_path), "FRIENDSHIP_OUTPUT_DIR": str(tmp_path / "elsewhere")})
    settings.set("FEEDS", {"output/%(name)s-%(run_id)s.jsonl": {"format": "jsonlines"}}, priority="project")
    resolve_project_paths(settings)
    assert list(settings.getdict("FEEDS")) == [str(tmp_path / "elsewhere" / "%(name)s-%(run_id)s.jsonl")]
    assert project_path(settings, "FRIENDSHIP_OUTPUT_DIR") == tmp_path / "elsewhere"


def test_a_crawl_from_a_subdirectory_keeps_state_and_output_under_the_project_root(
    project: Path, replica: ReplicaServer
) -> None:
    run = run_crawl(project / "tests", replica.base_url, *SMALL)
    assert run.returncode == 0, run.log[-3000:]

    assert sorted(p.name for p in (project / "tests").iterdir()) == [], "nothing lands in the cwd"
    assert (project / "state" / "dedup.sqlite3").exists()
    assert (project / "state" / "frontier.sqlite3").exists()
    [feed] = (project / "output").glob("friendship-*[0-9]Z.jsonl")
    assert feed.read_text(encoding="utf-8").count("\n") > 0
    assert len(list((project / "output" / "runs").glob("friendship-*.json"))) == 1
    assert len(list((project / "output" / "archive").glob("friendship-*.warc.gz"))) == 1

    rebuilt = subprocess.run(
        [sys.executable, "-m", "scrapy", "rebuild_state"],
        cwd=project / "tests",
        env=crawl_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr[-2000:]
    assert f"Rebuilt {project.resolve() / 'state'}; feeds read: 1," in rebuilt.stdout
    assert sorted(p.name for p in (project / "tests").iterdir()) == []

    again = run_crawl(project / "tests", replica.base_url, *SMALL)
    assert again.returncode == 0, again.log[-3000:]
    later = set((project / "output").glob("friendship-*[0-9]Z.jsonl")) - {feed}
    assert sum(f.read_text(encoding="utf-8").count("\n") for f in later) == 0, "nothing exported again"


def test_with_o_typed_the_projects_run_file_still_lands_under_the_project_root(
    project: Path, replica: ReplicaServer, tmp_path: Path
) -> None:
    """Scrapy adds `-O FILE` to the project's feeds, all at the command line's priority: the project's own
    run file must not follow the cwd, where the next crawl and `scrapy export` would not look, and the
    duplicates report goes beside it, never beside the typed file, where a file of its name is the user's."""
    mine = tmp_path / "mine.jsonl"
    users = tmp_path / "mine.duplicates.jsonl"
    users.write_text("the user's own notes\n", encoding="utf-8")
    run = run_crawl(project / "tests", replica.base_url, "-O", str(mine))
    assert run.returncode == 0, run.log[-3000:]
    assert sorted(p.name for p in (project / "tests").iterdir()) == [], "nothing lands in the cwd"
    [feed] = (project / "output").glob("friendship-*[0-9]Z.jsonl")
    assert feed.read_bytes() == mine.read_bytes() and mine.read_bytes().count(b"\n") > 0
    assert users.read_text(encoding="utf-8") == "the user's own notes\n"
    [report] = (project / "output").glob("friendship-*.duplicates.jsonl")
    assert report.name == feed.name.replace(".jsonl", ".duplicates.jsonl")


def test_only_the_projects_own_feeds_move_when_typed_feeds_were_added(tmp_path: Path) -> None:
    settings = Settings({HOME: str(tmp_path)})
    own = "output/%(name)s-%(run_id)s.jsonl"
    settings.set("FEEDS", {"typed.jsonl": {"format": "jsonl"}, own: {"format": "jsonl"}}, priority="cmdline")
    resolve_project_paths(settings, own_feeds=[own])
    assert sorted(settings.getdict("FEEDS")) == sorted(["typed.jsonl", str(tmp_path / own)])
