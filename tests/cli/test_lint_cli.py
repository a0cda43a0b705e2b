"""`apictl lint` and `apictl rules` through the real entry point: options,
formats, exit codes, output files, file expansion; plus one real subprocess."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from apictl import __version__
from tests.cli.helpers import CONFIG, FIXTURES, ROOT, codes, invoke, lint_json

NO_CONTACT = FIXTURES / "no-contact.yaml"
PROJECT = FIXTURES / "project"
ONE_WARNING = ("--config", CONFIG / "only-info-contact.yaml")  # exactly one warning on NO_CONTACT


def _subprocess_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("APICTL_DEBUG", "FORCE_COLOR")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "100"
    return env


# ---------------------------------------------------------------- version and help


def test_version() -> None:
    for flag in ("--version", "-V"):
        result = invoke(flag)
        assert result.exit_code == 0
        assert result.stdout == f"apictl {__version__}\n"


def test_help() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "lint" in result.stdout and "rules" in result.stdout
    result = invoke("lint", "--help")
    assert result.exit_code == 0
    for option in ("--format", "--output", "--fail-on", "--preset", "--config", "--disable", "--allow-remote"):
        assert option in result.stdout


@pytest.mark.parametrize("argv", [["--help"], ["lint", "--help"], ["rules", "--help"]])
def test_help_does_not_import_heavy_modules(argv: list[str]) -> None:
    heavy = ("rich", "yaml", "orjson", "jsonschema_rs", "jsonschema", "httpx", "markdown_it")
    code = (
        "import sys\n"
        "from apictl.cli import main\n"
        f"sys.argv = ['apictl', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert exc.code in (0, None), exc.code\n"
        f"heavy = {heavy!r}\n"
        "print('LOADED', sorted(m for m in sys.modules if m.split('.')[0] in heavy or m.startswith(('apictl.lint', "
        "'apictl.report', 'apictl.specs'))))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=_subprocess_env(), cwd=ROOT, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    loaded = proc.stdout.strip().splitlines()[-1]
    assert loaded == "LOADED []"


def test_smoke_subprocess() -> None:
    """The one real process: `python -m apictl lint` on a fixture."""
    proc = subprocess.run(
        [sys.executable, "-m", "apictl", "lint", *map(str, ONE_WARNING), "--format", "json", str(NO_CONTACT)],
        capture_output=True,
        text=True,
        env=_subprocess_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    report = json.loads(proc.stdout)
    assert codes(report) == ["OAS401"]
    assert report["diagnostics"][0]["file"] == "tests/cli/fixtures/no-contact.yaml"
    proc = subprocess.run(
        [sys.executable, "-m", "apictl", "lint", "--no-config", "missing.yaml"],
        capture_output=True,
        text=True,
        env=_subprocess_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr == "apictl: error: missing.yaml: no such file\n"


# ---------------------------------------------------------------- formats and exit codes


def _check_text(out: str) -> None:
    assert "tests/cli/fixtures/no-contact.yaml" in out and "info-contact" in out


def _check_json(out: str) -> None:
    assert codes(json.loads(out)) == ["OAS401"]


def _check_sarif(out: str) -> None:
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["OAS401"]


def _check_github(out: str) -> None:
    assert out.startswith("::warning file=tests/cli/fixtures/no-contact.yaml,line=2,col=1,")


def _check_junit(out: str) -> None:
    root = ET.fromstring(out)
    assert root.get("failures") == "1"


CHECKS = {
    "text": _check_text,
    "json": _check_json,
    "sarif": _check_sarif,
    "github": _check_github,
    "junit": _check_junit,
}


@pytest.mark.parametrize("fmt", sorted(CHECKS))
def test_formats(fmt: str) -> None:
    result = invoke("lint", *ONE_WARNING, "--format", fmt, NO_CONTACT)
    assert result.exit_code == 1
    assert result.stderr == ""
    CHECKS[fmt](result.stdout)
    # same findings, higher threshold: exit 0 and still a report
    result = invoke("lint", *ONE_WARNING, "--format", fmt, "--fail-on", "error", NO_CONTACT)
    assert result.exit_code == 0
    CHECKS[fmt](result.stdout)


@pytest.mark.parametrize(("fail_on", "code"), [(None, 1), ("error", 0), ("warn", 1), ("info", 1), ("hint", 1)])
def test_fail_on_with_one_warning(fail_on: str | None, code: int) -> None:
    args = ["--fail-on", fail_on] if fail_on else []
    result = invoke("lint", *ONE_WARNING, *args, NO_CONTACT)
    assert result.exit_code == code


@pytest.mark.parametrize(("fail_on", "code"), [(None, 0), ("error", 0), ("info", 0), ("hint", 1)])
def test_fail_on_with_one_hint(fail_on: str | None, code: int) -> None:
    args = ["--fail-on", fail_on] if fail_on else []
    result = invoke("lint", "--config", CONFIG / "info-contact-hint.yaml", *args, NO_CONTACT)
    assert result.exit_code == code
    assert "info-contact" in result.stdout  # reported either way


def test_config_fail_on_is_the_default_threshold(tmp_path: Path) -> None:
    cfg = tmp_path / "apictl.yaml"
    cfg.write_text("extends: minimal\nrules: {info-contact: warn}\nfail_on: error\n")
    assert invoke("lint", "--config", cfg, NO_CONTACT).exit_code == 0
    assert invoke("lint", "--config", cfg, "--fail-on", "warn", NO_CONTACT).exit_code == 1


def test_clean_file_exits_0(tmp_path: Path) -> None:
    cfg = tmp_path / "apictl.yaml"
    cfg.write_text("extends: minimal\n")
    result = invoke("lint", "--config", cfg, NO_CONTACT)
    assert result.exit_code == 0
    assert result.stderr == ""


# ---------------------------------------------------------------- --output


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_output_file_equals_stdout(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"report.{fmt}"
    to_file = invoke("lint", *ONE_WARNING, "--format", fmt, "--output", out, NO_CONTACT)
    to_stdout = invoke("lint", *ONE_WARNING, "--format", fmt, NO_CONTACT)
    assert to_file.exit_code == to_stdout.exit_code == 1
    assert to_file.stdout == ""
    assert out.read_text(encoding="utf-8") == to_stdout.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]  # no temporary file left behind


def test_output_replaces_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    out.write_text("old and much longer content " * 100)
    assert invoke("lint", *ONE_WARNING, "-f", "json", "-o", out, NO_CONTACT).exit_code == 1
    assert codes(json.loads(out.read_text())) == ["OAS401"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_output_file_is_not_private(tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    old = os.umask(0o022)
    try:
        invoke("lint", *ONE_WARNING, "-o", out, NO_CONTACT)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_output_into_a_missing_folder(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.txt"
    result = invoke("lint", *ONE_WARNING, "--output", out, NO_CONTACT)
    assert result.exit_code == 2
    assert result.stderr == f"apictl: error: {out}: cannot write the report: No such file or directory\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_output_into_an_unwritable_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = invoke("lint", *ONE_WARNING, "--output", folder / "report.txt", NO_CONTACT)
        assert result.exit_code == 2
        assert "cannot write the report: Permission denied" in result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_output_write_failure_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up half-way: the error is one line and nothing is left behind."""
    out = tmp_path / "report.txt"
    out.write_text("previous report\n")
    real_replace = os.replace

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = invoke("lint", *ONE_WARNING, "--output", out, NO_CONTACT)
    monkeypatch.setattr(os, "replace", real_replace)
    assert result.exit_code == 2
    assert result.stderr == f"apictl: error: {out}: cannot write the report: No space left on device\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]
    assert out.read_text() == "previous report\n"  # the old report is intact, not truncated


# ---------------------------------------------------------------- which files are linted


def _junit_files(stdout: str) -> list[str]:
    return [s.get("name", "") for s in ET.fromstring(stdout).iter("testsuite")]


def test_folder_lints_only_root_documents() -> None:
    result = invoke("lint", "--no-config", "-j", "1", "--format", "junit", PROJECT)
    assert result.stderr == ""
    assert _junit_files(result.stdout) == [
        "tests/cli/fixtures/project/api.yaml",
        "tests/cli/fixtures/project/more/legacy.json",
    ]
    _, report = lint_json("--no-config", PROJECT)
    assert report["summary"]["files"] == 2


def test_quoted_glob_expands() -> None:
    # The shell does not expand a quoted glob: apictl does (recursively with **).
    result = invoke("lint", "--no-config", "-j", "1", "--format", "junit", f"{PROJECT}/**/*.json")
    assert result.stderr == ""
    assert _junit_files(result.stdout) == ["tests/cli/fixtures/project/more/legacy.json"]
    # a glob, like a folder, skips fragments (fragments/pet.yaml) and non-specs (notes.txt)
    result = invoke("lint", "--no-config", "-j", "1", "--format", "junit", f"{PROJECT}/**/*")
    assert result.stderr == ""
    assert _junit_files(result.stdout) == [
        "tests/cli/fixtures/project/api.yaml",
        "tests/cli/fixtures/project/more/legacy.json",
    ]


def test_explicit_fragment_is_an_error() -> None:
    result = invoke("lint", "--no-config", PROJECT / "fragments" / "pet.yaml")
    assert result.exit_code == 2
    assert "not an OpenAPI document" in result.stderr


def test_same_file_twice_is_linted_once() -> None:
    _, report = lint_json(*ONE_WARNING, NO_CONTACT, NO_CONTACT, f"{FIXTURES}/no-contact.*")
    assert report["summary"]["files"] == 1
    assert codes(report) == ["OAS401"]


def test_default_path_is_the_current_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT / PROJECT)
    result = invoke("lint", "--no-config", "-j", "1", "--format", "junit")
    assert _junit_files(result.stdout) == ["api.yaml", "more/legacy.json"]


def test_config_exclude_skips_files(tmp_path: Path) -> None:
    # `exclude` globs match paths relative to the config file's folder
    project = tmp_path / "project"
    shutil.copytree(ROOT / PROJECT, project)
    (project / "apictl.yaml").write_text("exclude: ['more/**']\n")
    result = invoke("lint", "--config", project / "apictl.yaml", "-j", "1", "--format", "junit", project)
    names = [Path(n).name for n in _junit_files(result.stdout)]
    assert names == ["api.yaml"]


# ---------------------------------------------------------------- rule selection


@pytest.mark.parametrize("name", ["info-contact", "OAS401", "oas401"])
def test_disable(name: str) -> None:
    result = invoke("lint", *ONE_WARNING, "--disable", name, NO_CONTACT)
    assert result.exit_code == 0
    assert "info-contact" not in result.stdout


def test_preset_changes_counts() -> None:
    _, minimal = lint_json("--no-config", "--preset", "minimal", NO_CONTACT)
    _, recommended = lint_json("--no-config", "--preset", "recommended", NO_CONTACT)
    _, everything = lint_json("--no-config", "--preset", "all", NO_CONTACT)
    assert "OAS401" not in codes(minimal)
    assert "OAS401" in codes(recommended)
    assert set(codes(minimal)) <= set(codes(recommended)) <= set(codes(everything))
    assert len(minimal["diagnostics"]) < len(everything["diagnostics"])


def test_preset_overrides_config_extends() -> None:
    # the config says minimal + info-contact; --preset all adds the rest on top
    _, configured = lint_json(*ONE_WARNING, NO_CONTACT)
    _, widened = lint_json(*ONE_WARNING, "--preset", "all", NO_CONTACT)
    assert len(widened["diagnostics"]) > len(configured["diagnostics"])


# ---------------------------------------------------------------- apictl rules


def test_rules_lists_the_catalogue() -> None:
    result = invoke("rules")
    assert result.exit_code == 0
    assert "OAS202" in result.stdout
    assert "operation-operationid-unique" in result.stdout  # names are never cut short


@pytest.mark.parametrize("key", ["OAS202", "oas202", "operation-operationid-unique"])
def test_rules_shows_one_rule(key: str) -> None:
    result = invoke("rules", key)
    assert result.exit_code == 0
    assert result.stdout.startswith("OAS202 operation-operationid-unique\n")
    assert "## What it does" in result.stdout


def test_rules_preset() -> None:
    result = invoke("rules", "--preset", "minimal", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows and {r["preset"] for r in rows} == {"minimal"}
    text = invoke("rules", "--preset", "minimal").stdout
    assert "OAS201" in text and "info-contact" not in text


def test_rules_json() -> None:
    result = invoke("rules", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    by_code = {r["code"]: r for r in rows}
    assert by_code["OAS202"]["name"] == "operation-operationid-unique"
    assert {"code", "name", "severity", "preset", "category", "formats", "summary"} <= set(by_code["OAS202"])
    assert "doc" not in by_code["OAS202"]
    one = json.loads(invoke("rules", "OAS202", "--format", "json").stdout)
    assert len(one) == 1 and "## What it does" in one[0]["doc"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["NOPE"], "no rule 'NOPE' (see `apictl rules`)"),
        (["--preset", "huge"], "unknown preset 'huge' (choose from minimal, recommended, all, scale-ready, aip)"),
        (["--format", "xml"], "unknown --format 'xml' (choose from text, json)"),
    ],
)
def test_rules_errors(args: list[str], message: str) -> None:
    result = invoke("rules", *args)
    assert result.exit_code == 2
    assert result.stderr == f"apictl: error: {message}\n"
    assert result.stdout == ""
