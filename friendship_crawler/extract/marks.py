"""What markup a page carries at all, read in one pass, so that selectors that cannot match are not run.

libxml2 tests a class or attribute predicate on every element of the page, so a selector that cannot match
costs as much as one that does, and a selector without a tag name (`.sapo`, `[rel=author]`) costs several
times more than one with a tag. Every class name, id and `rel` / `itemprop` value of the page is read once
(one XPath over the attributes, with no element objects made); a selector runs only when the page carries
every class name and attribute value it requires.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cssselect import parse as parse_css
from cssselect.parser import Attrib, Class, CombinedSelector, Tree
from lxml.etree import XPath
from lxml.html import HtmlElement

MARKED_ATTRIBUTES = ("class", "id", "rel", "itemprop")
"""Attributes whose values the page's marks hold: those the selectors name by value."""
_MARK_VALUES = XPath(" | ".join(f"//@{name}" for name in MARKED_ATTRIBUTES), smart_strings=False)
_EXACT_OPERATORS = frozenset({"=", "~="})
_PART_OPERATORS = frozenset({"^=", "*=", "$=", "|="})


@dataclass(frozen=True)
class Mark:
    """A class name or attribute value a selector needs: a whole token, or (`exact` false) part of one."""

    value: str
    exact: bool = True


class PageMarks:
    """Every class name, id, `rel` and `itemprop` value of one page."""

    def __init__(self, root: HtmlElement) -> None:
        self.text = " ".join(_MARK_VALUES(root))
        self.tokens = frozenset(self.text.split())

    def carries(self, marks: tuple[Mark, ...]) -> bool:
        """True unless a mark is missing: the page may then match the selector that needs them."""
        return all(m.value in self.tokens if m.exact else m.value in self.text for m in marks)


def required_marks(css: str) -> tuple[Mark, ...]:
    """The marks a page must carry for the CSS expression to match (none for a group `a, b`)."""
    groups = parse_css(css)
    return tuple(_marks_in(groups[0].parsed_tree)) if len(groups) == 1 else ()


def _marks_in(tree: Tree) -> Iterator[Mark]:
    """Marks of the compound and combined parts; other parts (negations and the like) add none."""
    if isinstance(tree, Class):
        yield Mark(tree.class_name)
    if isinstance(tree, Attrib) and tree.attrib in MARKED_ATTRIBUTES:
        value = str(getattr(tree.value, "value", tree.value))
        if tree.operator in _EXACT_OPERATORS:
            yield Mark(value, exact=not any(c.isspace() for c in value))
        elif tree.operator in _PART_OPERATORS:
            yield Mark(value, exact=False)
    if isinstance(tree, Class | Attrib | CombinedSelector):
        yield from _marks_in(tree.selector)
    if isinstance(tree, CombinedSelector):
        yield from _marks_in(tree.subselector)
