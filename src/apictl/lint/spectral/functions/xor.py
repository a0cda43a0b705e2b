"""`xor`: exactly one of `properties` must be present."""

from __future__ import annotations

from typing import Any

from apictl.lint.spectral.functions.base import (
    CoreFunction,
    FunctionContext,
    OptionsError,
    Result,
    is_object,
    reject_unknown,
    require_mapping,
)


def properties_option(name: str, options: Any, example: str) -> list[str]:
    opts = require_mapping(name, options, example)
    reject_unknown(name, opts, {"properties"})
    props = opts.get("properties")
    if props is None:
        raise OptionsError(f'"{name}" function is missing "properties" option')
    if not isinstance(props, list) or len(props) < 2 or not all(isinstance(p, str) for p in props):
        raise OptionsError(
            f'"{name}" requires at least two enumerated "properties", i.e. ["country", "street"], '
            '["one", "two", "three"], etc.'
        )
    return props


def none_defined(properties: list[str]) -> Result:
    if len(properties) > 4:
        short = '" or "'.join(properties[:3])
        return Result(f'At least one of "{short}" or {len(properties) - 3} other properties must be defined')
    return Result('At least one of "' + '" or "'.join(properties) + '" must be defined')


def prepare(options: Any) -> list[str]:
    return properties_option("xor", options, '{ "properties": ["country", "street"] }')


def run(value: Any, properties: list[str], ctx: FunctionContext) -> list[Result] | None:
    present = [k for k in value if k in properties]
    results: list[Result] = []
    if not present:
        results.append(none_defined(properties))
    if len(present) > 1:
        results.append(Result('Just one of "' + '" and "'.join(present) + '" must be defined'))
    return results


FUNCTION = CoreFunction("xor", run, prepare, is_object, deep=False)
