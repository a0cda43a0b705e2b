"""What a protobuf diff compiles: files byte-identical on both sides (with all their imports)
are compiled once, and the descriptor cache hits for a `GIT_REF:path` side, which is
extracted to a new temporary folder on every run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from apictl.specs.proto.compiler import Compiler, _ChunkResult
from tests.cli.helpers import invoke

P3 = 'syntax = "proto3";\n\npackage acme.v1;\n\n'
COMMON_OLD = P3 + "message Id {\n  string value = 1;\n  string kind = 2;\n}\n"
COMMON_NEW = P3 + "message Id {\n  string value = 1;\n}\n"  # FIELD_NO_DELETE
USER = P3 + 'import "common.proto";\n\nmessage User {\n  Id id = 1;\n}\n'  # same text, changed import
STANDALONE = P3 + "message Ping {\n  string at = 1;\n}\n"


def _write(root: Path, common: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in (("common.proto", common), ("user.proto", USER), ("standalone.proto", STANDALONE)):
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def protoc_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    calls: list[list[str]] = []
    real = Compiler._protoc

    def spy(self: Compiler, names: list[str]) -> _ChunkResult:
        calls.append(sorted(names))
        return real(self, names)

    monkeypatch.setattr(Compiler, "_protoc", spy)
    return calls


def test_identical_files_are_compiled_once(tmp_path: Path, protoc_calls: list[list[str]]) -> None:
    old, new = _write(tmp_path / "old", COMMON_OLD), _write(tmp_path / "new", COMMON_NEW)
    result = invoke("diff", "--no-config", "-f", "json", old, new)
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)["diagnostics"]
    assert [(d["code"], d["file"], d["range"]["start"]["line"]) for d in found] == [
        ("PBB311", str(new / "common.proto"), 5)
    ]
    # the old side compiles everything; the new side only what changed or imports a change
    assert protoc_calls == [["common.proto", "standalone.proto", "user.proto"], ["common.proto", "user.proto"]]


def test_reused_files_keep_their_own_side(tmp_path: Path, protoc_calls: list[list[str]]) -> None:
    """A reused descriptor still belongs to the new side's file: a change there is found."""
    old, new = _write(tmp_path / "old", COMMON_OLD), _write(tmp_path / "new", COMMON_OLD)
    (new / "standalone.proto").write_text(STANDALONE.replace("string at", "int64 at"), encoding="utf-8")
    result = invoke("diff", "--no-config", "-f", "json", old, new)
    assert result.exit_code == 1, result.stderr
    found = json.loads(result.stdout)["diagnostics"]
    assert {(d["code"], d["file"]) for d in found} == {("PBB316", str(new / "standalone.proto"))}
    assert protoc_calls[1] == ["standalone.proto"]


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@t"
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")
def test_git_side_hits_the_descriptor_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, protoc_calls: list[list[str]]
) -> None:
    repo = _write(tmp_path / "repo" / "protos", COMMON_OLD).parent
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "v1")
    _write(repo / "protos", COMMON_NEW)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("APICTL_CACHE_DIR", str(tmp_path / "cache"))
    first = invoke("diff", "--no-config", "-f", "json", "HEAD:protos", "protos")
    assert first.exit_code == 1 and len(protoc_calls) == 2, first.stderr
    second = invoke("diff", "--no-config", "-f", "json", "HEAD:protos", "protos")
    assert second.stdout == first.stdout
    assert len(protoc_calls) == 2, protoc_calls  # both sides came from the cache
