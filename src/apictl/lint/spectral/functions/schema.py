"""`schema`: the value must be valid against a JSON Schema (`schema`,
`dialect`: auto | draft4 | draft6 | draft7 | draft2019-09 | draft2020-12,
`allErrors`). Validated with jsonschema-rs; messages as Spectral prints
ajv's (see `ajv_errors`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Any

import jsonschema_rs

from apictl.lint.spectral.functions import ajv_errors
from apictl.lint.spectral.functions.base import (
    CoreFunction,
    FunctionContext,
    OptionsError,
    Result,
    reject_unknown,
    require_mapping,
)
from apictl.lint.spectral.jsvalues import UNDEFINED

_DIALECTS = ("auto", "draft4", "draft6", "draft7", "draft2019-09", "draft2020-12")
_VALIDATORS: dict[str, Any] = {
    "draft4": jsonschema_rs.Draft4Validator,
    "draft6": jsonschema_rs.Draft6Validator,
    "draft7": jsonschema_rs.Draft7Validator,
    "draft2019-09": jsonschema_rs.Draft201909Validator,
    "draft2020-12": jsonschema_rs.Draft202012Validator,
}
_DRAFT = re.compile(r"^https?://json-schema.org/(?:draft-0([467])|draft/(20(?:19-09|20-12)))/(?:hyper-)?schema#?$")
_EXAMPLE = (
    '{ "schema": { /* any JSON Schema can be defined here */ } , { "schema": { "type": "object" }, "dialect": "auto" }'
)
MAX_ERRORS = 50


@dataclass
class Options:
    schema: Any
    all_errors: bool
    validator: Any  # None when compiling failed
    compile_error: str | None
    missing_ref: bool


def _no_retrieval(uri: str) -> Any:
    raise ValueError(f"{uri}: schemas are not fetched")


def detect_dialect(schema: Any) -> str | None:
    if (
        isinstance(schema, dict)
        and isinstance(schema.get("$schema"), str)
        and "//json-schema.org/" in schema["$schema"]
    ):
        m = _DRAFT.match(schema["$schema"])
        if m:
            return f"draft{m.group(1) or m.group(2)}"
    return None


def prepare(options: Any) -> Options:
    opts = require_mapping("schema", options, _EXAMPLE)
    reject_unknown("schema", opts, {"schema", "dialect", "allErrors", "prepareResults"})
    if "schema" not in opts:
        raise OptionsError('"schema" function is missing "schema" option')
    schema = opts["schema"]
    if not isinstance(schema, (dict, bool)):
        raise OptionsError('"schema" function and its "schema" option accepts only the following types: object')
    dialect = opts.get("dialect", "auto")
    if dialect not in _DIALECTS:
        values = ", ".join(f'"{d}"' for d in _DIALECTS)
        raise OptionsError(f'"schema" function and its "dialect" option accepts only the following values: {values}')
    all_errors = opts.get("allErrors", False)
    if not isinstance(all_errors, bool):
        raise OptionsError('"schema" function and its "allErrors" option accepts only the following types: boolean')
    if dialect == "auto":
        dialect = detect_dialect(schema) or "draft7"
    try:
        validator = _VALIDATORS[dialect](schema, validate_formats=True, retriever=_no_retrieval)
    except (jsonschema_rs.ValidationError, ValueError, TypeError) as exc:
        text = str(exc).split("\n", 1)[0]
        missing = any(m in text for m in ("does not exist", "is not present in a registry", "Unresolvable"))
        return Options(schema, all_errors, None, text, missing)
    return Options(schema, all_errors, validator, None, False)


def run(value: Any, options: Options, ctx: FunctionContext) -> list[Result] | None:
    if value is UNDEFINED:
        return [Result('#{{print("property")}}must exist', list(ctx.path))]
    if options.validator is None:
        if options.missing_ref and ctx.resolved:
            return None  # Spectral ignores unresolvable references in schemas of resolved rules
        return [Result(options.compile_error or "invalid schema", list(ctx.path))]
    try:
        errors = list(islice(options.validator.iter_errors(value), MAX_ERRORS))
    except (jsonschema_rs.ValidationError, ValueError, OverflowError):
        return None
    if not errors:
        return None
    ajv = ajv_errors.convert(options.schema, errors, options.all_errors, value)
    unmatched = {
        e.instance_path: e.keyword for e in ajv if e.keyword in ("anyOf", "oneOf") and "passingSchemas" not in e.params
    }
    results: list[Result] = []
    for error, suggestion, where in ajv_errors.prettify(ajv, value, ctx.path):
        message = f"{error}. {suggestion}" if suggestion is not None else error
        message = _describe_array_item(message, where)
        keyword = unmatched.get(where)
        if keyword is not None and message.endswith(f" in {keyword}"):
            message += ". None of the schemas matched, see the other errors reported for this value"
        segments = where[1:].split("/") if where else []
        results.append(Result(message, [*ctx.path, *segments]))
    return results


def _describe_array_item(message: str, where: str) -> str:
    index = where.rsplit("/", 1)[-1]
    if not index.isdigit():
        return message
    for prefix in (f'"{index}" property type', f'"{index}" property'):
        if message.startswith(prefix):
            return f"Item at index {index}{message[len(prefix) :]}"
    return message


FUNCTION = CoreFunction("schema", run, prepare, uses_context=True)
