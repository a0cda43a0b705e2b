"""What the Google AIP rules (opt-in preset `aip`) share: standard-method
recognition (AIP-130: Get/List/Create/Update/Delete + resource), message lookup
across the module and its imports, and field-shape checks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from apictl.core.registry import Finding
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.specs.proto.model import METHOD_INPUT, METHOD_OUTPUT, Element, Message, Method

AIP = "aip"
TYPE_INT32, TYPE_STRING, TYPE_MESSAGE = 5, 9, 11
LABEL_REPEATED = 3
OPERATION = "google.longrunning.Operation"
EMPTY = "google.protobuf.Empty"
FIELD_MASK = "google.protobuf.FieldMask"
RESOURCE_OPTION = 1053  # google.api.resource, an extension of MessageOptions
_SCALARS = dict(
    enumerate(
        "double float int64 uint64 int32 fixed64 fixed32 bool string group message bytes uint32 enum "
        "sfixed32 sfixed64 sint32 sint64".split(),
        start=1,
    )
)
_STANDARD = re.compile(r"^(Get|List|Create|Update|Delete)([A-Z][A-Za-z0-9]*)$")
_INDEX: dict[str, tuple[dict[str, Any], dict[str, Any], dict[str, Message]]] = {}


# IAM's methods (AIP-211) look like standard methods but are not (`GetIamPolicy`).
_NOT_STANDARD = frozenset({"GetIamPolicy", "SetIamPolicy", "TestIamPermissions"})


def standard_resource(method: Method, verb: str) -> str | None:
    """`Book` for `GetBook` when `verb` is `Get`; None for any other method."""
    if method.name in _NOT_STANDARD:
        return None
    m = _STANDARD.match(method.name)
    return m[2] if m and m[1] == verb else None


def _index(ctx: ProtoRuleContext) -> tuple[dict[str, Any], dict[str, Message]]:
    """Message descriptors by full name (module and imports), and the linted ones' views;
    built once per module (the cache holds the module's `files`, so its identity is safe)."""
    cached = _INDEX.get("module")
    if cached is not None and cached[0] is ctx.files:
        return cached[1], cached[2]
    descs: dict[str, Any] = {}

    def add(prefix: str, msgs: Any) -> None:
        for m in msgs:
            full = f"{prefix}.{m.name}" if prefix else str(m.name)
            descs[full] = m
            add(full, m.nested_type)

    for fd in ctx.files.values():
        add(str(fd.package), fd.message_type)
    views = {el.full_name: el for el in ctx.of_kind("ProtoMessage") if isinstance(el, Message)}
    _INDEX["module"] = (ctx.files, descs, views)
    return descs, views


def message_index(ctx: ProtoRuleContext) -> dict[str, Any]:
    """Every message descriptor of the module and its imports, by full name."""
    return _index(ctx)[0]


def message(ctx: ProtoRuleContext, type_name: str) -> Any | None:
    return _index(ctx)[0].get(type_name.lstrip("."))


def simple(type_name: str) -> str:
    return type_name.lstrip(".").rsplit(".", 1)[-1]


def field_named(msg: Any, name: str) -> Any | None:
    return next((f for f in msg.field if f.name == name), None)


def type_label(f: Any) -> str:
    if f.type == TYPE_MESSAGE or f.type_name:
        return str(f.type_name).lstrip(".")
    return _SCALARS.get(f.type, f"type {f.type}")


def where_field(
    ctx: ProtoRuleContext, method: Method, type_name: str, name: str, side: int
) -> tuple[Element, tuple[int, ...]]:
    """The field `name` of the message `type_name` when that message is linted here, else
    the method's request/response type (the place the shape is chosen)."""
    view = _index(ctx)[1].get(type_name.lstrip("."))
    if view is not None:
        for i, f in enumerate(view.desc.field):
            if f.name == name:
                return view, (*view.path, 2, i)
    return method, (*method.path, side)


def expect_field(ctx: ProtoRuleContext, method: Method, side: str, name: str, kind: str, aip: int) -> Iterator[Finding]:
    """The request (`side="request"`) or response message has a field `name` of type `kind`."""
    type_name = str(method.desc.input_type if side == "request" else method.desc.output_type)
    number = METHOD_INPUT if side == "request" else METHOD_OUTPUT
    msg = message(ctx, type_name)
    if msg is None:
        return
    f = field_named(msg, name)
    if f is None:
        yield report(
            method.doc,
            (*method.path, number),
            f'{side.capitalize()} "{simple(type_name)}" of RPC "{method.name}" '
            f"should have a field `{kind} {name}` (AIP-{aip}).",
        )
        return
    if type_label(f) != kind or f.label == LABEL_REPEATED:
        el, path = where_field(ctx, method, type_name, name, number)
        shown = ("repeated " if f.label == LABEL_REPEATED else "") + type_label(f)
        yield report(
            el.doc,
            path,
            f'Field "{name}" of "{simple(type_name)}" should be `{kind} {name}`, not `{shown}` (AIP-{aip}).',
        )


def resource_field(ctx: ProtoRuleContext, method: Method, resource: str, aip: int) -> Iterator[Finding]:
    """The request holds the resource itself in a field (Create, Update)."""
    type_name = str(method.desc.input_type)
    msg = message(ctx, type_name)
    if msg is None:
        return
    if not any(f.type == TYPE_MESSAGE and simple(f.type_name) == resource for f in msg.field):
        field = re.sub(r"(?<!^)(?=[A-Z])", "_", resource).lower()
        yield report(
            method.doc,
            (*method.path, METHOD_INPUT),
            f'Request "{simple(type_name)}" of RPC "{method.name}" should hold the resource in a field '
            f"`{resource} {field}` (AIP-{aip}).",
        )


def expect_response(method: Method, allowed: tuple[str, ...], aip: int) -> Iterator[Finding]:
    """The response is one of `allowed` (simple names, or full names with a dot)."""
    out = str(method.desc.output_type).lstrip(".")
    if out in allowed or simple(out) in allowed:
        return
    shown = " or ".join(f'"{a}"' for a in allowed)
    yield report(
        method.doc,
        (*method.path, METHOD_OUTPUT),
        f'RPC "{method.name}" should return {shown}, not "{simple(out)}" (AIP-{aip}).',
    )


def is_resource(msg: Message) -> bool:
    """Annotated with `option (google.api.resource)` (kept by protoc as an unknown field)."""
    from google.protobuf import unknown_fields

    opts = msg.desc.options
    return any(f.field_number == RESOURCE_OPTION for f in cast("Iterable[Any]", unknown_fields.UnknownFieldSet(opts)))
