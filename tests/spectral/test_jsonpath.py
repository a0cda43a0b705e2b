"""JSONPath: apictl's evaluator against the matches Spectral's engine (nimma,
with its jsonpath-plus fallback) reports for the same documents.

The expected matches in data/jsonpath/*.expected.json were produced by
tools/jsonpath_expected.js (see tools/gen_jsonpath_expected.py). Where nimma
throws (a filter reading a property of null, say), Spectral aborts the whole
run; apictl counts the node as not matching, so those expressions are only
checked to evaluate."""

from __future__ import annotations

import json
from typing import Any

import pytest

from apictl.lint.spectral.jsonpath import JsonPathError, parse_path
from apictl.lint.spectral.resolved import ResolvedView
from apictl.lint.spectral.traversal import Frame, Traversal
from tests.spectral.conftest import DATA, workspace_from_data

JSONPATH = DATA / "jsonpath"
EXPRESSIONS: list[str] = json.loads((JSONPATH / "expressions.json").read_text(encoding="utf-8"))
DOCUMENTS = sorted(p.name.removesuffix(".expected.json") for p in JSONPATH.glob("*.expected.json"))


def matches(data: Any, expressions: list[str]) -> dict[str, set[tuple[str, ...]]]:
    ws = workspace_from_data(data)
    paths = [parse_path(e) for e in expressions]
    found: dict[str, set[tuple[str, ...]]] = {e: set() for e in expressions}

    def emit(frame: Frame, p: int) -> None:
        target: Frame | None = frame
        for _ in range(paths[p].parents):
            target = target.parent if target is not None else None
        if target is not None:
            found[expressions[p]].add(tuple(str(s) for s in target.path()))

    Traversal(paths, ResolvedView(ws, resolve=False), emit).run()
    return found


@pytest.mark.parametrize("name", DOCUMENTS)
def test_matches_agree_with_nimma(name: str) -> None:
    data = json.loads((JSONPATH / f"{name}.json").read_text(encoding="utf-8"))
    expected = json.loads((JSONPATH / f"{name}.expected.json").read_text(encoding="utf-8"))
    found = matches(data, EXPRESSIONS)  # all expressions in one traversal, as the engine runs them
    checked = agreed = 0
    wrong = []
    for expr in EXPRESSIONS:
        want = expected[expr]
        if isinstance(want, dict):  # nimma threw: apictl must still evaluate
            continue
        checked += 1
        if found[expr] == {tuple(p) for p in want}:
            agreed += 1
        else:
            wrong.append((expr, sorted(found[expr] ^ {tuple(p) for p in want})[:5]))
    print(f"{name}: {agreed}/{checked} expressions agree with nimma")
    assert not wrong, wrong


def test_each_expression_alone_matches_the_combined_run() -> None:
    data = json.loads((JSONPATH / "edge.json").read_text(encoding="utf-8"))
    together = matches(data, EXPRESSIONS)
    for expr in EXPRESSIONS[::7]:
        assert matches(data, [expr])[expr] == together[expr], expr


@pytest.mark.parametrize(
    "expr",
    [
        "info",
        "$.",
        "$..",
        "$[",
        "$['a]",
        "$[?(@.a ==)]",
        "$[?(@.a",
        "$[(@.length-1)]",
        "$.a[1:2:0]",
        "$[?(foo)]",
        "$~.a",
    ],
)
def test_invalid_expressions_are_errors(expr: str) -> None:
    with pytest.raises(JsonPathError):
        parse_path(expr)
