"""Check example (and default) values against OpenAPI schemas, for lint rules.

Used by the example rules (OAS220 media types, OAS221 schemas, OAS222
parameters and headers): finds the payloads, media types, headers and examples
of a workspace, validates values with the workspace's `SchemaValidators`
(`apictl.specs.openapi.jsonschema`: OpenAPI schemas translated to JSON Schema
and compiled with jsonschema-rs, cached for the whole workspace) and reports
each problem as a finding worded by `_example_messages`.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import escape, join
from apictl.core.refs import Workspace
from apictl.core.registry import Finding
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas._example_messages import schema_label, value_problems
from apictl.specs.openapi.access import Located, components, is_oas2
from apictl.specs.openapi.jsonschema import REQUEST as REQUEST
from apictl.specs.openapi.jsonschema import RESPONSE as RESPONSE
from apictl.specs.openapi.jsonschema import SchemaValidators
from apictl.specs.openapi.model import OPERATION, PARAMETER


@dataclass(slots=True)
class ValueCheck:
    """A value to validate against a schema, and how to talk about it."""

    schema: Any
    schema_doc: Document
    schema_pointer: str
    value: Any
    value_doc: Document
    value_pointer: str
    what: str  # "example", "example `cat`", "default value"…
    mode: str | None = None  # REQUEST / RESPONSE: relax readOnly / writeOnly requirements
    label: str | None = None  # how to name the schema ("schema `Pet`"); derived when None


def check_value(ctx: RuleContext, check: ValueCheck) -> Iterator[Finding]:
    """Findings for one value not matching its schema, one per problem, each at
    the offending place inside the value. Compiles the schema alone: for many
    values prefer `check_values`."""
    errors = validators(ctx).errors(check.schema, check.schema_doc, check.schema_pointer, check.value, check.mode)
    if errors:
        yield from _findings(check, errors, 0)


def check_values(ctx: RuleContext, checks: Iterator[ValueCheck]) -> Iterator[Finding]:
    """Like `check_value` for many values, their schemas compiled together."""
    sv = validators(ctx)
    pending: list[ValueCheck] = []
    tasks: list[tuple[tuple[str, str | None], Any]] = []
    for check in checks:
        root = sv.root(check.schema, check.schema_doc, check.schema_pointer, check.mode)
        if root is not None:
            pending.append(check)
            tasks.append((root, check.value))
    for check, (errors, offset) in zip(pending, sv.check_many(tasks), strict=True):
        if errors:
            yield from _findings(check, errors, offset)


def _findings(check: ValueCheck, errors: list[Any], offset: int) -> Iterator[Finding]:
    label = check.label or schema_label(check.schema)
    for tokens, message in value_problems(check.what, label, errors, offset):
        yield Finding(check.value_doc, join(check.value_pointer, *tokens), message)


# -- the cache, one per workspace ---------------------------------------------
@dataclass(slots=True)
class _Cached:
    validators: SchemaValidators
    responses: list[Located] | None = None  # see iter_responses


_CACHE: dict[int, tuple[weakref.ref[Workspace], _Cached]] = {}


def validators(ctx: RuleContext) -> SchemaValidators:
    """The validators of the workspace being linted (shared by all example rules)."""
    return _cached(ctx).validators


def _cached(ctx: RuleContext) -> _Cached:
    ws = ctx.ws
    entry = _CACHE.get(id(ws))
    if entry is not None and entry[0]() is ws and entry[1].validators.version == ctx.version:
        return entry[1]
    cached = _Cached(SchemaValidators(ws, ctx.version))
    ident = id(ws)

    def forget(_ref: weakref.ref[Workspace]) -> None:
        _CACHE.pop(ident, None)

    _CACHE[ident] = (weakref.ref(ws, forget), cached)
    return cached


# -- where payloads are ---------------------------------------------------------
# These walk the collected operations and the reusable components, follow
# `$ref`s (resolutions cached) and visit each object once (by identity): large
# APIs have tens of thousands of responses, most without examples, so objects
# are filtered before anything is built for them.


def deref(ctx: RuleContext, value: Any, doc: Document, pointer: str) -> Located | None:
    """`ctx.deref` with the resolutions cached for the workspace."""
    if isinstance(value, dict) and "$ref" in value:
        target = validators(ctx).resolve(value, doc)
        return Located(target[2], target[0], target[1]) if target is not None else None
    return Located(value, doc, pointer)


def _named(
    sv: SchemaValidators,
    holder: Any,
    doc: Document,
    pointer: str,
    seen: set[int],
    want: Callable[[dict[str, Any]], bool] | None = None,
) -> Iterator[tuple[str, Located]]:
    """(name, entry) for each entry of a map that is an object not seen before
    (and passes `want`), `$ref`s followed."""
    if holder.__class__ is not dict:
        return
    for name, item in holder.items():
        if item.__class__ is not dict or (name.__class__ is str and name.startswith("x-")):
            continue
        if "$ref" in item:
            target = sv.resolve(item, doc)
            if target is None or target[2].__class__ is not dict:
                continue
            edoc, epointer, item = target
        else:
            edoc, epointer = doc, ""
        if id(item) in seen or (want is not None and not want(item)):
            continue
        seen.add(id(item))
        yield str(name), Located(item, edoc, epointer or f"{pointer}/{escape(str(name))}")


def _section(ctx: RuleContext, name: str) -> tuple[str, Any] | None:
    section = components(ctx.data, ctx.version).get(name) if isinstance(ctx.data, dict) else None
    return section if section is not None else None


def iter_responses(ctx: RuleContext) -> list[Located]:
    """Every Response object (of operations, callbacks, webhooks, and reusable
    ones), once each. For `on="Root"` rules (computed once per workspace)."""
    cached = _cached(ctx)
    if cached.responses is None:
        sv = cached.validators
        seen: set[int] = set()
        out: list[Located] = []
        for op in ctx.nodes[OPERATION]:
            value = op.value
            if value.__class__ is dict and "responses" in value:
                out.extend(loc for _n, loc in _named(sv, value["responses"], op.doc, f"{op.pointer}/responses", seen))
        section = _section(ctx, "responses")
        if section is not None:
            out.extend(loc for _n, loc in _named(sv, section[1], ctx.doc, section[0], seen))
        cached.responses = out
    return cached.responses


def iter_request_bodies(ctx: RuleContext) -> Iterator[Located]:
    """Every 3.x Request Body object, once each. For `on="Root"` rules."""
    sv = validators(ctx)
    seen: set[int] = set()
    for op in ctx.nodes[OPERATION]:
        value = op.value
        if value.__class__ is dict and "requestBody" in value:
            yield from (loc for _n, loc in _named(sv, {"requestBody": value["requestBody"]}, op.doc, op.pointer, seen))
    section = _section(ctx, "requestBodies")
    if section is not None:
        yield from (loc for _n, loc in _named(sv, section[1], ctx.doc, section[0], seen))


def iter_headers(
    ctx: RuleContext, want: Callable[[dict[str, Any]], bool] | None = None
) -> Iterator[tuple[str, Located]]:
    """(name, Header object) of every response header (and reusable header)
    that passes `want`, once each."""
    sv = validators(ctx)
    seen: set[int] = set()
    for resp in iter_responses(ctx):
        headers = resp.value.get("headers")
        if headers:
            yield from _named(sv, headers, resp.doc, f"{resp.pointer}/headers", seen, want)
    if not is_oas2(ctx.version):
        section = _section(ctx, "headers")
        if section is not None:
            yield from _named(sv, section[1], ctx.doc, section[0], seen, want)


def has_examples(value: dict[str, Any]) -> bool:
    return "example" in value or "examples" in value


def iter_media(ctx: RuleContext) -> Iterator[tuple[str, Located, str | None]]:
    """(media type, Media Type object, direction) of every 3.x payload that has
    an `example` or `examples`: request bodies, responses, response headers
    and parameters with `content`, and reusable media types (3.2); each once."""
    sv = validators(ctx)
    seen: set[int] = set()

    def content(owner: Located, mode: str | None) -> Iterator[tuple[str, Located, str | None]]:
        media = owner.value.get("content")
        if media:
            for name, mloc in _named(sv, media, owner.doc, f"{owner.pointer}/content", seen, has_examples):
                yield name, mloc, mode

    for body in iter_request_bodies(ctx):
        yield from content(body, REQUEST)
    for resp in iter_responses(ctx):
        yield from content(resp, RESPONSE)
    for _name, header in iter_headers(ctx, lambda h: "content" in h):
        yield from content(header, RESPONSE)
    for param in ctx.nodes[PARAMETER]:
        if param.value.__class__ is dict and "content" in param.value:
            yield from content(Located(param.value, param.doc, param.pointer), REQUEST)
    section = _section(ctx, "mediaTypes")
    if section is not None:
        for _name, mloc in _named(sv, section[1], ctx.doc, section[0], seen, has_examples):
            yield "", mloc, None


def is_json_media(media_type: str) -> bool:
    mt = media_type.split(";", 1)[0].strip().lower()
    return not mt or "json" in mt or mt in ("*/*", "application/*", "text/plain")


def example_values(ctx: RuleContext, mloc: Located) -> Iterator[tuple[str, Any, Any, str]]:
    """(name for messages, value, document, pointer) of each example of a Media
    Type, Parameter or Header object: `example`, then each `examples` entry's
    `dataValue` or `value` (entries with `externalValue` are skipped)."""
    media = mloc.value
    if "example" in media:
        yield "example", media["example"], mloc.doc, join(mloc.pointer, "example")
    examples = media.get("examples")
    if isinstance(examples, dict):
        for name, ex in examples.items():
            eloc = deref(ctx, ex, mloc.doc, join(mloc.pointer, "examples", name))
            if eloc is None or not isinstance(eloc.value, dict) or "externalValue" in eloc.value:
                continue
            field = "dataValue" if "dataValue" in eloc.value else "value" if "value" in eloc.value else None
            if field is not None:
                yield f"example `{name}`", eloc.value[field], eloc.doc, join(eloc.pointer, field)
