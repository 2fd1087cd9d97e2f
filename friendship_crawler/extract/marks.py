"""What markup a page carries at all, read in one pass, so that selectors that cannot match are not run.

libxml2 tests a class or attribute predicate on every element of the page, so a selector that cannot match
costs as much as one that does, and a selector without a tag name (`.sapo`, `[rel=author]`) costs several
times more than one with a tag. The values of each attribute the selectors name (class, id, `rel`,
`itemprop`) are read once per page, the first time a selector needs them (one XPath over that attribute,
with no element objects made, except for classes): every attribute costs a walk of the whole page, and
most pages never reach the selectors that name `rel` or `itemprop`. Whether the page has an element of a
tag costs next to nothing: lxml finds no element at all when the tag's name is not in the document's
name dictionary. A selector runs only when the page carries every class name, attribute value and tag it
requires, and a selector that is one class name alone (`.x`) is answered by the class names without a
walk. The class walk also files each element under its class names, so that a selector that starts
with class names (`div.x`, `.x a`) starts from those elements (`ClassLead`) instead of testing every
element of the page: on a replica page that makes the whole reading 6% cheaper.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from cssselect import SelectorError
from cssselect import parse as parse_css
from cssselect.parser import Attrib, Class, CombinedSelector, Element, Tree
from lxml.etree import XPath
from lxml.html import HtmlElement

MARKED_ATTRIBUTES = ("class", "id", "rel", "itemprop")
"""Attributes whose values the page's marks hold: those the selectors name by value."""
TAG = "tag"
"""The `attribute` of a mark that names an element's tag."""
_ASCII_NOT_XML_SPACE = "\x0b\x0c\x1c\x1d\x1e\x1f"
"""ASCII whitespace that `str.split` splits on and XPath's `normalize-space` (hence a CSS class test)
does not; beyond ASCII there is more (no-break and typographic spaces)."""
_ALWAYS_THERE = frozenset({"html", "body"})
"""Tags the parser makes on nearly every page: not worth a mark."""
_XML_SPACE = re.compile(r"[ \t\n\r]+")
_VALUES_OF = {
    name: XPath(f"descendant-or-self::*/@{name}", smart_strings=False)
    for name in MARKED_ATTRIBUTES
    if name != "class"
}
XPATH_UNION_MAX = 500
"""Up to this many elements, their union with an XPath's matches is libxml2's; beyond, it is sorted here:
libxml2 checks each node it is given against those before it, which takes time that grows with the square
of their number (a second on a page of 16,000 teasers)."""
_EXACT_OPERATORS = frozenset({"=", "~="})
_PART_OPERATORS = frozenset({"^=", "*=", "$=", "|="})


@dataclass(frozen=True)
class Mark:
    """A value of `attribute` a selector needs: a whole token, or (`exact` false) part of one."""

    value: str
    exact: bool = True
    attribute: str = "class"
    """One of `MARKED_ATTRIBUTES`, or `TAG`."""


class PageMarks:
    """The class names, ids, `rel` and `itemprop` values of one page, each attribute read when first asked,
    and the elements of each class name."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self._read: dict[str, tuple[str, frozenset[str]]] = {}
        self._tags: dict[str, bool] = {}
        self._class_holders: list[HtmlElement] = []
        self._by_value: dict[str, list[int]] = {}
        """Where each distinct class attribute value stands among the class holders."""
        self._values_of: dict[str, list[str]] = {}
        """The distinct class attribute values that hold each class name."""
        self._by_class: dict[str, list[HtmlElement]] = {}

    def values(self, attribute: str) -> tuple[str, frozenset[str]]:
        """Every value of `attribute` on the page: joined by spaces, and as a set of tokens split where a
        CSS class test splits them (on XML whitespace)."""
        if attribute not in self._read:
            if attribute == "class":
                self._read_classes()
            else:
                text = " ".join(_VALUES_OF[attribute](self.root))
                self._read[attribute] = text, frozenset(_css_tokens(text))
        return self._read[attribute]

    def with_class(self, name: str) -> list[HtmlElement]:
        """The elements whose class attribute holds `name` as a CSS class test reads it, in document order."""
        if name not in self._by_class:
            positions = self._positions(name)
            if len(self._values_of.get(name, ())) > 1:  # gathered from several attribute values
                positions.sort()
            self._by_class[name] = [self._class_holders[index] for index in positions]
        return self._by_class[name]

    def _positions(self, name: str) -> list[int]:
        """Where the elements of class `name` stand among the class holders (in document order)."""
        self.values("class")
        return [index for value in self._values_of.get(name, []) for index in self._by_value[value]]

    def _read_classes(self) -> None:
        """Class names and, by name, where the elements that carry them stand: one walk over the elements,
        each distinct class attribute split once (a page repeats a few dozen of them). The walk is lxml's
        own, every element asked for its class: the XPath `descendant-or-self::*[@class]` costs libxml2
        twice what lxml spends making an object of every element, and its matches still had to be asked."""
        holders: list[HtmlElement] = []
        by_value: dict[str, list[int]] = {}
        for element in self.root.iter("*"):
            value = element.get("class")
            if value is not None:
                if value in by_value:
                    by_value[value].append(len(holders))
                else:
                    by_value[value] = [len(holders)]
                holders.append(element)
        text = " ".join(by_value)  # each distinct value once: a part of a value is found in it as well
        split = str.split if _splits_as_css(text) else _css_tokens
        values_of: dict[str, list[str]] = {}
        for value in by_value:
            for token in dict.fromkeys(split(value)):
                values_of.setdefault(token, []).append(value)
        self._class_holders, self._by_value, self._values_of = holders, by_value, values_of
        self._read["class"] = text, frozenset(values_of)

    def has_tag(self, tag: str) -> bool:
        """The page has an element of this tag."""
        if tag not in self._tags:
            self._tags[tag] = next(self.root.iter(tag), None) is not None
        return self._tags[tag]

    def classes_like(self, pattern: re.Pattern[str]) -> list[str]:
        """The page's class names that `pattern` finds something in, sorted."""
        return sorted(name for name in self.values("class")[1] if pattern.search(name))

    def with_classes_like(self, pattern: re.Pattern[str], also: str = "") -> list[HtmlElement]:
        """The elements with a class name that `pattern` finds something in, with the matches of the XPath
        `also` when given, in document order, each once.

        Taken from the class walk: a case-folding class test on every element of the page costs libxml2
        many times more.
        """
        positions = sorted({index for name in self.classes_like(pattern) for index in self._positions(name)})
        elements = [self._class_holders[index] for index in positions]
        if not also:
            return elements
        if len(elements) <= XPATH_UNION_MAX:
            found = self.root.xpath(f"$elements | {also}", elements=elements)
        else:
            order = {element: index for index, element in enumerate(self.root.iter())}
            found = sorted({*elements, *self.root.xpath(also)}, key=lambda node: order.get(node, -1))
        return [node for node in found if isinstance(node, HtmlElement)]

    def carries(self, marks: tuple[Mark, ...]) -> bool:
        """True unless a mark is missing: the page may then match the selector that needs them."""
        for mark in marks:
            if mark.attribute == TAG:
                if not self.has_tag(mark.value):
                    return False
                continue
            text, tokens = self.values(mark.attribute)
            if mark.value not in (tokens if mark.exact else text):
                return False
        return True


@dataclass(frozen=True)
class ClassLead:
    """A selector that starts with class names (`tag.a.b`, then descendants or not: `tag.a.b x`), answered
    from the page's elements by class name: a test of every element of the page costs libxml2 more than
    the whole walk of the class attributes that the page's marks make once."""

    tag: str | None
    classes: tuple[str, ...]
    descendants: XPath | None
    """The rest of the selector below each element the lead finds."""

    def select(self, marks: PageMarks) -> list[HtmlElement]:
        """The matches on the page of `marks`, in document order, each once."""
        first, *others = self.classes
        leads = marks.with_class(first)
        if others:
            holders = [{id(element) for element in marks.with_class(name)} for name in others]
            leads = [element for element in leads if all(id(element) in ids for ids in holders)]
        if self.tag is not None:
            leads = [element for element in leads if element.tag == self.tag]
        if self.descendants is None:
            return list(leads)
        found: list[HtmlElement] = []
        seen: set[int] = set()
        for lead in leads:  # a nested lead's matches are its ancestor's: document order holds
            for node in self.descendants(lead):
                if id(node) not in seen:
                    seen.add(id(node))
                    found.append(node)
        return found


def class_lead(css: str, descendants: Callable[[str], str]) -> ClassLead | None:
    """The `ClassLead` of a CSS expression that starts with class names followed by nothing or a
    descendant combinator, else None; `descendants` translates the rest to an XPath below its context."""
    lead, _, rest = css.strip().partition(" ")
    rest = rest.strip()
    if rest[:1] in {">", "+", "~"} or "," in css:
        return None
    try:
        groups = parse_css(lead)
    except SelectorError:  # the first space was inside the compound (`[title="a b"]`)
        return None
    if len(groups) != 1 or groups[0].pseudo_element:
        return None
    tree, classes = groups[0].parsed_tree, list[str]()
    while isinstance(tree, Class) and not any(c.isspace() for c in tree.class_name):
        classes.insert(0, tree.class_name)
        tree = tree.selector
    if not classes or not isinstance(tree, Element) or tree.namespace is not None:
        return None
    tag = tree.element.lower() if tree.element else None
    return ClassLead(tag, tuple(classes), XPath(descendants(rest)) if rest else None)


def required_marks(css: str) -> tuple[Mark, ...]:
    """The marks a page must carry for the CSS expression to match (none for a group `a, b`)."""
    groups = parse_css(css)
    return tuple(_marks_in(groups[0].parsed_tree)) if len(groups) == 1 else ()


def is_class_name_alone(css: str) -> bool:
    """The CSS expression is one class name (`.x`): the page's class names say whether it matches."""
    groups = parse_css(css)
    if len(groups) != 1 or groups[0].pseudo_element:
        return False
    tree = groups[0].parsed_tree
    return (
        isinstance(tree, Class)
        and isinstance(tree.selector, Element)
        and tree.selector.element is None
        and tree.selector.namespace is None
        and not any(c.isspace() for c in tree.class_name)
    )


def _splits_as_css(text: str) -> bool:
    """`str.split` splits the text where a CSS class test does (on XML whitespace alone)."""
    return text.isascii() and not any(space in text for space in _ASCII_NOT_XML_SPACE)


def _css_tokens(value: str) -> list[str]:
    """The value split where a CSS class test splits it: on XML whitespace alone."""
    if _splits_as_css(value):
        return value.split()
    return [token for token in _XML_SPACE.split(value) if token]


def _marks_in(tree: Tree) -> Iterator[Mark]:
    """Marks of the compound and combined parts; other parts (negations and the like) add none."""
    if isinstance(tree, Element) and tree.element and tree.element.lower() not in _ALWAYS_THERE:
        yield Mark(tree.element.lower(), attribute=TAG)
    if isinstance(tree, Class):
        yield Mark(tree.class_name)
    if isinstance(tree, Attrib) and tree.attrib in MARKED_ATTRIBUTES:
        value = str(getattr(tree.value, "value", tree.value))
        if tree.operator in _EXACT_OPERATORS:
            yield Mark(value, not any(c.isspace() for c in value), tree.attrib)
        elif tree.operator in _PART_OPERATORS:
            yield Mark(value, False, tree.attrib)
    if isinstance(tree, Class | Attrib | CombinedSelector):
        yield from _marks_in(tree.selector)
    if isinstance(tree, CombinedSelector):
        yield from _marks_in(tree.subselector)
