"""Refuse a contract that is not a structurally valid OpenAPI document before
generating from it (`info: 5`, a 3.0 document without `paths`…): code generated
from such a document fails later, far from the cause. The official schemas come
from `specs.openapi.schemas` (the ones `apictl lint`'s valid-structure rule uses);
the first problem is reported with its location and the command exits 2.

Names that break the schemas' name patterns (a schema called `../../evil`) are
not refused: the generators turn every name into a safe identifier anyway."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from apictl.core.document import Document
from apictl.core.errors import InputError
from apictl.core.pointer import join

VERSIONS = {"oas2": "2.0", "oas3.0": "3.0", "oas3.1": "3.1", "oas3.2": "3.2"}
_NAME_CHECKS = ("propertyNames",)  # component and path names: normalised by the generators


def check_structure(doc: Document) -> None:
    """InputError at the first structural problem of `doc` (an OpenAPI root document)."""
    if doc.kind not in VERSIONS:
        return
    from apictl.specs.openapi.schemas import validator

    try:
        errors = list(validator(doc.kind).iter_errors(doc.data))
    except ValueError:  # nested beyond the validator's limit: the generator reports what it cannot read
        return
    problems = [p for p in (_innermost(e) for e in errors) if p.kind.name not in _NAME_CHECKS]
    if not problems:
        return
    located = []
    for err in problems:
        pointer = join("", *err.instance_path)
        span = doc.span(pointer)
        located.append((span.line, span.col, pointer, err))
    line, col, pointer, err = min(located, key=lambda t: (t[0], t[1]))
    where = f"`{pointer}`" if pointer else "the document"
    version = VERSIONS[doc.kind]
    raise InputError(
        f"not a valid OpenAPI {version} document: {where}: {_message(err)} (`apictl lint` lists every problem)",
        uri=doc.uri,
        line=line,
        col=col,
    )


def _message(err: Any) -> str:
    text = str(err.message)
    return text if len(text) <= 160 else text[:159] + "…"


def _innermost(err: Any) -> Any:
    """For a failed `oneOf`/`anyOf`, the deepest error of the alternative the document
    most plausibly meant (not the 'is a Reference' one), recursively."""
    context = getattr(err.kind, "context", None) if err.kind.name in ("anyOf", "oneOf", "oneOfNotValid") else None
    branches: list[Sequence[Any]] = [b for b in (context or []) if b]
    if not isinstance(err.instance, dict) or "$ref" not in err.instance:
        branches = [b for b in branches if not _ref_only(b)] or branches
    if not branches:
        return err
    best = min(branches, key=lambda b: (-max(len(e.instance_path) for e in b), len(b)))
    return _innermost(max(best, key=lambda e: len(e.instance_path)))


def _ref_only(branch: Sequence[Any]) -> bool:
    return all(e.kind.name == "required" and e.kind.as_dict().get("property") == "$ref" for e in branch)
