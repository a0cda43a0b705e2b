"""Compile `.proto` files to descriptors with source info using grpcio-tools'
bundled protoc, with a cache keyed by file content.

protoc stops at the first file with errors, so a module is compiled in chunks
(by folder, in parallel subprocesses); a failing chunk is split per folder, then
per file, so every broken file reports its own errors and the others still lint.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.specs.proto.model import ProtoDocument
from apictl.specs.proto.workspace import Module

ERROR_CODE = "PB000"
ERROR_RULE = "proto-compile-error"
CHUNK_FILES = 2000  # few chunks: each re-compiles the imports it shares (googleapis: 10,359 files for 8,028 at 1000)
CACHE_FORMAT = "2"  # 2: keys and deps name import roots relative to the module, not by absolute path
_LOCATED = re.compile(r"^(?P<file>[^\n:]+?):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")
_UNLOCATED = re.compile(r"^(?P<file>[^\n:]+?\.proto): (?P<msg>.*)$")
_PROTOC = (
    "import sys\nfrom grpc_tools import _protoc_compiler as c\nsys.exit(c.run_main([a.encode() for a in sys.argv[1:]]))"
)


def wkt_include() -> Path:
    """grpcio-tools' copy of the well-known types (google/protobuf/*.proto)."""
    import grpc_tools

    return Path(grpc_tools.__file__).parent / "_proto"


def protoc_version() -> str:
    from importlib.metadata import version

    return version("grpcio-tools")


def cache_dir() -> Path | None:
    """`$APICTL_CACHE_DIR`, else `$XDG_CACHE_HOME/apictl`, else `~/.cache/apictl`;
    `APICTL_CACHE_DIR=off` disables the cache."""
    explicit = os.environ.get("APICTL_CACHE_DIR")
    if explicit:
        return None if explicit.lower() in ("0", "off", "none") else Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "apictl"


@dataclass
class Compiled:
    docs: list[ProtoDocument] = field(default_factory=list)  # the module's files, compiled
    files: dict[str, Any] = field(default_factory=dict)  # import name -> FileDescriptorProto (with imports)
    errors: list[Diagnostic] = field(default_factory=list)  # PB000, located


def compile_error(uri: str, message: str, line: int | None = None, col: int | None = None) -> Diagnostic:
    span = Span(line, col or 1, line, col or 1) if line else None
    return Diagnostic(ERROR_CODE, ERROR_RULE, Severity.ERROR, message, uri, "", span)


def _display(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith(".." + os.sep + "..") else rel


def _first_bad_utf8(raw: bytes, exc: UnicodeDecodeError) -> tuple[int, int]:
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    col = len(before) - (before.rfind(b"\n") + 1) + 1
    return line, col


@dataclass
class Reuse:
    """What one side of a diff compiled: descriptors and content digests by import name."""

    files: dict[str, Any] = field(default_factory=dict)
    digests: dict[str, str] = field(default_factory=dict)


@dataclass
class Source:
    path: Path
    name: str
    text: str
    digest: str


@dataclass
class _ChunkResult:
    fds: bytes = b""
    warnings: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    errors: list[tuple[str, int | None, int | None, str]] = field(default_factory=list)  # (name, line, col, msg)
    ok: bool = True


class Compiler:
    def __init__(self, module: Module, cache: Path | None = None, jobs: int = 0) -> None:
        self.module = module
        self.roots = [module.root, *module.includes, wkt_include()]
        self.cache = cache
        self.jobs = jobs or (os.cpu_count() or 1)
        self._digests: dict[Path, str] = {}

    # -- paths -------------------------------------------------------------------------------
    def locate(self, name: str) -> Path | None:
        for root in self.roots:
            p = root / name
            if p.is_file():
                return p
        return None

    def _virtual(self, name: str) -> str:
        """protoc names a file by its disk path when it found it under an absolute -I."""
        if not os.path.isabs(name):
            return name
        p = Path(name)
        for root in self.roots:
            if root in p.parents:
                return p.relative_to(root).as_posix()
        return name

    def uri_of(self, name: str) -> str:
        p = self.locate(name)
        return _display(p) if p is not None else name

    def _digest(self, path: Path) -> str:
        d = self._digests.get(path)
        if d is None:
            try:
                d = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                d = "missing"
            self._digests[path] = d
        return d

    # -- the whole module ----------------------------------------------------------------------
    def read(self) -> tuple[dict[str, Source], list[Diagnostic]]:
        """Read and hash the module's files; non-UTF-8 and unreadable files are errors."""
        errors: list[Diagnostic] = []
        sources: dict[str, Source] = {}
        for path in self.module.files:
            name = self.module.name_of(path)
            try:
                raw = path.read_bytes()
            except OSError as exc:
                errors.append(compile_error(_display(path), f"cannot read file: {exc.strerror}"))
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                line, col = _first_bad_utf8(raw, exc)
                msg = f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); protobuf files must be UTF-8"
                errors.append(compile_error(_display(path), msg, line, col))
                continue
            digest = hashlib.sha256(raw).hexdigest()
            self._digests[path] = digest
            sources[name] = Source(path, name, text, digest)
        return sources, errors

    def fingerprint(self, sources: dict[str, Source]) -> str:
        """Identifies the module's inputs: protoc version, import roots, files and contents."""
        return self._key(sorted(sources), sources)

    def deps_of(self, compiled: Compiled) -> list[tuple[str, str]]:
        """(import name, digest) of the files compiled in from outside the module."""
        mine = {d.name for d in compiled.docs}
        return [(name, self.digest_of(name)) for name in compiled.files if name not in mine]

    def deps_unchanged(self, deps: list[tuple[str, str]]) -> bool:
        return all(self.digest_of(name) == d for name, d in deps)

    def digest_of(self, name: str) -> str:
        """The content digest of the file an import name resolves to ("missing" when none does)."""
        p = self.locate(name)
        return self._digest(p) if p is not None else "missing"

    def run(self, sources: dict[str, Source], errors: list[Diagnostic], reuse: Reuse | None = None) -> Compiled:
        """Compile `sources`; with `reuse` (the other side of a diff), files whose content and
        transitive imports are byte-identical there take its descriptors instead of protoc's."""
        out = Compiled(errors=list(errors))
        reused = self._reusable(sources, reuse) if reuse is not None else {}
        if reuse is not None:
            _add_closure(out.files, reused, reuse.files)
            for name in sorted(reused):
                out.docs.append(self._document(sources[name], reuse.files[name], []))
        chunks = _chunks(sorted(n for n in sources if n not in reused))
        results: list[tuple[list[str], _ChunkResult]] = []
        with ThreadPoolExecutor(max_workers=max(1, min(self.jobs, len(chunks)))) as pool:
            for names, result in zip(chunks, pool.map(lambda c: self._chunk(c, sources), chunks), strict=True):
                results.append((names, result))
        from google.protobuf import descriptor_pb2

        seen_errors: set[tuple[str, int | None, int | None, str]] = set()
        for names, result in results:
            for err in result.errors:
                if err in seen_errors:
                    continue
                seen_errors.add(err)
                name, line, col, msg = err
                uri = _display(sources[name].path) if name in sources else self.uri_of(name)
                out.errors.append(compile_error(uri, msg, line, col))
            if not result.fds:
                continue
            fds = descriptor_pb2.FileDescriptorSet.FromString(result.fds)
            result.fds = b""  # the parsed set holds what we need; free the bytes early
            wanted = set(names)
            for fd in fds.file:
                out.files.setdefault(fd.name, fd)
                if fd.name in wanted and fd.name in sources:
                    wanted.discard(fd.name)
                    out.docs.append(self._document(sources[fd.name], fd, result.warnings.get(fd.name, [])))
        out.docs.sort(key=lambda d: d.name)
        return out

    def _document(self, src: Source, fd: Any, warnings: list[tuple[int, int, str]]) -> ProtoDocument:
        return ProtoDocument(
            uri=_display(src.path),
            text=src.text,
            data=fd,
            syntax="proto",
            kind="proto",
            path=src.path,
            name=fd.name,
            module_root=self.module.root,
            warnings=warnings,
        )

    def _reusable(self, sources: dict[str, Source], reuse: Reuse) -> dict[str, Any]:
        """The module's files whose own content and every transitive import are the same on
        the other side: their descriptors (source info included) would come out identical."""
        same: dict[str, bool] = {}

        def check(name: str) -> bool:
            if name in same:
                return same[name]
            same[name] = False  # an import cycle is a compile error: never reuse it
            fd = reuse.files.get(name)
            mine = sources[name].digest if name in sources else self.digest_of(name)
            ok = fd is not None and mine != "missing" and reuse.digests.get(name) == mine
            ok = ok and fd is not None and all(check(dep) for dep in fd.dependency)
            same[name] = ok
            return ok

        return {name: reuse.files[name] for name in sources if check(name)}

    # -- one chunk: cache, or protoc (split on errors) -----------------------------------------
    def _key(self, names: list[str], sources: dict[str, Source]) -> str:
        h = hashlib.sha256()
        h.update(f"{CACHE_FORMAT}\0{protoc_version()}\0{sys.version_info[:2]}\0".encode())
        for r in self.roots:  # where the roots are relative to the module, so a moved or extracted copy hits
            h.update(self._root_tag(r).encode() + b"\0")
        for n in names:
            digest = sources[n].digest if n in sources else self.digest_of(n)
            h.update(f"{n}\0{digest}\0".encode())
        return h.hexdigest()

    def _root_tag(self, root: Path) -> str:
        if root == wkt_include():
            return "<well-known types>"
        return Path(os.path.relpath(root, self.module.root)).as_posix()

    def _chunk(self, names: list[str], sources: dict[str, Source]) -> _ChunkResult:
        key = self._key(names, sources)
        entry = self.cache / "proto" / key[:2] / f"{key}.pickle" if self.cache else None
        if entry is not None and entry.is_file():
            try:
                cached = pickle.loads(entry.read_bytes())
                if self.deps_unchanged(cached["deps"]):
                    result: _ChunkResult = cached["result"]
                    return result
            except Exception:  # a damaged cache entry is just a miss
                pass
        result = self._compile(names, sources)
        if entry is not None and result.ok:
            self._store(entry, result, names)
        return result

    def _store(self, entry: Path, result: _ChunkResult, names: list[str]) -> None:
        from google.protobuf import descriptor_pb2

        fds = descriptor_pb2.FileDescriptorSet.FromString(result.fds)
        mine = set(names)
        deps = [(fd.name, self.digest_of(fd.name)) for fd in fds.file if fd.name not in mine]
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps({"deps": deps, "result": result}, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, entry)
        except OSError:
            pass

    def _compile(self, names: list[str], sources: dict[str, Source]) -> _ChunkResult:
        result = self._protoc(names)
        if result.ok or len(names) == 1:
            return result
        # Split in two (whole folders while there are several, else files) until each broken
        # file reports its own errors: ~2x the chunk's work for one broken file, where a
        # process per folder re-compiled the shared imports once per folder.
        folders: dict[str, list[str]] = {}
        for n in names:
            folders.setdefault(n.rsplit("/", 1)[0] if "/" in n else "", []).append(n)
        groups = list(folders.values()) if len(folders) > 1 else [[n] for n in names]
        half, count, cut = len(names) / 2, 0, 1
        for i, group in enumerate(groups[:-1], start=1):
            count += len(group)
            cut = i
            if count >= half:
                break
        parts = [[n for g in groups[:cut] for n in g], [n for g in groups[cut:] for n in g]]
        merged = _ChunkResult(ok=False)
        blobs: list[bytes] = []
        for part in parts:
            sub = self._compile(part, sources)
            merged.errors.extend(sub.errors)
            merged.warnings.update(sub.warnings)
            if sub.fds:
                blobs.append(sub.fds)
        merged.fds = _merge_sets(blobs)
        return merged

    def _protoc(self, names: list[str]) -> _ChunkResult:
        with tempfile.TemporaryDirectory(prefix="apictl-protoc-") as tmp:
            out_file = Path(tmp) / "set.pb"
            args_file = Path(tmp) / "args"
            args = [f"-I{r}" for r in self.roots if r.is_dir()]
            args += ["--include_source_info", "--include_imports", f"--descriptor_set_out={out_file}", *names]
            args_file.write_text("\n".join(args), encoding="utf-8")
            proc = subprocess.run(
                [sys.executable, "-c", _PROTOC, "protoc", f"@{args_file}"],
                capture_output=True,
                cwd=self.module.root,
            )
            result = _parse_stderr(proc.stderr.decode("utf-8", "replace"))
            result.warnings = {self._virtual(k): v for k, v in result.warnings.items()}
            result.errors = [(self._virtual(n), line, col, msg) for n, line, col, msg in result.errors]
            result.ok = proc.returncode == 0
            if result.ok and out_file.is_file():
                result.fds = out_file.read_bytes()
            elif not result.errors:
                msg = proc.stderr.decode("utf-8", "replace").strip() or f"protoc failed (exit {proc.returncode})"
                result.errors.append((names[0], None, None, msg.splitlines()[0]))
            return result


def _parse_stderr(stderr: str) -> _ChunkResult:
    result = _ChunkResult()
    for line in stderr.splitlines():
        m = _LOCATED.match(line)
        if m:
            msg = m["msg"]
            if msg.startswith("warning: "):
                result.warnings.setdefault(m["file"], []).append((int(m["line"]), int(m["col"]), msg[9:]))
                continue
            result.errors.append((m["file"], int(m["line"]), int(m["col"]), msg))
            continue
        m = _UNLOCATED.match(line)
        if m and not m["msg"].startswith("warning:"):
            result.errors.append((m["file"], None, None, m["msg"]))
    return result


def _add_closure(files: dict[str, Any], names: dict[str, Any], pool: dict[str, Any]) -> None:
    """`names` and everything they import (from `pool`) into `files`."""
    todo = list(names)
    while todo:
        name = todo.pop()
        fd = pool.get(name)
        if fd is None or name in files:
            continue
        files[name] = fd
        todo.extend(fd.dependency)


def _merge_sets(blobs: list[bytes]) -> bytes:
    if not blobs:
        return b""
    from google.protobuf import descriptor_pb2

    out = descriptor_pb2.FileDescriptorSet()
    seen: set[str] = set()
    for blob in blobs:
        for fd in descriptor_pb2.FileDescriptorSet.FromString(blob).file:
            if fd.name not in seen:
                seen.add(fd.name)
                out.file.append(fd)
    return bytes(out.SerializeToString())


def _chunks(names: list[str]) -> list[list[str]]:
    """Whole folders, packed into chunks of about CHUNK_FILES files."""
    folders: dict[str, list[str]] = {}
    for n in names:
        folders.setdefault(n.rsplit("/", 1)[0] if "/" in n else "", []).append(n)
    chunks: list[list[str]] = []
    current: list[str] = []
    for files in folders.values():
        if current and len(current) + len(files) > CHUNK_FILES:
            chunks.append(current)
            current = []
        current.extend(files)
    if current:
        chunks.append(current)
    return chunks
