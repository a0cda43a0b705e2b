"""Writing generated trees: in place and file by file, inside --out only, never into a
folder apictl did not write (without --force), never over user-owned files, symbolic
links, empty folders or permissions; nothing written when any check fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from apictl.gen.output import GENERATED_MARKER, USER_OWNED_MARKER, GeneratedFile, OutputError, diff_tree, write_tree


def _names(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_writes_and_replaces(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("pkg/a.py", "a = 1\n"), GeneratedFile("pkg/b.py", "b = 1\n")], out)
    assert (out / "pkg/a.py").read_text() == "a = 1\n"
    write_tree([GeneratedFile("pkg/a.py", "a = 2\n")], out)
    assert (out / "pkg/a.py").read_text() == "a = 2\n"
    assert not (out / "pkg/b.py").exists()  # generated before, unchanged, not generated any more
    assert [p.name for p in tmp_path.iterdir()] == ["out"]
    assert _names(out) == [GENERATED_MARKER, "pkg", "pkg/a.py"]  # no temporary files left behind


def test_user_owned_files_are_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("handlers.py", "# generated stub\n", user_owned=True)], out)
    (out / "handlers.py").write_text("# my code\n")
    write_tree([GeneratedFile("mine.py", "x = 0\n")], out)
    (out / "mine.py").write_text(f"# {USER_OWNED_MARKER}\nx = 1\n")
    write_tree(
        [GeneratedFile("handlers.py", "# new stub\n", user_owned=True), GeneratedFile("mine.py", "x = 0\n")], out
    )
    assert (out / "handlers.py").read_text() == "# my code\n"
    assert "x = 1" in (out / "mine.py").read_text()
    assert diff_tree([GeneratedFile("handlers.py", "other", user_owned=True)], out) == []
    write_tree([], out)  # neither is generated any more: both are kept
    assert (out / "handlers.py").is_file() and (out / "mine.py").is_file()


def test_the_marker_counts_only_as_an_exact_first_line(tmp_path: Path) -> None:
    """Contract text that merely contains the marker (a description) never freezes a file."""
    out = tmp_path / "out"
    readme = f"# API\n\n{USER_OWNED_MARKER}\n# {USER_OWNED_MARKER}\n"
    write_tree([GeneratedFile("README.md", readme), GeneratedFile("a.py", f'"""{USER_OWNED_MARKER}"""\n')], out)
    write_tree([GeneratedFile("README.md", "# API v2\n"), GeneratedFile("a.py", "x = 2\n")], out)
    assert (out / "README.md").read_text() == "# API v2\n"
    assert (out / "a.py").read_text() == "x = 2\n"
    (out / "README.md").write_text(f"<!-- {USER_OWNED_MARKER} -->\nmine\n")
    write_tree([GeneratedFile("README.md", "# API v3\n")], out)
    assert (out / "README.md").read_text().endswith("mine\n")


def test_a_generated_file_may_not_start_with_the_marker(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="user-owned marker"):
        write_tree([GeneratedFile("README.md", f"# {USER_OWNED_MARKER}\n")], tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("path", ["../escape.py", "/abs.py", "a/../../b.py", "a\\b.py", "", "a//b.py", "C:x.py"])
def test_paths_outside_the_output_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(OutputError):
        write_tree([GeneratedFile(path, "x")], tmp_path / "out")
    assert not (tmp_path / "out").exists()
    assert list(tmp_path.iterdir()) == []


def test_error_while_generating_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("a.py", "old\n")], out)
    before = _names(out)

    class Boom(GeneratedFile):
        def data(self) -> bytes:
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_tree([GeneratedFile("a.py", "new\n"), Boom("z.py", "")], out)
    assert (out / "a.py").read_text() == "old\n"
    assert _names(out) == before


def test_deterministic_bytes(tmp_path: Path) -> None:
    files = [GeneratedFile("b.py", "b\n"), GeneratedFile("a/c.py", "c\n")]
    write_tree(files, tmp_path / "one")
    write_tree(list(reversed(files)), tmp_path / "two")
    for rel in ("b.py", "a/c.py", GENERATED_MARKER):
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes()
    assert diff_tree(files, tmp_path / "one") == []


def test_files_generated_before_are_dropped_others_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("pkg/api/old.py", "x\n"), GeneratedFile("pkg/gone/m.py", "m\n")], out)
    (out / "notes.txt").write_text("mine\n")
    write_tree([GeneratedFile("pkg/api/kept.py", "y2\n")], out)
    assert not (out / "pkg/api/old.py").exists()  # a tag that went away
    assert not (out / "pkg/gone").exists()  # the folder it leaves empty goes too
    assert (out / "pkg/api/kept.py").read_text() == "y2\n"
    assert (out / "notes.txt").read_text() == "mine\n"  # never written by apictl


def test_edited_files_no_longer_generated_are_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("pkg/old.py", "x\n")], out)
    (out / "pkg/old.py").write_text("x = 'edited'\n")
    write_tree([GeneratedFile("pkg/new.py", "y\n")], out)
    assert (out / "pkg/old.py").read_text() == "x = 'edited'\n"


def test_refuses_a_folder_apictl_did_not_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "keep.txt").write_text("x")
    (tmp_path / "README.md").write_text("my project\n")
    monkeypatch.chdir(tmp_path)
    files = [GeneratedFile("README.md", "generated\n"), GeneratedFile("a.py", "x")]
    with pytest.raises(OutputError, match="not empty and apictl did not generate it.*--force"):
        write_tree(files, Path("."))
    assert _names(tmp_path) == ["README.md", "keep.txt"]
    assert (tmp_path / "README.md").read_text() == "my project\n"
    write_tree(files, Path("."), force=True)  # asked for: the generated files only
    assert _names(tmp_path) == [GENERATED_MARKER, "README.md", "a.py", "keep.txt"]
    write_tree(files, Path("."))  # now it holds apictl's manifest


def test_an_empty_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    write_tree([GeneratedFile("a.py", "x")], tmp_path / "out")
    assert (tmp_path / "out" / "a.py").read_text() == "x"


def test_links_empty_folders_and_modes_are_left_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("pkg/a.py", "a\n"), GeneratedFile("bin/run", "#!/bin/sh\n")], out)
    (tmp_path / "elsewhere").mkdir()
    (out / "docs").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (out / "link.txt").symlink_to(tmp_path / "elsewhere" / "missing.txt")
    (out / "empty").mkdir()
    out.chmod(0o750)
    (out / "bin" / "run").chmod(0o755)
    write_tree([GeneratedFile("pkg/a.py", "a2\n"), GeneratedFile("bin/run", "#!/bin/sh\necho\n")], out)
    assert (out / "docs").is_symlink() and (out / "link.txt").is_symlink() and (out / "empty").is_dir()
    assert out.stat().st_mode & 0o777 == 0o750
    assert (out / "bin" / "run").stat().st_mode & 0o777 == 0o755  # replaced, permissions kept
    assert (out / "bin" / "run").read_text().endswith("echo\n")


@pytest.mark.parametrize("rel", ["docs/a.md", "link.txt"])
def test_never_writes_through_or_over_a_link(tmp_path: Path, rel: str) -> None:
    out = tmp_path / "out"
    write_tree([GeneratedFile("pkg/a.py", "a\n")], out)
    (tmp_path / "elsewhere").mkdir()
    (out / "docs").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (out / "link.txt").symlink_to(tmp_path / "elsewhere" / "target.txt")
    with pytest.raises(OutputError, match="symbolic link"):
        write_tree([GeneratedFile("pkg/a.py", "a2\n"), GeneratedFile(rel, "x")], out)
    assert list((tmp_path / "elsewhere").iterdir()) == []
    assert (out / "pkg/a.py").read_text() == "a\n"  # checked before anything was written


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_tree([GeneratedFile("a.py", "x")], tmp_path / "out")
    finally:
        os.umask(old)
    assert (tmp_path / "out" / "a.py").stat().st_mode & 0o777 == 0o640
