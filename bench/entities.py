"""`python -m bench.entities`: precision and recall of `find_entities` per field on the labelled set, and
what the stage costs next to extraction and cleaning.

Quality: the articles of `tests/fixtures/entities/articles.jsonl` (real texts, each label checked by
reading the text; see the README beside it), scored as micro-averaged precision and recall over the
(article, value) pairs of each field. A country or province is its code; an organisation is its whole
record (normalised name, country and province), so a right name with a wrong partner is wrong. The
targets hold for the articles of the section itself; the set's articles from other outlets that report
the same work are scored beside them.

Speed: on the replica's article pages, side by side in one run and page by page in turns, the time of
`read_article` (the crawl's own path from page to record, the stage included) and the time of
`find_entities` on the cleaned article; each page's time is its median over the repeats, and extraction
+ cleaning is the first less the second.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bench.pages import replica_pages
from friendship_crawler.entities import Entities, find_entities
from friendship_crawler.reader import read_article

LABELLED_SET = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "entities" / "articles.jsonl"
FIELDS = ("countries", "provinces", "organizations")
TARGETS = {"countries": (0.97, 0.93), "provinces": (0.97, 0.93), "organizations": (0.95, None)}
"""Field -> (least precision, least recall or None)."""
MAX_SPEED_COST = 0.10
"""The stage may add at most this share to extraction + cleaning time per page."""


@dataclass(frozen=True)
class Labelled:
    """One labelled article."""

    url: str
    title: str
    sapo: str
    text: str
    expected: dict[str, frozenset]
    of_section: bool
    """An article of the section itself (any of its hosts or copies), not of another outlet."""


@dataclass(frozen=True)
class FieldScore:
    field: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass(frozen=True)
class SpeedCost:
    pages: int
    repeats: int
    extract_clean_ms: float
    """Median over pages of extraction + cleaning time (`read_article` less `find_entities`)."""
    entities_ms: float
    """Median over pages of `find_entities` time."""
    share: float
    """Sum of the pages' `find_entities` medians over the sum of their extraction + cleaning times."""


def load_labelled(path: Path = LABELLED_SET) -> list[Labelled]:
    """The labelled articles."""
    articles = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            articles.append(
                Labelled(
                    record["url"],
                    record["title"],
                    record["sapo"],
                    record["text"],
                    {field: frozenset(_values(field, record[field])) for field in FIELDS},
                    record["of_section"],
                )
            )
    return articles


def _values(field: str, values: Iterable) -> Iterable:
    """Comparable values of a field: codes, or whole organisation records."""
    for value in values:
        if field == "organizations":
            yield (value["name"], value["country"], value["province"])
        elif field == "provinces" and isinstance(value, dict):
            yield value["code"]
        else:
            yield value


def predicted_values(entities: Entities) -> dict[str, frozenset]:
    found = entities.as_dict()
    return {field: frozenset(_values(field, found[field])) for field in FIELDS}


def score(articles: Sequence[Labelled]) -> list[FieldScore]:
    """Micro-averaged counts per field over all articles."""
    counts = {field: [0, 0, 0] for field in FIELDS}
    for article in articles:
        predicted = predicted_values(find_entities(article.title, article.sapo, article.text))
        for field in FIELDS:
            expected, found = article.expected[field], predicted[field]
            counts[field][0] += len(expected & found)
            counts[field][1] += len(found - expected)
            counts[field][2] += len(expected - found)
    return [FieldScore(field, *counts[field]) for field in FIELDS]


def errors(articles: Sequence[Labelled]) -> list[str]:
    """One line per wrong or missed value, for reading the failures."""
    lines = []
    for article in articles:
        predicted = predicted_values(find_entities(article.title, article.sapo, article.text))
        for field in FIELDS:
            extra = predicted[field] - article.expected[field]
            missed = article.expected[field] - predicted[field]
            if extra or missed:
                lines.append(f"{article.url} {field}: extra {sorted(extra)} missed {sorted(missed)}")
    return lines


def measure_speed(pages: int, repeats: int) -> SpeedCost:
    """Extraction + cleaning against `find_entities`, page by page in turns."""
    samples = replica_pages(pages)
    articles = [read_article(page.html, page.url) for page in samples]
    for article in articles[:5]:
        find_entities(article.title, article.sapo or "", article.text)
    stage_times: list[list[float]] = [[] for _ in samples]
    entity_times: list[list[float]] = [[] for _ in samples]
    gc.collect()
    for _ in range(repeats):
        for index, page in enumerate(samples):
            stage_times[index].append(_timed(partial(read_article, page.html, page.url)))
            article = articles[index]
            entities = partial(find_entities, article.title, article.sapo, article.text)
            entity_times[index].append(_timed(entities))
    entity = [statistics.median(times) for times in entity_times]
    stage = [statistics.median(times) - own for times, own in zip(stage_times, entity, strict=True)]
    return SpeedCost(
        len(samples), repeats, statistics.median(stage), statistics.median(entity), sum(entity) / sum(stage)
    )


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


SECTION, OTHERS = "the section", "other outlets"


def by_source(articles: Sequence[Labelled]) -> dict[str, list[Labelled]]:
    """The section's articles (where the targets hold) and the other outlets' articles, apart."""
    return {
        SECTION: [article for article in articles if article.of_section],
        OTHERS: [article for article in articles if not article.of_section],
    }


def render(groups: dict[str, list[Labelled]], cost: SpeedCost | None) -> str:
    lines = [
        f"Labelled set ({LABELLED_SET.name}): "
        + ", ".join(f"{len(articles)} articles of {name}" for name, articles in groups.items()),
        "",
        "| articles | field | precision | recall | TP | FP | FN | target |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, articles in groups.items():
        for row in score(articles):
            least_precision, least_recall = TARGETS[row.field]
            target = f"P ≥ {least_precision}" + (f", R ≥ {least_recall}" if least_recall else "")
            lines.append(
                f"| {name} | {row.field} | {row.precision:.3f} | {row.recall:.3f} | {row.true_positives} "
                f"| {row.false_positives} | {row.false_negatives} | {target if name == SECTION else '—'} |"
            )
    if cost is not None:
        lines += [
            "",
            f"Speed ({cost.pages} replica pages, {cost.repeats} repeats, medians per page): "
            f"extraction + cleaning {cost.extract_clean_ms:.2f} ms, find_entities {cost.entities_ms:.3f} ms, "
            f"cost {cost.share:.1%} of extraction + cleaning (limit {MAX_SPEED_COST:.0%})",
        ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.entities", description=__doc__.split("\n", 1)[0])
    parser.add_argument("--pages", type=int, default=120, help="replica articles timed (default 120)")
    parser.add_argument("--repeats", type=int, default=3, help="timing repeats per page (default 3)")
    parser.add_argument("--no-speed", action="store_true", help="score the labelled set only")
    parser.add_argument("--errors", action="store_true", help="also list every wrong or missed value")
    options = parser.parse_args(argv)
    articles = load_labelled()
    cost = None if options.no_speed else measure_speed(options.pages, options.repeats)
    print(render(by_source(articles), cost))
    if options.errors:
        print("\n".join(["", *errors(articles)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
