"""A `GIT_REF:path` protobuf side extracts only what compiling needs (`.proto` files and
buf config files), streamed from `git archive`, never the rest of the repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from apictl.core.errors import InputError
from apictl.diff.proto import sides
from tests.cli.helpers import first_error, invoke

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")

P3 = 'syntax = "proto3";\n\npackage acme.v1;\n\n'
OLD = P3 + "message User {\n  string name = 1;\n  string email = 2;\n}\n"
NEW = P3 + "message User {\n  string name = 1;\n}\n"


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@t"
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def _repo(root: Path) -> Path:
    """buf.yaml at the repository root (module scope `.`) next to a large non-proto file."""
    (root / "protos" / "odd[dir]").mkdir(parents=True)
    (root / "buf.yaml").write_text("version: v2\nmodules:\n  - path: protos\n", encoding="utf-8")
    (root / "protos" / "api.proto").write_text(OLD, encoding="utf-8")
    (root / "protos" / "odd[dir]" / "x.proto").write_text(P3 + "message X {}\n", encoding="utf-8")
    (root / "protos" / "notes.txt").write_text("not needed\n", encoding="utf-8")
    (root / "assets").mkdir()
    (root / "assets" / "big.bin").write_bytes(os.urandom(4 << 20))
    _git(root, "init", "-q")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "v1")
    return root


def test_git_side_extracts_only_proto_and_buf_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path / "repo")
    (repo / "protos" / "api.proto").write_text(NEW, encoding="utf-8")
    extracted: list[str] = []
    real_rmtree = shutil.rmtree

    def record(path: Path, *args: object, **kwargs: object) -> None:  # the temporary tree, just before removal
        top = Path(path)
        if top.name.startswith("apictl-git-"):
            extracted.extend(sorted(p.relative_to(top).as_posix() for p in top.rglob("*") if p.is_file()))
        real_rmtree(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "rmtree", record)
    monkeypatch.chdir(repo)
    result = invoke("diff", "--no-config", "-f", "json", "HEAD:protos", "protos")
    assert result.exit_code == 1, result.stderr
    d = json.loads(result.stdout)["diagnostics"][0]
    assert d["code"] == "PBB311" and d["old"]["file"] == "HEAD:protos/api.proto"
    assert extracted == ["buf.yaml", "protos/api.proto", "protos/odd[dir]/x.proto"]


def test_git_side_streams_instead_of_buffering(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path / "repo")
    modes: list[str] = []
    real_open = tarfile.open

    def spy(*args: object, **kwargs: object) -> object:
        modes.append(str(kwargs.get("mode")))
        return real_open(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(tarfile, "open", spy)
    monkeypatch.chdir(repo)
    assert invoke("diff", "--no-config", "HEAD:protos", "protos").exit_code == 0
    assert modes and all(m == "r|" for m in modes), modes


def test_git_side_without_protos_or_with_a_non_proto_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path / "repo")
    monkeypatch.chdir(repo)
    side = sides.open_proto_side("HEAD:protos/api.proto")
    assert [d.uri for d in side.docs] == ["HEAD:protos/api.proto"]
    with pytest.raises(InputError, match="no .proto files"):
        sides.open_proto_side("HEAD:assets")
    missing = invoke("diff", "--no-config", "HEAD:nope", "protos")
    assert missing.exit_code == 2 and "HEAD:nope" in first_error(missing)
