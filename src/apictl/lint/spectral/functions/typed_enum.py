"""`typedEnum`: every `enum` value of a schema must have the schema's `type`
(`nullable`/`x-nullable` admit null in OpenAPI 3.0/2.0)."""

from __future__ import annotations

from typing import Any

from apictl.lint.spectral.functions.base import CoreFunction, FunctionContext, Result, no_options
from apictl.lint.spectral.jsvalues import is_number, print_value, to_string


def _accepts(v: Any) -> bool:
    if not isinstance(v, dict) or not isinstance(v.get("enum"), list) or "type" not in v:
        return False
    t = v["type"]
    return isinstance(t, str) or (isinstance(t, list) and all(isinstance(x, str) for x in t))


def _data_type(value: Any, integers: bool) -> str:
    if value is True or value is False:
        return "boolean"
    if isinstance(value, str):
        return "string"
    if is_number(value):
        return "integer" if integers and float(value).is_integer() else "number"
    if value is None:
        return "null"
    return "array" if isinstance(value, list) else "object"


def run(value: Any, options: Any, ctx: FunctionContext) -> list[Result] | None:
    kind: Any = value["type"]
    if (value.get("nullable") is True and "oas3_0" in ctx.formats) or (
        value.get("x-nullable") is True and "oas2" in ctx.formats
    ):
        kind = [*kind, "null"] if isinstance(kind, list) else [kind, "null"]
    integers = kind == "integer" or (isinstance(kind, list) and "integer" in kind)
    results: list[Result] = []
    for i, item in enumerate(value["enum"]):
        t = _data_type(item, integers)
        if t == kind or (isinstance(kind, list) and t in kind):
            continue
        results.append(Result(f'Enum value {print_value(item)} must be "{to_string(kind)}".', [*ctx.path, "enum", i]))
    return results or None


FUNCTION = CoreFunction("typedEnum", run, no_options("typedEnum"), _accepts, uses_context=True)
