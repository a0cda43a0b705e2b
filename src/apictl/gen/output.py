"""Writing a generated tree: in place, file by file, deterministically, inside
`--out` only, and never over what the user owns.

A generator returns `GeneratedFile`s (pure, all in memory); `write_tree` puts
them on disk. Everything is checked before the first byte is written, so a bad
path, a symbolic link in the way or a folder that is not ours leaves the disk
as it was. Then each file is written atomically (a temporary file next to it,
then `os.replace`): a reader never sees half a file.

- `--out` must be empty, missing, or hold the `GENERATED_MARKER` manifest of an
  earlier run; any other folder is refused unless `force` (so `-o ~` or a
  project's own folder is never written into by mistake).
- Only the generated paths are written; the folder's other files, its empty
  folders, its symbolic links and its permissions are left as they are. A
  generated path that is a symbolic link, or lies under one, is refused.
- A file marked `user_owned` (a handler the user edits) is written only when
  absent. A file whose first line is exactly a marker line (`# apictl: user-owned`,
  or `<!-- apictl: user-owned -->` in Markdown) is kept: that line is added by
  the user, and no generated file may start with it (contract text cannot).
- The manifest lists what the last run wrote, with a hash of each file: a file
  generated before but not any more (a removed tag's module) is deleted if it
  is unchanged since; nothing else is ever deleted.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from apictl.core.errors import ApictlError

USER_OWNED_MARKER = "apictl: user-owned"  # the text of the marker line; see MARKER_LINES
MARKER_LINES = frozenset({f"# {USER_OWNED_MARKER}", f"<!-- {USER_OWNED_MARKER} -->"})
GENERATED_MARKER = ".apictl-generated"  # the files apictl wrote last time (hash and path per line)
MANIFEST_HEADER = (
    "# written by apictl: files listed here are regenerated (and deleted when no longer generated and unchanged);\n"
    "# a file whose first line is '# apictl: user-owned' is kept; other files are never touched\n"
)
_MANIFEST_LINE = re.compile(r"^([0-9a-f]{64})  (.+)$")


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


def marked_user_owned(data: bytes) -> bool:
    """The content starts with a user-owned marker line."""
    first = data[:256].split(b"\n", 1)[0].decode("utf-8", "replace").strip()
    return first in MARKER_LINES


def diff_tree(files: list[GeneratedFile], out: Path) -> list[str]:
    """Relative paths whose content on disk differs from `files` (for `--check`)."""
    changed = []
    for f in sorted(files, key=lambda f: f.path):
        target = out / check_relative(f.path)
        if (f.user_owned and target.exists()) or _kept_by_marker(target):
            continue
        try:
            if target.read_bytes() != f.data():
                changed.append(f.path)
        except OSError:
            changed.append(f.path)
    return changed


def write_tree(files: list[GeneratedFile], out: Path, *, force: bool = False) -> list[str]:
    """Write `files` under `out` in place; returns the relative paths written.

    Every check runs before anything is written; each file is then replaced
    atomically. `force` writes into a non-empty folder apictl did not write."""
    out = Path(out)
    payload = _payload(files)
    _check_folder(out, force)
    previous = _manifest(out)
    plan: list[tuple[GeneratedFile, Path, bytes]] = []
    for f in sorted(files, key=lambda f: f.path):
        target = out / check_relative(f.path)
        _check_target(out, f.path, target)
        if (f.user_owned and (target.exists() or target.is_symlink())) or _kept_by_marker(target):
            continue
        plan.append((f, target, payload[f.path]))
    stale = [rel for rel, digest in sorted(previous.items()) if rel not in payload and _deletable(out, rel, digest)]
    written: list[str] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for f, target, data in plan:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists() or target.read_bytes() != data:
                _replace(target, data)
            written.append(f.path)
        for rel in stale:
            _delete(out, rel)
        manifest = "".join(
            f"{_digest(payload[f.path])}  {f.path}\n" for f in sorted(files, key=lambda f: f.path) if not f.user_owned
        )
        _replace(out / GENERATED_MARKER, (MANIFEST_HEADER + manifest).encode("utf-8"))
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the generated files: {exc.strerror or exc}") from None
    return written


def _payload(files: list[GeneratedFile]) -> dict[str, bytes]:
    """Every file's bytes, computed before anything is written; paths checked."""
    payload: dict[str, bytes] = {}
    for f in files:
        check_relative(f.path)
        if f.path in payload:
            raise OutputError(f"two generated files have the same path {f.path!r}")
        data = f.data()
        if not f.user_owned and marked_user_owned(data):
            raise OutputError(f"refusing to write {f.path!r}: its first line is the user-owned marker")
        payload[f.path] = data
    return payload


def _check_folder(out: Path, force: bool) -> None:
    if out.is_symlink():
        raise OutputError(f"{out}: is a symbolic link; give the real folder")
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    if force or not out.is_dir() or (out / GENERATED_MARKER).is_file():
        return
    try:
        empty = next(out.iterdir(), None) is None
    except OSError as exc:
        raise OutputError(f"{out}: cannot read the output folder: {exc.strerror or exc}") from None
    if not empty:
        raise OutputError(
            f"{out}: the folder is not empty and apictl did not generate it (no {GENERATED_MARKER}); "
            "give an empty or new folder, or --force to write into it (only the generated files are written)"
        )


def _check_target(out: Path, rel: str, target: Path) -> None:
    """Never write through or over a symbolic link, nor over a folder."""
    here = out
    for part in PurePosixPath(rel).parts[:-1]:
        here = here / part
        if here.is_symlink():
            raise OutputError(f"{out}: refusing to write {rel}: {here.relative_to(out)} is a symbolic link")
        if here.exists() and not here.is_dir():
            raise OutputError(f"{out}: refusing to write {rel}: {here.relative_to(out)} is not a folder")
    if target.is_symlink():
        raise OutputError(f"{out}: refusing to write {rel}: it is a symbolic link (remove it, or generate elsewhere)")
    if target.exists() and not target.is_file():
        raise OutputError(f"{out}: refusing to write {rel}: it exists and is not a file")


def _kept_by_marker(target: Path) -> bool:
    try:
        with target.open("rb") as fh:
            return marked_user_owned(fh.read(256))
    except OSError:
        return False


def _replace(target: Path, data: bytes) -> None:
    """Write `data` to `target` atomically, keeping an existing file's permissions."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".apictl-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(out: Path) -> dict[str, str | None]:
    """What the last run generated: path -> hash (None for manifests without hashes)."""
    try:
        text = (out / GENERATED_MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    entries: dict[str, str | None] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = _MANIFEST_LINE.match(line)
        rel, digest = (match.group(2), match.group(1)) if match else (line, None)
        try:
            check_relative(rel)
        except OutputError:
            continue  # an edited manifest never points outside the folder
        entries[rel] = digest
    return entries


def _deletable(out: Path, rel: str, digest: str | None) -> bool:
    """A file generated before: deleted only when it is a plain file (no link on the
    way), unchanged since it was written and not marked as the user's. Entries
    without a hash (older manifests, which also listed user-owned files) are kept."""
    here = out
    for part in PurePosixPath(rel).parts:
        here = here / part
        if here.is_symlink():
            return False
    try:
        data = here.read_bytes() if here.is_file() else None
    except OSError:
        return False
    if data is None or marked_user_owned(data) or USER_OWNED_MARKER.encode() in data[:4096]:
        return False
    return digest is not None and _digest(data) == digest


def _delete(out: Path, rel: str) -> None:
    """Delete a stale generated file, then the folders it leaves empty (up to `out`)."""
    target = out / rel
    target.unlink(missing_ok=True)
    parent = target.parent
    while parent != out:
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent
