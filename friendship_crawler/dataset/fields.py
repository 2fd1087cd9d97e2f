"""The record schema as data: each `Article` field's name, type and description, read from items.py.

The field docstrings in `friendship_crawler/items.py` are the one place the schema is described; the
dataset card and the Parquet schema are derived from them here, so they cannot drift apart.
"""

from __future__ import annotations

import ast
import inspect
import types
import typing
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from typing import Any

import pyarrow as pa

from friendship_crawler.items import Article


@dataclass(frozen=True)
class FieldInfo:
    """One field of a record class."""

    name: str
    type_name: str
    description: str


@cache
def field_docstrings(cls: type) -> dict[str, str]:
    """The string literal after each annotated attribute of `cls`'s body, by attribute name."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for statement, following in zip(body, body[1:], strict=False):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = " ".join(following.value.value.split())
    return docs


def record_fields(cls: type = Article) -> list[FieldInfo]:
    """Every field of the record class, in record order, with its type and docstring."""
    hints = typing.get_type_hints(cls)
    docs = field_docstrings(cls)
    return [FieldInfo(f.name, _type_name(hints[f.name]), docs.get(f.name, "")) for f in fields(cls)]


def arrow_schema(cls: type = Article) -> pa.Schema:
    """A pyarrow schema of the record class: lists as list types, nested dataclasses as structs."""
    return pa.schema(_arrow_fields(cls))


def _arrow_fields(cls: type) -> list[pa.Field]:
    hints = typing.get_type_hints(cls)
    return [pa.field(f.name, *_arrow_type(hints[f.name])) for f in fields(cls)]


def _arrow_type(hint: Any) -> tuple[pa.DataType, bool]:
    """(type, nullable) of a type hint."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        (inner,) = [a for a in args if a is not type(None)]
        return _arrow_type(inner)[0], True
    if typing.get_origin(hint) is list:
        return pa.list_(_arrow_type(args[0])[0]), False
    if is_dataclass(hint):
        return pa.struct(_arrow_fields(hint)), False  # type: ignore[arg-type]
    scalar = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if hint not in scalar:
        raise TypeError(f"no Arrow type for {hint!r}")
    return scalar[hint], False


def _type_name(hint: Any) -> str:
    if isinstance(hint, type) and not typing.get_args(hint):
        if is_dataclass(hint):
            inner = ", ".join(
                f"{f.name}: {_type_name(h)}"
                for f, h in zip(fields(hint), typing.get_type_hints(hint).values(), strict=True)
            )
            return "{" + inner + "}"
        return hint.__name__
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return " | ".join("null" if a is type(None) else _type_name(a) for a in typing.get_args(hint))
    origin = typing.get_origin(hint)
    return f"{origin.__name__}[{', '.join(_type_name(a) for a in typing.get_args(hint))}]"
