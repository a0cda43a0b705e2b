"""`pattern`: a string must match `match` and/or must not match `notMatch`.

Patterns are JavaScript regular expressions, written bare (`^x-`) or as
`/…/flags`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apictl.lint.spectral.functions.base import (
    CoreFunction,
    FunctionContext,
    OptionsError,
    Result,
    is_string,
    reject_unknown,
    require_mapping,
)
from apictl.lint.spectral.jsregex import JSRegexError, JSRegExp, from_option
from apictl.lint.spectral.jsvalues import print_value

_VALUE = '#{{print("value")}}'
_EXAMPLE = '{ "match": "^Stoplight" }, { "notMatch": "Swagger" }, { "match": "Stoplight", "notMatch": "Swagger" }'


@dataclass(frozen=True)
class Options:
    match: tuple[str, JSRegExp] | None
    not_match: tuple[str, JSRegExp] | None


def prepare(options: Any) -> Options:
    opts = require_mapping("pattern", options, _EXAMPLE)
    reject_unknown("pattern", opts, {"match", "notMatch"})
    if not opts:
        raise OptionsError(f'"pattern" function has invalid options specified. Example valid options: {_EXAMPLE}')
    compiled: dict[str, tuple[str, JSRegExp]] = {}
    for key in ("match", "notMatch"):
        if key in opts:
            if not isinstance(opts[key], str):
                raise OptionsError(f'"pattern" function and its "{key}" option must be string or RegExp instance')
            try:
                compiled[key] = (opts[key], from_option(opts[key]))
            except JSRegexError as exc:
                raise OptionsError(f'"pattern" function: {exc}') from None
    return Options(compiled.get("match"), compiled.get("notMatch"))


def run(value: Any, options: Options, ctx: FunctionContext) -> list[Result] | None:
    results: list[Result] = []
    if options.match is not None and not options.match[1].test(value):
        results.append(Result(f"{_VALUE} must match the pattern {print_value(options.match[0])}"))
    if options.not_match is not None and options.not_match[1].test(value):
        results.append(Result(f"{_VALUE} must not match the pattern {print_value(options.not_match[0])}"))
    return results or None


FUNCTION = CoreFunction("pattern", run, prepare, is_string, deep=False)
