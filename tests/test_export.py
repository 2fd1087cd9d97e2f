"""`scrapy export` and the snapshot it builds, from synthetic run files written from Article objects."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from dataclasses import asdict, replace
from datetime import date
from itertools import pairwise
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from friendship_crawler.dataset import writers
from friendship_crawler.dataset.atomic import DestinationExists
from friendship_crawler.dataset.ownership import MARKER_FILE
from friendship_crawler.dataset.select import ArticleFilter, parse_date, section_slug
from friendship_crawler.dataset.snapshot import SnapshotRequest, build_snapshot
from friendship_crawler.dataset.writers import parse_formats
from friendship_crawler.items import Article, Image
from friendship_crawler.jsonl import CUT_OFF
from friendship_crawler.run import PROJECT_RUNS

PROJECT_ROOT = Path(__file__).parents[1]

CHARTS = ("articles_per_country.png", "articles_per_month.png", "articles_per_year.png")
"""The charts every snapshot carries, in file-name order."""


def article(
    aid: int,
    published: str | None,
    *,
    version: int = 1,
    crawled: str = "2026-11-01T08:00:00+00:00",
    section: tuple[str, ...] = ("Hữu nghị", "Bốn phương kết bạn"),
    author: str | None = "Anh Vũ",
    body: str = "Đoạn văn đầu tiên của bài.",
) -> Article:
    title = f"Bài số {aid}"
    return Article(
        url=f"https://thoidai.com.vn/bai-so-{aid}-{aid}.html",
        article_id=aid,
        title=title,
        sapo="Sapo.",
        text=f"{title}\nSapo.\n{body}",
        author=author,
        published_at=published,
        section=list(section),
        tags=["hữu nghị"],
        images=[Image(f"https://tacnghiep.thoidai.com.vn/stores/{aid}.jpg", "Chú thích (Ảnh: TĐ).")],
        crawled_at=crawled,
        version=version,
    )


def write_run(
    output: Path, run_id: str, articles: list[Article], spider: str = "friendship", tail: str = ""
) -> Path:
    """A run file as the feed export writes it, optionally ending in a crash-truncated line."""
    output.mkdir(parents=True, exist_ok=True)
    path = output / f"{spider}-{run_id}.jsonl"
    lines = [json.dumps(asdict(a), ensure_ascii=False) + "\n" for a in articles]
    path.write_text("".join(lines) + tail, encoding="utf-8")
    return path


@pytest.fixture
def runs(tmp_path: Path) -> Path:
    """Three runs: a re-crawl with a newer version, a superseded duplicate, a truncated last line."""
    output = tmp_path / "output"
    write_run(
        output,
        "20261101T080000Z",
        [
            article(101, "2023-08-09T16:43:00+07:00"),
            article(
                102, "2019-01-05T09:00:00+07:00", section=("Hữu nghị", "Chân dung bè bạn"), author="Minh Anh"
            ),
            article(103, "2023-08-09T16:43:00+07:00", body="Ngắn."),
            article(104, "2021-12-31T23:30:00+07:00"),
        ],
    )
    write_run(
        output,
        "20261108T080000Z",
        [
            article(
                101,
                "2023-08-09T16:43:00+07:00",
                version=2,
                crawled="2026-11-08T08:00:00+00:00",
                body="Bản đã sửa của bài.",
            ),
            article(105, None, section=("Hữu nghị",)),
        ],
        tail='{"url": "https://thoidai.com.vn/bai-106.html", "article_id": 106, "tit',
    )
    (output / "friendship-20261108T080000Z.duplicates.jsonl").write_text(
        json.dumps(
            {
                "kept_url": "https://thoidai.com.vn/bai-so-101-101.html",
                "dropped_url": "https://thoidai.com.vn/bai-so-104-104.html",
                "reason": "near",
                "similarity": 0.97,
                "superseded": True,
            }
        )
        + "\n",
        encoding="utf-8",
    )
    (output / "runs").mkdir()
    (output / "runs" / "friendship-20261108T080000Z.json").write_text("{}", encoding="utf-8")
    return output


def build(runs: Path, dest: Path, formats: tuple[str, ...] = ("jsonl",), **filters: object) -> list[dict]:
    build_snapshot(SnapshotRequest(runs, dest, formats, ArticleFilter(**filters)))  # type: ignore[arg-type]
    return [json.loads(line) for line in (dest / "data.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_article_once_in_its_newest_version_and_stable_order(runs: Path, tmp_path: Path) -> None:
    records = build(runs, tmp_path / "snap")
    assert [r["article_id"] for r in records] == [102, 101, 103, 105]  # 104 superseded; undated last
    newest = records[1]
    assert newest["version"] == 2 and "Bản đã sửa của bài." in newest["text"]
    assert list(newest) == [f.name for f in writers.fields(Article)]


def test_version_tie_goes_to_the_latest_crawl(tmp_path: Path) -> None:
    output = tmp_path / "output"
    write_run(
        output,
        "20261101T080000Z",
        [article(7, "2024-01-01T08:00:00+07:00", crawled="2026-11-02T00:00:00+00:00", body="Sau.")],
    )
    write_run(
        output,
        "20261102T080000Z",
        [article(7, "2024-01-01T08:00:00+07:00", crawled="2026-11-01T00:00:00+00:00", body="Trước.")],
    )
    (record,) = build(output, tmp_path / "snap")
    assert record["text"].endswith("Sau.")


def test_same_inputs_give_byte_identical_snapshots(runs: Path, tmp_path: Path) -> None:
    build(runs, tmp_path / "a")
    build(runs, tmp_path / "b")
    for name in ("data.jsonl", "README.md", "articles_per_month.png"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"since": date(2020, 1, 1)}, [101, 103]),
        ({"until": date(2019, 12, 31)}, [102]),
        ({"since": date(2023, 8, 9), "until": date(2023, 8, 9)}, [101, 103]),
        ({"sections": ("Chân dung bè bạn",)}, [102]),
        ({"sections": ("bon-phuong-ket-ban",)}, [101, 103]),
        ({"sections": ("huu-nghi",)}, [102, 101, 103, 105]),
        ({"min_chars": 40}, [102, 105]),
    ],
)
def test_filters(runs: Path, tmp_path: Path, filters: dict, expected: list[int]) -> None:
    assert [r["article_id"] for r in build(runs, tmp_path / "snap", **filters)] == expected


def test_a_truncated_line_is_reported_with_file_and_line_and_skipped(
    runs: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    result = build_snapshot(SnapshotRequest(runs, tmp_path / "snap"))
    (bad,) = result.bad_lines
    assert bad.path.name == "friendship-20261108T080000Z.jsonl" and bad.line_number == 3
    assert f"friendship-20261108T080000Z.jsonl:3: {CUT_OFF}; line skipped" in caplog.text
    assert len(result.selection.articles) == 4


def test_the_snapshot_is_readable_like_any_directory(runs: Path, tmp_path: Path) -> None:
    build(runs, tmp_path / "snap")
    mask = os.umask(0o022)
    os.umask(mask)
    assert (tmp_path / "snap").stat().st_mode & 0o777 == 0o777 & ~mask


def test_csv_and_parquet_read_back_as_the_records(runs: Path, tmp_path: Path) -> None:
    dest = tmp_path / "snap"
    records = build(runs, dest, formats=("jsonl", "csv", "parquet"))
    with (dest / "data.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["article_id"]) for r in rows] == [r["article_id"] for r in records]
    assert json.loads(rows[0]["images"]) == records[0]["images"]
    assert json.loads(rows[0]["section"]) == ["Hữu nghị", "Chân dung bè bạn"]
    assert rows[0]["text"] == records[0]["text"] and rows[3]["published_at"] == ""
    assert pq.read_table(dest / "data.parquet").to_pylist() == records


def test_jsonl_and_parquet_load_with_hugging_face_datasets(
    runs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    datasets = pytest.importorskip("datasets")
    dest = tmp_path / "snap"
    records = build(runs, dest, formats=("jsonl", "parquet"))
    cache = str(tmp_path / "hf-cache")
    for builder, name in (("json", "data.jsonl"), ("parquet", "data.parquet")):
        loaded = datasets.load_dataset(builder, data_files=str(dest / name), split="train", cache_dir=cache)
        assert loaded.num_rows == len(records), builder
        assert loaded[1]["text"] == records[1]["text"] and loaded[1]["images"] == records[1]["images"]


def test_card_describes_the_snapshot(runs: Path, tmp_path: Path) -> None:
    dest = tmp_path / "snap"
    build(runs, dest)
    card = (dest / "README.md").read_text(encoding="utf-8")
    assert "| articles | 4 |" in card
    assert "| publication dates | 2019-01-05 to 2023-08-09 |" in card
    assert "| Hữu nghị / Bốn phương kết bạn | 2 |" in card and "| 2023 | 2 |" in card
    assert "| Anh Vũ | 3 |" in card and "| Minh Anh | 1 |" in card
    assert "| `published_at` | `str | null` |" not in card  # pipes in cells are escaped
    assert "Publication time, ISO 8601 with the site's offset" in card
    assert "| 20261101T080000Z | friendship | 2026-11-01T08:00:00+00:00 | 4 | 2 |" in card
    assert "![Articles per month](articles_per_month.png)" in card
    assert (dest / "articles_per_month.png").read_bytes().startswith(b"\x89PNG")


def test_existing_destination_needs_overwrite_and_is_replaced_whole(runs: Path, tmp_path: Path) -> None:
    dest = tmp_path / "snap"
    build(runs, dest, formats=("jsonl", "csv"))
    with pytest.raises(DestinationExists, match="--overwrite"):
        build_snapshot(SnapshotRequest(runs, dest))
    build_snapshot(SnapshotRequest(runs, dest, ("parquet",), overwrite=True))
    assert sorted(p.name for p in dest.iterdir()) == [
        MARKER_FILE,
        "README.md",
        *CHARTS,
        "data.parquet",
    ]
    assert json.loads((dest / MARKER_FILE).read_text(encoding="utf-8"))["files"] == [
        "README.md",
        *CHARTS,
        "data.parquet",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "snap"]


def test_a_snapshot_whose_file_the_user_changed_is_not_overwritten(runs: Path, tmp_path: Path) -> None:
    """A note added to a snapshot's README.md is the user's: `--overwrite` keeps it and says why."""
    dest = tmp_path / "snap"
    build(runs, dest)
    with (dest / "README.md").open("a", encoding="utf-8") as card:
        card.write("\nMY NOTES on this snapshot.\n")
    with pytest.raises(
        DestinationExists, match=r"files changed since scrapy export wrote them \(README.md\)"
    ):
        build_snapshot(SnapshotRequest(runs, dest, overwrite=True))
    assert "MY NOTES" in (dest / "README.md").read_text(encoding="utf-8")


def test_an_interrupted_export_leaves_the_previous_snapshot_untouched(
    runs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "snap"
    build(runs, dest)
    before = {p.name: p.read_bytes() for p in dest.iterdir()}

    def crash(articles: object, path: Path) -> None:
        path.write_text("half a file", encoding="utf-8")
        raise KeyboardInterrupt

    monkeypatch.setitem(writers.WRITERS, "csv", ("data.csv", crash))
    with pytest.raises(KeyboardInterrupt):
        build_snapshot(
            SnapshotRequest(runs, dest, ("jsonl", "csv"), ArticleFilter(min_chars=40), overwrite=True)
        )
    assert {p.name: p.read_bytes() for p in dest.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "snap"]


def test_option_values_are_checked_with_clear_messages() -> None:
    assert parse_formats(["jsonl,csv", "parquet", "csv"]) == ["jsonl", "csv", "parquet"]
    assert parse_formats([]) == ["jsonl"]
    with pytest.raises(ValueError, match="unknown format 'xlsx'; allowed formats: jsonl, csv, parquet"):
        parse_formats(["jsonl,xlsx"])
    with pytest.raises(ValueError, match=r"--since '09/08/2023' is not a date; expected YYYY-MM-DD"):
        parse_date("09/08/2023", "--since")
    with pytest.raises(ValueError, match="after --until"):
        ArticleFilter(since=date(2024, 1, 2), until=date(2024, 1, 1))
    assert section_slug("Thân gửi Việt Nam") == "than-gui-viet-nam"


def scrapy_export(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="friendship_crawler.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "export", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_command_builds_a_snapshot_in_every_format(runs: Path, tmp_path: Path) -> None:
    done = scrapy_export(
        "snap",
        "--input",
        str(runs),
        "--format",
        "jsonl,csv",
        "--format",
        "parquet",
        "--since",
        "2019-01-01",
        "--section",
        "Hữu nghị",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "matplotlib" not in done.stderr, "a chart's drawing is no news to the user"
    assert sorted(p.name for p in (tmp_path / "snap").iterdir()) == [
        MARKER_FILE,
        "README.md",
        *CHARTS,
        "data.csv",
        "data.jsonl",
        "data.parquet",
    ]
    assert f"friendship-20261108T080000Z.jsonl:3: {CUT_OFF}" in done.stderr
    assert len((tmp_path / "snap" / "data.jsonl").read_text(encoding="utf-8").splitlines()) == 3
    lines = done.stderr.splitlines()
    assert "Wrote snap: data.jsonl, data.csv, data.parquet, " in "\n".join(lines), (
        "one plain line: what was written"
    )
    assert not [line for line in lines if "] INFO:" in line], "no time stamp or logger name on the console"
    assert [line for line in lines if line.startswith("WARNING: ")], "a warning says it is one"


def test_command_log_to_a_file_keeps_scrapys_format(runs: Path, tmp_path: Path) -> None:
    done = scrapy_export("snap", "--input", str(runs), "--logfile", "export.log", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "[friendship_crawler.commands.export] INFO: Wrote snap:" in (tmp_path / "export.log").read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "jsonl,xml"), "unknown format 'xml'; allowed formats: jsonl, csv, parquet"),
        (("--until", "2024-02-30"), "--until '2024-02-30' is not a date; expected YYYY-MM-DD"),
        (("--input", "nowhere"), "input directory nowhere does not exist"),
        (
            ("--input", "output/friendship-20261101T080000Z.jsonl"),
            "input output/friendship-20261101T080000Z.jsonl is a file, not a directory of run files",
        ),
        (("--input", "/dev/null"), "input /dev/null is not a directory of run files"),
        (
            ("--section", "Bốn phương", "--section", "huu-nghi"),
            "no article is in section 'Bốn phương'; the runs hold: Bốn phương kết bạn, Chân dung bè bạn, Hữu nghị",
        ),
    ],
)
def test_command_rejects_bad_input_with_a_clear_message(
    runs: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    done = scrapy_export("snap", *args, cwd=runs.parent)
    assert done.returncode == 2 and message in done.stderr, done.stderr
    assert not (runs.parent / "snap").exists()


def test_command_refuses_an_existing_destination(runs: Path, tmp_path: Path) -> None:
    (runs.parent / "snap").mkdir()
    done = scrapy_export("snap", cwd=runs.parent)
    assert done.returncode == 2 and "snap exists; pass --overwrite to replace it" in done.stderr, done.stderr


def test_help_keeps_every_option_under_its_group(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Scrapy's help formatter underlines any help line ending in a colon as a heading, at any width."""
    for columns in ("60", "80", "120"):
        monkeypatch.setenv("COLUMNS", columns)
        done = scrapy_export("-h", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        headings = [above for above, line in pairwise(lines) if line and set(line) <= {"=", "-"}]
        assert headings == ["Usage", "Options", "Global Options", "Export Options"], done.stdout
        assert (
            "directory holding the run files (default FRIENDSHIP_OUTPUT_DIR, output/ of the project)"
            in " ".join(done.stdout.split())
        )


# --- what --overwrite may replace -------------------------------------------------------------------
def tree(root: Path) -> dict[str, bytes | None]:
    """Every path under `root` with its bytes (None for a directory), to prove nothing changed."""
    return {str(p.relative_to(root)): None if p.is_dir() else p.read_bytes() for p in sorted(root.rglob("*"))}


def one_error_line(stderr: str) -> str:
    """The user-facing error of a failed command: exactly one line, no traceback."""
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if "ERROR" in line or "error:" in line]
    assert len(errors) == 1, stderr
    return errors[0]


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if ".partial-" in p.name or ".previous-" in p.name)


@pytest.fixture
def project(runs: Path) -> Path:
    """A Scrapy project directory: scrapy.cfg, the run files under output/, a user's own file."""
    root = runs.parent / "project"
    shutil.copytree(runs, root / "output")
    (root / "scrapy.cfg").write_text("[settings]\ndefault = friendship_crawler.settings\n", encoding="utf-8")
    (root / "notes.txt").write_text("my notes", encoding="utf-8")
    return root


def test_exporting_over_the_project_directory_is_refused_and_deletes_nothing(project: Path) -> None:
    before = tree(project)
    done = scrapy_export(".", "--overwrite", cwd=project)
    assert done.returncode == 2
    assert "not replacing it" in one_error_line(done.stderr)
    assert tree(project) == before


def test_the_project_directory_is_refused_from_below_it(project: Path, runs: Path) -> None:
    (project / "docs").mkdir()
    before = tree(project)
    done = scrapy_export("..", "--input", "../output", "--overwrite", cwd=project / "docs")
    assert done.returncode == 2
    assert (
        f"destination {project} contains the input directory ({project / 'output'}); not replacing it"
        in one_error_line(done.stderr)
    )
    done = scrapy_export("..", "--input", str(runs), "--overwrite", cwd=project / "docs")
    assert done.returncode == 2
    assert f"destination {project} is the Scrapy project directory; not replacing it" in one_error_line(
        done.stderr
    )
    assert tree(project) == before


def test_the_input_directory_is_refused_as_destination(runs: Path) -> None:
    before = tree(runs)
    with pytest.raises(DestinationExists, match="is the input directory; not replacing it"):
        build_snapshot(SnapshotRequest(runs, runs, overwrite=True))
    assert tree(runs) == before


def test_an_ancestor_of_the_input_is_refused_as_destination(runs: Path, tmp_path: Path) -> None:
    before = tree(tmp_path)
    with pytest.raises(
        DestinationExists, match=r"contains the input directory \(.*output\); not replacing it"
    ):
        build_snapshot(SnapshotRequest(runs, tmp_path, overwrite=True))
    assert tree(tmp_path) == before


def test_an_ancestor_of_the_current_directory_is_refused(
    runs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "work" / "here").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "work" / "here")
    with pytest.raises(DestinationExists, match="contains the current directory"):
        build_snapshot(SnapshotRequest(runs, tmp_path / "work", overwrite=True))
    assert (tmp_path / "work" / "here").is_dir()


def test_a_directory_of_the_users_files_is_refused_and_kept(runs: Path, tmp_path: Path) -> None:
    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / "notes.txt").write_text("my notes", encoding="utf-8")
    done = scrapy_export(str(dest), "--input", str(runs), "--overwrite", cwd=tmp_path)
    assert done.returncode == 2
    assert "is not a snapshot written by scrapy export (no .friendship-snapshot.json)" in one_error_line(
        done.stderr
    )
    assert (dest / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("marker", ["not json", '{"written_by": "someone else", "files": ["notes.txt"]}'])
def test_a_marker_the_command_did_not_write_does_not_count(runs: Path, tmp_path: Path, marker: str) -> None:
    dest = tmp_path / "mine"
    dest.mkdir()
    (dest / MARKER_FILE).write_text(marker, encoding="utf-8")
    (dest / "notes.txt").write_text("my notes", encoding="utf-8")
    with pytest.raises(DestinationExists, match="is not a snapshot written by scrapy export"):
        build_snapshot(SnapshotRequest(runs, dest, overwrite=True))
    assert (dest / "notes.txt").is_file()


def test_a_snapshot_with_a_file_added_by_hand_is_refused_and_kept(runs: Path, tmp_path: Path) -> None:
    dest = tmp_path / "snap"
    build(runs, dest)
    (dest / "notes.txt").write_text("my notes", encoding="utf-8")
    before = tree(dest)
    with pytest.raises(DestinationExists, match=r"holds files scrapy export did not write \(notes.txt\)"):
        build_snapshot(SnapshotRequest(runs, dest, overwrite=True))
    assert tree(dest) == before


def test_a_snapshot_the_command_wrote_is_replaced(runs: Path, tmp_path: Path) -> None:
    assert scrapy_export("snap", "--input", str(runs), "--format", "csv", cwd=tmp_path).returncode == 0
    done = scrapy_export("snap", "--input", str(runs), "--overwrite", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "snap").iterdir()) == [
        MARKER_FILE,
        "README.md",
        *CHARTS,
        "data.jsonl",
    ]
    assert leftovers(tmp_path) == []


def test_an_empty_directory_is_replaced_with_overwrite(runs: Path, tmp_path: Path) -> None:
    (tmp_path / "snap").mkdir()
    done = scrapy_export("snap", "--input", str(runs), "--overwrite", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "snap" / "data.jsonl").is_file()


@pytest.mark.parametrize("target", ["real", "missing"])
def test_a_symbolic_link_as_destination_is_refused_in_one_line(
    runs: Path, tmp_path: Path, target: str
) -> None:
    """Whatever the link points to (a snapshot, nothing), the command never writes through it."""
    build(runs, tmp_path / "real")
    (tmp_path / "snap").symlink_to(target)
    before = tree(tmp_path / "real")
    done = scrapy_export("snap", "--input", str(runs), "--overwrite", cwd=tmp_path)
    assert done.returncode == 2
    assert one_error_line(done.stderr).endswith(
        f"destination {tmp_path / 'snap'} is a symbolic link (to {target}); not writing through a link: "
        "give a real directory or a new name as DEST"
    )
    assert (tmp_path / "snap").readlink() == Path(target) and tree(tmp_path / "real") == before
    assert leftovers(tmp_path) == []


def test_a_file_where_the_parent_directory_should_be_gives_one_line(runs: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("my notes", encoding="utf-8")
    done = scrapy_export("notes.txt/snap", "--input", str(runs), cwd=tmp_path)
    assert done.returncode == 1
    line = one_error_line(done.stderr)
    assert line.endswith(
        f"cannot write the snapshot notes.txt/snap: Not a directory: {tmp_path / 'notes.txt'}"
    )
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert leftovers(tmp_path) == []


def read_only(path: Path, *command: str) -> list[str]:
    """`command` run with `path` bind-mounted read-only over itself, in a private mount namespace.

    Tests run as root, whom file modes do not stop; a read-only mount stops everyone.
    """
    probe = subprocess.run(["unshare", "-rm", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"no private mount namespace here: {probe.stderr.decode(errors='replace').strip()}")
    return ["unshare", "-rm", "sh", "-c", 'mount --bind -o ro "$0" "$0" && exec "$@"', str(path), *command]


def scrapy_export_read_only(path: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="friendship_crawler.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    command = read_only(path, sys.executable, "-m", "scrapy", "export", *args)
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_a_read_only_parent_gives_one_line_and_leaves_nothing(runs: Path, tmp_path: Path) -> None:
    shelf = tmp_path / "shelf"
    build(runs, shelf / "old")
    before = tree(shelf)
    for dest in ("shelf/new", "shelf/old"):
        done = scrapy_export_read_only(shelf, dest, "--input", str(runs), "--overwrite", cwd=tmp_path)
        assert done.returncode == 1, done.stderr
        assert f"cannot write the snapshot {dest}: Read-only file system: " in one_error_line(done.stderr)
    assert tree(shelf) == before


def test_a_read_only_destination_gives_one_line_and_is_kept(runs: Path, tmp_path: Path) -> None:
    dest = tmp_path / "snap"
    build(runs, dest)
    before = tree(tmp_path)
    done = scrapy_export_read_only(
        dest, "snap", "--input", str(runs), "--format", "csv", "--overwrite", cwd=tmp_path
    )
    assert done.returncode == 1, done.stderr
    assert "cannot write the snapshot snap: Device or resource busy: " in one_error_line(done.stderr)
    assert tree(tmp_path) == before  # the old snapshot in place, no .partial-* or .previous-* beside it


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("text", None, "text: None is not of type 'string'"),
        ("published_at", 1700000000, "published_at: 1700000000 is not of type"),
        ("section", "Hữu nghị", "section: 'Hữu nghị' is not of type 'array'"),
        ("published_at", "hôm qua", "published_at: 'hôm qua' does not match"),
        ("tags", None, "tags: None is not of type 'array'"),
    ],
    ids=["no-text", "a-number-for-a-date", "a-string-for-a-list", "a-date-that-is-none", "null-tags"],
)
def test_a_record_whose_field_is_of_the_wrong_type_is_a_bad_line(
    tmp_path: Path, field: str, value: object, says: str
) -> None:
    """A run file edited by hand or written by something else: its bad record is named and skipped, the
    rest exported, and no field of the wrong type reaches the dataset."""
    output = tmp_path / "output"
    good, bad = article(201, "2023-08-09T16:43:00+07:00"), asdict(article(202, "2023-08-09T16:43:00+07:00"))
    bad[field] = value
    path = write_run(output, "20261101T080000Z", [good], tail=json.dumps(bad, ensure_ascii=False) + "\n")
    result = build_snapshot(
        SnapshotRequest(input_dir=output, dest=tmp_path / "snap", formats=("jsonl", "parquet"))
    )
    assert [line.line_number for line in result.bad_lines] == [2]
    assert says in result.bad_lines[0].reason and str(path) in str(result.bad_lines[0])
    exported = (tmp_path / "snap" / "data.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["article_id"] for line in exported] == [201]


def test_an_article_dropped_as_a_copy_then_exported_as_its_own_comes_back(tmp_path: Path) -> None:
    """A run's dedup stage dropped 302 as a near copy of 301; the site then rewrote 302 and a later run
    exported it as an article of its own: the snapshot holds both."""
    output = tmp_path / "output"
    write_run(output, "20261101T080000Z", [article(301, "2023-08-09T16:43:00+07:00")])
    (output / "friendship-20261101T080000Z.duplicates.jsonl").write_text(
        json.dumps({"kept_article_id": 301, "dropped_article_id": 302, "reason": "near"}) + "\n",
        encoding="utf-8",
    )
    write_run(output, "20261108T080000Z", [article(302, "2023-08-10T09:00:00+07:00", body="Bài viết lại.")])
    build_snapshot(SnapshotRequest(input_dir=output, dest=tmp_path / "snap"))
    exported = (tmp_path / "snap" / "data.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["article_id"] for line in exported) == [301, 302]


def test_a_run_file_of_another_projects_spider_stands_for_no_article_of_the_site(tmp_path: Path) -> None:
    output = tmp_path / "output"
    write_run(output, "20261101T080000Z", [article(401, "2023-08-09T16:43:00+07:00")])
    stranger = replace(
        article(401, "2024-01-01T08:00:00+07:00", version=9), url="https://vnexpress.net/x-401.html"
    )
    write_run(output, "20261108T080000Z", [stranger], spider="news")
    build_snapshot(SnapshotRequest(input_dir=output, dest=tmp_path / "snap"))
    [line] = (tmp_path / "snap" / "data.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["url"] == "https://thoidai.com.vn/bai-so-401-401.html"


def test_the_project_names_its_run_files_after_its_spider() -> None:
    from friendship_crawler.spiders.friendship import FriendshipSpider

    assert FriendshipSpider.name in PROJECT_RUNS


def test_a_record_of_a_sister_sites_article_address_exports(tmp_path: Path) -> None:
    output = tmp_path / "output"
    sister = replace(
        article(501, "2023-08-09T16:43:00+07:00"), url="https://tapchicongthuong.vn/bai-viet/tin-501.htm"
    )
    write_run(output, "20261101T080000Z", [sister])
    result = build_snapshot(SnapshotRequest(input_dir=output, dest=tmp_path / "snap"))
    assert result.bad_lines == []
