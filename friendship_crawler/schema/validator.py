"""Load the record's JSON Schema once and validate records against it, naming each failing field."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

ARTICLE_SCHEMA_PATH: Traversable = files("friendship_crawler.schema").joinpath("article.schema.json")
"""The schema file inside the installed package (a zipped egg under Scrapyd included)."""


@cache
def load_article_schema() -> dict[str, Any]:
    """The Article JSON Schema, checked to be a valid Draft 2020-12 schema."""
    schema: dict[str, Any] = json.loads(ARTICLE_SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


class ArticleValidator:
    """Validates exported records (plain dicts) against the Article schema, compiled once."""

    def __init__(self, schema: Mapping[str, Any] | None = None) -> None:
        self._validator = Draft202012Validator(dict(schema) if schema is not None else load_article_schema())

    def errors(self, record: Mapping[str, Any]) -> list[str]:
        """One message per violation, each starting with the path of the field, e.g. `images/0/url: ...`."""
        found = sorted(self._validator.iter_errors(dict(record)), key=_error_path)
        return [f"{_error_path(error) or '(record)'}: {error.message}" for error in found]

    def is_valid(self, record: Mapping[str, Any]) -> bool:
        return bool(self._validator.is_valid(dict(record)))


def _error_path(error: ValidationError) -> str:
    return "/".join(str(part) for part in error.absolute_path)
