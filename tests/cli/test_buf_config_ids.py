"""Like buf 1.75 ("\"X\" is not a known rule or category ID"), a buf.yaml naming an unknown
rule or category in `lint:` / `breaking:` (`use`, `except`, `ignore_only`) is refused:
exit 2 with one line naming the file and the id."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.core.errors import ConfigError
from apictl.diff.proto.config import parse_breaking
from tests.cli.helpers import assert_error_lines, first_error, invoke

PROTO = 'syntax = "proto3";\n\npackage acme.v1;\n\nmessage User {\n  string name = 1;\n}\n'


def _module(root: Path, buf_yaml: str) -> Path:
    (root / "acme" / "v1").mkdir(parents=True)
    (root / "acme" / "v1" / "user.proto").write_text(PROTO, encoding="utf-8")
    (root / "buf.yaml").write_text(buf_yaml, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    ("section", "key", "bad"),
    [
        ("use: [STANDARD, NOPE]", "use", "NOPE"),
        ("except: [STYLE_BASIC]", "except", "STYLE_BASIC"),  # a v1beta1 category buf 1.75 refuses too
        ("ignore_only:\n    FIELD_LOWER_SNAK_CASE: [acme]", "ignore_only", "FIELD_LOWER_SNAK_CASE"),
    ],
)
@pytest.mark.parametrize("version", ["v1", "v2"])
def test_unknown_lint_id_exits_2(tmp_path: Path, version: str, section: str, key: str, bad: str) -> None:
    root = _module(tmp_path, f"version: {version}\nlint:\n  {section}\n")
    result = invoke("lint", "--no-config", root)
    assert result.exit_code == 2, result.stdout
    assert_error_lines(result)
    assert f"buf.yaml: unknown lint rule or category {bad!r} in `lint.{key}`" in first_error(result)


def test_lint_ids_are_case_sensitive_like_buf(tmp_path: Path) -> None:
    root = _module(tmp_path, "version: v2\nlint:\n  use: [standard]\n")
    result = invoke("lint", "--no-config", root)
    assert result.exit_code == 2 and "'standard'" in first_error(result) and "upper case" in first_error(result)


def test_known_lint_ids_are_accepted_and_ignore_only_takes_categories(tmp_path: Path) -> None:
    section = "use: [DEFAULT, COMMENTS, UNARY_RPC]\n  except: [COMMENT_FIELD, PACKAGE_DIRECTORY_MATCH]\n"
    root = _module(tmp_path / "a", f"version: v2\nlint:\n  {section}")
    assert "PB404" in invoke("lint", "--no-config", root).stdout  # COMMENT_MESSAGE
    section += "  ignore_only:\n    COMMENTS: [acme]\n    RPC_NO_CLIENT_STREAMING: [acme]\n"
    root = _module(tmp_path / "b", f"version: v2\nlint:\n  {section}")
    result = invoke("lint", "--no-config", root)
    assert result.exit_code == 0, result.stdout + result.stderr  # buf ignores a whole category too


@pytest.mark.parametrize("key", ["use", "except", "ignore_only"])
def test_unknown_breaking_id_exits_2(tmp_path: Path, key: str) -> None:
    value = "\n    FIELD_NO_DELET: [acme]" if key == "ignore_only" else " [FIELD_NO_DELET]"
    root = _module(tmp_path, f"version: v2\nbreaking:\n  {key}:{value}\n")
    result = invoke("diff", "--no-config", root, root)
    assert result.exit_code == 2, result.stdout
    assert_error_lines(result)
    assert f"buf.yaml: unknown breaking rule or category 'FIELD_NO_DELET' in `breaking.{key}`" in first_error(result)


def test_breaking_ignore_only_accepts_rules_categories_and_deprecated_ids() -> None:
    b = parse_breaking({"ignore_only": {"FIELD_NO_DELETE": ["a"], "WIRE": ["b"], "FILE_NO_DELETE": ["c"]}}, "x")
    assert set(b.ignore_only) == {"FIELD_NO_DELETE", "WIRE", "FILE_NO_DELETE"}
    with pytest.raises(ConfigError, match="'NOPE' in `breaking.ignore_only`"):
        parse_breaking({"ignore_only": {"NOPE": ["a"]}}, "buf.yaml")
