"""Module roots and buf.yaml parsing (specs/proto/workspace.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.core.errors import ConfigError
from apictl.specs.proto.workspace import resolve_modules


def _touch(root: Path, *names: str, text: str = 'syntax = "proto3";\n') -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def test_folder_without_buf_yaml_is_its_own_root(tmp_path: Path) -> None:
    _touch(tmp_path, "a/v1/x.proto", "b/v1/y.proto")
    [mod] = resolve_modules([tmp_path])
    assert mod.root == tmp_path.resolve()
    assert sorted(mod.name_of(f) for f in mod.files) == ["a/v1/x.proto", "b/v1/y.proto"]


def test_v2_modules_excludes_and_lint_paths(tmp_path: Path) -> None:
    (tmp_path / "buf.yaml").write_text(
        "version: v2\nmodules:\n  - path: proto\n    excludes: [proto/vendor]\n"
        "lint:\n  use: [BASIC]\n  ignore: [proto/legacy]\n",
        encoding="utf-8",
    )
    _touch(tmp_path, "proto/acme/v1/a.proto", "proto/vendor/x.proto", "proto/legacy/l.proto")
    [mod] = resolve_modules([tmp_path / "proto" / "acme"])
    assert mod.root == (tmp_path / "proto").resolve()
    assert [mod.name_of(f) for f in mod.files] == ["acme/v1/a.proto"]
    [mod] = resolve_modules([tmp_path])
    assert sorted(mod.name_of(f) for f in mod.files) == ["acme/v1/a.proto", "legacy/l.proto"]
    assert mod.lint is not None and mod.lint.use == ["BASIC"]
    assert mod.lint.ignored("ANY", "legacy/l.proto") and not mod.lint.ignored("ANY", "acme/v1/a.proto")


def test_buf_work_yaml_lists_import_roots(tmp_path: Path) -> None:
    (tmp_path / "buf.work.yaml").write_text("version: v1\ndirectories: [one, two]\n", encoding="utf-8")
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "buf.yaml").write_text("version: v1\nlint:\n  use: [MINIMAL]\n", encoding="utf-8")
    _touch(tmp_path, "one/a/v1/a.proto", "two/b/v1/b.proto")
    [mod] = resolve_modules([tmp_path / "one" / "a" / "v1" / "a.proto"])
    assert mod.root == (tmp_path / "one").resolve()
    assert mod.includes == [(tmp_path / "two").resolve()]
    assert mod.lint is not None and mod.lint.use == ["MINIMAL"] and not mod.lint.comment_ignores


def test_bad_buf_yaml_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "buf.yaml").write_text("version: v2\nlint:\n  usee: [BASIC]\n", encoding="utf-8")
    _touch(tmp_path, "a.proto")
    with pytest.raises(ConfigError, match="usee"):
        resolve_modules([tmp_path])
