"""Writing a generated tree: atomically, deterministically, inside `--out` only,
and never over files the user owns.

A generator returns `GeneratedFile`s (pure); `write_tree` puts them on disk: it
builds the whole tree in a temporary sibling folder and swaps it in with
renames, so an error leaves the previous output untouched and never half a tree.
Paths are checked to stay inside the output folder (no absolute paths, no `..`,
no symlinked parents). A file marked `user_owned` (a handler the user edits) is
written only when absent, and a file on disk carrying the `USER_OWNED_MARKER`
is always kept. The `GENERATED_MARKER` file lists what the last run wrote, so a
file generated before but not any more (a removed tag's module) is dropped, while
files apictl never wrote are kept (with `keep_unknown`, the default).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from apictl.core.errors import ApictlError

USER_OWNED_MARKER = "apictl: user-owned"  # a file containing this line is never overwritten
GENERATED_MARKER = ".apictl-generated"  # the files apictl wrote last time (one path per line)
MANIFEST_HEADER = "# written by apictl; files marked user-owned are kept, files listed here may be replaced\n"


class OutputError(ApictlError):
    """The output folder cannot be written as asked."""


@dataclass(frozen=True, slots=True)
class GeneratedFile:
    path: str  # relative, POSIX separators
    content: str | bytes
    user_owned: bool = False  # written only when absent; never overwritten

    def data(self) -> bytes:
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


def check_relative(path: str) -> PurePosixPath:
    """`path` as a safe relative path, or OutputError (absolute, `..`, empty parts)."""
    pure = PurePosixPath(path)
    if not path or pure.is_absolute() or "\\" in path or any(p in ("", ".", "..") for p in path.split("/")):
        raise OutputError(f"refusing to write {path!r}: not a plain relative path inside the output folder")
    if any(part.startswith("~") or ":" in part or "\x00" in part for part in pure.parts):
        raise OutputError(f"refusing to write {path!r}: not a plain relative path inside the output folder")
    return pure


def diff_tree(files: list[GeneratedFile], out: Path) -> list[str]:
    """Relative paths whose content on disk differs from `files` (for `--check`)."""
    changed = []
    for f in sorted(files, key=lambda f: f.path):
        target = out / check_relative(f.path)
        if f.user_owned and target.exists():
            continue
        try:
            if target.read_bytes() != f.data():
                changed.append(f.path)
        except OSError:
            changed.append(f.path)
    return changed


def write_tree(files: list[GeneratedFile], out: Path, *, keep_unknown: bool = True) -> list[str]:
    """Write `files` under `out` atomically; returns the relative paths written.

    The new tree is assembled in a temporary folder next to `out`: user-owned
    files already in `out` (and, with `keep_unknown`, every file the tree does not
    name) are copied over first, then the generated files; finally `out` is
    swapped for it. On any error the temporary folder is removed and `out` is as
    it was."""
    out = Path(out)
    seen: set[str] = set()
    for f in files:
        check_relative(f.path)
        if f.path in seen:
            raise OutputError(f"two generated files have the same path {f.path!r}")
        seen.add(f.path)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if out.is_symlink():
        raise OutputError(f"{out}: is a symbolic link; give the real folder")
    if out.exists() and Path.cwd().resolve().is_relative_to(out.resolve()):
        raise OutputError(f"{out}: holds the current folder; generate into a folder of its own (it is replaced whole)")
    parent = out.resolve().parent if out.exists() else out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.apictl-", dir=parent))
        umask = os.umask(0)
        os.umask(umask)
        staging.chmod(0o777 & ~umask)  # mkdtemp's 0700 would become the output folder's mode
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder: {exc.strerror or exc}") from None
    written: list[str] = []
    try:
        kept = _carry_over(out, staging, files, keep_unknown)
        for f in sorted(files, key=lambda f: f.path):
            if f.path in kept:
                continue
            target = staging / check_relative(f.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(f.data())
            written.append(f.path)
        manifest = "".join(f"{f.path}\n" for f in sorted(files, key=lambda f: f.path))
        (staging / GENERATED_MARKER).write_text(MANIFEST_HEADER + manifest, encoding="utf-8")
        _swap(staging, out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{out}: cannot write the generated files: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written


def _carry_over(out: Path, staging: Path, files: list[GeneratedFile], keep_unknown: bool) -> set[str]:
    """Copy what must survive regeneration into `staging`; returns the generated
    paths that are kept as the user has them."""
    kept: set[str] = set()
    if not out.is_dir():
        return kept
    by_path = {f.path: f for f in files}
    generated_before = _manifest(out)
    for root, dirs, names in os.walk(out):
        dirs[:] = sorted(d for d in dirs if not Path(root, d).is_symlink())
        for name in sorted(names):
            src = Path(root, name)
            rel = src.relative_to(out).as_posix()
            if rel == GENERATED_MARKER or src.is_symlink():
                continue
            gen = by_path.get(rel)
            owned = (gen is not None and gen.user_owned) or _marked_user_owned(src)
            if gen is None and not owned and (not keep_unknown or rel in generated_before):
                continue
            if gen is not None and not owned:
                continue  # replaced by the generated version
            dest = staging / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
            if gen is not None:
                kept.add(rel)
    return kept


def _manifest(out: Path) -> set[str]:
    try:
        text = (out / GENERATED_MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def _marked_user_owned(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return USER_OWNED_MARKER.encode() in head


def _swap(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` with two renames (the old tree is removed last)."""
    if not out.exists():
        staging.rename(out)
        return
    old = staging.with_name(staging.name + ".old")
    out.rename(old)
    try:
        staging.rename(out)
    except OSError:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)
