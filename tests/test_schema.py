"""The record's JSON Schema: in sync with the `Article` dataclass, and strict where the format is documented."""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from friendship_crawler.items import Article, Image, content_hash
from friendship_crawler.replica import Corpus
from friendship_crawler.schema import ARTICLE_SCHEMA_PATH, ArticleValidator, load_article_schema

CRAWLED_AT = "2026-11-23T08:00:00+00:00"


def _schema_types(spec: dict[str, Any]) -> set[str]:
    declared = spec["type"]
    return {declared} if isinstance(declared, str) else set(declared)


def _python_types(annotation: Any) -> set[str]:
    names = {str: "string", int: "integer", list: "array", dict: "object", types.NoneType: "null"}
    args = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else (annotation,)
    return {names[typing.get_origin(arg) or arg] for arg in args}


def _record(**changes: Any) -> dict[str, Any]:
    article = Article(
        url="https://thoidai.com.vn/gap-mat-ban-be-194335.html",
        article_id=194335,
        title="Gặp mặt bạn bè",
        sapo="TĐO - Sapo.",
        text="Gặp mặt bạn bè\nTĐO - Sapo.\nĐoạn một.",
        author="Anh Vũ",
        published_at="2023-08-09T16:43:00+07:00",
        section=["Hữu nghị", "Bốn phương kết bạn"],
        tags=["hữu nghị"],
        images=[Image("https://tacnghiep.thoidai.com.vn/stores/news_dataimages/a.jpg", "Ảnh (Ảnh: TĐ).")],
        related_urls=["https://thoidai.com.vn/ban-be-bon-phuong-194000.html"],
        crawled_at=CRAWLED_AT,
    )
    return {**asdict(article), **changes}


def test_schema_file_ships_in_the_package_and_is_a_valid_schema() -> None:
    assert ARTICLE_SCHEMA_PATH.is_file()
    Draft202012Validator.check_schema(load_article_schema())


def test_schema_properties_are_the_dataclass_fields() -> None:
    schema = load_article_schema()
    names = [f.name for f in fields(Article)]
    assert list(schema["properties"]) == names
    assert schema["required"] == names
    assert schema["additionalProperties"] is False


def test_schema_types_match_the_dataclass_annotations() -> None:
    properties = load_article_schema()["properties"]
    hints = typing.get_type_hints(Article)
    for name, annotation in hints.items():
        assert _schema_types(properties[name]) == _python_types(annotation), name


def test_image_schema_matches_the_image_dataclass() -> None:
    image = load_article_schema()["properties"]["images"]["items"]
    assert list(image["properties"]) == [f.name for f in fields(Image)]
    assert image["required"] == [f.name for f in fields(Image)]


def test_every_property_is_described() -> None:
    properties = load_article_schema()["properties"]
    assert [name for name, spec in properties.items() if not spec.get("description")] == []


def test_a_documented_record_is_valid() -> None:
    assert ArticleValidator().errors(_record()) == []


def test_the_replica_ground_truth_is_valid_once_crawled() -> None:
    validator = ArticleValidator()
    truth = Corpus(seed=2026, articles=120).truth()
    failures = {
        article.url: validator.errors({**asdict(article), "crawled_at": CRAWLED_AT}) for article in truth
    }
    assert {url: errors for url, errors in failures.items() if errors} == {}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": ""}, "title"),
        ({"article_id": "194335"}, "article_id"),
        ({"published_at": "09/08/2023 16:43"}, "published_at"),
        ({"published_at": "2023-08-09T16:43:00"}, "published_at"),
        ({"modified_at": "yesterday"}, "modified_at"),
        ({"crawled_at": "2026-11-23T15:00:00+07:00"}, "crawled_at"),
        ({"content_hash": "abc"}, "content_hash"),
        ({"section": None}, "section"),
        ({"tags": [""]}, "tags/0"),
        ({"images": [{"url": "data:image/gif;base64,R0lG", "caption": ""}]}, "images/0/url"),
        ({"related_urls": ["https://thoidai.com.vn/huu-nghi"]}, "related_urls/0"),
        ({"author": ""}, "author"),
        ({"version": 0}, "version"),
    ],
)
def test_a_malformed_field_is_named_in_the_error(changes: dict[str, Any], field: str) -> None:
    errors = ArticleValidator().errors(_record(**changes))
    assert errors, changes
    assert errors[0].startswith(f"{field}: ")


def test_missing_and_unknown_keys_are_errors() -> None:
    record = _record(extra="x")
    del record["text"]
    errors = ArticleValidator().errors(record)
    assert any("'text' is a required property" in e for e in errors)
    assert any("'extra' was unexpected" in e for e in errors)
    assert not ArticleValidator().is_valid(record)


def test_the_readme_example_record_is_valid_and_consistent() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The record", 1)[1]
    block = re.search(r"```json\n(.*?)\n```", section, re.DOTALL)
    assert block, "README's record section has no JSON example"
    record = json.loads(block.group(1))
    assert ArticleValidator().errors(record) == []
    assert asdict(Article.from_dict(record)) == record
    assert record["content_hash"] == content_hash(record["text"])
    assert record["text"].splitlines()[:2] == [record["title"], record["sapo"]]


def test_an_article_address_in_any_form_the_url_rules_read_is_valid_in_the_record() -> None:
    """The site may write `.htm` or `-post<id>`: the crawl fetches those, and their records are valid."""
    for url in ("https://thoidai.com.vn/a-194335.htm", "https://thoidai.com.vn/a-post194335.html"):
        record = _record(url=url, related_urls=[url.replace("194335", "194336")])
        assert ArticleValidator().errors(record) == []
