"""The layering of DESIGN.md, checked on the source (ast, nothing imported):

    cli  →  lint · diff · gen · mock · contract  →  specs  →  core
     │                          └── mock, contract ──→  serve  →  core
     └────→  report  ─────────────────────────────────────→  core

* `core` imports nothing from apictl but `core`; `specs` only `core`+`specs`;
  `report` only `core`+`report`; `serve` (the HTTP server the mock and the
  pact stub share) only `core`+`serve`; a feature package only `core`,
  `specs`, `serve` and itself — never another feature package.
* Only `cli` (and `__main__`) imports typer, prints or exits.

Every import is checked, including lazy ones inside functions. Exceptions are
listed in ALLOWED_EXCEPTIONS with their reason; an exception that is no longer
needed fails the test, so the list stays true.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "apictl"

FEATURES = ("lint", "diff", "gen", "mock", "contract")
# layer -> the apictl layers it may import (besides the root package `apictl`,
# which only holds `__version__`, see test_root_package_is_a_leaf)
ALLOWED: dict[str, set[str]] = {
    "core": {"core"},
    "specs": {"core", "specs"},
    "report": {"core", "report"},
    "serve": {"core", "serve"},
    **{feature: {"core", "specs", "serve", feature} for feature in FEATURES},
    "ci": {"core", "specs", "report", "ci"},  # orchestration: features only through the exceptions below
    "cli": {"core", "specs", "report", "serve", "cli", "ci", *FEATURES},
    "__main__": {"cli"},
}
# (importing module, imported module) -> why the layering allows it
ALLOWED_EXCEPTIONS: dict[tuple[str, str], str] = {
    ("apictl.ci.pipeline", "apictl.lint.run"): (
        "`apictl ci` is the one place that composes features: it lints every contract through lint's runner"
    ),
    ("apictl.ci.pipeline", "apictl.diff.run"): (
        "`apictl ci` is the one place that composes features: it diffs each contract against the merge base"
    ),
    ("apictl.ci.pipeline", "apictl.diff.proto.run"): (
        "`apictl ci` is the one place that composes features: it diffs each protobuf module against the merge base"
    ),
    ("apictl.ci.pipeline", "apictl.contract"): (
        "`apictl ci` is the one place that composes features: it checks pacts against the OpenAPI "
        "contracts (and their examples against their own matchers)"
    ),
    ("apictl.diff.run", "apictl.report"): (
        "DiffOutcome.report_context() builds the ReportContext for the renderers, as lint.run does"
    ),
    ("apictl.diff.proto.run", "apictl.report"): (
        "ProtoDiffOutcome.report_context() builds the ReportContext for the renderers, as diff.run does"
    ),
    ("apictl.contract.check.reuse", "apictl.mock"): (
        "`apictl contract check` reads a description as `apictl mock` serves it (loader, operation model, router, "
        "parameter styles, coercion, Ajv wording): one module, contract/check/reuse.py, imports those parts"
    ),
    ("apictl.lint.run", "apictl.report"): (
        "RunOutcome.report_context() builds the ReportContext (rule summaries, source lines, files checked) "
        "that renderers take; lint hands data to report, report never imports lint"
    ),
}
ONLY_IN_CLI = {"typer", "click"}
# calls that print or end the process
OUTPUT_CALLS = {
    "print",
    "exit",
    "quit",
    "sys.exit",
    "os._exit",
    "sys.stdout.write",
    "sys.stderr.write",
    "sys.stdout.flush",
    "sys.stderr.flush",
}


@dataclass(frozen=True)
class Import:
    module: str  # importing module
    target: str  # imported module (absolute)
    line: int


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, tuple[Path, ast.Module]]:
    return {
        _module_name(p): (p, ast.parse(p.read_text(encoding="utf-8"), str(p))) for p in sorted(PACKAGE.rglob("*.py"))
    }


MODULES = _modules()


def _imports(module: str, path: Path, tree: ast.Module) -> list[Import]:
    is_package = path.name == "__init__.py"
    out: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend(Import(module, alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append(Import(module, target, node.lineno))
            # `from apictl import lint` imports the subpackage, not a name
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if _module_name_exists(sub):
                    out.append(Import(module, sub, node.lineno))
        elif (
            isinstance(node, ast.Call)
            and _dotted(node.func) in ("importlib.import_module", "import_module")
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            out.append(Import(module, node.args[0].value, node.lineno))
    return out


def _module_name_exists(name: str) -> bool:
    return name in MODULES


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


ALL_IMPORTS = [imp for name, (path, tree) in MODULES.items() for imp in _imports(name, path, tree)]


def test_the_source_was_found() -> None:
    assert "apictl.core.loader" in MODULES and "apictl.cli" in MODULES
    assert any(imp.target.startswith("apictl.core") for imp in ALL_IMPORTS)


def test_root_package_is_a_leaf() -> None:
    """`apictl/__init__.py` imports nothing, so any layer may read `__version__`."""
    _, tree = MODULES["apictl"]
    assert not [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))]


def _violations() -> tuple[list[str], set[tuple[str, str]]]:
    problems: list[str] = []
    used: set[tuple[str, str]] = set()
    for imp in ALL_IMPORTS:
        if not (imp.target == "apictl" or imp.target.startswith("apictl.")):
            continue
        source, target = _layer(imp.module), _layer(imp.target)
        if source == "" or target == "":  # the root package
            continue
        allowed = ALLOWED.get(source)
        assert allowed is not None, f"{imp.module}: unknown layer {source!r}; add it to ALLOWED in {__file__}"
        if target in allowed:
            continue
        exception = next(
            (
                key
                for key in ALLOWED_EXCEPTIONS
                if imp.module == key[0] and (imp.target == key[1] or imp.target.startswith(key[1] + "."))
            ),
            None,
        )
        if exception is not None:
            used.add(exception)
            continue
        problems.append(f"{imp.module}:{imp.line} imports {imp.target} ({source} may import {sorted(allowed)})")
    return problems, used


def test_layers_import_only_what_they_may() -> None:
    problems, _ = _violations()
    assert problems == []


def test_exceptions_are_still_needed() -> None:
    _, used = _violations()
    assert set(ALLOWED_EXCEPTIONS) - used == set(), "remove exceptions that no longer happen"


def test_feature_packages_do_not_import_each_other() -> None:
    crossing = [
        f"{imp.module}:{imp.line} imports {imp.target}"
        for imp in ALL_IMPORTS
        if _layer(imp.module) in FEATURES
        and imp.target.startswith("apictl.")
        and _layer(imp.target) in FEATURES
        and _layer(imp.target) != _layer(imp.module)
        and not any(
            imp.module == key[0] and (imp.target == key[1] or imp.target.startswith(key[1] + "."))
            for key in ALLOWED_EXCEPTIONS
        )
    ]
    assert crossing == []


def test_only_cli_imports_the_cli_framework() -> None:
    found = [
        f"{imp.module}:{imp.line} imports {imp.target}"
        for imp in ALL_IMPORTS
        if imp.target.split(".")[0] in ONLY_IN_CLI and _layer(imp.module) not in ("cli", "__main__")
    ]
    assert found == []


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) not in ("cli", "__main__")))
def test_library_code_neither_prints_nor_exits(module: str) -> None:
    path, tree = MODULES[module]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _dotted(node.func) in OUTPUT_CALLS:
            found.append(f"{path.name}:{node.lineno}: {_dotted(node.func)}()")
        elif isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if _dotted(exc) in ("SystemExit", "KeyboardInterrupt"):
                found.append(f"{path.name}:{node.lineno}: raise {_dotted(exc)}")
    assert found == [], "library code returns values; only apictl.cli prints or exits"


def test_the_checker_sees_lazy_and_relative_imports() -> None:
    """Self-test of the parser on a tiny synthetic module."""
    tree = ast.parse(
        "from . import sibling\nfrom ..report import text\nimport typer\n"
        "def f():\n    from apictl.lint import run\n    importlib.import_module('apictl.gen.x')\n"
    )
    targets = [i.target for i in _imports("apictl.core.fake", PACKAGE / "core" / "fake.py", tree)]
    assert set(targets) == {
        "apictl.core",
        "apictl.report",
        "apictl.report.text",
        "typer",
        "apictl.lint",
        "apictl.lint.run",
        "apictl.gen.x",
    }
