"""Requests and responses checked against the contract.

Parameters are read by style (`params.py`), coerced to their schema's types
(`coerce.py`) and validated with the workspace's compiled jsonschema-rs
validators (`specs.openapi.jsonschema`); bodies are parsed by media type
(`bodies.py`), form fields coerced, JSON taken as sent. Errors come back as
`Violation`s worded and ordered like Prism's (`ajv.py`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from apictl.mock import ajv
from apictl.mock.bodies import ParsedBody, parse
from apictl.mock.coerce import coerce, shape
from apictl.mock.model import Content, Encoding, Operation, Param
from apictl.mock.negotiate import essence, is_json, matches
from apictl.mock.params import MISSING, from_cookie, from_header, from_path, from_query
from apictl.mock.spec import MockSpec
from apictl.mock.types import ERROR, WARNING, Violation
from apictl.specs.openapi.access import Located
from apictl.specs.openapi.jsonschema import REQUEST, RESPONSE

_RESERVED = re.compile(r"[/?#\[\]@!$&'()*+,;=]")
UNSUPPORTED_MEDIA_TYPE = 415


@dataclass(slots=True)
class RequestParts:
    """What validation reads from a request, parsed once."""

    path_params: dict[str, str]
    query: dict[str, list[str]]
    headers: dict[str, str]
    cookies: dict[str, str]
    content_type: str | None
    body: bytes
    values: dict[str, dict[str, Any]] = field(default_factory=dict)  # location -> name -> value (after coercion)
    body_value: Any = None
    body_content: Content | None = None


class Validator:
    def __init__(self, spec: MockSpec) -> None:
        self.spec = spec
        self.sv = spec.validators
        self.ws = spec.ws
        self._shapes: dict[int, str] = {}  # id(Param) -> array | object | scalar (params live as long as the spec)

    # -- schema errors ------------------------------------------------------
    def schema_violations(
        self, schema: Located, instance: Any, mode: str, side: str, location: tuple[str, ...]
    ) -> list[Violation]:
        root = self.sv.root(schema.value, schema.doc, schema.pointer, mode)
        if root is None or self.sv.quick_check(root, instance):
            return []
        validator = self.sv.validator(schema.value, schema.doc, schema.pointer, mode)
        if validator is None:
            return []
        errors: list[ajv.SchemaError] = []
        for e in self.sv.problems(validator, instance):
            errors.extend(
                ajv.convert(
                    e,
                    instance,
                    partial(self.sv.subschema, root),
                    partial(self.sv.subschema_validator, root),
                )
            )
        errors = ajv.sort_errors(errors, schema.value, schema.doc, self.ws)
        return [_violation(side, location, e) for e in errors]

    # -- parameters ---------------------------------------------------------
    def parameters(self, op: Operation, parts: RequestParts) -> list[Violation]:
        required: list[Violation] = []
        problems: list[Violation] = []
        known = {p.name for p in op.params if p.location == "query"}
        for param in op.params:
            schema = param.schema
            kind = self._shapes.get(id(param))
            if kind is None:
                kind = shape(schema.value, schema.doc, self.ws) if schema is not None else "scalar"
                self._shapes[id(param)] = kind
            value = self._read(param, parts, kind, known)
            deprecations: list[Violation] = []
            if value is MISSING:
                if param.required:
                    message = f"must have required property '{_param_key(param)}'"
                    required.append(
                        Violation(
                            "request",
                            (param.location,),
                            ERROR,
                            "required",
                            message,
                            _title("request", (param.location,), message),
                        )
                    )
                continue
            if param.deprecated:
                message = f"{param.location.capitalize()} param {param.name} is deprecated"
                deprecations.append(
                    Violation("request", (param.location, param.name), WARNING, "deprecated", message, message)
                )
            if param.content_type is not None and isinstance(value, str) and is_json(param.content_type):
                value = _json_or_text(value)
            elif schema is not None:
                value = coerce(value, schema.value, schema.doc, self.ws)
            parts.values.setdefault(param.location, {})[param.name] = value
            if schema is not None:
                problems.extend(
                    self.schema_violations(schema, value, REQUEST, "request", (param.location, _param_key(param)))
                )
            problems.extend(deprecations)
        out: list[Violation] = []
        for where in ("header", "query", "path", "cookie"):  # Prism's order
            out += [v for v in required if v.location[0] == where] + [v for v in problems if v.location[0] == where]
        return out

    def _read(self, param: Param, parts: RequestParts, kind: str, known: set[str]) -> Any:
        where = param.location
        if where == "path":
            raw = parts.path_params.get(param.name)
            return MISSING if raw is None else from_path(param, raw, kind)
        if where == "query":
            return from_query(param, parts.query, kind, known)
        if where == "header":
            raw = parts.headers.get(param.name.lower())
            return MISSING if raw is None else from_header(param, raw, kind)
        return from_cookie(param, parts.cookies, kind)

    # -- bodies -------------------------------------------------------------
    def body(self, op: Operation, parts: RequestParts) -> list[Violation]:
        spec_body = op.body
        if spec_body is None or not spec_body.contents:
            return []
        if not parts.body:
            if spec_body.required:
                return [
                    Violation(
                        "request",
                        (),
                        ERROR,
                        "required",
                        "Body parameter is required",
                        "Body parameter is required",
                    )
                ]
            return []
        content = self._content_for(spec_body.contents, parts.content_type)
        if content is None:
            supported = ", ".join(c.media_type for c in spec_body.contents)
            message = f"Supported content types: {supported}"
            return [Violation("request", ("header", "content-type"), ERROR, UNSUPPORTED_MEDIA_TYPE, message, message)]
        parts.body_content = content
        parsed = parse(parts.body, parts.content_type or content.media_type)
        reserved = _reserved_violations(parsed, content.encodings)
        if reserved:
            return reserved
        value = parsed.value
        schema = content.schema
        if parsed.form and isinstance(value, dict) and schema is not None:
            value = self._form_value(value, schema, content.encodings)
            value = coerce(value, schema.value, schema.doc, self.ws)
        parts.body_value = value
        if schema is None:
            return []
        return self.schema_violations(schema, value, REQUEST, "request", ("body",))

    def _content_for(self, contents: list[Content], content_type: str | None) -> Content | None:
        if not content_type:
            return contents[0]
        mt = essence(content_type)
        for c in contents:
            if essence(c.media_type) == mt:
                return c
        for c in contents:
            if matches(c.media_type, mt):
                return c
        return None

    def _form_value(self, fields: dict[str, Any], schema: Located, encodings: dict[str, Encoding]) -> dict[str, Any]:
        from apictl.mock.coerce import resolve

        resolved, doc = resolve(schema.value, schema.doc, self.ws)
        props = resolved.get("properties") if isinstance(resolved, dict) else None
        if not isinstance(props, dict):
            return fields
        out = dict(fields)
        for name, prop_schema in props.items():
            kind = shape(prop_schema, doc, self.ws)
            enc = encodings.get(name)
            value = out.get(name, MISSING)
            if kind == "array":
                if value is MISSING:
                    if enc is not None and enc.style is not None and not enc.explode:
                        out[name] = ""  # as Prism: a declared, non-exploded array that was not sent
                    continue
                if isinstance(value, str):
                    if enc is not None and enc.style is not None and not enc.explode:
                        sep = {"spaceDelimited": " ", "pipeDelimited": "|", "tabDelimited": "\t"}.get(enc.style, ",")
                        out[name] = [] if value == "" else value.split(sep)
                    else:
                        out[name] = [value]
            elif kind == "object" and isinstance(value, str) and enc is not None and enc.content_type:
                if is_json(enc.content_type):
                    out[name] = _json_or_text(value)
        return out

    # -- responses ----------------------------------------------------------
    def response_body(self, content: Content, value: Any) -> list[Violation]:
        if content.schema is None or not is_json(content.media_type):
            return []
        return self.schema_violations(content.schema, value, RESPONSE, "response", ("body",))


def _param_key(param: Param) -> str:
    return param.name.lower() if param.location == "header" else param.name


def _json_or_text(value: str) -> Any:
    import orjson

    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        return value


def _reserved_violations(parsed: ParsedBody, encodings: dict[str, Encoding]) -> list[Violation]:
    out: list[Violation] = []
    for name, enc in encodings.items():
        raw = parsed.raw_fields.get(name)
        if raw is not None and not enc.allow_reserved and _RESERVED.search(raw):
            message = "Reserved characters used in request body"
            out.append(Violation("request", ("body", name), ERROR, None, message, message))
    return out


def _title(side: str, location: tuple[str, ...], message: str) -> str:
    """Prism's sentence: 'Request body property id must be > 100',
    'Request query parameter page.size must be integer'."""
    where, rest = location[0], location[1:]
    head = f"{side.capitalize()} {where}"
    if rest:
        head += (" property " if where == "body" else " parameter ") + ".".join(rest)
    return f"{head} {message}"


def _violation(side: str, location: tuple[str, ...], e: ajv.SchemaError) -> Violation:
    loc = (*location, *e.path)
    return Violation(side, loc, ERROR, e.keyword, e.message, _title(side, loc, e.message))
