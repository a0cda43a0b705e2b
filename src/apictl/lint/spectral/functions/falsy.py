"""`falsy`: the value must be falsy (absent, "", 0, false or null)."""

from __future__ import annotations

from typing import Any

from apictl.lint.spectral.functions.base import CoreFunction, FunctionContext, Result, no_options
from apictl.lint.spectral.jsvalues import truthy


def run(value: Any, options: Any, ctx: FunctionContext) -> list[Result] | None:
    if truthy(value):
        return [Result('#{{print("property")}}must be falsy')]
    return None


FUNCTION = CoreFunction("falsy", run, no_options("falsy"), deep=False)
