"""Build the labelled pairs the near-duplicate setting is chosen on (tests/test_dedup_pairs.py, calibrate).

Duplicates are republications with small edits (words changed, a paragraph dropped or added, a new
title, captions changed, a dateline removed) and the same story under a second id; hard negatives are
look-alike distinct articles: provincial congress reports sharing one skeleton, the same template
story of two provinces, one organisation's yearly reports, a follow-up quoting its predecessor.
Stories are written by the replica's seeded writer, plus the real sample texts in ../shared/expected
when it is there, so the set is rebuilt the same wherever it is needed rather than stored; to read it,
`python -m bench.dedup_pairs [--out PATH] [--seed N]` writes it as JSON Lines.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime
from itertools import combinations
from pathlib import Path
from typing import Any

from bench.pages import SHARED_DIR
from friendship_crawler.replica.corpus import Corpus
from friendship_crawler.replica.stories import ImageBlock, TextBlock
from friendship_crawler.replica.vocab import COUNTRIES, PROVINCES, sentences
from friendship_crawler.replica.writer import StoryWriter, Words, family_title
from friendship_crawler.textnorm import normalize_text

DEFAULT_SEED = 20261123
EXPECTED_DIR = SHARED_DIR / "expected"
_NUMBER = re.compile(r"\d+")

Lines = list[str]


def story_lines(writer: StoryWriter, rng: random.Random, words: Words | None = None) -> Lines:
    words = words or writer.words()
    published = datetime(rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28), 9, 30)
    title = writer.title(words, published.year)
    lines = [title, writer.sapo(words, published, dateline=published.year < 2020)]
    for part in writer.body(words, title, published, "slug"):
        if isinstance(part, TextBlock):
            lines.append(part.text)
        elif isinstance(part, ImageBlock):
            lines.extend(part.caption)
    return lines


def congress_lines(
    writer: StoryWriter, rng: random.Random, province: str, term: tuple[int, int], shared: Lines | None
) -> Lines:
    """A provincial congress report; with `shared`, the same filler paragraphs as another report."""
    words = writer.words()
    words = Words(province, words.country, words.person, words.friend, words.event, words.org, words.role)
    congress = rng.randint(2, 6)
    title = family_title(province, congress, term)
    sapo = (
        f"Ngày {rng.randint(1, 28)}/{rng.randint(1, 12)}/{term[0]}, Liên hiệp các tổ chức hữu nghị tỉnh "
        f"{province} tổ chức Đại hội đại biểu lần thứ {congress}, nhiệm kỳ {term[0]}-{term[1]}."
    )
    body = [part.text for part in writer.family_body(words, term, congress) if isinstance(part, TextBlock)]
    if shared is not None:
        skeleton = [line for line in body if province in line]
        body = skeleton[:1] + shared + skeleton[1:]
    return [title, sapo, *body]


def short_brief(writer: StoryWriter, rng: random.Random, words: Words) -> Lines:
    """A two-paragraph news brief: title, lead and one closing line with figures."""
    published = datetime(rng.randint(2016, 2025), rng.randint(1, 12), rng.randint(1, 28), 9, 30)
    return [
        f"Trao quà hữu nghị cho bạn bè {words.country} tại {words.province}",
        writer.sapo(words, published, dateline=published.year < 2020),
        f"Nhân dịp này, {words.org} đã trao tặng {rng.randint(2, 40)} suất quà và "
        f"{rng.randint(2, 30)} suất học bổng cho đại diện bạn bè {words.country}.",
    ]


# Edits a republication makes: each takes lines and returns edited lines.


def change_words(rng: random.Random, lines: Lines, share: float) -> Lines:
    """Replace or drop about `share` of the body's words (typo fixes, rewording: no new names or figures)."""
    plain = [w for s in sentences() for w in s.split(" ") if w.isalpha() and w.islower()]
    edited = []
    for line in lines:
        tokens = line.split(" ")
        for _ in range(max(0, round(len(tokens) * share))):
            spot = rng.randrange(len(tokens))
            if rng.random() < 0.5:
                tokens[spot] = rng.choice(plain)
            elif len(tokens) > 1:
                del tokens[spot]
        edited.append(" ".join(tokens))
    return edited


def drop_paragraph(rng: random.Random, lines: Lines) -> Lines:
    body = lines[2:]
    if len(body) > 3:
        del body[rng.randrange(len(body))]
    return lines[:2] + body


def add_paragraph(rng: random.Random, lines: Lines) -> Lines:
    spot = rng.randint(2, len(lines))
    return lines[:spot] + [rng.choice(sentences())] + lines[spot:]


def new_title(rng: random.Random, lines: Lines) -> Lines:
    return [f"{rng.choice(['Tin ảnh', 'Cập nhật', 'Đọc lại'])}: {lines[0]}", *lines[1:]]


def new_sapo(rng: random.Random, lines: Lines) -> Lines:
    """Reword the lead: keep its first sentence, drop the rest, change some of its words."""
    first = lines[1].removeprefix("TĐO - ").split(". ")[0].rstrip(".") + "."
    return [lines[0], *change_words(rng, [first], 0.15), *lines[2:]]


def strip_dateline(rng: random.Random, lines: Lines) -> Lines:
    return [lines[0], lines[1].removeprefix("TĐO - "), *lines[2:]]


def credit_source(rng: random.Random, lines: Lines) -> Lines:
    return [*lines, f"(Theo {rng.choice(['Báo Bắc Giang', 'TTXVN', 'Báo Quốc tế', 'VOV'])})"]


def swap_paragraphs(rng: random.Random, lines: Lines) -> Lines:
    body = lines[2:]
    if len(body) > 2:
        i = rng.randrange(len(body) - 1)
        body[i], body[i + 1] = body[i + 1], body[i]
    return lines[:2] + body


def retype_numbers(rng: random.Random, lines: Lines) -> Lines:
    """Correct one figure, as a republication fixing a typo does."""
    text = "\n".join(lines)
    numbers = list(_NUMBER.finditer(text))
    if numbers:
        hit = rng.choice(numbers)
        text = f"{text[: hit.start()]}{int(hit.group()) + 1}{text[hit.end() :]}"
    return text.split("\n")


EDITS: dict[str, Callable[[random.Random, Lines], Lines]] = {
    "drop_paragraph": drop_paragraph,
    "add_paragraph": add_paragraph,
    "new_title": new_title,
    "new_sapo": new_sapo,
    "strip_dateline": strip_dateline,
    "credit_source": credit_source,
    "swap_paragraphs": swap_paragraphs,
    "retype_number": retype_numbers,
}


def edited_copy(rng: random.Random, lines: Lines) -> tuple[Lines, list[str]]:
    """A republication: one to three structural edits, then up to 5% of words changed."""
    names = rng.sample(sorted(EDITS), rng.randint(1, 3))
    for name in names:
        lines = EDITS[name](rng, lines)
    share = rng.choice((0.0, 0.01, 0.02, 0.03, 0.05))
    if share:
        lines = lines[:1] + change_words(rng, lines[1:], share)
        names.append(f"words_{round(share * 100)}pct")
    return lines, names


def record(article_id: int, lines: Lines) -> dict[str, Any]:
    return {
        "url": f"https://thoidai.com.vn/bai-{article_id}.html",
        "article_id": article_id,
        "text": normalize_text("\n".join(lines)),
    }


def labelled_pairs(seed: int = DEFAULT_SEED) -> list[dict[str, Any]]:
    """Every labelled pair, numbered in order."""
    return [{"pair": number, **row} for number, row in enumerate(pairs(seed))]


def pairs(seed: int) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    writer = StoryWriter(rng)
    ids = iter(range(100_000, 10_000_000, 7))

    def pair(kind: str, label: str, a: Lines, b: Lines, edits: list[str] | None = None) -> dict[str, Any]:
        first, second = next(ids), next(ids)
        return {
            "kind": kind,
            "label": label,
            "edits": edits or [],
            "a": record(first, a),
            "b": record(second, b),
        }

    yield from replica_pairs()
    real = [
        json.loads(p.read_text(encoding="utf-8"))["text"].split("\n")
        for p in sorted(EXPECTED_DIR.glob("*.json"))
    ]
    for lines in real:
        for _ in range(4):
            copy, edits = edited_copy(rng, lines)
            yield pair("republished_real", "duplicate", lines, copy, edits)
    for _ in range(90):
        lines = story_lines(writer, rng)
        copy, edits = edited_copy(rng, lines)
        yield pair("republished", "duplicate", lines, copy, edits)
    for _ in range(15):
        lines = story_lines(writer, rng)
        yield pair("renumbered", "duplicate", lines, list(lines))
    for _ in range(15):
        lines = congress_lines(writer, rng, rng.choice(PROVINCES), (2022, 2027), None)
        copy, edits = edited_copy(rng, lines)
        yield pair("republished_congress", "duplicate", lines, copy, edits)

    for _ in range(20):
        brief = short_brief(writer, rng, writer.words())
        copy = strip_dateline(rng, brief) if brief[1].startswith("TĐO - ") else change_words(rng, brief, 0.03)
        yield pair("republished_brief", "duplicate", brief, copy)

    for _ in range(20):
        base = writer.words()
        other = Words(rng.choice(PROVINCES), base.country, base.person, base.friend, base.event,
                      base.org.replace(base.province, "{p}"), base.role)  # fmt: skip
        other = replace(other, org=other.org.replace("{p}", other.province))
        yield pair(
            "brief_other_province",
            "distinct",
            short_brief(writer, rng, base),
            short_brief(writer, rng, other),
        )
    for _ in range(60):
        p, q = rng.sample(PROVINCES, 2)
        term = rng.choice(((2017, 2022), (2022, 2027), (2018, 2023)))
        shared = None
        if rng.random() < 0.5:
            shared = [writer.paragraph(2) for _ in range(rng.randint(3, 5))]
        kind = "congress_shared_filler" if shared else "congress"
        yield pair(kind, "distinct", congress_lines(writer, rng, p, term, shared),
                   congress_lines(writer, rng, q, term, shared))  # fmt: skip
    for _ in range(40):
        p = rng.choice(PROVINCES)
        shared = [writer.paragraph(2) for _ in range(4)]
        yield pair("congress_same_province_next_term", "distinct",
                   congress_lines(writer, rng, p, (2017, 2022), shared),
                   congress_lines(writer, rng, p, (2022, 2027), shared))  # fmt: skip
    for _ in range(45):
        base = writer.words()
        other = Words(rng.choice(PROVINCES), rng.choice(COUNTRIES), writer.person(), base.friend,
                      base.event, base.org, base.role)  # fmt: skip
        yield pair(
            "same_template", "distinct", story_lines(writer, rng, base), story_lines(writer, rng, other)
        )
    for _ in range(25):
        yield pair("random_stories", "distinct", story_lines(writer, rng), story_lines(writer, rng))
    for _ in range(30):
        earlier = story_lines(writer, rng)
        follow_up = story_lines(writer, rng)
        quoted = earlier[2 : 2 + rng.randint(1, 2)]
        yield pair("follow_up_quoting", "distinct", earlier, follow_up[:3] + quoted + follow_up[3:])


def replica_pairs(seed: int = 2026, articles: int = 240) -> Iterator[dict[str, Any]]:
    """The replica's planted duplicates, and every pair of its look-alike families, as served."""
    corpus = Corpus(seed=seed, articles=articles)
    planted = corpus.planted()

    def served(article_id: int) -> dict[str, Any]:
        article = corpus.expected(article_id)
        return {"url": article.url, "article_id": article.article_id, "text": article.text}

    for kind, pairs_of_ids in (("replica_renumbered", planted["renumbered"]),
                               ("replica_near_duplicate", planted["near_duplicates"])):  # fmt: skip
        for first, second in pairs_of_ids:
            yield {"kind": kind, "label": "duplicate", "edits": [], "a": served(first), "b": served(second)}
    for family, ids in sorted(planted["lookalike_families"].items()):
        for first, second in combinations(ids, 2):
            yield {"kind": f"replica_{family}", "label": "distinct", "edits": [], "a": served(first),
                   "b": served(second)}  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("dedup_pairs.jsonl"))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    rows = labelled_pairs(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for row in rows:
        counts[f"{row['label']}/{row['kind']}"] = counts.get(f"{row['label']}/{row['kind']}", 0) + 1
    for name, count in sorted(counts.items()):
        print(f"{count:5d}  {name}")
    print(f"{len(rows)} pairs written to {args.out}")


if __name__ == "__main__":
    main()
