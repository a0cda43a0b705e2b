"""`apictl diff` through the real entry point: exit codes, formats, git refs, bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from apictl.diff.engine import diff, load_rules
from apictl.diff.sides import open_side
from tests.cli.helpers import assert_error_lines, first_error, invoke
from tests.golden import assert_golden

FIX = Path("tests/diff/fixtures")


def test_breaking_change_exits_1_and_identical_exits_0() -> None:
    result = invoke("diff", "--no-config", FIX / "BRK113/old.yaml", FIX / "BRK113/new.yaml")
    assert result.exit_code == 1, result.stderr
    assert "BRK113" in result.stdout and "previously at tests/diff/fixtures/BRK113/old.yaml:" in result.stdout
    same = invoke("diff", "--no-config", FIX / "BRK113/old.yaml", FIX / "BRK113/old.yaml")
    assert same.exit_code == 0 and "No problems found" in same.stdout


def test_fail_on_levels() -> None:
    warn_only = (FIX / "BRK114/old.yaml", FIX / "BRK114/new.yaml")
    assert invoke("diff", "--no-config", *warn_only).exit_code == 1
    assert invoke("diff", "--no-config", "--fail-on", "error", *warn_only).exit_code == 0
    info_only = (FIX / "BRK301/old.yaml", FIX / "BRK301/new.yaml")
    assert invoke("diff", "--no-config", *info_only).exit_code == 0
    assert invoke("diff", "--no-config", "--fail-on", "info", *info_only).exit_code == 1


@pytest.mark.parametrize("fmt", ["markdown", "changelog", "json"])
def test_formats(fmt: str) -> None:
    result = invoke("diff", "--no-config", "-f", fmt, FIX / "BRK113/old.yaml", FIX / "BRK113/new.yaml")
    assert result.exit_code == 1
    assert_golden(f"diff/format.{fmt}.txt", result.stdout.replace(date.today().isoformat(), "<today>"))


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit"])
def test_lint_formats_work_for_diff(fmt: str) -> None:
    result = invoke("diff", "--no-config", "-f", fmt, FIX / "BRK113/old.yaml", FIX / "BRK113/new.yaml")
    assert result.exit_code == 1 and "BRK113" in result.stdout


def test_json_carries_both_locations() -> None:
    result = invoke("diff", "--no-config", "-f", "json", FIX / "BRK113/old.yaml", FIX / "BRK113/new.yaml")
    (d,) = json.loads(result.stdout)["diagnostics"]
    assert d["old"]["file"] == "tests/diff/fixtures/BRK113/old.yaml" and d["category"] == "wire"
    assert d["operation"] == "GET /pets/{id}" and d["oasdiff"] == "response-required-property-removed"


def test_removal_after_sunset_is_allowed(tmp_path: Path) -> None:
    rule = next(r for r in load_rules() if r.code == "BRK101")
    text = (FIX / "BRK101/old.yaml").read_text()
    marker = "      operationId: updatePet\n"
    for sunset, expected in (("2025-01-01", 0), ("2030-01-01", 1)):
        old = tmp_path / f"old-{sunset}.yaml"
        old.write_text(text.replace(marker, marker + f"      deprecated: true\n      x-sunset: '{sunset}'\n"))
        found = diff(
            open_side(str(old)),
            open_side(str(FIX / "BRK101/new.yaml")),
            [(rule, rule.severity, dict(rule.options))],
            date(2025, 6, 1),
        )
        assert len(found) == expected, (sunset, found)
        if expected:
            assert "before its sunset date 2030-01-01" in found[0].message


# ---------------------------------------------------------------- git refs


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_ref_with_multi_file_refs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    api = tmp_path / "api"
    api.mkdir()
    (api / "openapi.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n"
        "        '200':\n          description: ok\n          content:\n            application/json:\n"
        "              schema: {$ref: 'schemas/pet.yaml'}\n"
    )
    (api / "schemas").mkdir()
    pet = api / "schemas" / "pet.yaml"
    pet.write_text("type: object\nrequired: [id, name]\nproperties:\n  id: {type: integer}\n  name: {type: string}\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one")
    pet.write_text("type: object\nrequired: [id]\nproperties:\n  id: {type: integer}\n")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "two")
    pet.write_text("type: object\nrequired: [id]\nproperties:\n  id: {type: string}\n")  # uncommitted
    monkeypatch.chdir(tmp_path)
    result = invoke("diff", "--no-config", "-f", "json", "HEAD~1:api/openapi.yaml", "api/openapi.yaml")
    assert result.exit_code == 1, result.stderr
    found = {(d["oasdiff"], d["file"], d["old"]["file"]) for d in json.loads(result.stdout)["diagnostics"]}
    assert ("response-required-property-removed", "api/schemas/pet.yaml", "HEAD~1:api/schemas/pet.yaml") in found
    assert ("response-property-type-changed", "api/schemas/pet.yaml", "HEAD~1:api/schemas/pet.yaml") in found
    assert invoke("diff", "--no-config", "HEAD:api", "HEAD:api/openapi.yaml").exit_code == 0  # a folder: its root
    bad = invoke("diff", "--no-config", "no-such-rev:api/openapi.yaml", "api/openapi.yaml")
    assert bad.exit_code == 2 and first_error(bad) == "apictl: error: unknown git revision 'no-such-rev'"
    missing = invoke("diff", "--no-config", "HEAD:api/nope.yaml", "api/openapi.yaml")
    assert missing.exit_code == 2 and first_error(missing) == "apictl: error: HEAD:api/nope.yaml: no such file in HEAD"
    # a $ref may not leave the root folder, in git trees as on disk
    (api / "openapi.yaml").write_text((api / "openapi.yaml").read_text().replace("schemas/pet.yaml", "../secret.yaml"))
    (tmp_path / "secret.yaml").write_text("type: object\n")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "three")
    escaped = invoke("diff", "--no-config", "-f", "json", "HEAD:api/openapi.yaml", "HEAD~1:api/openapi.yaml")
    assert escaped.exit_code in (0, 1) and "secret" not in escaped.stdout


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("tests/diff/nope.yaml", FIX / "BRK101/new.yaml"), "apictl: error: tests/diff/nope.yaml: no such file"),
        (
            ("tests/fixtures/config/unknown-key.yaml", FIX / "BRK101/new.yaml"),
            "apictl: error: tests/fixtures/config/unknown-key.yaml: not an OpenAPI document: no 'openapi' or 'swagger' "
            "version field at the top level",
        ),
        (
            ("-f", "xml", FIX / "BRK101/old.yaml", FIX / "BRK101/new.yaml"),
            "apictl: error: unknown --format 'xml' (choose from text, json, sarif, github, junit, markdown, changelog)",
        ),
    ],
)
def test_bad_input_is_one_line_exit_2(args: tuple[str, ...], message: str) -> None:
    result = invoke("diff", "--no-config", *args)
    assert result.exit_code == 2
    assert first_error(result) == message
    assert_error_lines(result)


def test_folder_sides(tmp_path: Path) -> None:
    """Each side may be a folder: its `openapi.yaml` (or similar), else its only OpenAPI document."""
    for side, name in (("old", "openapi.yaml"), ("new", "petstore.yaml")):
        (tmp_path / side).mkdir()
        shutil.copy(FIX / f"BRK113/{side}.yaml", tmp_path / side / name)
        (tmp_path / side / "notes.yaml").write_text("title: not a contract\n", encoding="utf-8")
    result = invoke("diff", "--no-config", "-f", "json", tmp_path / "old", tmp_path / "new")
    assert result.exit_code == 1, result.stderr
    d = json.loads(result.stdout)["diagnostics"][0]
    assert (
        d["code"] == "BRK113"
        and d["file"].endswith("new/petstore.yaml")
        and d["old"]["file"].endswith("old/openapi.yaml")
    )
    (tmp_path / "empty").mkdir()
    empty = invoke("diff", "--no-config", tmp_path / "empty", tmp_path / "new")
    assert empty.exit_code == 2 and "no OpenAPI root document in this folder; name the file" in first_error(empty)
    shutil.copy(FIX / "BRK113/new.yaml", tmp_path / "new" / "second.yaml")
    two = invoke("diff", "--no-config", tmp_path / "old", tmp_path / "new")
    assert two.exit_code == 2 and "2 OpenAPI root documents in this folder" in first_error(two)


def test_shared_schema_change_is_reported_once_per_operation() -> None:
    """`$ref`-aware: a change inside a shared schema appears at each operation it affects, once
    (listPets reaches Pet through two media types), with its new and old locations."""
    folder = Path("tests/diff/refs/shared-schema")
    result = invoke("diff", "--no-config", "-f", "json", folder / "old.yaml", folder / "new.yaml")
    assert result.exit_code == 1, result.stderr
    found = [
        (
            d["operation"],
            d["oasdiff"],
            d["file"],
            d["range"]["start"]["line"],
            d["old"]["file"],
            d["old"]["range"]["start"]["line"],
        )
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    new, old = str(folder / "new.yaml"), str(folder / "old.yaml")
    assert found == [
        ("GET /pets", "response-property-became-optional", new, 35, old, 33),
        ("GET /pets/{id}", "response-property-became-optional", new, 35, old, 33),
    ]


def test_sunset_allowance_is_configurable(tmp_path: Path) -> None:
    """apictl.yaml turns the deprecation allowances of BRK101 off: then removing a deprecated
    operation breaks even after its sunset date, or when it had none."""
    text = (FIX / "BRK101/old.yaml").read_text()
    marker = "      operationId: updatePet\n"
    past, undated = tmp_path / "past.yaml", tmp_path / "undated.yaml"
    past.write_text(text.replace(marker, marker + "      deprecated: true\n      x-sunset: '2025-01-01'\n"))
    undated.write_text(text.replace(marker, marker + "      deprecated: true\n"))
    new = FIX / "BRK101/new.yaml"
    assert invoke("diff", "--no-config", past, new).exit_code == 0
    assert invoke("diff", "--no-config", undated, new).exit_code == 0
    for option, old in (("allow_after_sunset", past), ("allow_deprecated_without_sunset", undated)):
        config = tmp_path / f"{option}.yaml"
        config.write_text(f"rules:\n  BRK101: {{severity: error, options: {{{option}: false}}}}\n")
        result = invoke("diff", "-c", config, "-f", "json", old, new)
        assert result.exit_code == 1, (option, result.stdout, result.stderr)
        assert [d["code"] for d in json.loads(result.stdout)["diagnostics"]] == ["BRK101"], option
