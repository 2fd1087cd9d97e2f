"""Writing the chosen articles as `data.jsonl`, `data.csv`, `data.parquet` and `articles.db`.

JSON Lines and CSV go through Scrapy's item exporters, so a snapshot's records are serialised exactly
as the crawl's feed export wrote them; CSV cells that hold lists carry them as JSON text. Parquet uses
pyarrow with list and struct types derived from the `Article` dataclass. SQLite (`dataset.sqlite`) needs
the `explore` extra, so it is imported only when chosen, and asked for before anything is read.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, fields, is_dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq
from scrapy.exporters import BaseItemExporter, CsvItemExporter, JsonLinesItemExporter

from friendship_crawler.dataset.explore import DATABASE_FILE, METADATA_FILE, write_metadata
from friendship_crawler.dataset.fields import arrow_schema
from friendship_crawler.items import Article

RECORD_FIELDS = [f.name for f in fields(Article)]
_OPTIONS: dict[str, Any] = {"encoding": "utf-8", "fields_to_export": RECORD_FIELDS}


class JsonCellCsvItemExporter(CsvItemExporter):
    """CSV with one column per field; lists (and nested records) as JSON text, empty cell for None."""

    def serialize_field(self, field: Mapping[str, Any], name: str, value: Any) -> Any:
        if isinstance(value, list):
            return json.dumps([asdict(v) if is_dataclass(v) else v for v in value], ensure_ascii=False)  # type: ignore[arg-type]
        return super().serialize_field(field, name, value)


def write_jsonl(articles: Iterable[Article], path: Path) -> None:
    """One record a line, UTF-8, fields in record order."""
    _export(articles, path, lambda out: JsonLinesItemExporter(out, **_OPTIONS))  # type: ignore[arg-type]


def write_csv(articles: Iterable[Article], path: Path) -> None:
    """A header line, then one row a record (UTF-8, RFC 4180 quoting)."""
    _export(articles, path, lambda out: JsonCellCsvItemExporter(out, **_OPTIONS))  # type: ignore[arg-type]


def write_parquet(articles: Iterable[Article], path: Path) -> None:
    """One Parquet file with the record schema (lists as lists, images as structs)."""
    table = pa.Table.from_pylist([asdict(a) for a in articles], schema=arrow_schema(Article))
    pq.write_table(table, path, compression="zstd")


def write_sqlite(articles: Iterable[Article], path: Path) -> None:
    """`articles.db` (see `dataset.sqlite`), and beside it the Datasette metadata that opens it."""
    from friendship_crawler.dataset.sqlite import write_database  # needs the optional sqlite-utils

    chosen = list(articles)
    write_database(chosen, path)
    write_metadata(chosen, path.with_name(METADATA_FILE))


WRITERS: dict[str, tuple[str, Callable[[Iterable[Article], Path], None]]] = {
    "jsonl": ("data.jsonl", write_jsonl),
    "csv": ("data.csv", write_csv),
    "parquet": ("data.parquet", write_parquet),
    "sqlite": (DATABASE_FILE, write_sqlite),
}
"""Format name -> (file name in the snapshot, writer)."""
EXTRA_MODULES = {"sqlite": ("sqlite_utils", "explore")}
"""Format name -> (module it needs, the project's optional extra that installs it)."""


def parse_formats(values: Iterable[str]) -> list[str]:
    """Format names from repeated and comma-separated options, in the order given, without repeats."""
    chosen: list[str] = []
    for value in values:
        for name in (part.strip().lower() for part in value.split(",")):
            if not name:
                continue
            if name not in WRITERS:
                allowed = ", ".join(WRITERS)
                raise ValueError(f"unknown format {name!r}; allowed formats: {allowed}")
            _require_extra(name)
            if name not in chosen:
                chosen.append(name)
    return chosen or ["jsonl"]


def _require_extra(name: str) -> None:
    """A ValueError naming the install command when format `name` needs a module that is missing."""
    if name not in EXTRA_MODULES:
        return
    module, extra = EXTRA_MODULES[name]
    try:
        importlib.import_module(module)
    except ImportError:
        raise ValueError(
            f"format {name} needs {module}, which is not installed: pip install 'friendship_crawler[{extra}]'"
        ) from None


def _export(articles: Iterable[Article], path: Path, make: Callable[[BinaryIO], BaseItemExporter]) -> None:
    """Write through a Scrapy exporter: typed for BytesIO, it takes any binary file (hence the ignores)."""
    with path.open("wb") as out:
        exporter = make(out)
        exporter.start_exporting()
        for article in articles:
            exporter.export_item(article)
        exporter.finish_exporting()
