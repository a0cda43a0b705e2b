"""Spectral's core functions, by the name rulesets use."""

from __future__ import annotations

from apictl.lint.spectral.functions import (
    alphabetical,
    casing,
    defined,
    enumeration,
    falsy,
    length,
    or_,
    pattern,
    schema,
    truthy,
    typed_enum,
    undefined,
    unreferenced,
    xor,
)
from apictl.lint.spectral.functions.base import CoreFunction, FunctionContext, OptionsError, Result

CORE: dict[str, CoreFunction] = {
    m.FUNCTION.name: m.FUNCTION
    for m in (
        alphabetical,
        casing,
        defined,
        enumeration,
        falsy,
        length,
        or_,
        pattern,
        schema,
        truthy,
        typed_enum,
        undefined,
        unreferenced,
        xor,
    )
}

__all__ = ["CORE", "CoreFunction", "FunctionContext", "OptionsError", "Result"]
