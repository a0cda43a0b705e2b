"""`apictl ci` end to end on a small git history built from examples/ci-history:
`base/` is committed on main (and mirrored as origin/main), then a PR branch
overlays `breaking/` or `passing/`. Also executes the shipped integrations:
action.yml's `apictl ci` step and the pre-commit hooks."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft7Validator

from tests.cli.helpers import invoke

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HISTORY = ROOT / "examples" / "ci-history"  # base/ on main; a PR overlays breaking/, passing/ or proto-breaking/
SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "report" / "sarif-schema-2.1.0.json"
BIN = Path(sys.executable).parent  # the venv's `apictl`

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)
    return done.stdout


def make_repo(tmp_path: Path, pr: str) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir(parents=True)
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "ci@example.org")
    _git(repo, "config", "user.name", "ci")
    _git(repo, "config", "commit.gpgsign", "false")
    shutil.copytree(HISTORY / "base", repo, dirs_exist_ok=True)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    _git(repo, "checkout", "-qb", "pr")
    shutil.copytree(HISTORY / pr, repo, dirs_exist_ok=True)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", pr)
    return repo


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("GITHUB_STEP_SUMMARY", "GITHUB_ACTIONS", "GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"):
        monkeypatch.delenv(key, raising=False)


def _validate_sarif(path: Path) -> dict[str, Any]:
    validator = Draft7Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(doc)]
    assert errors == []
    assert len(doc["runs"]) == 1, "one run for code scanning"
    return doc


def _validate_junit(path: Path) -> ET.Element:
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert suites
    for suite in suites:
        assert set(suite.attrib) >= {"name", "tests", "failures", "errors"}
        cases = suite.findall("testcase")
        assert cases and int(suite.get("tests", "")) == len(cases)
        assert int(suite.get("failures", "")) == sum(c.find("failure") is not None for c in cases)
        for case in cases:
            assert case.get("classname") and case.get("name")
            for child in case:
                assert child.tag in ("failure", "system-out")
                if child.tag == "failure":
                    assert child.get("type") and child.get("message") is not None
    assert int(root.get("tests", "")) == sum(int(s.get("tests", "")) for s in suites)
    assert int(root.get("failures", "")) == sum(int(s.get("failures", "")) for s in suites)
    return root


def test_breaking_pr_fails_with_a_readable_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> None:
    repo = make_repo(tmp_path, "breaking")
    monkeypatch.chdir(repo)
    step_summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(step_summary))
    result = invoke("ci", "--jobs", "1")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert out.startswith("apictl ci: FAILED — 5 findings at or above warn block the merge\n")
    assert "contracts: 2 (api/openapi.yaml, proto/pets/v1/pets.proto)" in out
    assert "base:      origin/main (merge base " in out
    assert "GET /pets: the `query` request parameter `limit` became required" in out
    assert "BRK107 [wire]" in out and "was " in out
    assert "Contract check: no pacts found" in out

    sarif = _validate_sarif(repo / "reports" / "apictl.sarif")
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"BRK107", "BRK112", "BRK114"}
    assert all(r["properties"]["category"] == "wire" and r["relatedLocations"] for r in results)
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"api/openapi.yaml"}

    junit = _validate_junit(repo / "reports" / "apictl-junit.xml")
    assert junit.get("name") == "apictl ci" and junit.get("failures") == "5"

    markdown = (repo / "reports" / "apictl-summary.md").read_text(encoding="utf-8")
    assert markdown.startswith("## ❌ apictl ci: FAILED")
    assert "### Breaking changes" in markdown and "[BRK107](" in markdown
    assert step_summary.read_text(encoding="utf-8") == markdown


def test_passing_pr_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    repo = make_repo(tmp_path, "passing")
    monkeypatch.chdir(repo)
    result = invoke("ci", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("apictl ci: PASSED — no findings at or above warn\n")
    assert "api/orders.yaml: new in this branch, nothing to break" in result.stdout
    assert "api/openapi.yaml: 0 breaking changes, 4 other changes" in result.stdout
    sarif = _validate_sarif(repo / "reports" / "apictl.sarif")
    assert sarif["runs"][0]["results"] == []  # non-breaking changes stay out of code scanning
    junit = _validate_junit(repo / "reports" / "apictl-junit.xml")
    assert junit.get("failures") == "0"
    assert {s.get("name") for s in junit} == {"api/openapi.yaml", "api/orders.yaml", "proto/pets/v1/pets.proto"}
    markdown = (repo / "reports" / "apictl-summary.md").read_text(encoding="utf-8")
    assert "Other changes (not breaking)" in markdown and "`api/orders.yaml`" in markdown


def test_options_override_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    repo = make_repo(tmp_path, "breaking")
    monkeypatch.chdir(repo)
    # only the BRK107 error remains gating at --fail-on error
    result = invoke("ci", "-j", "1", "--fail-on", "error", "--sarif", "out.sarif", "--junit", "out.xml")
    assert result.exit_code == 1
    assert result.stdout.startswith("apictl ci: FAILED — 1 finding at or above error blocks the merge")
    assert (repo / "out.sarif").is_file() and (repo / "out.xml").is_file()
    # compared with the PR itself: nothing changed
    assert invoke("ci", "-j", "1", "--base", "HEAD").exit_code == 0
    assert invoke("ci", "-j", "1", "--no-diff").exit_code == 0


@pytest.mark.parametrize(
    ("args", "config", "message"),
    [
        (["--base", "origin/nope"], None, "unknown git revision 'origin/nope' for --base"),
        ([], "ci: {contract: [x]}\n", "unknown key(s) ['contract'] in `ci`"),
        ([], "ci: {breaking: [wire, api]}\n", "unknown category 'api' in `ci.breaking`"),
        ([], "ci: {outputs: {html: x}}\n", "`ci.outputs` takes sarif, junit, markdown"),
        (["--fail-on", "fatal"], None, "unknown --fail-on 'fatal'"),
        (["missing.yaml"], None, "missing.yaml"),
    ],
)
def test_input_and_config_errors_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None, args: list[str], config: str | None, message: str
) -> None:
    repo = make_repo(tmp_path, "passing")
    if config is not None:
        (repo / "apictl.yaml").write_text(config)
    monkeypatch.chdir(repo)
    result = invoke("ci", "-j", "1", *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_not_a_git_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    shutil.copytree(HISTORY / "base", tmp_path / "plain")
    monkeypatch.chdir(tmp_path / "plain")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = invoke("ci", "-j", "1")
    assert result.exit_code == 2 and "not inside a git repository" in result.stderr
    assert invoke("ci", "-j", "1", "--no-diff").exit_code == 0


# ---------------------------------------------------------------- shipped integrations


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_"))}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env.update(extra)
    return env


def test_action_runs_apictl_ci(tmp_path: Path) -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert install["env"]["APICTL_INSTALL"] == "${{ inputs.install }}"
    step = next(s for s in steps if "apictl ci" in s.get("run", ""))
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    assert {"base", "config", "fail-on", "install"} <= set(inputs)

    def resolve(value: str, given: dict[str, str]) -> str:
        for name, default in inputs.items():
            value = value.replace("${{ inputs." + name + " }}", given.get(name, default))
        assert "${{" not in value, value
        return value

    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    for pr, given, code in (
        ("breaking", {}, 1),
        ("passing", {}, 0),
        ("breaking", {"fail-on": "error", "base": "origin/main", "config": "apictl.yaml"}, 1),
        ("breaking", {"base": "HEAD"}, 0),
    ):
        repo = make_repo(tmp_path / f"{pr}-{len(given)}", pr)
        env = _env(**{k: resolve(v, given) for k, v in step["env"].items()})
        done = subprocess.run(
            [step["shell"], "-e", "-c", step["run"]],
            cwd=repo / resolve(step["working-directory"], given),
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == code, (given, done.stdout, done.stderr)
        sarif = repo / resolve(upload["with"]["sarif_file"], given)
        _validate_sarif(sarif)
        _validate_junit(repo / resolve("${{ inputs.junit }}", given))


def test_pre_commit_hooks_run(tmp_path: Path) -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"apictl-lint", "apictl-diff"}
    assert all(h["language"] == "python" for h in hooks.values())
    import re

    def run_hook(hook: dict[str, Any], repo: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
        matched = [f for f in files if re.search(hook["files"], f)]
        argv = [*shlex.split(hook["entry"]), *hook.get("args", [])]
        if hook.get("pass_filenames", True):
            argv += matched
        return subprocess.run(argv, cwd=repo, env=_env(), capture_output=True, text=True, check=False)

    staged = ["api/openapi.yaml", "apictl.yaml", "buf.yaml", "proto/pets/v1/pets.proto"]
    # committed-but-not-yet: the PR's files on top of the base commit, compared with HEAD
    for pr, lint_code, diff_code in (("breaking", 0, 1), ("passing", 0, 0)):
        repo = make_repo(tmp_path / pr, pr)
        _git(repo, "reset", "-q", "--soft", "HEAD~1")  # HEAD is the base again; the PR is staged
        files = staged + (["api/orders.yaml"] if pr == "passing" else [])
        lint = run_hook(hooks["apictl-lint"], repo, files)
        assert lint.returncode == lint_code, lint.stdout + lint.stderr
        diff = run_hook(hooks["apictl-diff"], repo, files)
        assert diff.returncode == diff_code, diff.stdout + diff.stderr
        if diff_code:
            assert "BRK107" in diff.stdout
    # a lint error fails the lint hook
    (repo / "api" / "openapi.yaml").write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n")
    assert run_hook(hooks["apictl-lint"], repo, ["api/openapi.yaml"]).returncode == 1


def test_gitlab_template_runs(tmp_path: Path) -> None:
    """Both jobs' scripts run as GitLab runs them (`sh -e -c`, template variables in the
    environment): the `apictl` job gates the merge request; the Code Quality job points at
    each finding's line."""
    template = yaml.safe_load((ROOT / "ci" / "gitlab" / "apictl.gitlab-ci.yml").read_text(encoding="utf-8"))
    job, quality = template["apictl"], template[".apictl-code-quality"]
    assert job["artifacts"]["reports"]["junit"] == "apictl-junit.xml"
    assert quality["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"

    def run(spec: dict[str, Any], repo: Path) -> subprocess.CompletedProcess[str]:
        variables = {**template["variables"], **spec.get("variables", {})}
        env = _env(**variables, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main", CI_DEFAULT_BRANCH="main")
        script = "\n".join(spec["script"])
        return subprocess.run(
            ["sh", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True, check=False
        )

    for pr, code in (("breaking", 1), ("passing", 0)):
        repo = make_repo(tmp_path / pr, pr)
        done = run(job, repo)
        assert done.returncode == code, done.stdout + done.stderr
        _validate_junit(repo / job["artifacts"]["reports"]["junit"])
        _validate_sarif(repo / "apictl.sarif")
        assert (repo / "apictl-summary.md").is_file()
    (repo / "api" / "openapi.yaml").write_text("openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n", encoding="utf-8")
    done = run(quality, repo)
    assert done.returncode == 0, done.stdout + done.stderr
    lint = json.loads((repo / "apictl-lint.json").read_text(encoding="utf-8"))["diagnostics"]
    issues = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert issues and len(issues) == len(lint)
    assert [i["location"]["lines"]["begin"] for i in issues] == [d["range"]["start"]["line"] for d in lint]
    assert any(i["location"]["lines"]["begin"] > 1 for i in issues)


def _pr_commit(repo: Path, message: str, *git_args: str) -> None:
    _git(repo, *git_args)
    _git(repo, "commit", "-qm", message)


def test_deleted_contract_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    repo = make_repo(tmp_path, "passing")  # the PR adds api/orders.yaml; delete the original contract too
    _pr_commit(repo, "drop the pets API", "rm", "-q", "api/openapi.yaml")
    monkeypatch.chdir(repo)
    result = invoke("ci", "--jobs", "1")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert "api/openapi.yaml (deleted in this branch): " in out
    assert "GET /pets: operation removed without deprecation" in out
    sarif = _validate_sarif(repo / "reports" / "apictl.sarif")
    results = sarif["runs"][0]["results"]
    assert results and {r["ruleId"] for r in results} == {"BRK101", "BRK176"}  # operations, server
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"api/openapi.yaml"}
    markdown = (repo / "reports" / "apictl-summary.md").read_text(encoding="utf-8")
    assert "Deleted contracts (every operation removed): `api/openapi.yaml`" in markdown
    _validate_junit(repo / "reports" / "apictl-junit.xml")


@pytest.mark.parametrize(
    ("overlay", "git_args", "contracts", "exit_code", "expected", "absent"),
    [
        # deleting the only OpenAPI contract still gates (its pattern matching nothing is not an error)
        ("breaking", ("rm", "-q", "api/openapi.yaml"), (), 1, "api/openapi.yaml (deleted in this branch)", "error:"),
        # the same when the contract is named as a file on the command line
        (
            "passing",
            ("rm", "-q", "api/openapi.yaml"),
            ("api/openapi.yaml", "api/orders.yaml"),
            1,
            "api/openapi.yaml (deleted in this branch): 4 breaking changes",
            "error:",
        ),
        # a moved contract is compared with its old path, not reported as deleted + new
        (
            "passing",
            ("mv", "api/openapi.yaml", "api/pets.yaml"),
            (),
            0,
            "api/pets.yaml (moved; compared with its old path): 0 breaking changes",
            "deleted in this branch",
        ),
    ],
)
def test_deleted_and_moved_contracts(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    clean_env: None,
    overlay: str,
    git_args: tuple[str, ...],
    contracts: tuple[str, ...],
    exit_code: int,
    expected: str,
    absent: str,
) -> None:
    repo = make_repo(tmp_path, overlay)
    _pr_commit(repo, "change the contracts", *git_args)
    monkeypatch.chdir(repo)
    result = invoke("ci", "--jobs", "1", *contracts)
    assert result.exit_code == exit_code, result.output
    assert expected in result.stdout and absent not in result.stdout


def test_deleted_file_outside_the_contracts_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> None:
    repo = make_repo(tmp_path, "passing")
    (repo / "docs").mkdir()
    shutil.copy(repo / "api" / "orders.yaml", repo / "docs" / "old-api.yaml")
    _pr_commit(repo, "add docs", "add", "-A")
    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    _pr_commit(repo, "drop docs", "rm", "-q", "docs/old-api.yaml")
    monkeypatch.chdir(repo)
    result = invoke("ci", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "deleted" not in result.stdout


def test_protobuf_breaking_change_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    """Protobuf modules are compared with the merge base too (buf's breaking rules)."""
    repo = make_repo(tmp_path, "proto-breaking")
    monkeypatch.chdir(repo)
    result = invoke("ci", "--jobs", "1")
    assert result.exit_code == 1, result.output
    out = result.stdout
    assert out.startswith("apictl ci: FAILED — 1 finding at or above warn blocks the merge\n"), out
    assert "proto: 1 breaking change, 0 other changes" in out
    assert 'PBB311 [sdk]  Previously present field "2" with name "name" on message "Pet" was deleted.' in out
    sarif = _validate_sarif(repo / "reports" / "apictl.sarif")
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == {"PBB311"}
    junit = _validate_junit(repo / "reports" / "apictl-junit.xml")
    assert int(junit.get("failures", "0")) >= 1


def test_new_protobuf_module_has_nothing_to_break(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None
) -> None:
    repo = make_repo(tmp_path, "passing")
    (repo / "proto2" / "shop" / "v1").mkdir(parents=True)
    (repo / "proto2" / "shop" / "v1" / "shop.proto").write_text(
        'syntax = "proto3";\n\npackage shop.v1;\n\n// A shop.\nmessage Shop {\n  // Its id.\n  string id = 1;\n}\n'
    )
    (repo / "buf.yaml").write_text("version: v2\nmodules:\n  - path: proto\n  - path: proto2\n")
    monkeypatch.chdir(repo)
    result = invoke("ci", "--jobs", "1", "proto2/**/*.proto")
    assert result.exit_code == 0, result.output
    assert "proto2" in result.stdout
