"""`undefined`: the value must be absent."""

from __future__ import annotations

from typing import Any

from apictl.lint.spectral.functions.base import CoreFunction, FunctionContext, Result, no_options
from apictl.lint.spectral.jsvalues import UNDEFINED


def run(value: Any, options: Any, ctx: FunctionContext) -> list[Result] | None:
    if value is not UNDEFINED:
        return [Result('#{{print("property")}}must be undefined')]
    return None


FUNCTION = CoreFunction("undefined", run, no_options("undefined"), deep=False)
