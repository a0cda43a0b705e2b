"""`apictl diff` on protobuf through the real entry point: dispatch, formats, exit codes,
buf.yaml / apictl.yaml `breaking:` selection and ignores, git and image sides, bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import assert_error_lines, first_error, invoke

FIX = Path("tests/diff/proto/fixtures")
P3 = 'syntax = "proto3";\n\npackage {pkg};\n\n'
OLD = P3 + "message User {{\n  string name = 1;\n  string email = 2;\n}}\n"
NEW = P3 + "message User {{\n  string name = 1;\n}}\n"  # FIELD_NO_DELETE (FILE, PACKAGE) only


def _codes(stdout: str) -> list[str]:
    return [d["code"] for d in json.loads(stdout)["diagnostics"]]


def _tree(root: Path, old: str = OLD, new: str = NEW, pkg: str = "acme.v1", buf_yaml: str | None = None) -> Path:
    for side, text in (("old", old), ("new", new)):
        (root / side).mkdir(parents=True, exist_ok=True)
        (root / side / "api.proto").write_text(text.format(pkg=pkg), encoding="utf-8")
        if buf_yaml is not None:
            (root / side / "buf.yaml").write_text(buf_yaml, encoding="utf-8")
    return root


def test_breaking_change_exits_1_and_identical_exits_0() -> None:
    result = invoke("diff", "--no-config", FIX / "PBB311/old", FIX / "PBB311/new")
    assert result.exit_code == 1, result.stderr
    assert (
        "PBB311" in result.stdout and "previously at tests/diff/proto/fixtures/PBB311/old/api.proto:" in result.stdout
    )
    same = invoke("diff", "--no-config", FIX / "PBB311/old", FIX / "PBB311/old")
    assert same.exit_code == 0 and "No problems found" in same.stdout, same.stdout


def test_single_files_are_protobuf_sides() -> None:
    result = invoke("diff", "--no-config", "-f", "json", FIX / "PBB205/old/api.proto", FIX / "PBB205/new/api.proto")
    assert result.exit_code == 1 and sorted(_codes(result.stdout)) == ["PBB205", "PBB206"], result.stdout


@pytest.mark.parametrize("fmt", ["json", "sarif", "github", "junit", "markdown", "changelog"])
def test_formats(fmt: str) -> None:
    result = invoke("diff", "--no-config", "-f", fmt, FIX / "PBB316/old", FIX / "PBB316/new")
    assert result.exit_code == 1, result.stderr
    assert "PBB316" in result.stdout or "field-same-type" in result.stdout or "changed type" in result.stdout
    if fmt in ("json", "sarif"):
        json.loads(result.stdout)


def test_json_carries_both_locations() -> None:
    result = invoke("diff", "--no-config", "-f", "json", FIX / "PBB316/old", FIX / "PBB316/new")
    first = json.loads(result.stdout)["diagnostics"][0]
    assert first["file"].endswith("PBB316/new/api.proto") and first["old"]["file"].endswith("PBB316/old/api.proto")
    assert first["range"]["start"] == {"line": 6, "column": 3} and first["category"] == "sdk"


def test_buf_default_is_file_and_buf_yaml_breaking_selects(tmp_path: Path) -> None:
    plain = _tree(tmp_path / "plain")
    assert _codes(invoke("diff", "--no-config", "-f", "json", plain / "old", plain / "new").stdout) == ["PBB311"]
    wire = _tree(tmp_path / "wire", buf_yaml="version: v1\nbreaking:\n  use: [WIRE]\n")
    result = invoke("diff", "--no-config", "-f", "json", wire / "old", wire / "new")
    assert result.exit_code == 1 and _codes(result.stdout) == ["PBB101"], result.stdout  # number not reserved
    except_ = _tree(
        tmp_path / "except", buf_yaml="version: v2\nbreaking:\n  use: [FILE]\n  except: [FIELD_NO_DELETE]\n"
    )
    assert invoke("diff", "--no-config", except_ / "old", except_ / "new").exit_code == 0


def test_buf_yaml_ignores(tmp_path: Path) -> None:
    ignore = _tree(tmp_path / "ignore", buf_yaml="version: v2\nbreaking:\n  ignore: [api.proto]\n")
    assert invoke("diff", "--no-config", ignore / "old", ignore / "new").exit_code == 0
    only = _tree(
        tmp_path / "only", buf_yaml="version: v1\nbreaking:\n  ignore_only:\n    FIELD_NO_DELETE: [api.proto]\n"
    )
    assert invoke("diff", "--no-config", only / "old", only / "new").exit_code == 0
    other = _tree(
        tmp_path / "other", buf_yaml="version: v1\nbreaking:\n  ignore_only:\n    FIELD_SAME_NAME: [api.proto]\n"
    )
    assert invoke("diff", "--no-config", other / "old", other / "new").exit_code == 1
    unstable = "version: v2\nbreaking:\n  ignore_unstable_packages: true\n"
    beta = _tree(tmp_path / "beta", pkg="acme.v1beta1", buf_yaml=unstable)
    assert invoke("diff", "--no-config", beta / "old", beta / "new").exit_code == 0
    stable = _tree(tmp_path / "stable", pkg="acme.v1", buf_yaml=unstable)
    assert invoke("diff", "--no-config", stable / "old", stable / "new").exit_code == 1


def test_apictl_yaml_breaking_and_rules(tmp_path: Path) -> None:
    tree = _tree(tmp_path / "t", buf_yaml="version: v1\nbreaking:\n  use: [WIRE]\n")
    native = tmp_path / "apictl.yaml"
    native.write_text("breaking:\n  use: [PACKAGE]\n", encoding="utf-8")
    result = invoke("diff", "-c", native, "-f", "json", tree / "old", tree / "new")
    assert _codes(result.stdout) == ["PBB311"], "apictl.yaml `breaking:` wins over buf.yaml"
    native.write_text("breaking:\n  use: [FILE]\nrules:\n  FIELD_NO_DELETE: off\n", encoding="utf-8")
    assert invoke("diff", "-c", native, tree / "old", tree / "new").exit_code == 0
    native.write_text("breaking:\n  use: [FILE]\nrules:\n  field-no-delete: warn\n", encoding="utf-8")
    result = invoke("diff", "-c", native, "--fail-on", "error", tree / "old", tree / "new")
    assert result.exit_code == 0 and "warn" in result.stdout
    no_rule = invoke(
        "diff", "--no-config", "--disable", "FIELD_NO_DELETE", _tree(tmp_path / "d") / "old", tmp_path / "d/new"
    )
    assert no_rule.exit_code == 0


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@t"
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_ref_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    (repo / "protos").mkdir(parents=True)
    (repo / "protos" / "api.proto").write_text(OLD.format(pkg="acme.v1"), encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "v1")
    (repo / "protos" / "api.proto").write_text(NEW.format(pkg="acme.v1"), encoding="utf-8")
    monkeypatch.chdir(repo)
    result = invoke("diff", "--no-config", "-f", "json", "HEAD:protos", "protos")
    assert result.exit_code == 1, result.stderr
    d = json.loads(result.stdout)["diagnostics"][0]
    assert d["code"] == "PBB311" and d["old"]["file"] == "HEAD:protos/api.proto" and d["file"] == "protos/api.proto"
    same = invoke("diff", "--no-config", "HEAD:protos", "HEAD:protos")
    assert same.exit_code == 0, same.stdout
    (repo / "protos" / "common.proto").write_text(P3.format(pkg="acme.v1") + "message Id {}\n", encoding="utf-8")
    (repo / "buf.yaml").write_text("version: v2\nmodules:\n  - path: protos\n", encoding="utf-8")
    user = 'import "common.proto";\n\nmessage User {\n  Id id = 1;\n}\n'
    (repo / "protos" / "api.proto").write_text(P3.format(pkg="acme.v1") + user, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "v2")
    (repo / "protos" / "api.proto").write_text(
        P3.format(pkg="acme.v1") + user.replace("Id id", "string id"), encoding="utf-8"
    )
    single = invoke("diff", "--no-config", "-f", "json", "HEAD:protos/api.proto", "protos/api.proto")
    assert single.exit_code == 1 and sorted(_codes(single.stdout)) == ["PBB316", "PBB317"], single.stderr
    bad = invoke("diff", "--no-config", "nosuchref:protos", "protos")
    assert bad.exit_code == 2 and "unknown git revision" in first_error(bad)


def test_buf_image_side(tmp_path: Path) -> None:
    tree = _tree(tmp_path / "t")
    image = tmp_path / "old.binpb"
    code = (
        "import sys\nfrom grpc_tools import _protoc_compiler as c\n"
        "sys.exit(c.run_main([a.encode() for a in sys.argv[1:]]))"
    )
    args = ["protoc", f"-I{tree / 'old'}", "--include_source_info", f"--descriptor_set_out={image}", "api.proto"]
    subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True)
    result = invoke("diff", "--no-config", "-f", "json", image, tree / "new")
    assert result.exit_code == 1 and _codes(result.stdout) == ["PBB311"], result.stdout
    assert json.loads(result.stdout)["diagnostics"][0]["old"]["range"]["start"]["line"] == 5


def test_bad_input_exits_2(tmp_path: Path) -> None:
    tree = _tree(tmp_path / "t", new=P3 + "message User {{\n  strin name = 1;\n}}\n")
    broken = invoke("diff", "--no-config", tree / "old", tree / "new")
    assert broken.exit_code == 2 and "api.proto:6:3:" in first_error(broken), broken.stderr
    assert_error_lines(broken)
    missing = invoke("diff", "--no-config", tree / "old", tmp_path / "nope.proto")
    assert missing.exit_code == 2 and "nope.proto" in first_error(missing)
    junk = tmp_path / "junk.binpb"
    junk.write_bytes(b"\xff\xff\xff not a descriptor set")
    assert invoke("diff", "--no-config", junk, tree / "old").exit_code == 2
    bad_key = _tree(tmp_path / "k", buf_yaml="version: v1\nbreaking:\n  uses: [FILE]\n")
    result = invoke("diff", "--no-config", bad_key / "old", bad_key / "new")
    assert result.exit_code == 2 and "unknown key" in first_error(result)
    bad_id = _tree(tmp_path / "i", buf_yaml="version: v1\nbreaking:\n  use: [FILE_NO_DELET]\n")
    result = invoke("diff", "--no-config", bad_id / "old", bad_id / "new")
    assert result.exit_code == 2 and "FILE_NO_DELET" in first_error(result)
    native = tmp_path / "apictl.yaml"
    native.write_text("breaking: [FILE]\n", encoding="utf-8")
    assert invoke("diff", "-c", native, tree / "old", tree / "old").exit_code == 2


def test_rules_command_documents_protobuf_breaking_rules() -> None:
    result = invoke("rules", "PBB311")
    assert result.exit_code == 0 and "buf FIELD_NO_DELETE" in result.stdout and "## What it does" in result.stdout


def test_docs_list_every_rule() -> None:
    from apictl.diff.proto.engine import load_rules

    text = Path("docs/proto-breaking.md").read_text(encoding="utf-8")
    missing = [r.code for r in load_rules() if f"| {r.code} | `{r.buf[0]}` |" not in text]
    assert not missing, f"docs/proto-breaking.md lacks rows for {missing}"


ED = 'edition = "2023";\n\npackage acme.v1;\n\n'


def test_editions_files(tmp_path: Path) -> None:
    """Editions 2023 (protoc in grpcio-tools compiles them): features are compared, not syntax."""
    old_text = (
        ED + "enum Kind {\n  KIND_UNSPECIFIED = 0;\n}\n\nmessage User {\n  string id = 1;\n  string name = 2;\n}\n"
    )
    new_text = (
        ED
        + "enum Kind {\n  option features.enum_type = CLOSED;\n  KIND_UNSPECIFIED = 0;\n}\n\n"
        + "message User {\n  string id = 1;\n}\n"
    )
    tree = _tree(
        tmp_path, old=old_text.replace("{", "{{").replace("}", "}}"), new=new_text.replace("{", "{{").replace("}", "}}")
    )
    result = invoke("diff", "--no-config", "-f", "json", tree / "old", tree / "new")
    assert result.exit_code == 1, result.stderr
    found = sorted((d["code"], d["range"]["start"]["line"]) for d in json.loads(result.stdout)["diagnostics"])
    assert found == [("PBB311", 10), ("PBB322", 6)], found
    same = invoke("diff", "--no-config", tree / "old", tree / "old")
    assert same.exit_code == 0, same.stdout
