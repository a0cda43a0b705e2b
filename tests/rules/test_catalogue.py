"""One test per rule, driven by data: every rule has a fixture named after its
code that triggers it (snapshot of the text users see), and may have a
`<CODE>.ok.<ext>` twin that must not trigger it.

Fixtures: tests/rules/fixtures/<CODE>.yaml|.json, or a folder <CODE>/ holding
openapi.yaml (for multi-file cases); protobuf rules: <CODE>.proto, or a folder
<CODE>/ of .proto files (optionally with a buf.yaml, which makes it the module
root). Regenerate snapshots: APICTL_REGEN=1 pytest.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from apictl.core.config import Config, RuleSetting
from apictl.core.registry import Rule
from apictl.lint.engine import FileResult, lint_file, load_rules
from apictl.lint.proto.engine import ProtoRequest, lint_proto
from apictl.lint.run import RunOutcome
from apictl.report import render
from tests.golden import assert_golden

FIXTURES = Path(__file__).parent / "fixtures"
# Per rule code: the options its fixtures are linted with (`apictl:`), and those of the
# anchors' equivalent rules (`spectral:`/`redocly:`, for tests/rules/test_anchor_parity.py).
OPTIONS = yaml.safe_load((Path(__file__).parent / "options.yaml").read_text(encoding="utf-8")) or {}
RULES = load_rules()
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")


def _fixtures(code: str, ok: bool) -> list[Path]:
    """`<CODE>.yaml`, `<CODE>.json`, `<CODE>.<variant>.yaml|json`, or a folder
    `<CODE>[.<variant>]/openapi.yaml`; `.ok` variants must stay quiet."""
    out = []
    for p in sorted(FIXTURES.glob(f"{code}.*")) + sorted(FIXTURES.glob(code)):
        is_ok = p.name.startswith(f"{code}.ok")
        if is_ok != ok:
            continue
        if p.is_dir():
            out.append(p / "openapi.yaml" if (p / "openapi.yaml").exists() else p)
        elif p.suffix in (".yaml", ".json", ".proto"):
            out.append(p)
    return out


def _lint(path: Path, cfg: Config) -> FileResult:
    """One result for a fixture: an OpenAPI file, or a protobuf file/folder (all its files)."""
    if path.suffix != ".proto" and not path.is_dir():
        return lint_file(path, cfg)
    results = lint_proto(ProtoRequest([path], cfg))
    errors = [r.error for r in results if r.error]
    lines: dict[str, dict[int, str]] = {}
    for r in results:
        lines.update(r.lines)
    diagnostics = sorted((d for r in results for d in r.diagnostics), key=lambda d: d.sort_key())
    return FileResult(path.as_posix(), diagnostics, error="; ".join(errors) or None, lines=lines)


def _golden_name(path: Path) -> str:
    name = path.parent.name if path.name == "openapi.yaml" and path.parent != FIXTURES else path.name
    for main in (".yaml", ".proto"):
        if name.endswith(main) and name.count(".") == 1:
            return name[: -len(main)]
    return name


def _only(rule: Rule) -> Config:
    cfg = Config(extends=["all"])
    cfg.rules = {r.code: RuleSetting(None) for r in RULES if r.code != rule.code}
    cfg.rules[rule.code] = RuleSetting(rule.severity, dict(OPTIONS.get(rule.code, {}).get("apictl", {})))
    return cfg


def _rel(path: Path) -> Path:
    return path.relative_to(Path.cwd()) if path.is_absolute() else path


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_fires_on_its_fixtures(rule: Rule) -> None:
    paths = _fixtures(rule.code, ok=False)
    assert paths, f"add tests/rules/fixtures/{rule.code}.yaml that triggers {rule.name}"
    for path in paths:
        result = _lint(_rel(path), _only(rule))
        assert result.error is None, result.error
        mine = [d for d in result.diagnostics if d.code == rule.code]
        assert mine, f"{rule.code} reported nothing on {path}"
        assert all("internal error" not in d.message for d in mine), mine
        outcome = RunOutcome(sorted({d.uri for d in mine}), mine, [], result.lines, None)
        assert_golden(f"rules/{_golden_name(path)}.txt", render("text", mine, outcome.report_context()))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_quiet_on_ok_fixtures(rule: Rule) -> None:
    paths = _fixtures(rule.code, ok=True)
    if not paths:
        pytest.skip("no .ok fixture")
    for path in paths:
        result = _lint(_rel(path), _only(rule))
        assert result.error is None, result.error
        assert [d for d in result.diagnostics if d.code == rule.code] == [], path


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_rule_documentation(rule: Rule) -> None:
    for section in SECTIONS:
        assert section in rule.doc, f"{rule.code} docstring lacks {section!r}"
    assert re.fullmatch(r"(OAS[1-5]|PB[1-5])\d\d", rule.code), rule.code
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
    assert rule.summary.endswith("."), f"{rule.code}: first docstring line should be a sentence"


def test_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
