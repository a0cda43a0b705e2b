"""`enumeration`: a primitive value must be one of `values`."""

from __future__ import annotations

from typing import Any

from apictl.lint.spectral.functions.base import (
    CoreFunction,
    FunctionContext,
    OptionsError,
    Result,
    reject_unknown,
    require_mapping,
)
from apictl.lint.spectral.jsvalues import print_value, strict_equals

_EXAMPLE = '{ "values": ["Berlin", "London", "Paris"] }, { "values": [2, 3, 5, 8, 13, 21] }'


def prepare(options: Any) -> list[Any]:
    opts = require_mapping("enumeration", options, _EXAMPLE)
    reject_unknown("enumeration", opts, {"values"})
    values = opts.get("values")
    if values is None:
        raise OptionsError('"enumeration" function is missing "values" option')
    if not isinstance(values, list) or any(isinstance(v, (dict, list)) for v in values):
        raise OptionsError(
            '"enumeration" and its "values" option support only arrays of primitive values, '
            'i.e. ["Berlin", "London", "Paris"]'
        )
    return values


def run(value: Any, values: list[Any], ctx: FunctionContext) -> list[Result] | None:
    if not any(strict_equals(value, v) for v in values):
        allowed = ", ".join(print_value(v) for v in values)
        return [Result(f'#{{{{print("value")}}}} must be equal to one of the allowed values: {allowed}')]
    return None


FUNCTION = CoreFunction(
    "enumeration", run, prepare, lambda v: v is None or isinstance(v, (str, int, float)), deep=False
)
