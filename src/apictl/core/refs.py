"""`$ref` resolution across files, safe by default.

A `Workspace` holds the root document and every document reached from it.
References are resolved on demand (nothing is inlined, so circular references
cost nothing), chains are followed with a hop limit, and each failure is a
`RefError` whose message says what is wrong, to be reported at the `$ref`.

Safety: file references may not leave `root_dir` (symlinks resolved), and
remote (http/https) references are refused unless `allow_remote` is set; then
they are fetched with a timeout and a size cap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urljoin, urlsplit

from apictl.core.document import Document
from apictl.core.errors import InputError
from apictl.core.pointer import MISSING, PointerError, from_fragment, join, lookup, split

MAX_HOPS = 64
REMOTE_TIMEOUT_S = 10.0
REMOTE_MAX_BYTES = 20 * 1024 * 1024


class RefError(Exception):
    pass


class FileSource(Protocol):
    """Where file `$ref`s are read from when not from the file system (e.g. a git tree)."""

    def resolve(self, path: Path) -> Path:
        """The normalised path (no `..`); raises RefError when it cannot be followed."""
        ...

    def load(self, path: Path) -> Document:
        """The parsed document at `path`; raises InputError when it cannot be read."""
        ...


@dataclass(slots=True)
class Target:
    doc: Document
    pointer: str
    value: Any


@dataclass
class Workspace:
    root: Document
    root_dir: Path | None = None  # None: file refs may go anywhere
    allow_remote: bool = False
    source: FileSource | None = None  # None: the file system
    docs: dict[str, Document] = field(default_factory=dict)
    _failed: dict[str, str] = field(default_factory=dict)
    _cache: dict[tuple[int, str], Target | RefError] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.docs[self._key_of(self.root)] = self.root
        if self.root_dir is not None and self.source is None:
            self.root_dir = self.root_dir.resolve()

    @staticmethod
    def _key_of(doc: Document) -> str:
        return str(doc.path) if doc.path is not None else doc.uri

    def resolve(self, ref: Any, base: Document) -> Target:
        """Follow `ref` (and any chain of pure references it leads to). Memoised:
        big documents repeat the same few thousand references many times."""
        key = (id(base), ref) if isinstance(ref, str) else None
        if key is not None:
            hit = self._cache.get(key)
            if hit is not None:
                if isinstance(hit, RefError):
                    raise RefError(str(hit))
                return hit
        try:
            target = self._resolve_chain(ref, base)
        except RefError as exc:
            if key is not None:
                self._cache[key] = exc
            raise
        if key is not None:
            self._cache[key] = target
        return target

    def _resolve_chain(self, ref: Any, base: Document) -> Target:
        seen: set[tuple[int, str]] = set()
        target = self._resolve_once(ref, base)
        hops = 0
        while isinstance(target.value, dict) and "$ref" in target.value and len(target.value) == 1:
            key = (id(target.doc), target.pointer)
            if key in seen:
                raise RefError(f"circular $ref chain: {ref!r} never reaches a value")
            seen.add(key)
            hops += 1
            if hops > MAX_HOPS:
                raise RefError(f"$ref chain longer than {MAX_HOPS} hops starting at {ref!r}")
            target = self._resolve_once(target.value["$ref"], target.doc)
        return target

    def _resolve_once(self, ref: Any, base: Document) -> Target:
        if not isinstance(ref, str):
            raise RefError(f"$ref must be a string, got {type(ref).__name__}")
        location, _, fragment = ref.partition("#")
        doc = base if location == "" else self.load(location, base)
        pointer = from_fragment(fragment)
        if pointer and not pointer.startswith("/"):
            raise RefError(f"unsupported $ref fragment {'#' + fragment!r}: only JSON pointers ('#/…') are supported")
        try:
            tokens = split(pointer)
        except PointerError as exc:
            raise RefError(f"invalid $ref {ref!r}: {exc}") from None
        value, depth = lookup(doc.data, tokens)
        if value is MISSING:
            parent = join("", *tokens[:depth]) or "/"
            where = "" if location == "" else f" in {doc.uri}"
            raise RefError(f"$ref target not found: {ref!r} (no {tokens[depth]!r} under '#{parent}'{where})")
        return Target(doc, pointer, value)

    def load(self, location: str, base: Document) -> Document:
        base_is_remote = base.path is None and base.uri.startswith(("http://", "https://"))
        absolute = urljoin(base.uri, location) if base_is_remote else location
        scheme = urlsplit(absolute).scheme.lower()
        if scheme in ("http", "https"):
            return self._load_remote(absolute)
        if scheme == "file":
            path = Path(unquote(urlsplit(absolute).path))
        elif scheme and len(scheme) > 1:
            raise RefError(f"unsupported $ref scheme {scheme!r} in {location!r}")
        else:
            if base.path is None:
                raise RefError(f"cannot resolve relative file $ref {location!r} from {base.uri}")
            path = base.path.parent / unquote(location)
        return self._load_file(path, location)

    def _load_file(self, path: Path, location: str) -> Document:
        try:
            real = self.source.resolve(path) if self.source is not None else path.resolve()
        except (OSError, RuntimeError):
            raise RefError(f"cannot resolve path of $ref {location!r}") from None
        if self.root_dir is not None and not real.is_relative_to(self.root_dir):
            from apictl.core.loader import display_path

            raise RefError(
                f"$ref {location!r} points outside the root folder {display_path(self.root_dir)} "
                "(widen it with --ref-root, or `refs: {root: …}` in apictl.yaml)"
            )
        key = str(real)
        if key in self.docs:
            return self.docs[key]
        if key in self._failed:
            raise RefError(self._failed[key])
        from apictl.core.loader import display_path, load_file

        try:
            doc = self.source.load(real) if self.source is not None else load_file(real, display_path(real))
        except InputError as exc:
            self._failed[key] = f"cannot load $ref {location!r}: {exc}"
            raise RefError(self._failed[key]) from None
        doc.kind = "fragment"
        self.docs[key] = doc
        return doc

    def _load_remote(self, url: str) -> Document:
        if not self.allow_remote:
            raise RefError(f"remote $ref {url!r} not fetched: network access is off (pass --allow-remote to allow it)")
        if url in self.docs:
            return self.docs[url]
        if url in self._failed:
            raise RefError(self._failed[url])
        try:
            text = _fetch(url)
            from apictl.core.loader import parse_text

            doc = parse_text(text, url)
        except (InputError, RefError) as exc:
            self._failed[url] = f"cannot load remote $ref {url!r}: {exc}"
            raise RefError(self._failed[url]) from None
        doc.kind = "fragment"
        self.docs[url] = doc
        return doc


def _fetch(url: str) -> str:
    import httpx

    from apictl.core.loader import decode

    try:
        with httpx.stream("GET", url, timeout=REMOTE_TIMEOUT_S, follow_redirects=True) as resp:
            if resp.status_code != 200:
                raise RefError(f"HTTP {resp.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > REMOTE_MAX_BYTES:
                    raise RefError(f"response larger than {REMOTE_MAX_BYTES} bytes")
                chunks.append(chunk)
    except httpx.HTTPError as exc:
        raise RefError(f"request failed: {exc}") from None
    return decode(b"".join(chunks), url)
