"""Inline ignores: `x-apictl-ignore` on an object, and YAML comments
`# apictl-ignore: …` (same line) / `# apictl-ignore-next-line: …`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from apictl.core.config import Config, RuleSetting
from apictl.core.diagnostic import Severity
from apictl.lint.engine import lint_file

OPS = """paths:
  /a:
    get:
      operationId: same
      responses: {'200': {description: ok}}
  /b:
    get:
      operationId: same
      responses: {'200': {description: ok}}
"""


def _config() -> Config:
    """Only info-contact (OAS401, on /info) and operationid-unique (OAS202)."""
    cfg = Config(extends=["minimal"])
    cfg.rules = {"OAS200": RuleSetting(None), "OAS401": RuleSetting(Severity.WARN)}
    return cfg


def _found(tmp_path: Path, text: str, name: str = "api.yaml") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = lint_file(path, _config())
    assert result.error is None, result.error
    return sorted(d.code for d in result.diagnostics if d.code in ("OAS401", "OAS202"))


def test_baseline(tmp_path: Path) -> None:
    assert _found(tmp_path, "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n" + OPS) == ["OAS202", "OAS401"]


@pytest.mark.parametrize(
    "value", ["[info-contact]", "[OAS401]", "info-contact", "true", "all", "['OAS999', ' OAS401 ']"]
)
def test_extension_on_the_object(tmp_path: Path, value: str) -> None:
    text = f"openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  x-apictl-ignore: {value}\n" + OPS
    assert _found(tmp_path, text) == ["OAS202"]


@pytest.mark.parametrize("value", ["[operation-operationid-unique]", "[OAS401X]", "false", "[]", "{a: 1}"])
def test_extension_for_other_rules_does_not_silence(tmp_path: Path, value: str) -> None:
    text = f"openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\n  x-apictl-ignore: {value}\n" + OPS
    assert "OAS401" in _found(tmp_path, text)


def test_extension_covers_everything_inside(tmp_path: Path) -> None:
    text = "openapi: 3.1.0\nx-apictl-ignore: [OAS202]\ninfo: {title: t, version: '1'}\n" + OPS
    assert _found(tmp_path, text) == ["OAS401"]
    # on the operation only: the duplicate is reported at the second operation, which is silenced
    text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n" + OPS.replace(
        "  /b:\n    get:\n", "  /b:\n    get:\n      x-apictl-ignore: [operation-operationid-unique]\n"
    )
    assert _found(tmp_path, text) == ["OAS401"]


def test_extension_in_json(tmp_path: Path) -> None:
    doc = {"openapi": "3.1.0", "info": {"title": "t", "version": "1", "x-apictl-ignore": ["OAS401"]}, "paths": {}}
    assert _found(tmp_path, json.dumps(doc, indent=2), "api.json") == []
    del doc["info"]["x-apictl-ignore"]  # type: ignore[attr-defined]
    assert _found(tmp_path, json.dumps(doc, indent=2), "api.json") == ["OAS401"]


def test_extension_in_a_referenced_file(tmp_path: Path) -> None:
    (tmp_path / "paths.yaml").write_text(
        "B:\n  get:\n    x-apictl-ignore: [OAS202]\n    operationId: same\n    responses: {'200': {description: ok}}\n"
    )
    text = (
        "openapi: 3.1.0\ninfo: {title: t, version: '1', contact: {}}\npaths:\n"
        "  /a:\n    get:\n      operationId: same\n      responses: {'200': {description: ok}}\n"
        "  /b:\n    $ref: 'paths.yaml#/B'\n"
    )
    assert _found(tmp_path, text) == []


@pytest.mark.parametrize(
    "comment",
    ["# apictl-ignore: info-contact", "# apictl-ignore: OAS401", "#apictl-ignore:OAS202,OAS401", "# apictl-ignore"],
)
def test_comment_on_the_reported_line(tmp_path: Path, comment: str) -> None:
    text = f"openapi: 3.1.0\ninfo:  {comment}\n  title: t\n  version: '1'\n" + OPS
    assert _found(tmp_path, text) == ["OAS202"]


@pytest.mark.parametrize("comment", ["# apictl-ignore-next-line: OAS401", "  # apictl-ignore-next-line: info-contact"])
def test_comment_on_the_line_before(tmp_path: Path, comment: str) -> None:
    text = f"openapi: 3.1.0\n{comment}\ninfo:\n  title: t\n  version: '1'\n" + OPS
    assert _found(tmp_path, text) == ["OAS202"]


def test_comment_next_line_for_a_nested_node(tmp_path: Path) -> None:
    # OAS202 is reported at the second `operationId`
    second = OPS.rindex("      operationId")
    ops = OPS[:second] + "      # apictl-ignore-next-line: OAS202\n" + OPS[second:]
    text = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\n" + ops
    assert _found(tmp_path, text) == ["OAS401"]


@pytest.mark.parametrize(
    "text",
    [
        # a same-line ignore does not reach the next line, and vice versa
        "openapi: 3.1.0  # apictl-ignore: OAS401\ninfo:\n  title: t\n  version: '1'\n",
        "openapi: 3.1.0\ninfo:  # apictl-ignore-next-line: OAS401\n  title: t\n  version: '1'\n",
        # two lines before is too far
        "openapi: 3.1.0\n# apictl-ignore-next-line: OAS401\n\ninfo:\n  title: t\n  version: '1'\n",
        # another rule
        "openapi: 3.1.0\ninfo:  # apictl-ignore: operation-operationid-unique\n  title: t\n  version: '1'\n",
    ],
)
def test_comment_that_does_not_apply(tmp_path: Path, text: str) -> None:
    assert _found(tmp_path, text + OPS) == ["OAS202", "OAS401"]
