"""`casing`: a string must be written in flat, camel, pascal, kebab, cobol,
snake or macro case (`disallowDigits`, `separator: {char, allowLeading}`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from apictl.lint.spectral.functions.base import (
    CoreFunction,
    FunctionContext,
    OptionsError,
    Result,
    reject_unknown,
    require_mapping,
)

CASES = {
    "flat": "[a-z][a-z{D}]*",
    "camel": "[a-z][a-z{D}]*(?:[A-Z{D}](?:[a-z{D}]+|$))*",
    "pascal": "[A-Z][a-z{D}]*(?:[A-Z{D}](?:[a-z{D}]+|$))*",
    "kebab": "[a-z][a-z{D}]*(?:-[a-z{D}]+)*",
    "cobol": "[A-Z][A-Z{D}]*(?:-[A-Z{D}]+)*",
    "snake": "[a-z][a-z{D}]*(?:_[a-z{D}]+)*",
    "macro": "[A-Z][A-Z{D}]*(?:_[A-Z{D}]+)*",
}
_EXAMPLE = '{ "type": "camel" }, { "type": "pascal", "disallowDigits": true }'


@dataclass(frozen=True)
class Options:
    type: str
    separator: str | None
    allow_leading: bool
    regex: re.Pattern[str]


def prepare(options: Any) -> Options:
    opts = require_mapping("casing", options, _EXAMPLE)
    reject_unknown("casing", opts, {"type", "disallowDigits", "separator"})
    kind = opts.get("type")
    if kind is None:
        raise OptionsError('"casing" function is missing "type" option')
    if kind not in CASES:
        raise OptionsError(f'"casing" function and its "type" option accept the following values: {", ".join(CASES)}')
    digits = opts.get("disallowDigits", False)
    if not isinstance(digits, bool):
        raise OptionsError(
            '"casing" function and its "disallowDigits" option accepts only the following types: boolean'
        )
    sep = opts.get("separator")
    char: str | None = None
    leading = False
    if sep is not None:
        if not isinstance(sep, dict) or "char" not in sep:
            raise OptionsError('"casing" function is missing "separator.char" option')
        reject_unknown("casing", sep, {"char", "allowLeading"})
        char = sep["char"]
        if not isinstance(char, str) or len(char) > 1:
            raise OptionsError('"casing" function and its "separator.char" option accepts only char, i.e. "I" or "/"')
        leading = sep.get("allowLeading") is True
    pattern = CASES[kind].replace("{D}", "" if digits else "0-9").replace("$", "\\Z")
    if char is None:
        full = f"^{pattern}\\Z"
    else:
        sep_rx = f"[{re.escape(char)}]"
        full = f"^{sep_rx + '?' if leading else ''}{pattern}(?:{sep_rx}{pattern})*\\Z"
    return Options(kind, char, leading, re.compile(full))


def run(value: Any, options: Options, ctx: FunctionContext) -> list[Result] | None:
    if len(value) == 1 and options.separator is not None and options.allow_leading and value == options.separator:
        return None
    if options.regex.match(value):
        return None
    return [Result(f"must be {options.type} case")]


FUNCTION = CoreFunction("casing", run, prepare, lambda v: isinstance(v, str) and len(v) >= 1, deep=False)
