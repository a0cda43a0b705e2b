"""Checks that several protobuf breaking rules share (buf's wording and locations)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from typing import Any

from apictl.diff.proto.index import SideIndex
from apictl.diff.proto.model import Loc, Pair, ProtoBreak, loc
from apictl.diff.proto.semantics import (
    INT64_TYPES,
    LABEL_REPEATED,
    TYPE_BYTES,
    TYPE_ENUM,
    TYPE_GROUP,
    TYPE_MESSAGE,
    TYPE_STRING,
    cardinality,
    field_description,
    in_map_entry,
    is_map,
    kind,
    kind_name,
    syntax,
)
from apictl.specs.proto.model import Element, Enum, Field, Message, ProtoDocument

PROTO = ("proto",)
FILE_OPTIONS = 8
MESSAGE_MAX, MESSAGE_SET_MAX, ENUM_MAX = 536870911, 2147483646, 2147483647


def q(text: object) -> str:
    """Go's %q for the strings buf quotes."""
    return json.dumps(str(text), ensure_ascii=False)


def rpc(method: Element) -> str:
    """buf's wording: `RPC "Get" on service "Users"`."""
    service = method.parent.name if method.parent is not None else ""
    return f"RPC {q(method.name)} on service {q(service)}"


def rpc_type_changed(pair: Pair[Any], side: str) -> Iterator[ProtoBreak]:
    """`side` ("request" or "response") of an RPC now names another message (buf reports
    at the method's input_type (2) or output_type (3) field)."""
    attr, number = ("input_type", 2) if side == "request" else ("output_type", 3)
    before = str(getattr(pair.old.desc, attr)).lstrip(".")
    after = str(getattr(pair.new.desc, attr)).lstrip(".")
    if before != after:
        yield ProtoBreak(
            f"{rpc(pair.new)} changed {side} type from {q(before)} to {q(after)}.",
            loc(pair.new, number),
            loc(pair.old, number),
            file=pair.new.doc,
        )


def rpc_streaming_changed(pair: Pair[Any], side: str) -> Iterator[ProtoBreak]:
    """`side` ("client" or "server") of an RPC switched between unary and streaming."""
    attr = f"{side}_streaming"
    if getattr(pair.old.desc, attr) != getattr(pair.new.desc, attr):
        before, after = ("unary", "streaming") if getattr(pair.new.desc, attr) else ("streaming", "unary")
        yield ProtoBreak(
            f"{rpc(pair.new)} changed from {side} {before} to {side} {after}.",
            loc(pair.new),
            loc(pair.old),
            file=pair.new.doc,
        )


def first(doc: ProtoDocument, *paths: tuple[int, ...]) -> Loc:
    """The first of `paths` that the file has a source location for (buf's withBackupLocation)."""
    for p in paths:
        if p in doc.locations:
            return (doc, p)
    return (doc, paths[-1])


# -- files ----------------------------------------------------------------------------------
def file_option(pair: Pair[ProtoDocument], option: str, number: int, label: str | None = None) -> Iterator[ProtoBreak]:
    """FILE_SAME_<OPTION>: a file option's value changed (unset counts as its default)."""

    def value(doc: ProtoDocument) -> str:
        v = getattr(doc.fd.options, option)
        if isinstance(v, bool):
            return "true" if v else "false"
        if option == "optimize_for":
            return str(doc.fd.options.OptimizeMode.Name(v))
        return str(v)

    yield from file_value(
        pair, value(pair.old), value(pair.new), (FILE_OPTIONS, number), label or f"option {q(option)}"
    )


def file_value(
    pair: Pair[ProtoDocument], old: str, new: str, path: tuple[int, ...], label: str
) -> Iterator[ProtoBreak]:
    if old != new:
        at = (pair.new, path) if path in pair.new.locations else None
        before = (pair.old, path) if path in pair.old.locations else None
        yield ProtoBreak(
            f"File {label} changed from {q(old)} to {q(new)}.", at, before, file=pair.new, old_file=pair.old
        )


def deleted_from_file(
    what: str,
    pair: Pair[ProtoDocument],
    old_items: dict[str, Element],
    new_items: dict[str, Element],
    new_messages: dict[str, Message],
    suffix: str = "from file",
) -> Iterator[ProtoBreak]:
    """ENUM/MESSAGE/EXTENSION_NO_DELETE: an element named in the previous file is gone from it.
    Reported on the innermost enclosing message that still exists, else on the file."""
    for name, old in old_items.items():
        if name not in new_items:
            yield ProtoBreak(
                f"Previously present {what} {q(name)} was deleted {suffix}.",
                enclosing(new_messages, name),
                loc(old),
                file=pair.new,
            )


def enclosing(messages: dict[str, Message], nested: str) -> Loc | None:
    parts = nested.split(".")
    for i in range(len(parts) - 1, 0, -1):
        msg = messages.get(".".join(parts[:i]))
        if msg is not None:
            return loc(msg)
    return None


def deleted_from_package(what: str, sides: Pair[SideIndex], items: str) -> Iterator[ProtoBreak]:
    """PACKAGE_<KIND>_NO_DELETE: an element of a package that still exists is gone from it."""

    def by_package(side: SideIndex) -> dict[str, dict[str, Element]]:
        out: dict[str, dict[str, Element]] = {}
        per_file: dict[str, dict[str, Any]] = getattr(side, items)
        for doc in side.docs:
            out.setdefault(doc.package, {}).update(per_file.get(doc.name, {}))
        return out

    old_pk, new_pk = by_package(sides.old), by_package(sides.new)
    for package, old_items in old_pk.items():
        new_items = new_pk.get(package)
        if new_items is None:
            continue
        for name, old in old_items.items():
            if name in new_items:
                continue
            message = f"Previously present {what} {q(name)} was deleted from package {q(package)}."
            doc = sides.new.files.get(old.doc.name)
            if doc is None:
                yield ProtoBreak(message, None, loc(old))
            elif what == "service":
                yield ProtoBreak(message, None, loc(old), file=doc)
            else:
                yield ProtoBreak(
                    message, enclosing(sides.new.file_messages.get(doc.name, {}), name), loc(old), file=doc
                )


# -- fields ---------------------------------------------------------------------------------
def field_deleted(
    pair: Pair[Message], ctx: Any, unless_number: bool = False, unless_name: bool = False
) -> Iterator[ProtoBreak]:
    old_fields, new_fields = ctx.old.fields(pair.old), ctx.new.fields(pair.new)
    new_desc = pair.new.desc
    for number, old in old_fields.items():
        if number in new_fields:
            continue
        if unless_number and any(r.start <= number < r.end for r in new_desc.reserved_range):
            continue
        if unless_name and old.name in new_desc.reserved_name:
            continue
        suffix = ""
        if unless_number:
            suffix = f' without reserving the number "{number}"'
        elif unless_name:
            suffix = f" without reserving the name {q(old.name)}"
        desc = field_description(old)
        yield ProtoBreak(
            f"Previously present {desc[0].lower()}{desc[1:]} was deleted{suffix}.",
            loc(pair.new),
            loc(pair.old),
            file=pair.new.doc,
        )


def skip_map_entries(pair: Pair[Field]) -> bool:
    return in_map_entry(pair.old) and in_map_entry(pair.new)


def cardinality_changed(pair: Pair[Field], ctx: Any, groups: dict[str, int] | None) -> Iterator[ProtoBreak]:
    if skip_map_entries(pair):
        return
    before, after = cardinality(pair.old, ctx.old), cardinality(pair.new, ctx.new)
    if before == after or (groups is not None and groups[before] == groups[after]):
        return
    yield ProtoBreak(
        f"{field_description(pair.new)} changed cardinality from {q(before)} to {q(after)}.",
        loc(pair.new),
        loc(pair.old),
        file=pair.new.doc,
    )


def _type_loc(field: Field) -> Loc:
    return loc(field, 6) if kind(field) in (TYPE_MESSAGE, TYPE_ENUM, TYPE_GROUP) else loc(field, 5)


def changed_type(pair: Pair[Field], extra: str = "") -> ProtoBreak:
    return ProtoBreak(
        f"{field_description(pair.new)} changed type from {q(kind_name(pair.old))} to {q(kind_name(pair.new))}.{extra}",
        _type_loc(pair.new),
        _type_loc(pair.old),
        file=pair.new.doc,
    )


def changed_type_name(pair: Pair[Field]) -> ProtoBreak:
    before, after = str(pair.old.desc.type_name).lstrip("."), str(pair.new.desc.type_name).lstrip(".")
    return ProtoBreak(
        f"{field_description(pair.new)} changed type from {q(before)} to {q(after)}.",
        loc(pair.new, 6),
        loc(pair.old, 6),
        file=pair.new.doc,
    )


def enum_compatible(pair: Pair[Field], ctx: Any) -> Iterator[ProtoBreak]:
    """An enum field that now names another enum: fine when it has the same short name and
    keeps every previous value (buf's subset rule)."""
    before = ctx.old.enum_desc(str(pair.old.desc.type_name))
    after = ctx.new.enum_desc(str(pair.new.desc.type_name))
    if before is None or after is None or before.name != after.name:
        yield changed_type_name(pair)
        return
    current = {(v.name, v.number) for v in after.value}
    if not all((v.name, v.number) in current for v in before.value):
        yield changed_type_name(pair)


def compatible_type(pair: Pair[Field], ctx: Any, groups: dict[int, int], extra: str) -> Iterator[ProtoBreak]:
    k_old, k_new = kind(pair.old), kind(pair.new)
    if groups[k_old] != groups[k_new]:
        yield changed_type(pair, " " + extra)
        return
    if pair.old.desc.type_name != pair.new.desc.type_name:
        if k_new == TYPE_ENUM:
            yield from enum_compatible(pair, ctx)
        elif k_new in (TYPE_MESSAGE, TYPE_GROUP):
            yield changed_type_name(pair)


def field_default(field: Field, side: SideIndex) -> tuple[Any, str] | None:
    """(comparable, printable) default of a scalar or enum field; None when it cannot have one."""
    f = field.desc
    if int(f.label) == LABEL_REPEATED or is_map(field, side) or kind(field) in (TYPE_MESSAGE, TYPE_GROUP):
        return None
    k, raw, explicit = kind(field), str(f.default_value), f.HasField("default_value")
    if k == TYPE_STRING:
        return raw, q(raw)
    if k == TYPE_BYTES:
        return raw, "[" + ",".join(f"0x{b:X}" for b in raw.encode("latin-1", "replace")) + "]"
    if k == TYPE_ENUM:
        enum = side.enum_desc(str(f.type_name))
        values = list(enum.value) if enum is not None else []
        chosen = next((v for v in values if v.name == raw), None) if explicit else (values[0] if values else None)
        enum_number = int(chosen.number) if chosen is not None else 0
        return enum_number, f"{enum.name if enum else '?'}.{chosen.name if chosen else enum_number}"
    if k == 8:  # bool
        flag = raw == "true"
        return float(flag), "true" if flag else "false"
    if not explicit:
        return 0.0, "0"
    try:
        number: float = float(raw) if k in (1, 2) else int(raw, 0)
    except ValueError:
        return raw, raw
    return number, raw


def same_default(before: Any, after: Any) -> bool:
    if isinstance(before, str) or isinstance(after, str):
        return bool(before == after)
    if isinstance(before, float) and isinstance(after, float) and math.isnan(before) and math.isnan(after):
        return True
    return bool(before == after)


def is_int64(field: Field) -> bool:
    return int(field.desc.type) in INT64_TYPES


def string_kinds(pair: Pair[Field], allowed: tuple[int, ...]) -> bool:
    return kind(pair.old) in allowed and kind(pair.new) in allowed


def proto_syntax(doc: ProtoDocument) -> str:
    return syntax(doc.fd)


# -- tag ranges ------------------------------------------------------------------------------
def ranges_of(el: Element, what: str) -> list[tuple[int, int]]:
    """Inclusive (start, end) ranges: reserved numbers of a message/enum, or extension ranges."""
    d = el.desc
    if isinstance(el, Enum):
        return [(int(r.start), int(r.end)) for r in d.reserved_range]
    src = d.extension_range if what == "extension" else d.reserved_range
    return [(int(r.start), int(r.end) - 1) for r in src]


def _max_of(el: Element) -> int:
    if isinstance(el, Enum):
        return ENUM_MAX
    return MESSAGE_SET_MAX if el.desc.options.message_set_wire_format else MESSAGE_MAX


def _collapse(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def _missing(start: int, end: int, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    missing: list[tuple[int, int]] = []
    cursor = start
    for a, b in ranges:
        if b < cursor:
            continue
        if a > end:
            break
        if a > cursor:
            missing.append((cursor, a - 1))
        cursor = b + 1
        if cursor > end:
            break
    if cursor <= end:
        missing.append((cursor, end))
    return missing


def tag_ranges(pair: Pair[Any], what: str) -> Iterator[ProtoBreak]:
    """RESERVED_*_NO_DELETE / EXTENSION_MESSAGE_NO_DELETE: numbers of a previous range are no
    longer covered by the current ranges."""
    previous = ranges_of(pair.old, what)
    if not previous:
        return
    current = _collapse(ranges_of(pair.new, what))
    top = _max_of(pair.new)
    element = "enum" if isinstance(pair.new, Enum) else "message"
    for start, end in previous:
        gone = _missing(start, end, current)
        if not gone:
            continue
        shown = str(start) if start == end else (f"[{start},max]" if end == _max_of(pair.old) else f"[{start},{end}]")
        removed = ", ".join(f"[{a}]" if a == b else (f"[{a},max]" if b == top else f"[{a},{b}]") for a, b in gone)
        yield ProtoBreak(
            f"Previously present {what} range {q(shown)} on {element} {q(pair.new.name)} "
            f"is missing values: {removed} were removed.",
            loc(pair.new),
            loc(pair.old),
            file=pair.new.doc,
        )


def reserved_names(pair: Pair[Any]) -> Iterator[ProtoBreak]:
    element = "enum" if isinstance(pair.new, Enum) else "message"
    current = set(pair.new.desc.reserved_name)
    for name in pair.old.desc.reserved_name:
        if name not in current:
            yield ProtoBreak(
                f"Previously present reserved name {q(name)} on {element} {q(pair.new.name)} was deleted.",
                loc(pair.new),
                loc(pair.old),
                file=pair.new.doc,
            )


def enum_value_deleted(
    pair: Pair[Enum], unless_number: bool = False, unless_name: bool = False
) -> Iterator[ProtoBreak]:
    before: dict[int, list[str]] = {}
    for v in pair.old.desc.value:
        before.setdefault(int(v.number), []).append(str(v.name))
    now = {int(v.number) for v in pair.new.desc.value}
    d = pair.new.desc
    for number, names in before.items():
        if number in now:
            continue
        if unless_number and any(r.start <= number <= r.end for r in d.reserved_range):
            continue
        if unless_name and all(n in d.reserved_name for n in names):
            continue
        suffix = ""
        if unless_number:
            suffix = f' without reserving the number "{number}"'
        elif unless_name:
            plural = "s" if len(names) > 1 else ""
            suffix = f" without reserving the name{plural} " + ", ".join(q(n) for n in sorted(names))
        yield ProtoBreak(
            f'Previously present enum value "{number}" on enum {q(pair.new.name)} was deleted{suffix}.',
            loc(pair.new),
            loc(pair.old),
            file=pair.new.doc,
        )
