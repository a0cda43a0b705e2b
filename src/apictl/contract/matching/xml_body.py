"""XML bodies compared as the Pact specification says: element names (with
their namespace URI, not the prefix), attributes, child elements grouped by
name, and text.

Rules name places as `$.root.child['@attr']` and `$.root.child['#text']`.
Pact implementations disagree on whether a child's position is part of its
path (pact-jvm writes `$.animals[0].alligator`, pact-rust `$.animals.alligator`),
and pact files carry both, so every element is known by both spellings and the
better-fitting rule wins. A type matcher on a child group lets it repeat, each
child compared with the first expected one; `min`/`max` count children."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any
from xml.etree import ElementTree

from apictl.contract.matching import docpath
from apictl.contract.matching.context import MatchContext, Path, Selected
from apictl.contract.matching.mismatch import BODY, Mismatch
from apictl.contract.matching.values import check_all, regex_problem

Paths = tuple[Path, ...]  # the name-only spelling first, then the indexed one


class XmlError(ValueError):
    pass


def parse_xml(text: str) -> ElementTree.Element:
    if "<!ENTITY" in text:  # entity expansion is a denial-of-service vector; pacts never need it
        raise XmlError("XML entity declarations are not supported")
    try:
        return ElementTree.fromstring(text)
    except ElementTree.ParseError as exc:
        raise XmlError(str(exc)) from None


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def compare_xml(expected_text: str, actual_text: str, ctx: MatchContext) -> list[Mismatch]:
    out: list[Mismatch] = []
    try:
        expected = parse_xml(expected_text)
    except XmlError as exc:
        return [Mismatch(BODY, "$", expected_text, actual_text, f"Failed to parse the expected body: {exc}")]
    try:
        actual = parse_xml(actual_text)
    except XmlError as exc:
        return [Mismatch(BODY, "$", expected_text, actual_text, f"Failed to parse the actual body: {exc}")]
    root: Path = ("$", local(expected.tag))
    _Comparer(ctx, out).element((root, root), expected, actual)
    return out


@dataclass(slots=True)
class _Comparer:
    ctx: MatchContext
    out: list[Mismatch]

    def add(self, path: Path, expected: Any, actual: Any, message: str) -> None:
        self.out.append(Mismatch(BODY, docpath.render(path), expected, actual, message))

    def element(self, paths: Paths, expected: ElementTree.Element, actual: ElementTree.Element) -> None:
        selected = self.ctx.best(*paths)
        problems = _element_problems(selected, expected, actual)
        if problems:
            for problem in problems:
                self.add(paths[0], local(expected.tag), local(actual.tag), problem)
            return
        self.attributes(paths, expected, actual)
        self.children(paths, expected, actual)
        self.text(paths, expected, actual)

    def attributes(self, paths: Paths, expected: ElementTree.Element, actual: ElementTree.Element) -> None:
        want = {local(k): v for k, v in expected.attrib.items()}
        got = {local(k): v for k, v in actual.attrib.items()}
        allow = self.ctx.allow_unexpected_keys
        if not want and got and not allow:
            self.add(paths[0], want, got, f"Did not expect any attributes but received {got}")
            return
        if allow and len(want) > len(got):
            message = f"Expected at least {len(want)} attribute(s) but received {len(got)} attribute(s)"
            self.add(paths[0], want, got, message)
        elif not allow and len(want) != len(got):
            self.add(paths[0], want, got, f"Expected {len(want)} attribute(s) but received {len(got)} attribute(s)")
        for name, value in want.items():
            at = tuple((*p, "@" + name) for p in paths)
            if name in got:
                self.value(at, value, got[name])
            else:
                self.add(at[0], value, None, f"Expected attribute '{name}'='{value}' but was missing")

    def children(self, paths: Paths, expected: ElementTree.Element, actual: ElementTree.Element) -> None:
        want, got = list(expected), list(actual)
        allow = self.ctx.allow_unexpected_keys
        if not want and got and not allow:
            names = ", ".join(local(c.tag) for c in got)
            self.add(paths[0], "", names, f"Expected no children but received [{names}]")
            return
        want_groups = _groups(want)
        for tag, group in _groups(got).items():
            name = local(tag)
            group_paths = ((*paths[0], name), (*paths[-1], docpath.Index(group[0][0]), name))
            if tag not in want_groups:
                if not allow or self.ctx.type_matcher_defined(*group_paths):
                    self.add(paths[0], None, name, f"Unexpected child <{name}/>")
                continue
            expected_group = want_groups.pop(tag)
            if self.ctx.type_matcher_defined(*group_paths):
                for index, child in group:
                    self.element(self._child_paths(paths, name, index), expected_group[0][1], child)
                continue
            for pair in itertools.zip_longest(expected_group, group):
                if pair[0] is None:
                    if not allow:
                        self.add(group_paths[0], None, name, f"Unexpected child <{name}/>")
                elif pair[1] is None:
                    self.add(group_paths[0], name, None, f"Expected child <{name}/> but was missing")
                else:
                    self.element(self._child_paths(paths, name, pair[1][0]), pair[0][1], pair[1][1])
        for tag in want_groups:
            name = local(tag)
            self.add(paths[0], name, None, f"Expected child <{name}/> but was missing")

    @staticmethod
    def _child_paths(paths: Paths, name: str, index: int) -> Paths:
        return ((*paths[0], name), (*paths[-1], docpath.Index(index), name))

    def text(self, paths: Paths, expected: ElementTree.Element, actual: ElementTree.Element) -> None:
        want, got = _text(expected), _text(actual)
        at = tuple((*p, "#text") for p in paths)
        selected = self.ctx.best(*at)
        if selected is None:
            if want != got:
                self.add(at[0], want, got, f"Expected text '{want}' but received '{got}'")
            return
        for problem in check_all(selected.matchers, selected.rules.combine, want, got, textual=True):
            self.add(at[0], want, got, problem)

    def value(self, paths: Paths, expected: str, actual: str) -> None:
        selected = self.ctx.best(*paths)
        if selected is None:
            if expected != actual:
                self.add(paths[0], expected, actual, f"Expected '{expected}' but received '{actual}'")
            return
        problems = check_all(selected.matchers, selected.rules.combine, expected, actual, textual=True)
        for problem in problems:
            self.add(paths[0], expected, actual, problem)


def _groups(children: list[ElementTree.Element]) -> dict[str, list[tuple[int, ElementTree.Element]]]:
    out: dict[str, list[tuple[int, ElementTree.Element]]] = {}
    for index, child in enumerate(children):
        out.setdefault(child.tag, []).append((index, child))
    return out


def _text(element: ElementTree.Element) -> str:
    parts = [element.text or ""] + [child.tail or "" for child in element]
    return "".join(p.strip() for p in parts)


def _element_problems(
    selected: Selected | None, expected: ElementTree.Element, actual: ElementTree.Element
) -> list[str]:
    if selected is None:
        if expected.tag != actual.tag:
            return [f"Expected element <{_name(expected.tag)}> but received <{_name(actual.tag)}>"]
        return []
    problems = []
    for matcher in selected.matchers:
        name = matcher["match"]
        if name == "regex" and not selected.cascaded:  # a regex for an element is a regex for its text
            problem = regex_problem(matcher["regex"], _text(actual))
            if problem is not None:
                problems.append(problem)
        elif name in ("type", "equality"):
            if expected.tag != actual.tag:
                problems.append(f"Expected element <{_name(expected.tag)}> but received <{_name(actual.tag)}>")
            elif name == "type" and not selected.cascaded:
                count = len(actual)
                if "min" in matcher and count < matcher["min"]:
                    problems.append(f"Expected '{local(actual.tag)}' to have at least {matcher['min']} children")
                if "max" in matcher and count > matcher["max"]:
                    problems.append(f"Expected '{local(actual.tag)}' to have at most {matcher['max']} children")
    return problems


def _name(tag: str) -> str:
    if tag.startswith("{"):
        uri, _, name = tag[1:].partition("}")
        return f"{uri}:{name}"
    return tag
