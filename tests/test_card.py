"""The dataset card's entity statistics and charts: counts, top tables, charts per country and per year."""

from __future__ import annotations

import struct
import subprocess
import sys
from collections import Counter
from pathlib import Path

from friendship_crawler.dataset.card import (
    CHART_FILES,
    COUNTRY_CHART_FILE,
    TOP_COUNTRIES_CHARTED,
    YEAR_CHART_FILE,
    CardInputs,
    render_card,
    top_countries,
    write_charts,
)
from friendship_crawler.dataset.chart import write_ranking_chart, year_range
from friendship_crawler.dataset.explore import DATABASE_FILE, OPEN_COMMAND
from friendship_crawler.dataset.select import Selection
from friendship_crawler.entities.countries import cldr_names
from friendship_crawler.items import Article
from tests.explore_data import ARTICLES


def card(articles: list[Article], files: tuple[str, ...] = ("data.jsonl",)) -> str:
    return render_card(CardInputs(Selection(articles=articles), runs=[], records_per_run={}, files=files))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


def test_card_counts_distinct_entities_and_lists_the_top_ones() -> None:
    text = card(ARTICLES)
    assert "| partner countries | 4 | 6 |" in text  # LA, CU, MN, JP; 107 names none
    assert "| provinces | 5 | 6 |" in text
    assert "| organisations | 4 | 4 |" in text
    top = text.split("## Top 10 partner countries\n")[1]
    assert top.index("| Lào | 3 |") < top.index("| Cuba | 2 |") < top.index("| Mông Cổ | 1 |")
    assert "| Hà Nội | 2 |" in text.split("## Top 10 provinces\n")[1]
    assert "| Hội hữu nghị Việt Nam – Mông Cổ | 1 |" in text.split("## Top 10 organisations\n")[1]
    assert f"![Articles per partner country]({COUNTRY_CHART_FILE})" in text
    assert f"![Articles per year]({YEAR_CHART_FILE})" in text


def test_records_without_entity_fields_give_zero_counts() -> None:
    text = card([ARTICLES[-1]])
    assert "| partner countries | 0 | 0 |" in text
    assert "| organisations | 0 | 0 |" in text


def test_card_says_how_to_open_the_database_only_when_there_is_one() -> None:
    assert OPEN_COMMAND not in card(ARTICLES)
    with_db = card(ARTICLES, files=("data.jsonl", DATABASE_FILE))
    assert f"```sh\n{OPEN_COMMAND}\n```" in with_db
    assert "pip install 'friendship_crawler[explore]'" in with_db


def test_country_chart_shows_the_top_20_most_named_first() -> None:
    codes = sorted(cldr_names())[:25]
    articles = []
    for rank, code in enumerate(codes):
        for n in range(25 - rank):  # the first code is named by 25 articles, the last by 1
            article = Article(
                url=f"https://thoidai.com.vn/a-{rank}-{n}.html", article_id=rank * 100 + n, title="t"
            )
            article.countries = [code]  # type: ignore[attr-defined]
            articles.append(article)
    top = top_countries(articles)
    assert len(top) == TOP_COUNTRIES_CHARTED
    assert [count for _, count in top] == list(range(25, 5, -1))


def test_charts_are_written_and_reproducible(tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        assert write_charts(ARTICLES, tmp_path / name) == list(CHART_FILES)
    for file in CHART_FILES:
        assert png_size(tmp_path / "a" / file)[0] > 0
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_ranking_chart_grows_with_its_bars(tmp_path: Path) -> None:
    write_ranking_chart([("Lào", 3)], tmp_path / "one.png", "t")
    write_ranking_chart([(f"country {i}", i) for i in range(20)], tmp_path / "twenty.png", "t")
    assert png_size(tmp_path / "twenty.png")[1] > png_size(tmp_path / "one.png")[1]


def test_year_range_fills_gaps_and_ignores_undated() -> None:
    assert year_range(Counter({"2019": 1, "2021": 2, "(undated)": 4})) == ["2019", "2020", "2021"]
    assert year_range(Counter({"(undated)": 4})) == []


def test_loading_the_commands_leaves_matplotlib_for_the_first_chart() -> None:
    """Scrapy imports every command's modules to start any command: charts must not slow them all."""
    probe = (
        "import sys, friendship_crawler.commands.export as e, friendship_crawler.dataset.card; "
        "print('matplotlib' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "False"
