"""Golden trees of generated SDKs (petstore, the 3.1 kitchen sink): the test
regenerates and diffs every file, then runs ruff and mypy --strict on them.
Regenerate with `APICTL_REGEN=1 .venv/bin/pytest tests/gen/test_sdk_golden.py`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from apictl.gen.output import GENERATED_MARKER
from tests.gen.sdk_helpers import EXAMPLES, FIXTURES, generate, run_mypy, run_ruff
from tests.golden import GOLDEN_DIR, assert_golden

CASES = {
    "petstore": (EXAMPLES / "petstore" / "openapi.yaml", "petstore_client"),
    "kitchen_sink": (FIXTURES / "kitchen_sink.yaml", "kitchen_sink_client"),
}


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("sdk")
    out = {}
    for name, (spec, package) in CASES.items():
        generate(spec, base / name, package)
        out[name] = base / name
    return out


def _files(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != GENERATED_MARKER and not _cache(p)
    }


def _cache(path: Path) -> bool:
    return any(part in ("__pycache__", ".ruff_cache", ".mypy_cache") for part in path.parts)


@pytest.mark.parametrize("name", list(CASES))
def test_golden_tree(trees: dict[str, Path], name: str) -> None:
    files = _files(trees[name])
    for rel, text in files.items():
        assert_golden(f"gen/sdk/{name}/{rel}", text)
    if not os.environ.get("APICTL_REGEN"):
        golden = GOLDEN_DIR / "gen" / "sdk" / name
        expected = {p.relative_to(golden).as_posix() for p in golden.rglob("*") if p.is_file() and not _cache(p)}
        assert set(files) == expected


@pytest.mark.parametrize("name", list(CASES))
def test_deterministic(trees: dict[str, Path], tmp_path: Path, name: str) -> None:
    spec, package = CASES[name]
    generate(spec, tmp_path / "again", package)
    assert _files(tmp_path / "again") == _files(trees[name])


def test_ruff_and_mypy_strict_pass(trees: dict[str, Path], tmp_path: Path) -> None:
    for name in CASES:
        result = run_ruff(trees[name])
        assert result.returncode == 0, result.stdout + result.stderr
    folders = [trees[n] for n in CASES]
    result = run_mypy(folders, [CASES[n][1] for n in CASES], tmp_path / "mypy-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues found in 20 source files" in result.stdout  # every module was checked
