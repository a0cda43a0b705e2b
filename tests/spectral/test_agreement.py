"""apictl and Spectral report the same results for the same ruleset and documents.

Spectral's results (rule, file, line, column, severity, message) are recorded in
data/agreement/*.expected.json by tools/gen_expected.py; apictl lints the same
documents through its real entry point (`lint_file` with a ruleset configured)
and must report exactly the same set. `spectral:oas` rules are not compared
(apictl runs its own rules for them; see docs/spectral-rulesets.md).

The cases are the core functions (`functions`), positions in YAML/JSON/minified
and referenced files (`positions`), `$ref` resolution incl. cycles
(`resolution`), ruleset features (`rulesets`), and three real rulesets on 34
public API descriptions (`spectral-oas-core`, `adidas`, `rhoas`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from apictl.core.config import Config
from apictl.core.loader import display_path
from apictl.lint.engine import lint_file
from tests.spectral.cases import CASES, DATA, ROOT, compared_rules

Row = tuple[str, str, int, int, str, str]


def apictl_results(ruleset: Path, specs: list[Path]) -> set[Row]:
    config = Config(extends=[], ruleset=str(ruleset), base_dir=ROOT)
    keep = compared_rules(ruleset)
    out: set[Row] = set()
    for spec in specs:
        result = lint_file(spec, config)
        assert result.error is None, result.error
        for d in result.diagnostics:
            if d.code.startswith(("OAS", "PB")) or (keep is not None and d.code not in keep):
                continue  # apictl's own rules (spectral:oas equivalents, broken $refs)
            out.add((d.code, d.uri, d.line, d.col, d.severity.label, d.message))
    return out


def spectral_results(name: str) -> set[Row]:
    rows = json.loads((DATA / "agreement" / f"{name}.expected.json").read_text(encoding="utf-8"))
    return {tuple(r) for r in rows}  # type: ignore[misc]


@pytest.mark.parametrize("name", list(CASES))
def test_same_results_as_spectral(name: str) -> None:
    ruleset, _, specs = CASES[name]
    expected = spectral_results(name)
    found = apictl_results(ruleset, specs)
    missing, extra = sorted(expected - found), sorted(found - expected)
    print(
        f"{name}: {len(expected)} Spectral results, {len(found & expected)} agree, "
        f"{len(missing)} only Spectral, {len(extra)} only apictl ({len(specs)} documents)"
    )
    assert not missing and not extra, {"only Spectral": missing[:10], "only apictl": extra[:10]}


def test_documents_are_named_as_apictl_names_them() -> None:
    # the expected data stores repository-relative paths, as apictl shows them from the repository root
    assert display_path(ROOT / "examples" / "petstore" / "openapi.yaml") == "examples/petstore/openapi.yaml"
