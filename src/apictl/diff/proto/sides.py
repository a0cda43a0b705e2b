"""Open one side of a protobuf diff: a folder or `.proto` file (compiled by protoc,
module roots from buf.yaml like `apictl lint`), a buf image / descriptor set, or
`GIT_REF:path` (that commit's tree, extracted to a temporary folder and compiled)."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.diagnostic import Diagnostic
from apictl.core.errors import InputError
from apictl.core.gitsource import ROOT_NAMES, GitSource, split_spec
from apictl.diff.proto.config import BufBreaking, read_buf_breaking
from apictl.specs.proto.compiler import Compiled, Compiler, Reuse, cache_dir
from apictl.specs.proto.image import is_image, read_image
from apictl.specs.proto.model import ProtoDocument
from apictl.specs.proto.workspace import SKIP_DIRS, Module, resolve_modules

_GIT_TIMEOUT_S = 120.0


@dataclass
class ProtoSide:
    spec: str  # as given on the command line
    docs: list[ProtoDocument] = field(default_factory=list)  # the side's own files (not imports)
    files: dict[str, Any] = field(default_factory=dict)  # import name -> FileDescriptorProto, imports too
    breaking: BufBreaking | None = None  # the buf.yaml `breaking:` section of its module
    errors: list[Diagnostic] = field(default_factory=list)
    reuse: Reuse = field(default_factory=Reuse)  # what protoc compiled, for the other side to reuse


def is_proto_side(spec: str) -> bool:
    """Does `spec` name protobuf input (a `.proto` file, an image, a folder of .proto files)?"""
    git = split_spec(spec)
    if git is not None:
        rel = git[1]
        return rel.endswith(".proto") or is_image(Path(rel)) or _git_folder_has_protos(git[0], rel)
    path = Path(spec)
    if path.suffix == ".proto" or is_image(path):
        return True
    if path.is_dir():
        if any((path / name).is_file() for name in ROOT_NAMES):
            return False  # a folder with an OpenAPI root document stays OpenAPI
        for _, dirs, names in os.walk(path):
            dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
            if any(n.endswith(".proto") for n in names):
                return True
    return False


def _git_folder_has_protos(ref: str, rel: str) -> bool:
    try:
        source = GitSource.open(ref)
    except InputError:
        return False
    path = source.rel(source.path_of(rel))
    out = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "--full-tree", source.commit, "--", path],
        cwd=source.toplevel,
        capture_output=True,
        timeout=_GIT_TIMEOUT_S,
        check=False,
    )
    return any(line.endswith(".proto") for line in out.stdout.decode("utf-8", "replace").splitlines())


def open_proto_side(spec: str, jobs: int = 0, reuse: Reuse | None = None) -> ProtoSide:
    """`reuse`: the other side's compiled files; files byte-identical there (with all their
    imports) take its descriptors instead of being compiled again."""
    git = split_spec(spec)
    if git is not None:
        return _open_git(spec, git[0], git[1], jobs, reuse)
    path = Path(spec)
    if not path.exists():
        raise InputError("no such file or folder", uri=spec)
    return _open_path(spec, path, jobs, reuse)


def _open_path(spec: str, path: Path, jobs: int, reuse: Reuse | None = None) -> ProtoSide:
    side = ProtoSide(spec)
    if is_image(path):
        module, compiled = read_image(path)
        _add(side, compiled)
        return side
    modules = resolve_modules([path])
    if not any(m.files for m in modules):
        raise InputError("no .proto files here", uri=spec)
    for module in modules:
        _compile(side, module, jobs, reuse)
    side.docs.sort(key=lambda d: d.name)
    return side


def _compile(side: ProtoSide, module: Module, jobs: int, reuse: Reuse | None) -> None:
    compiler = Compiler(module, cache_dir(), jobs)
    sources, errors = compiler.read()
    compiled = compiler.run(sources, errors, reuse)
    _add(side, compiled)
    for name, fd in compiled.files.items():
        if name not in side.reuse.files:
            side.reuse.files[name] = fd
            side.reuse.digests[name] = compiler.digest_of(name)
    if side.breaking is None and module.config_file is not None:
        side.breaking = read_buf_breaking(module.config_file, module.root, _show(module.config_file))


def _add(side: ProtoSide, compiled: Compiled) -> None:
    side.docs.extend(compiled.docs)
    for name, fd in compiled.files.items():
        side.files.setdefault(name, fd)
    side.errors.extend(compiled.errors)


def _show(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def _module_scope(source: GitSource, inside: str) -> str:
    """What to extract: the topmost folder above `inside` with a buf.yaml / buf.work.yaml
    (its modules and imports), else `inside` itself — never more of the repository."""
    parts = [] if inside == "." else inside.split("/")
    entry = source.entry(inside) if inside != "." else None
    if entry is not None and entry[1] != "tree":  # a file: its folder holds what it imports
        parts = parts[:-1]
    scope = "/".join(parts) or "."
    for i in range(len(parts), -1, -1):
        folder = "/".join(parts[:i]) or "."
        prefix = "" if folder == "." else folder + "/"
        if any(source.entry(prefix + name) is not None for name in ("buf.yaml", "buf.work.yaml")):
            scope = folder
    return scope


# what compiling a module reads from its tree; nothing else is extracted
_NEEDED_NAMES = ("buf.yaml", "buf.work.yaml", "buf.lock")


def _glob_escape(path: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in path)


def _archive_pathspecs(source: GitSource, scope: str) -> list[str]:
    """`:(glob)` pathspecs for the `.proto` files and buf config files under `scope`; git
    archive fails on a pathspec that matches nothing, so only those that match are given."""
    out = subprocess.run(
        ["git", "ls-tree", "-r", "-z", "--name-only", "--full-tree", source.commit, "--", scope],
        cwd=source.toplevel,
        capture_output=True,
        timeout=_GIT_TIMEOUT_S,
        check=False,
    )
    names = [n.rsplit("/", 1)[-1] for n in out.stdout.decode("utf-8", "replace").split("\0") if n]
    base = "" if scope == "." else _glob_escape(scope) + "/"
    wanted = [("*.proto", any(n.endswith(".proto") for n in names))]
    wanted += [(name, name in names) for name in _NEEDED_NAMES]
    return [f":(glob){base}**/{pattern}" for pattern, present in wanted if present]


def _extract(source: GitSource, scope: str, tmp: Path, spec: str, file: str | None) -> None:
    """Stream `git archive` of the `.proto` and buf files under `scope` (and `file`, the
    side itself when it is a file, e.g. an image) into `tmp`: never the rest of the
    repository, never the whole tar in memory."""
    pathspecs = _archive_pathspecs(source, scope) + ([f":(literal){file}"] if file else [])
    if not pathspecs:
        return
    with (
        tempfile.TemporaryFile() as err,
        subprocess.Popen(
            ["git", "archive", "--format=tar", source.commit, "--", *pathspecs],
            cwd=source.toplevel,
            stdout=subprocess.PIPE,
            stderr=err,
        ) as proc,
    ):
        assert proc.stdout is not None
        broken: tarfile.TarError | None = None
        try:
            with tarfile.open(fileobj=proc.stdout, mode="r|") as tar:
                tar.extractall(tmp, filter="data")
        except tarfile.TarError as exc:
            broken = exc  # git's own message, when it failed, says more
        finally:
            proc.stdout.close()
        code = proc.wait(timeout=_GIT_TIMEOUT_S)
        if code != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()[:200]
            raise InputError(f"git archive failed: {message}", uri=spec)
        if broken is not None:
            raise InputError(f"cannot extract git archive: {broken}", uri=spec)


def _open_git(spec: str, ref: str, rel: str, jobs: int, reuse: Reuse | None) -> ProtoSide:
    """Extract the commit's tree (`git archive`) and compile it there; findings name files
    `REF:path` (repository-relative), as `apictl diff` does for OpenAPI."""
    source = GitSource.open(ref)
    inside = source.rel(source.path_of(rel))
    entry = source.entry(inside) if inside != "." else ("040000", "tree", "")
    if entry is None:
        raise InputError(f"no such file or folder in {ref}", uri=f"{ref}:{inside}")
    scope = _module_scope(source, inside)
    tmp = Path(tempfile.mkdtemp(prefix="apictl-git-"))
    try:
        is_file = entry[1] != "tree"
        _extract(source, scope, tmp, spec, inside if is_file else None)
        target = tmp / inside
        if not is_file:
            target.mkdir(parents=True, exist_ok=True)  # a folder without .proto files
        side = _open_path(spec, target, jobs, reuse)
        prefix = str(tmp.resolve()) + os.sep
        for doc in side.docs:
            if doc.path is not None:
                where = str(doc.path.resolve())
                if where.startswith(prefix):
                    doc.uri = f"{ref}:{where[len(prefix) :].replace(os.sep, '/')}"
                doc.path = None  # the temporary copy is gone after this call
        for err in side.errors:
            if err.uri.startswith(str(tmp)) or os.path.abspath(err.uri).startswith(prefix):
                err.uri = f"{ref}:{os.path.relpath(os.path.abspath(err.uri), tmp).replace(os.sep, '/')}"
        if side.breaking is not None:
            side.breaking.where = f"{ref}:{side.breaking.where}"
        return side
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
