"""How a type/format change affects compatibility, as oasdiff 1.15 classifies it.

A request accepting a wider type is a generalization (`integer` -> `number`, any type -> `string`
or a dropped `type` where the wire is text, a wider format such as `int32` -> `int64`); anything
else is a change (oasdiff 1.15 also treats a dropped or added `format` as one). Responses are read
the other way round. Parameters are text on the wire; an object parameter's properties may be JSON
or not, so a change that breaks only one reading is uncertain.
"""

from __future__ import annotations

from apictl.diff import model as m
from apictl.diff.model import Change

# format widenings per type: (old, new)
_WIDER_FORMATS = {
    "number": {("float", "double")},
    "integer": {("int32", "int64"), ("int32", "bigint"), ("int64", "bigint")},
    "string": {("date", "date-time"), ("time", "date-time")},
}


def _split(text: str) -> set[str]:
    return {t for t in text.split("/") if t}


def _type_contained(added: set[str], deleted: set[str], strongly_typed: bool) -> bool:
    if added == {"number"} and deleted == {"integer"}:
        return True
    if not strongly_typed:
        return not added or added == {"string"}
    return False


def _format_contained(types: set[str], old: str, new: str) -> bool:
    if len(types) != 1:
        return False
    return (old, new) in _WIDER_FORMATS.get(next(iter(types)), set())


def breaking(
    old_types: set[str],
    new_types: set[str],
    old_format: str,
    new_format: str,
    strongly_typed: bool,
    format_types: set[str] | None = None,
) -> bool:
    """Whether values valid for the old type/format can be invalid for the new one (a response is
    checked with old and new swapped; `format_types` is then the new version's type)."""
    type_breaking = old_types != new_types and not _type_contained(
        new_types - old_types, old_types - new_types, strongly_typed
    )
    ftypes = new_types if format_types is None else format_types
    format_breaking = old_format != new_format and not _format_contained(ftypes, old_format, new_format)
    return type_breaking or format_breaking


def strongly_typed(media_type: str) -> bool:
    """JSON tells numbers from strings; form and text payloads do not."""
    return media_type == "application/json" or media_type.endswith("+json")


def classify(change: Change) -> str:
    """'changed' | 'generalized' | 'specialized' | 'uncertain' for a TYPE_CHANGED in a request,
    'changed' | '' in a response; '' when another check (list-of-types) reports it."""
    d = change.detail
    ot, nt = _split(str(d["old_type"])), _split(str(d["new_type"]))
    of, nf = str(d["old_format"]), str(d["new_format"])
    w = change.where
    if w.section == m.PARAMETER:
        if not change.path:
            return "changed" if breaking(ot, nt, of, nf, False) else "generalized"
        strict, loose = breaking(ot, nt, of, nf, True), breaking(ot, nt, of, nf, False)
        return "uncertain" if strict != loose else "specialized" if strict else "generalized"
    if d.get("list_of_types"):
        return ""
    if w.is_request:
        return "changed" if breaking(ot, nt, of, nf, strongly_typed(w.media_type)) else "generalized"
    return "changed" if breaking(nt, ot, nf, of, strongly_typed(w.media_type), nt) else ""


def quoted(change: Change) -> tuple[str, str]:
    """The old and new `type`/`format` as oasdiff prints them (types joined by ', ')."""
    d = change.detail
    return (
        f"`{', '.join(sorted(_split(str(d['old_type']))))}`/`{d['old_format']}`",
        f"`{', '.join(sorted(_split(str(d['new_type']))))}`/`{d['new_format']}`",
    )
