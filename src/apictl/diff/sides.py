"""Open one side of a diff: a file, a folder (its root document) or `GIT_REF:path`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from apictl.core.document import Document
from apictl.core.errors import InputError
from apictl.core.gitsource import ROOT_NAMES, GitSource, split_spec
from apictl.core.loader import display_path, load_file, parse_text
from apictl.core.refs import Workspace
from apictl.specs.openapi.version import detect


@dataclass
class Side:
    spec: str  # as given on the command line
    ws: Workspace
    version: str

    @property
    def doc(self) -> Document:
        return self.ws.root


def open_side(spec: str, *, ref_root: Path | None = None, allow_remote: bool = False, cwd: Path | None = None) -> Side:
    git = split_spec(spec)
    if git is not None:
        return _open_git(spec, git[0], git[1], ref_root, cwd)
    path = Path(spec)
    if path.is_dir():
        path = _root_in_folder(path)
    doc = load_file(path)
    doc.kind = detect(doc.data, doc.uri)
    root_dir = (ref_root or path.resolve().parent).resolve()
    return Side(spec, Workspace(doc, root_dir=root_dir, allow_remote=allow_remote), doc.kind)


def _open_git(spec: str, ref: str, rel: str, ref_root: Path | None, cwd: Path | None) -> Side:
    source = GitSource.open(ref, cwd)
    path = source.root_document(source.path_of(rel, cwd))
    doc = source.load(path)
    doc.kind = detect(doc.data, doc.uri)
    root_dir = Path(source.resolve(ref_root.absolute())) if ref_root is not None else path.parent
    source.rel(root_dir)  # the root folder must lie inside the repository
    return Side(spec, Workspace(doc, root_dir=root_dir, source=source), doc.kind)


def _root_in_folder(folder: Path) -> Path:
    for name in ROOT_NAMES:
        if (folder / name).is_file():
            return folder / name
    roots = [
        p for p in sorted(folder.iterdir()) if p.suffix in (".yaml", ".yml", ".json") and p.is_file() and _is_root(p)
    ]
    if len(roots) == 1:
        return roots[0]
    what = "no OpenAPI root document" if not roots else f"{len(roots)} OpenAPI root documents"
    raise InputError(f"{what} in this folder; name the file to compare", uri=display_path(folder))


def _is_root(path: Path) -> bool:
    try:
        head = path.read_bytes()[:65536].decode("utf-8", "replace")
    except OSError:
        return False
    return any(marker in head for marker in ("openapi:", '"openapi"', "swagger:", '"swagger"'))


def empty_side(spec: str, like: Side) -> Side:
    """The side of a deleted contract: a document of the same OpenAPI version, with no operations,
    named `spec` (where the contract was), so that every operation of `like` reads as removed."""
    if like.version == "oas2":
        head = "swagger: '2.0'"
    else:
        version = like.doc.data.get("openapi") if isinstance(like.doc.data, dict) else None
        head = f"openapi: '{version if isinstance(version, str) and version[:1].isdigit() else '3.0.3'}'"
    doc = parse_text(f"{head}\ninfo: {{title: deleted, version: '0'}}\npaths: {{}}\n", spec)
    doc.kind = detect(doc.data, doc.uri)
    return Side(spec, Workspace(doc, root_dir=Path.cwd().resolve()), doc.kind)
