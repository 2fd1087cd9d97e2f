"""The SQLite export: tables, links, search with and without diacritics, canned queries, stable bytes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest
import sqlite_utils

from friendship_crawler.dataset.explore import DATABASE_FILE, DERIVED_COLUMNS, METADATA_FILE, QUERIES
from friendship_crawler.dataset.writers import parse_formats, write_sqlite
from tests.explore_data import ARTICLES, ids_about, ids_with

PROJECT_ROOT = Path(__file__).parents[1]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / DATABASE_FILE
    write_sqlite(ARTICLES, path)
    return path


@pytest.fixture
def db(db_path: Path) -> sqlite_utils.Database:
    return sqlite_utils.Database(db_path)


def search(db: sqlite_utils.Database, query: str) -> set[int]:
    """Article ids matching `query`, each word quoted as Datasette's search box quotes it."""
    return {
        row["article_id"] for row in db.table("articles").search(query, columns=["article_id"], quote=True)
    }


def test_every_article_is_a_row_with_lists_as_json_and_facet_columns(db: sqlite_utils.Database) -> None:
    rows = {r["article_id"]: r for r in db.table("articles").rows}
    assert sorted(rows) == sorted(a.article_id for a in ARTICLES)
    lao = rows[101]
    assert json.loads(lao["countries"]) == ["LA"]
    assert json.loads(lao["country_names"]) == ["Lào"]
    assert json.loads(lao["provinces"]) == [{"code": "40", "name": "Nghệ An"}]
    assert json.loads(lao["province_names"]) == ["Nghệ An"]
    assert json.loads(lao["organizations"]) == [
        {"name": "Hội hữu nghị Việt Nam – Lào", "country": "LA", "province": None}
    ]
    assert json.loads(lao["organization_names"]) == ["Hội hữu nghị Việt Nam – Lào"]
    assert json.loads(lao["section"]) == ["Hữu nghị", "Bốn phương kết bạn"]
    assert json.loads(lao["images"]) == []
    assert (lao["year"], lao["subsection"]) == (2019, "Bốn phương kết bạn")
    assert rows[106]["subsection"] == "Hữu nghị"
    assert "Dong Nai" in rows[106]["text_ascii"]
    old = rows[107]
    assert [json.loads(old[f]) for f in ("countries", "provinces", "organizations")] == [[], [], []]
    every_field = set(asdict(ARTICLES[0])) | {"countries", "provinces", "organizations"}
    assert set(db.table("articles").columns_dict) == every_field | set(DERIVED_COLUMNS)


def test_entity_tables_and_links_with_foreign_keys(db: sqlite_utils.Database, db_path: Path) -> None:
    assert [tuple(r.values()) for r in db.table("countries").rows] == [
        ("CU", "Cuba"),
        ("JP", "Nhật Bản"),
        ("LA", "Lào"),
        ("MN", "Mông Cổ"),
    ]
    assert [r["name"] for r in db.table("provinces").rows] == [
        "Hà Nội",
        "Nghệ An",
        "Huế",
        "Đà Nẵng",
        "Đồng Nai",
    ]
    organizations = {r["name"]: r for r in db.table("organizations").rows}
    assert organizations["Liên hiệp các tổ chức hữu nghị thành phố Đà Nẵng"]["province"] == "48"
    assert organizations["Hội hữu nghị Việt Nam – Mông Cổ"]["country"] == "MN"
    links = db.execute("select article_id, country, position from article_countries order by 1, 3").fetchall()
    assert [link for link in links if link[0] == 105] == [(105, "CU", 1), (105, "LA", 2)]
    assert {
        t: {fk.other_table for fk in db.table(t).foreign_keys}
        for t in ("article_countries", "article_provinces", "article_organizations", "organizations")
    } == {
        "article_countries": {"articles", "countries"},
        "article_provinces": {"articles", "provinces"},
        "article_organizations": {"articles", "organizations"},
        "organizations": {"countries", "provinces"},
    }
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("pragma foreign_key_check").fetchall() == []


@pytest.mark.parametrize(
    ("with_marks", "without_marks", "expected"),
    [
        ("hữu nghị", "huu nghi", ids_with("hữu nghị")),
        ("Đà Nẵng", "Da Nang", {102}),
        ("Đồng Nai", "dong nai", {106}),
        ('"Đà Nẵng"', '"da nang"', {102}),
    ],
)
def test_search_finds_a_word_with_or_without_its_diacritics(
    db: sqlite_utils.Database, with_marks: str, without_marks: str, expected: set[int]
) -> None:
    assert expected and expected != {a.article_id for a in ARTICLES}
    assert search(db, with_marks) == expected
    assert search(db, without_marks) == expected


def test_dong_without_marks_finds_every_word_written_with_d_stroke(db: sqlite_utils.Database) -> None:
    assert search(db, "dong") == {104, 105, 106}  # "hoạt động", "đông đảo", "Đồng Nai"


def test_canned_queries_answer_the_readers_questions(db: sqlite_utils.Database) -> None:
    def answer(name: str) -> list[tuple]:
        return db.execute(QUERIES[name]["sql"]).fetchall()

    assert [row[0] for row in answer("laos_since_2020")] == [102, 105]
    assert ids_about("LA") == {101, 102, 105}  # 101 is from 2019
    assert answer("provinces_with_cuba") == [("01", "Hà Nội", 1, 2022, 2022), ("46", "Huế", 1, 2024, 2024)]
    assert [(row[1], row[3]) for row in answer("mongolia_association")] == [
        ("Kỷ niệm 69 năm quan hệ ngoại giao Việt Nam – Mông Cổ", "Hội hữu nghị Việt Nam – Mông Cổ")
    ]


def test_metadata_names_source_licence_facets_and_queries(db_path: Path) -> None:
    metadata = json.loads((db_path.parent / METADATA_FILE).read_text(encoding="utf-8"))
    assert metadata["source_url"] == "https://thoidai.com.vn/huu-nghi"
    assert "© Tạp chí Thời Đại" in metadata["license"]
    assert "7 articles" in metadata["description_html"]
    database = metadata["databases"][db_path.stem]
    assert database["tables"]["articles"]["facets"] == [
        {"array": "country_names"},
        {"array": "province_names"},
        {"array": "organization_names"},
        "subsection",
        "year",
    ]
    assert set(database["queries"]) == set(QUERIES)


def test_same_articles_give_the_same_bytes(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        write_sqlite(ARTICLES, tmp_path / name / DATABASE_FILE)
    for file in (DATABASE_FILE, METADATA_FILE):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_sqlite_without_its_extra_is_refused_with_the_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "sqlite_utils", None)  # what an environment without the extra sees
    with pytest.raises(ValueError, match=r"pip install 'friendship_crawler\[explore\]'"):
        parse_formats(["jsonl,sqlite"])


def test_export_command_writes_the_database_and_its_metadata(tmp_path: Path) -> None:
    runs = tmp_path / "output"
    runs.mkdir()
    lines = [json.dumps(asdict(a), ensure_ascii=False) for a in ARTICLES]
    (runs / "friendship-20261101T080000Z.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, SCRAPY_SETTINGS_MODULE="friendship_crawler.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    for extra in ([], ["--overwrite"]):  # the second run replaces the first: every file is the export's own
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "export",
                "snap",
                "--input",
                str(runs),
                "--format",
                "sqlite",
                *extra,
            ],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    snap = tmp_path / "snap"
    assert {DATABASE_FILE, METADATA_FILE, "README.md"} <= {p.name for p in snap.iterdir()}
    db = sqlite_utils.Database(snap / DATABASE_FILE)
    assert db.table("articles").count == len(ARTICLES)
    assert search(db, "huu nghi") == ids_with("hữu nghị")
    assert "datasette articles.db --metadata metadata.json" in (snap / "README.md").read_text(
        encoding="utf-8"
    )
