"""Writing generated trees: atomic, inside --out only, user-owned files kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.gen.output import USER_OWNED_MARKER, GeneratedFile, OutputError, diff_tree, write_tree


def test_writes_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("pkg/a.py", "a = 1\n"), GeneratedFile("pkg/b.py", "b = 1\n")], out)
    assert (out / "pkg/a.py").read_text() == "a = 1\n"
    write_tree([GeneratedFile("pkg/a.py", "a = 2\n")], out, keep_unknown=False)
    assert (out / "pkg/a.py").read_text() == "a = 2\n"
    assert not (out / "pkg/b.py").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no staging folder left behind


def test_user_owned_files_are_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("handlers.py", "# generated stub\n", user_owned=True)], out)
    (out / "handlers.py").write_text("# my code\n")
    (out / "mine.py").write_text(f"# {USER_OWNED_MARKER}\nx = 1\n")
    write_tree(
        [GeneratedFile("handlers.py", "# new stub\n", user_owned=True), GeneratedFile("mine.py", "x = 0\n")],
        out,
        keep_unknown=False,
    )
    assert (out / "handlers.py").read_text() == "# my code\n"
    assert "x = 1" in (out / "mine.py").read_text()
    assert diff_tree([GeneratedFile("handlers.py", "other", user_owned=True)], out) == []


@pytest.mark.parametrize("path", ["../escape.py", "/abs.py", "a/../../b.py", "a\\b.py", "", "a//b.py", "C:x.py"])
def test_paths_outside_the_output_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(OutputError):
        write_tree([GeneratedFile(path, "x")], tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert list(tmp_path.iterdir()) == []


def test_error_midway_leaves_previous_tree(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("a.py", "old\n")], out)

    class Boom(GeneratedFile):
        def data(self) -> bytes:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_tree([GeneratedFile("a.py", "new\n"), Boom("z.py", "")], out)
    assert (out / "a.py").read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_deterministic_bytes(tmp_path: Path) -> None:
    files = [GeneratedFile("b.py", "b\n"), GeneratedFile("a/c.py", "c\n")]
    write_tree(files, tmp_path / "one")
    write_tree(list(reversed(files)), tmp_path / "two")
    for rel in ("b.py", "a/c.py"):
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes()
    assert diff_tree(files, tmp_path / "one") == []


def test_files_generated_before_are_dropped_others_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("pkg/api/old.py", "x\n"), GeneratedFile("pkg/api/kept.py", "y\n")], out)
    (out / "notes.txt").write_text("mine\n")
    write_tree([GeneratedFile("pkg/api/kept.py", "y2\n")], out)
    assert not (out / "pkg/api/old.py").exists()  # a tag that went away
    assert (out / "pkg/api/kept.py").read_text() == "y2\n"
    assert (out / "notes.txt").read_text() == "mine\n"  # never written by apictl


def test_refuses_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "keep.txt").write_text("x")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputError, match="current folder"):
        write_tree([GeneratedFile("a.py", "x")], Path("."))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]
