"""`defined`: the value must be present (null counts as present)."""

from __future__ import annotations

from typing import Any

from apictl.lint.spectral.functions.base import CoreFunction, FunctionContext, Result, no_options
from apictl.lint.spectral.jsvalues import UNDEFINED


def run(value: Any, options: Any, ctx: FunctionContext) -> list[Result] | None:
    if value is UNDEFINED:
        return [Result('#{{print("property")}}must be defined')]
    return None


FUNCTION = CoreFunction("defined", run, no_options("defined"), deep=False)
