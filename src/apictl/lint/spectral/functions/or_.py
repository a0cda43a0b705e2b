"""`or`: at least one of `properties` must be present."""

from __future__ import annotations

from typing import Any

from apictl.lint.spectral.functions.base import CoreFunction, FunctionContext, Result, is_object
from apictl.lint.spectral.functions.xor import none_defined, properties_option


def prepare(options: Any) -> list[str]:
    return properties_option("or", options, '{ "properties": ["default", "example"] }')


def run(value: Any, properties: list[str], ctx: FunctionContext) -> list[Result] | None:
    if not any(k in properties for k in value):
        return [none_defined(properties)]
    return None


FUNCTION = CoreFunction("or", run, prepare, is_object, deep=False)
