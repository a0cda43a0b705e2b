"""When some input could not be linted (unreadable YAML, a .proto that does not compile,
a bad buf.yaml) the text summary says so instead of "No problems found", and exits 2."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import BAD, FIXTURES, assert_error_lines, invoke

CLEAN_OAS = "openapi: 3.1.0\ninfo:\n  title: t\n  version: '1'\npaths: {}\n"
P3 = 'syntax = "proto3";\n\npackage acme.v1;\n\n'


def _summary(stdout: str) -> str:
    return stdout.rstrip("\n").splitlines()[-1]


def test_openapi_unreadable_file_alone() -> None:
    result = invoke("lint", "--no-config", "--no-color", BAD / "invalid-yaml.yaml")
    assert result.exit_code == 2
    assert _summary(result.stdout) == "✖ 1 file could not be linted."
    assert "No problems found" not in result.stdout


def test_openapi_unreadable_file_next_to_a_clean_one(tmp_path: Path) -> None:
    clean = tmp_path / "clean.yaml"
    clean.write_text(CLEAN_OAS, encoding="utf-8")
    assert invoke("lint", "--no-config", "--preset", "minimal", clean).exit_code == 0
    result = invoke("lint", "--no-config", "--no-color", "--preset", "minimal", clean, BAD / "invalid-yaml.yaml")
    assert result.exit_code == 2, result.stdout
    assert _summary(result.stdout) == "✖ 1 file could not be linted; no problems in 1 other file."


def test_findings_and_an_unreadable_pattern() -> None:
    result = invoke("lint", "--no-config", "--no-color", FIXTURES / "no-contact.yaml", "nothing/*.yaml")
    assert result.exit_code == 2
    assert _summary(result.stdout).startswith("✖ ") and _summary(result.stdout).endswith("; 1 file could not be linted")


def test_proto_compile_errors_count_each_file_once(tmp_path: Path) -> None:
    pkg = tmp_path / "acme" / "v1"
    pkg.mkdir(parents=True)
    (pkg / "ok.proto").write_text(P3 + "message Ok {\n  string name = 1;\n}\n", encoding="utf-8")
    (pkg / "bad.proto").write_text(P3 + "message Bad {\n  strin a = 1;\n  strin b = 2;\n}\n", encoding="utf-8")
    result = invoke("lint", "--no-config", "--no-color", tmp_path)
    assert result.exit_code == 2
    assert_error_lines(result)
    assert "bad.proto:6:3:" in result.stderr and "bad.proto:7:3:" in result.stderr
    assert "No problems found" not in result.stdout
    assert "✖ 1 file could not be linted" in _summary(result.stdout), result.stdout


def test_clean_input_still_says_no_problems(tmp_path: Path) -> None:
    pkg = tmp_path / "acme" / "v1"
    pkg.mkdir(parents=True)
    (pkg / "ok.proto").write_text(P3 + "message Ok {\n  string name = 1;\n}\n", encoding="utf-8")
    result = invoke("lint", "--no-config", "--no-color", "--preset", "minimal", tmp_path)
    assert result.exit_code == 0, result.stdout
    assert _summary(result.stdout) == "No problems found in 1 file."
