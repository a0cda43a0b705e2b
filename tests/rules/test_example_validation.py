"""OpenAPI 2.0 / 3.1 variants of the schema-aware rules (OAS220-OAS228, OAS301,
OAS305), whose catalogue fixtures are 3.0: the extra documents live next to
each rule's fixture folder and are only linted here."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.core.config import Config, RuleSetting
from apictl.lint.engine import lint_file, load_rules

FIXTURES = Path(__file__).parent / "fixtures"
RULES = load_rules()


def _lint(code: str, rel: str) -> list[tuple[int, str]]:
    cfg = Config(extends=["all"])
    cfg.rules = {r.code: RuleSetting(None) for r in RULES if r.code != code}
    path = FIXTURES / rel
    result = lint_file(path.relative_to(Path.cwd()) if path.is_absolute() else path, cfg)
    assert result.error is None, result.error
    found = [(d.span.line if d.span else 0, d.message) for d in result.diagnostics if d.code == code]
    assert all("internal error" not in m for _, m in found), found
    return found


CASES = [
    (
        "OAS220",
        "OAS220/swagger2.yaml",
        [
            (16, "`application/json` example does not match its schema: `[1].name` must be a string"),
        ],
    ),
    (
        "OAS220",
        "OAS220/oas31.yaml",
        [
            (12, "`tags` must not contain duplicate items"),
            (12, "`weight` must be greater than 0"),
            (12, "property `color` is not allowed by the schema (unevaluatedProperties is false)"),
        ],
    ),
    (
        "OAS221",
        "OAS221/more/oas31.yaml",
        [(9, "`examples[2]` must be at least 1"), (9, "`examples[3]` must be an integer or null")],
    ),
    (
        "OAS221",
        "OAS221/more/swagger2.yaml",
        [
            (8, "`x-example` must be a string, got integer 42"),
            (9, "default value must be a string or null, got integer 3"),
        ],
    ),
    (
        "OAS222",
        "OAS222/swagger2.yaml",
        [
            (7, "parameter `limit` default value must be at most 100"),
            (8, "parameter `kind` `x-example` must be one of"),
            (14, "header `X-Count` default value must be an integer"),
        ],
    ),
    ("OAS225", "OAS225/oas31.yaml", [(7, "schema has `type: array` but no `items`")]),
    (
        "OAS228",
        "OAS228/swagger2.yaml",
        [
            (7, "`petType` is not in this schema's `required`"),
            (12, "`kind` is not declared in this schema's `properties`"),
        ],
    ),
    (
        "OAS301",
        "OAS301/swagger2.yaml",
        [
            (7, "scope `write:pets` is not defined"),
            (8, "names `api_key`, which is not defined in `securityDefinitions`"),
        ],
    ),
    ("OAS305", "OAS305/swagger2.yaml", [(4, "`schemes` lists plain `http` for host `api.example.com`")]),
]


@pytest.mark.parametrize(("code", "rel", "expected"), CASES, ids=[f"{c}-{r}" for c, r, _ in CASES])
def test_variant(code: str, rel: str, expected: list[tuple[int, str]]) -> None:
    found = _lint(code, rel)
    assert len(found) == len(expected), found
    for line, text in expected:
        assert any(fl == line and text in fm for fl, fm in found), (line, text, found)


def test_oas31_example_with_readonly_in_request_is_accepted() -> None:
    # `id` is readOnly and required: a request example may omit it (and the 3.1 `ok` example is valid).
    found = _lint("OAS220", "OAS220/oas31.yaml")
    assert not [m for _, m in found if "`ok`" in m or "`id`" in m]


def test_unparsable_pattern_does_not_crash(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        "    A: {type: string, pattern: '(?<', example: 3}\n"
        "    B: {type: object, required: [], properties: {x: {type: file}}, example: {x: 1}}\n",
        encoding="utf-8",
    )
    cfg = Config(extends=["all"])
    cfg.rules = {r.code: RuleSetting(None) for r in RULES if r.code != "OAS221"}
    result = lint_file(spec, cfg)
    messages = [d.message for d in result.diagnostics if d.code == "OAS221"]
    assert messages == ["example must be a string, got integer 3"], messages
