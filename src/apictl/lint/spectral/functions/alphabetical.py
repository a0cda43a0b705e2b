"""`alphabetical`: array items (or object keys, or the `keyedBy` member of
array items) must be in ascending order, compared as `localeCompare` does."""

from __future__ import annotations

import unicodedata
from typing import Any

from apictl.lint.spectral.functions.base import CoreFunction, FunctionContext, OptionsError, Result
from apictl.lint.spectral.jsvalues import is_number, print_value, to_number

_EXAMPLE = 'null (no options), { "keyedBy": "my-key" }'


def prepare(options: Any) -> str | None:
    if options is None:
        return None
    if not isinstance(options, dict):
        raise OptionsError(f'"alphabetical" function has invalid options specified. Example valid options: {_EXAMPLE}')
    for key in options:
        if key != "keyedBy":
            raise OptionsError(f'"alphabetical" function does not support "{key}" option')
    keyed_by = options.get("keyedBy")
    if keyed_by is not None and not isinstance(keyed_by, str):
        raise OptionsError('"alphabetical" function and its "keyedBy" option accepts only the following types: string')
    return keyed_by


def collation_key(text: str) -> tuple[tuple[tuple[int, str], ...], tuple[int, ...]]:
    """An approximation of ICU's root collation (what `localeCompare` uses):
    punctuation < digits < letters, letters case-insensitively and without
    accents first, then lower case before upper case."""
    primary: list[tuple[int, str]] = []
    tertiary: list[int] = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]
        if base.isalpha():
            primary.append((2, base.casefold()))
            tertiary.append(1 if ch.isupper() else 0)
        elif base.isdigit():
            primary.append((1, base))
            tertiary.append(0)
        else:
            primary.append((0, base))
            tertiary.append(0)
    return tuple(primary), tuple(tertiary)


def _compare(a: Any, b: Any) -> float:
    a_nan = not is_number(a) and to_number(a) != to_number(a)
    b_numeric = is_number(b) or to_number(b) == to_number(b)
    if (is_number(a) or a_nan) and b_numeric:
        diff = to_number(a) - to_number(b)
        return min(1.0, max(-1.0, diff)) if diff == diff else float("nan")
    if not isinstance(a, str) or not isinstance(b, str):
        return 0
    ka, kb = collation_key(a), collation_key(b)
    return (ka > kb) - (ka < kb)


def run(value: Any, keyed_by: str | None, ctx: FunctionContext) -> list[Result] | None:
    items: list[Any] = value if isinstance(value, list) else list(value)
    if len(items) < 2:
        return None
    if keyed_by is not None:
        keyed: list[Any] = []
        for item in items:
            if not isinstance(item, (dict, list)):
                return [Result('#{{print("property")}}must be an object')]
            keyed.append(item.get(keyed_by) if isinstance(item, dict) else None)
        items = keyed
    if not all(isinstance(x, str) or is_number(x) for x in items):
        return [Result('#{{print("property")}}must be one of the allowed types: number, string')]
    for i in range(len(items) - 1):
        if _compare(items[i], items[i + 1]) >= 1:
            if keyed_by is not None:
                return [Result("properties must follow the alphabetical order")]
            where = i if isinstance(value, list) else items[i]
            message = f"{print_value(items[i])} must be placed after {print_value(items[i + 1])}"
            return [Result(message, [*ctx.path, where])]
    return None


FUNCTION = CoreFunction("alphabetical", run, prepare, lambda v: isinstance(v, (dict, list)), uses_context=True)
