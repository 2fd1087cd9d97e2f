"""`ItemTally`: what the run's exported items looked like (schema failures, field coverage); no Scrapy."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from friendship_crawler.schema import ArticleValidator

REQUIRED_FIELDS: tuple[str, ...] = ("title", "text", "published_at")
"""Fields every exported item must carry a value in (empty strings, None and [] count as missing)."""
EXAMPLES_KEPT = 5
"""Invalid items quoted in the run report, so a person sees what went wrong without the feed."""


@dataclass
class InvalidItem:
    """One item that failed schema validation, as quoted in the report."""

    url: str
    errors: list[str]


@dataclass
class ItemTally:
    """Counts items as they are scraped: how many, how many failed the schema, which fields were empty."""

    validator: ArticleValidator
    required_fields: Sequence[str] = REQUIRED_FIELDS
    items: int = 0
    invalid: int = 0
    missing: Counter[str] = field(default_factory=Counter)
    examples: list[InvalidItem] = field(default_factory=list)

    def add(self, record: Mapping[str, Any]) -> list[str]:
        """Count one exported record; returns its schema errors (empty when valid)."""
        self.items += 1
        for name in self.required_fields:
            if record.get(name) in (None, "", [], {}):
                self.missing[name] += 1
        errors = self.validator.errors(record)
        if errors:
            self.invalid += 1
            if len(self.examples) < EXAMPLES_KEPT:
                self.examples.append(InvalidItem(str(record.get("url", "")), errors))
        return errors

    def coverage(self) -> dict[str, float]:
        """Share of items with a value in each required field; 1.0 for every field when there are no items."""
        if not self.items:
            return dict.fromkeys(self.required_fields, 1.0)
        return {name: (self.items - self.missing[name]) / self.items for name in self.required_fields}
