"""`length`: the length of a string, array or object (its number of keys), or
a number itself, must be within `min`/`max`."""

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
from apictl.lint.spectral.jsvalues import is_number, js_length, print_value

_EXAMPLE = '{ "min": 2 }, { "max": 5 }, { "min": 0, "max": 10 }'


def prepare(options: Any) -> dict[str, Any]:
    opts = require_mapping("length", options, _EXAMPLE)
    reject_unknown("length", opts, {"min", "max"})
    if not opts:
        raise OptionsError(f'"length" function has invalid options specified. Example valid options: {_EXAMPLE}')
    for key in ("min", "max"):
        if key in opts and not is_number(opts[key]):
            raise OptionsError(f'"length" function and its "{key}" option accepts only the following types: number')
    return opts


def run(value: Any, options: dict[str, Any], ctx: FunctionContext) -> list[Result] | None:
    if isinstance(value, (dict, list)):
        size: float = len(value)
    elif isinstance(value, str):
        size = js_length(value)
    else:
        size = value
    results: list[Result] = []
    if "min" in options and size < options["min"]:
        results.append(Result(f'#{{{{print("property")}}}}must be longer than {print_value(options["min"])}'))
    if "max" in options and size > options["max"]:
        results.append(Result(f'#{{{{print("property")}}}}must be shorter than {print_value(options["max"])}'))
    return results or None


def _accepts(v: Any) -> bool:
    return isinstance(v, (dict, list, str)) or is_number(v)


FUNCTION = CoreFunction("length", run, prepare, _accepts, deep=False)
