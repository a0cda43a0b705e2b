"""Documents read straight from a git tree (`GIT_REF:path`), no checkout.

`GitSource` gives the `Workspace` the file contents of one commit, so a spec's
multi-file `$ref`s resolve against that version. Paths are kept as they would
be in the working tree (`<toplevel>/<path>`), normalised without touching the
disk; the `Workspace`'s root-folder rule still applies, and symbolic links in
the tree are not followed (a link could point anywhere).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from apictl.core.document import Document
from apictl.core.errors import InputError
from apictl.core.loader import MAX_FILE_BYTES, decode, parse_text

ROOT_NAMES = ("openapi.yaml", "openapi.yml", "openapi.json", "swagger.yaml", "swagger.yml", "swagger.json")
_TIMEOUT_S = 30.0


def split_spec(arg: str) -> tuple[str, str] | None:
    """`REF:path` -> (ref, path); None for anything that is not a git spec (a plain
    path that exists, a Windows drive letter, a URL)."""
    if ":" not in arg or os.path.exists(arg):
        return None
    ref, _, path = arg.partition(":")
    if len(ref) <= 1 or ref.startswith("-") or "://" in arg or not path:
        return None
    return ref, path


def _git(cwd: Path, *args: str, binary: bool = False) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=_TIMEOUT_S, check=False)
    except FileNotFoundError:
        raise InputError("git is not installed (needed to read GIT_REF:path)") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git {' '.join(args)} timed out") from None


@dataclass
class GitSource:
    """The files of one commit of the repository that holds `cwd`."""

    ref: str
    toplevel: Path
    commit: str
    _entries: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # rel path -> (mode, type, sha)

    @classmethod
    def open(cls, ref: str, cwd: Path | None = None) -> GitSource:
        cwd = cwd or Path.cwd()
        top = _git(cwd, "rev-parse", "--show-toplevel")
        if top.returncode != 0:
            raise InputError(f"{ref}: not inside a git repository ({_first_line(top.stderr)})")
        commit = _git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}")
        if commit.returncode != 0:
            raise InputError(f"unknown git revision {ref!r}")
        toplevel = Path(top.stdout.decode().strip()).resolve()
        return cls(ref=ref, toplevel=toplevel, commit=commit.stdout.decode().strip())

    def rel(self, path: Path) -> str:
        """`path` as a path inside the repository (posix), or InputError if outside."""
        norm = Path(os.path.normpath(path))
        try:
            return PurePosixPath(norm.relative_to(self.toplevel).as_posix()).as_posix()
        except ValueError:
            raise InputError(f"{path} is outside the git repository {self.toplevel}") from None

    def path_of(self, spec_path: str, cwd: Path | None = None) -> Path:
        """The path written after `REF:` is relative to the current folder, like git's `REF:./path`."""
        base = cwd or Path.cwd()
        return Path(os.path.normpath(base.resolve() / spec_path))

    def entry(self, rel: str) -> tuple[str, str, str] | None:
        if rel not in self._entries:
            out = _git(self.toplevel, "ls-tree", "--full-tree", self.commit, "--", rel)
            line = out.stdout.decode("utf-8", "replace").split("\n", 1)[0]
            if out.returncode != 0 or "\t" not in line:
                return None
            meta, _ = line.split("\t", 1)
            mode, kind, sha = meta.split()
            self._entries[rel] = (mode, kind, sha)
        return self._entries[rel]

    def uri(self, path: Path) -> str:
        return f"{self.ref}:{self.rel(path)}"

    # FileSource --------------------------------------------------------
    def resolve(self, path: Path) -> Path:
        return Path(os.path.normpath(path))

    def load(self, path: Path) -> Document:
        rel = self.rel(path)
        uri = f"{self.ref}:{rel}"
        entry = self.entry(rel)
        if entry is None:
            raise InputError(f"no such file in {self.ref}", uri=uri)
        mode, kind, sha = entry
        if kind == "tree":
            raise InputError(f"is a directory in {self.ref}, expected a file", uri=uri)
        if mode == "120000":
            raise InputError("is a symbolic link; links in git trees are not followed", uri=uri)
        if kind != "blob":
            raise InputError(f"is a {kind}, expected a file", uri=uri)
        size = _git(self.toplevel, "cat-file", "-s", sha)
        if size.returncode == 0 and int(size.stdout.strip() or 0) > MAX_FILE_BYTES:
            raise InputError(f"file is too large (limit {MAX_FILE_BYTES} bytes)", uri=uri)
        blob = _git(self.toplevel, "cat-file", "blob", sha)
        if blob.returncode != 0:
            raise InputError(f"git cannot read it: {_first_line(blob.stderr)}", uri=uri)
        return parse_text(decode(blob.stdout, uri), uri, path)

    def root_document(self, path: Path) -> Path:
        """A folder's root document (openapi.yaml, …); a file is itself."""
        rel = self.rel(path)
        entry = self.entry(rel) if rel != "." else ("040000", "tree", "")
        if entry is None:
            raise InputError(f"no such file in {self.ref}", uri=f"{self.ref}:{rel}")
        if entry[1] != "tree":
            return path
        for name in ROOT_NAMES:
            candidate = path / name
            found = self.entry(self.rel(candidate))
            if found is not None and found[1] == "blob":
                return candidate
        raise InputError(f"no root document ({', '.join(ROOT_NAMES[:3])}) in this folder", uri=f"{self.ref}:{rel}")


def _first_line(raw: bytes) -> str:
    text = raw.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "unknown error"
