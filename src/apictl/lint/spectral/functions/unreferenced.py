"""`unreferencedReusableObject`: members of the object at
`reusableObjectsLocation` (e.g. `#/components/schemas`) must be referenced
somewhere ($refs in the linted file and the files it references)."""

from __future__ import annotations

from typing import Any

from apictl.core.pointer import PointerError, from_fragment, split
from apictl.lint.spectral.functions.base import (
    CoreFunction,
    FunctionContext,
    OptionsError,
    Result,
    is_object,
    reject_unknown,
    require_mapping,
)

_EXAMPLE = '{ "reusableObjectsLocation": "#/components/schemas" }, { "reusableObjectsLocation": "#/$defs" }'


def prepare(options: Any) -> tuple[str, ...]:
    opts = require_mapping("unreferencedReusableObject", options, _EXAMPLE)
    reject_unknown("unreferencedReusableObject", opts, {"reusableObjectsLocation"})
    location = opts.get("reusableObjectsLocation")
    if location is None:
        raise OptionsError(
            f'"unreferencedReusableObject" function is missing "reusableObjectsLocation" option. '
            f"Example valid options: {_EXAMPLE}"
        )
    if not isinstance(location, str) or not location.startswith("#"):
        raise OptionsError(
            '"unreferencedReusableObject" and its "reusableObjectsLocation" option support only valid JSON Pointer '
            'fragments, i.e. "#", "#/foo", "#/paths/~1user"'
        )
    try:
        return tuple(split(from_fragment(location[1:])))
    except PointerError as exc:
        raise OptionsError(f'"unreferencedReusableObject": {exc}') from None


def run(value: Any, location: tuple[str, ...], ctx: FunctionContext) -> list[Result] | None:
    referenced = ctx.referenced()
    results = []
    for name in value:
        if (ctx.root_key, (*location, name)) not in referenced:
            results.append(Result("Potential orphaned reusable object has been detected", [*location, name]))
    return results


FUNCTION = CoreFunction("unreferencedReusableObject", run, prepare, is_object, uses_context=True, deep=False)
