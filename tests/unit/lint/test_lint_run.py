"""`lint.run`: which files a set of paths expands to, and what a run returns."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.core.config import Config
from apictl.lint.run import RunRequest, expand, run

ROOT_DOC = "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n"


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def _names(files: list[Path], root: Path) -> list[str]:
    return [f.relative_to(root).as_posix() for f in files]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    _tree(
        tmp_path,
        {
            "b.yaml": ROOT_DOC,
            "a.json": '{"swagger": "2.0"}',
            "quoted.yml": '"openapi": 3.1.0\n',
            "fragment.yaml": "Pet: {type: object}\n",
            "readme.md": "openapi: 3.1.0\n",
            "sub/c.YAML": ROOT_DOC,
            "node_modules/pkg/api.yaml": ROOT_DOC,
            ".git/x.yaml": ROOT_DOC,
            ".venv/x.yaml": ROOT_DOC,
        },
    )
    return tmp_path


def test_folder_expansion(tree: Path) -> None:
    files, errors = expand([str(tree)], Config(base_dir=tree))
    assert errors == []
    # sorted, recursive, spec suffixes only (any case), roots only, tool folders skipped
    assert _names(files, tree) == ["a.json", "b.yaml", "quoted.yml", "sub/c.YAML"]


def test_glob_expansion(tree: Path) -> None:
    files, errors = expand([f"{tree}/**/*.yaml"], Config(base_dir=tree))
    assert errors == []
    # like a folder, a pattern skips fragments; hidden folders are not matched by `**`
    assert _names(files, tree) == ["b.yaml", "node_modules/pkg/api.yaml"]


def test_glob_matching_nothing_is_an_error(tree: Path) -> None:
    files, errors = expand([f"{tree}/*.nothing"], Config(base_dir=tree))
    assert files == [] and errors == [f"{tree}/*.nothing: no files match this pattern"]


def test_explicit_and_missing_files_pass_through(tree: Path) -> None:
    # explicit files are not filtered (a fragment named explicitly is an error later); missing ones too
    files, errors = expand([str(tree / "fragment.yaml"), str(tree / "missing.yaml")], Config(base_dir=tree))
    assert _names(files, tree) == ["fragment.yaml", "missing.yaml"]
    assert errors == []


def test_duplicates_are_removed(tree: Path) -> None:
    files, _ = expand([str(tree / "b.yaml"), str(tree), str(tree / "b.yaml")], Config(base_dir=tree))
    assert _names(files, tree).count("b.yaml") == 1


def test_run_reports_linted_files_with_display_names(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    outcome = run(RunRequest(paths=[str(tree / "b.yaml"), "missing.yaml", "sub"], no_config=True, jobs=1))
    # absolute input paths are shown relative to the working folder, like in diagnostics;
    # the file that could not be loaded is an error, not a linted file
    assert outcome.files == ["b.yaml", "sub/c.YAML"]
    assert outcome.errors == ["missing.yaml: no such file"]
    assert {d.uri for d in outcome.diagnostics} <= set(outcome.files)


def test_run_in_parallel_matches_sequential(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree)
    progress: list[tuple[int, int]] = []
    one = run(RunRequest(paths=["."], no_config=True, jobs=1))
    two = run(RunRequest(paths=["."], no_config=True, jobs=2, progress=lambda i, n: progress.append((i, n))))
    assert [(d.uri, d.code, d.line) for d in one.diagnostics] == [(d.uri, d.code, d.line) for d in two.diagnostics]
    assert one.files == two.files
    assert progress[-1] == (4, 4)
