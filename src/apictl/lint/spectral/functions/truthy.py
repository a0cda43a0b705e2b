"""`truthy`: the value must be truthy (JavaScript's notion: not "", 0, false, null, undefined)."""

from __future__ import annotations

from typing import Any

from apictl.lint.spectral.functions.base import CoreFunction, FunctionContext, Result, no_options
from apictl.lint.spectral.jsvalues import truthy


def run(value: Any, options: Any, ctx: FunctionContext) -> list[Result] | None:
    if not truthy(value):
        return [Result('#{{print("property")}}must be truthy')]
    return None


FUNCTION = CoreFunction("truthy", run, no_options("truthy"), deep=False)
