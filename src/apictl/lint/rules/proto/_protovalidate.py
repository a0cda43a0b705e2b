"""protovalidate (`buf.validate`) rules attached to fields, read the way buf's
PROTOVALIDATE lint rule reads them: the extension's bytes (kept by protoc as an
unknown field of `FieldOptions`) decoded with the module's own copy of
`buf/validate/validate.proto`, so no protovalidate package is needed."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from apictl.core.diagnostic import Span
from apictl.lint.proto.context import ProtoRuleContext
from apictl.specs.proto.model import FIELD_OPTIONS, ProtoDocument

VALIDATE_FILE = "buf/validate/validate.proto"
FIELD_EXTENSION = 1159  # (buf.validate.field)
OPTION = "(buf.validate.field)"
LABEL_REPEATED, TYPE_MESSAGE, TYPE_ENUM = 3, 11, 14
SCALARS = {
    "double": 1, "float": 2, "int64": 3, "uint64": 4, "int32": 5, "fixed64": 6, "fixed32": 7, "bool": 8,
    "string": 9, "bytes": 12, "uint32": 13, "sfixed32": 15, "sfixed64": 16, "sint32": 17, "sint64": 18,
}  # fmt: skip
TYPE_NAMES = {v: k for k, v in SCALARS.items()}
WRAPPERS = {
    "double": "DoubleValue", "float": "FloatValue", "int64": "Int64Value", "uint64": "UInt64Value",
    "int32": "Int32Value", "uint32": "UInt32Value", "bool": "BoolValue", "string": "StringValue",
    "bytes": "BytesValue",
}  # fmt: skip
MESSAGES = {
    "any": "google.protobuf.Any",
    "duration": "google.protobuf.Duration",
    "timestamp": "google.protobuf.Timestamp",
    "field_mask": "google.protobuf.FieldMask",
}
BOUNDS = {  # rules kind -> (lower, upper) fields that must be ordered
    "string": [("min_len", "max_len"), ("min_bytes", "max_bytes")],
    "bytes": [("min_len", "max_len")],
    "repeated": [("min_items", "max_items")],
    "map": [("min_pairs", "max_pairs")],
}
_CLASSES: dict[str, tuple[dict[str, Any], Any]] = {}
Hit = tuple[tuple[int, ...], list[str], bool, str]


def field_rules_class(ctx: ProtoRuleContext) -> Any | None:
    """`buf.validate.FieldRules` built from the module's validate.proto (None without it)."""
    if VALIDATE_FILE not in ctx.files:
        return None
    cached = _CLASSES.get("module")
    if cached is None or cached[0] is not ctx.files:  # one module at a time; identity is safe while held
        from google.protobuf import descriptor_pool, message_factory

        pool = descriptor_pool.DescriptorPool()
        added: set[str] = set()

        def add(name: str) -> None:
            if name in added or name not in ctx.files:
                return
            added.add(name)
            for dep in ctx.files[name].dependency:
                add(str(dep))
            pool.Add(ctx.files[name])

        cls: Any = None
        try:
            add(VALIDATE_FILE)
            cls = message_factory.GetMessageClass(pool.FindMessageTypeByName("buf.validate.FieldRules"))
        except Exception:  # an unusual copy of validate.proto: nothing to check against
            cls = None
        cached = _CLASSES["module"] = (ctx.files, cls)
    return cached[1]


def rules_of(field: Any, cls: Any) -> Any | None:
    from google.protobuf import unknown_fields

    for f in cast("Iterable[Any]", unknown_fields.UnknownFieldSet(field.options)):  # stubs: no __iter__
        if f.field_number == FIELD_EXTENSION and isinstance(f.data, bytes):
            return cls.FromString(f.data)
    return None


def locate(doc: ProtoDocument, path: tuple[int, ...], names: list[str], leaf: bool) -> tuple[int, ...]:
    """Where buf points for the rule at `path` (`names`: its field names below the option):
    the first location at or below `path`; inside an aggregate option (`= {min_len: 1}`),
    which protoc records as one location, the name found in the text (for a rules type
    that does not fit, its first rule), recorded in `doc.extra_spans`."""
    n = len(path)
    for loc in doc.fd.source_code_info.location:
        lp = tuple(loc.path)
        if lp[:n] == path:
            return lp
        if len(lp) < n and path[: len(lp)] == lp and len(lp) > n - len(names):
            span = _in_text(doc, loc.span, names[len(names) - (n - len(lp)) :], leaf)
            if span is not None:
                doc.extra_spans[path] = span
                return path
            return lp
    return path


def _in_text(doc: ProtoDocument, s: Any, names: list[str], leaf: bool) -> Span | None:
    lines = doc.lines
    start = lines.offset(s[0] + 1, s[1] + 1)
    end_line, end_col = (s[2], s[3]) if len(s) == 4 else (s[0], s[2])
    end = lines.offset(end_line + 1, end_col + 1)
    text, pos = doc.text, start
    found = None
    for name in names:
        found = re.compile(rf"\b{re.escape(name)}\b").search(text, pos, end)
        if found is None:
            return None
        pos = found.end()
    if leaf:
        brace = text.find("{", pos, end)
        inner = re.compile(r"[A-Za-z_]\w*").search(text, brace + 1, end) if brace >= 0 else None
        found = inner or found
    if found is None:
        return None
    line, col = lines.position(found.start())
    return Span(line, col, line, col + len(found.group(0)) - 1)


class Checker:
    """Walks one field's rules; yields findings as (descriptor path, field names below the
    option, whether buf points at the first rule inside, message)."""

    def __init__(self, ctx: ProtoRuleContext, messages: dict[str, Any]) -> None:
        self.ctx = ctx
        self.messages = messages  # full name -> DescriptorProto (module and imports)

    def entry(self, field: Any) -> Any | None:
        if field.type != TYPE_MESSAGE:
            return None
        msg = self.messages.get(str(field.type_name).lstrip("."))
        return msg if msg is not None and msg.options.map_entry else None

    def describe(self, field: Any, repeated: bool) -> str:
        base = TYPE_NAMES.get(field.type) or str(field.type_name).lstrip(".")
        return f"repeated {base}" if repeated else base

    def check(
        self, name: str, field: Any, rules: Any, path: tuple[int, ...], label: str, repeated: bool, names: list[str]
    ) -> Iterator[Hit]:
        kind = rules.WhichOneof("type")
        if kind is None:
            return
        sub = getattr(rules, kind)
        number = rules.DESCRIPTOR.fields_by_name[kind].number
        here, shown, inner = (*path, number), f"{label}.{kind}", [*names, kind]
        entry = self.entry(field) if repeated else None
        if kind == "repeated":
            if not repeated or entry is not None:
                yield here, inner, True, f'Field "{name}" is not repeated but has {shown} rules.'
                return
        elif kind == "map":
            if entry is None:
                yield here, inner, True, f'Field "{name}" is not a map but has {shown} rules.'
                return
        else:
            fits = self._fits(kind, field) and not repeated
            if not fits:
                kind_shown = self.describe(field, repeated)
                yield here, inner, True, f'Field "{name}" is of type {kind_shown} but has {shown} rules.'
                return
        yield from self._bounds(name, kind, sub, here, shown, inner)
        if kind == "repeated" and sub.HasField("items"):
            items = (*here, _num(sub, "items"))
            yield from self.check(name, field, sub.items, items, f"{shown}.items", False, [*inner, "items"])
        if kind == "map" and entry is not None:
            for part, member in (("keys", entry.field[0]), ("values", entry.field[1])):
                if sub.HasField(part):
                    at = (*here, _num(sub, part))
                    yield from self.check(
                        name, member, getattr(sub, part), at, f"{shown}.{part}", False, [*inner, part]
                    )

    def _fits(self, kind: str, field: Any) -> bool:
        if kind in SCALARS:
            wrapper = f"google.protobuf.{WRAPPERS[kind]}" if kind in WRAPPERS else None
            return field.type == SCALARS[kind] or str(field.type_name).lstrip(".") == wrapper
        if kind == "enum":
            return bool(field.type == TYPE_ENUM)
        if kind in MESSAGES:
            return str(field.type_name).lstrip(".") == MESSAGES[kind]
        return True  # a rules kind this copy of validate.proto knows and we do not

    def _bounds(
        self, name: str, kind: str, sub: Any, here: tuple[int, ...], shown: str, names: list[str]
    ) -> Iterator[Hit]:
        for low, high in BOUNDS.get(kind, []):
            fields = sub.DESCRIPTOR.fields_by_name
            present = {f.name for f, _ in sub.ListFields()}
            if low not in present or high not in present:
                continue
            lo, hi = getattr(sub, low), getattr(sub, high)
            if lo > hi:
                yield (
                    (*here, fields[low].number),
                    [*names, low],
                    False,
                    f'Field "{name}" has value {lo} for {shown}.{low}, which must be lower than value {hi} '
                    f"for {shown}.{high}.",
                )
                yield (
                    (*here, fields[high].number),
                    [*names, high],
                    False,
                    f'Field "{name}" has value {hi} for {shown}.{high}, which must be higher than value {lo} '
                    f"for {shown}.{low}.",
                )


def _num(msg: Any, name: str) -> int:
    return int(msg.DESCRIPTOR.fields_by_name[name].number)


def option_prefix(field_path: tuple[int, ...]) -> tuple[int, ...]:
    return (*field_path, FIELD_OPTIONS, FIELD_EXTENSION)
