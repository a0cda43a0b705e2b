"""JSON bodies compared as the Pact specification says.

Without rules, values must be equal, lists must have the same items in the
same order, and maps the same keys (requests) or at least the expected keys
(responses and messages, which may carry more). A rule at a place replaces
equality there and cascades to the place's descendants: a type matcher on a
list lets it hold any number of items (within `min`/`max`), each compared
with the first expected item; `values`/`eachValue` ignore map keys;
`eachKey` checks keys; `arrayContains` looks for each variant anywhere."""

from __future__ import annotations

from typing import Any

from apictl.contract.matching import docpath
from apictl.contract.matching.context import MatchContext, Path, Selected
from apictl.contract.matching.mismatch import BODY, Mismatch, show, type_name
from apictl.contract.matching.values import check, check_all, json_equal
from apictl.contract.rules import RuleList

ROOT: Path = ("$",)
# matchers that judge a whole map or list; the others judge their members
MAP_LEVEL = {"notEmpty", "null"}
LIST_LEVEL = {"type", "equality", "notEmpty", "null"}


def compare_json(expected: Any, actual: Any, ctx: MatchContext, kind: str = BODY) -> list[Mismatch]:
    out: list[Mismatch] = []
    _Comparer(kind, out).compare(ROOT, expected, actual, ctx)
    return out


class _Comparer:
    def __init__(self, kind: str, out: list[Mismatch]) -> None:
        self.kind = kind
        self.out = out

    def add(self, path: Path, expected: Any, actual: Any, message: str) -> None:
        self.out.append(Mismatch(self.kind, docpath.render(path), expected, actual, message))

    def compare(self, path: Path, expected: Any, actual: Any, ctx: MatchContext) -> None:
        if isinstance(expected, dict):
            if isinstance(actual, dict):
                self.maps(path, expected, actual, ctx)
            else:
                self.type_mismatch(path, expected, actual)
        elif isinstance(expected, list):
            if isinstance(actual, list):
                self.lists(path, expected, actual, ctx)
            else:
                self.type_mismatch(path, expected, actual)
        else:
            self.values(path, expected, actual, ctx)

    def type_mismatch(self, path: Path, expected: Any, actual: Any) -> None:
        message = (
            f"Type mismatch: Expected {type_name(expected)} {show(expected)} but received "
            f"{type_name(actual)} {show(actual)}"
        )
        self.add(path, expected, actual, message)

    # maps ---------------------------------------------------------------
    def maps(self, path: Path, expected: dict[str, Any], actual: dict[str, Any], ctx: MatchContext) -> None:
        selected = ctx.best(path)
        if not expected and actual and not ctx.allow_unexpected_keys and selected is None:
            self.add(path, expected, actual, f"Expected an empty Map but received {show(actual)}")
            return
        values_rule = None
        if selected is not None and not selected.cascaded:
            values_rule = next((m for m in selected.matchers if m["match"] in ("values", "eachValue")), None)
            for matcher in selected.matchers:
                if matcher["match"] == "eachKey":
                    self.each_key(path, matcher, actual)
                elif matcher["match"] in MAP_LEVEL:
                    problem = check(matcher, expected, actual)
                    if problem is not None:
                        self.add(path, expected, actual, problem)
        if values_rule is not None:
            inner = ctx
            if values_rule["match"] == "eachValue":
                inner = ctx.with_rules({_child_key(path): RuleList(values_rule.get("_rules", ()))})
            first = next(iter(expected.values()), None) if expected else None
            for key, value in actual.items():
                if key in expected:
                    self.compare((*path, key), expected[key], value, inner)
                elif expected:
                    self.compare((*path, key), first, value, inner)
            return
        self.keys(path, expected, actual, ctx)
        for key, value in expected.items():
            if key in actual:
                self.compare((*path, key), value, actual[key], ctx)

    def keys(self, path: Path, expected: dict[str, Any], actual: dict[str, Any], ctx: MatchContext) -> None:
        if ctx.direct(path, "values", "eachValue", "eachKey") is not None:
            return
        missing = [k for k in expected if k not in actual]
        if ctx.allow_unexpected_keys:
            if missing:
                message = f"Actual map is missing the following keys: {', '.join(missing)}"
                self.add(path, sorted(expected), sorted(actual), message)
        elif sorted(expected) != sorted(actual):
            message = (
                f"Expected a Map with keys [{', '.join(sorted(expected))}] "
                f"but received one with keys [{', '.join(sorted(actual))}]"
            )
            self.add(path, sorted(expected), sorted(actual), message)

    def each_key(self, path: Path, matcher: dict[str, Any], actual: dict[str, Any]) -> None:
        for key in actual:
            for problem in check_all(matcher.get("_rules", ()), "AND", key, key, textual=True):
                self.add((*path, key), None, key, f"Key '{key}': {problem}")

    # lists --------------------------------------------------------------
    def lists(self, path: Path, expected: list[Any], actual: list[Any], ctx: MatchContext) -> None:
        selected = ctx.best(path)
        if selected is None:
            if not expected and actual:
                self.add(path, expected, actual, f"Expected an empty List but received {show(actual)}")
                return
            self.contents(path, expected, actual, ctx, pad=False)
            if len(expected) != len(actual):
                message = f"Expected a List with {len(expected)} elements but received {len(actual)} elements"
                self.add(path, expected, actual, message)
            return
        if not expected:
            return  # nothing to compare items with
        self.list_rules(path, expected, actual, ctx, selected)

    def list_rules(self, path: Path, expected: list[Any], actual: list[Any], ctx: MatchContext, sel: Selected) -> None:
        contents_done = False
        problems: list[str] = []
        for matcher in sel.matchers:
            name = matcher["match"]
            if name == "arrayContains":
                self.array_contains(path, matcher, expected, actual, ctx)
                contents_done = True
            elif name == "eachValue" and not sel.cascaded:
                inner = ctx.with_rules({_child_key(path): RuleList(matcher.get("_rules", ()))})
                self.contents(path, expected, actual, inner, pad=True)
                contents_done = True
            elif name in LIST_LEVEL:
                problem = check(matcher, expected, actual, cascaded=sel.cascaded)
                if problem is not None:
                    problems.append(problem)
        if sel.rules.combine == "OR" and len(problems) < len(sel.matchers):
            problems = []
        for problem in problems:
            self.add(path, expected, actual, problem)
        if not contents_done:
            self.contents(path, expected, actual, ctx, pad=True)

    def contents(self, path: Path, expected: list[Any], actual: list[Any], ctx: MatchContext, pad: bool) -> None:
        items = list(expected)
        if pad and len(actual) > len(items):
            items += [expected[0]] * (len(actual) - len(items))
        for index, value in enumerate(items):
            item_path = (*path, docpath.Index(index))
            if index < len(actual):
                self.compare(item_path, value, actual[index], ctx)
            elif not ctx.defined(item_path) and pad:
                self.add(path, value, None, f"Expected {show(value)} ({index}) but was missing")
            elif not pad:
                self.add(item_path, value, None, f"Expected {show(value)} but was missing")

    def array_contains(
        self, path: Path, matcher: dict[str, Any], expected: list[Any], actual: list[Any], ctx: MatchContext
    ) -> None:
        variants = matcher.get("_variants") or tuple((i, {}) for i in range(len(expected)))
        for index, rules in variants:
            if index >= len(expected):
                message = f"ArrayContains: variant {index} is missing from the expected list ({len(expected)} items)"
                self.add(path, expected, actual, message)
                continue
            inner = ctx.with_rules(rules)
            wanted = expected[index]
            if not any(not compare_json(wanted, item, inner, self.kind) for item in actual):
                message = f"Variant at index {index} ({show(wanted)}) was not found in the actual list"
                self.add(path, wanted, actual, message)

    # values -------------------------------------------------------------
    def values(self, path: Path, expected: Any, actual: Any, ctx: MatchContext) -> None:
        selected = ctx.best(path)
        if selected is None:
            if not json_equal(expected, actual):
                self.add(path, expected, actual, f"Expected {show(expected)} but received {show(actual)}")
            return
        problems = check_all(selected.matchers, selected.rules.combine, expected, actual, cascaded=selected.cascaded)
        for problem in problems:
            self.add(path, expected, actual, problem)


def _child_key(path: Path) -> str:
    return docpath.render(path) + ".*"
