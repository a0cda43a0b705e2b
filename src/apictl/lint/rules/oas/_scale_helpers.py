"""Helpers shared by the scale-ready rules (OAS5xx): the responses and headers
of an operation, who may call it, which parameters it accepts, and a merged
view of a schema with its `$ref`s and `allOf` parts followed.

Every helper works on OpenAPI 2.0 and 3.x alike (through `access.py`): 2.0
keeps response headers and schemas on the Response, 3.x under `headers` and
`content`; both name headers by their key, case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from apictl.core.pointer import join
from apictl.core.registry import Finding
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas._paths_helpers import item_context, op_label
from apictl.specs.openapi.access import Located, is_oas2, operation_parameters
from apictl.specs.openapi.model import Node

SUCCESS = re.compile(r"2(?:[0-9]{2}|XX)", re.IGNORECASE)
CLIENT_OR_SERVER_ERROR = re.compile(r"[45](?:[0-9]{2}|XX)", re.IGNORECASE)


def served(op: Node) -> bool:
    """Whether an Operation is one the API serves (under `paths`), not a
    webhook or callback that its consumers answer."""
    return item_context(op) == "paths" and isinstance(op.value, dict)


def squash(name: str) -> str:
    """A name compared loosely: lower case, only letters and digits
    (`page_size`, `pageSize`, `page-size` and `page[size]` are the same)."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


def names_option(ctx: RuleContext, key: str, default: list[str]) -> list[str]:
    """A list-of-strings option; anything else falls back to the default."""
    raw = ctx.options.get(key, default)
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        return list(default)
    return [v for v in raw if isinstance(v, str)]


def int_option(ctx: RuleContext, key: str, default: int) -> int:
    raw = ctx.options.get(key, default)
    return raw if isinstance(raw, int) and not isinstance(raw, bool) else default


def responses(ctx: RuleContext, op: Node) -> Iterator[tuple[str, Located, str]]:
    """(status code, Response object, pointer of the entry in `responses`)
    for each response of an operation, `$ref`s followed; extensions skipped."""
    value = op.get("responses")
    if not isinstance(value, dict):
        return
    for code, entry in value.items():
        code = str(code)
        if code.startswith("x-"):
            continue
        entry_pointer = join(op.pointer, "responses", code)
        loc = ctx.deref(entry, op.doc, entry_pointer)
        if loc is not None and isinstance(loc.value, dict):
            yield code, loc, entry_pointer


def header_names(response: Located) -> dict[str, str]:
    """Lower-cased header name -> name as written, for a Response object."""
    headers = response.value.get("headers")
    if not isinstance(headers, dict):
        return {}
    return {str(k).lower(): str(k) for k in headers}


def has_header(names: dict[str, str], wanted: list[str]) -> bool:
    """Whether any of `wanted` is among the headers; an entry ending in `*` is a prefix."""
    for w in wanted:
        w = w.lower()
        if w.endswith("*"):
            if any(n.startswith(w[:-1]) for n in names):
                return True
        elif w in names:
            return True
    return False


def params(ctx: RuleContext, op: Node) -> list[Located]:
    """The parameters in force for an operation (its own, then its path item's)."""
    return list(operation_parameters(ctx.ws, op))


def param_named(ctx: RuleContext, op: Node, names: list[str], where: tuple[str, ...]) -> Located | None:
    """The first parameter in one of the locations `where` whose name matches
    one of `names` (compared with `squash`)."""
    wanted = {squash(n) for n in names}
    for p in params(ctx, op):
        name = p.value.get("name")
        if p.value.get("in") in where and isinstance(name, str) and squash(name) in wanted:
            return p
    return None


def header_param(ctx: RuleContext, op: Node, names: list[str]) -> Located | None:
    wanted = {n.lower() for n in names}
    for p in params(ctx, op):
        name = p.value.get("name")
        if p.value.get("in") == "header" and isinstance(name, str) and name.lower() in wanted:
            return p
    return None


def effective_security(ctx: RuleContext, op: Node) -> Any:
    """The security requirements in force: the operation's own `security`,
    else the document's; None when neither is written."""
    if "security" in op.value:
        return op.value["security"]
    data = ctx.data
    return data.get("security") if isinstance(data, dict) else None


def is_public(ctx: RuleContext, op: Node) -> bool:
    """Whether anyone may call the operation: it is marked `x-public: true`, or
    no security requirement is in force (`security: []` or none at all), or one
    of its alternatives is the empty requirement `{}` (authentication optional)."""
    if op.value.get("x-public") is True:
        return True
    sec = effective_security(ctx, op)
    if not isinstance(sec, list) or not sec:
        return True
    return any(isinstance(req, dict) and not req for req in sec)


def parameter_schema(param: Located, version: str) -> Located:
    """Where a parameter's type keywords are written: the Parameter itself in
    2.0 (except `in: body`), its `schema` in 3.x (the parameter when it has none)."""
    value = param.value
    if is_oas2(version) and value.get("in") != "body":
        return param
    schema = value.get("schema")
    if isinstance(schema, dict):
        return Located(schema, param.doc, join(param.pointer, "schema"))
    return param


# -- schemas ---------------------------------------------------------------------
@dataclass(slots=True)
class Merged:
    """A schema as its `$ref` and `allOf` parts combine: the keywords of all
    parts (the first part that writes one wins) and where the schema is."""

    loc: Located  # the schema itself, `$ref` followed
    keywords: dict[str, Any] = field(default_factory=dict)
    properties: dict[str, Located] = field(default_factory=dict)
    types: set[str] = field(default_factory=set)
    parts: list[Located] = field(default_factory=list)

    def has(self, keyword: str) -> bool:
        return keyword in self.keywords


MAX_PARTS = 64


def merge(ctx: RuleContext, value: Any, doc: Any, pointer: str) -> Merged | None:
    """The merged view of the schema at `value`, its `$ref`s (with 3.1's
    sibling keywords) and `allOf` parts followed, cycles and depth bounded;
    None when it is not an object or its `$ref` does not resolve."""
    first = _resolve(ctx, Located(value, doc, pointer))
    if first is None:
        return None
    out = Merged(first)
    seen: set[tuple[int, str]] = set()
    stack = [first]
    while stack and len(out.parts) < MAX_PARTS:
        part = stack.pop()
        key = (id(part.doc), part.pointer)
        if key in seen:
            continue
        seen.add(key)
        out.parts.append(part)
        v = part.value
        for k, kv in v.items():
            if k not in ("allOf", "properties", "$ref"):
                out.keywords.setdefault(k, kv)
        t = v.get("type")
        if isinstance(t, str):
            out.types.add(t)
        elif isinstance(t, list):
            out.types.update(x for x in t if isinstance(x, str) and x != "null")
        props = v.get("properties")
        if isinstance(props, dict):
            for name, prop in props.items():
                out.properties.setdefault(str(name), Located(prop, part.doc, join(part.pointer, "properties", name)))
        nxt: list[Located] = []
        if "$ref" in v:  # 3.1: a $ref beside other keywords
            target = ctx.deref({"$ref": v["$ref"]}, part.doc, part.pointer)
            if target is not None and isinstance(target.value, dict):
                nxt.append(target)
        all_of = v.get("allOf")
        if isinstance(all_of, list):
            for i, sub in enumerate(all_of):
                target = _resolve(ctx, Located(sub, part.doc, join(part.pointer, "allOf", i)))
                if target is not None:
                    nxt.append(target)
        stack.extend(reversed(nxt))  # depth first, in document order
    return out


def _resolve(ctx: RuleContext, loc: Located) -> Located | None:
    """A schema with a `$ref` followed, unless (3.1+) other keywords sit beside
    it: then the schema itself, whose `$ref` `merge` follows as one more part."""
    v = loc.value
    if not isinstance(v, dict):
        return None
    if "$ref" in v and (len(v) == 1 or ctx.version in ("oas2", "oas3.0")):
        target = ctx.deref({"$ref": v["$ref"]}, loc.doc, loc.pointer)
        return target if target is not None and isinstance(target.value, dict) else None
    return loc


def is_array(m: Merged) -> bool:
    return "array" in m.types or (not m.types and "items" in m.keywords)


def payload_schemas(ctx: RuleContext, response: Located, op: Node) -> Iterator[tuple[str, Located]]:
    """(media type, schema) of each payload of a Response object; 2.0 names the
    operation's (or the document's) `produces` types ("" when none)."""
    value = response.value
    if is_oas2(ctx.version):
        schema = value.get("schema")
        if isinstance(schema, dict):
            produces = op.value.get("produces")
            if not isinstance(produces, list):
                produces = ctx.data.get("produces") if isinstance(ctx.data, dict) else None
            media = next((p for p in produces or [] if isinstance(p, str)), "")
            yield media, Located(schema, response.doc, join(response.pointer, "schema"))
        return
    content = value.get("content")
    if not isinstance(content, dict):
        return
    for mt, media in content.items():
        mloc = ctx.deref(media, response.doc, join(response.pointer, "content", mt))
        if mloc is None or not isinstance(mloc.value, dict):
            continue
        schema = mloc.value.get("schema")
        if isinstance(schema, dict):
            yield str(mt), Located(schema, mloc.doc, join(mloc.pointer, "schema"))


def is_json(media_type: str) -> bool:
    mt = media_type.split(";", 1)[0].strip().lower()
    return not mt or mt == "*/*" or mt == "application/json" or mt.endswith("+json") or "json" in mt


def response_label(op: Node, code: str, response: Located, entry_pointer: str) -> str:
    """How a message names a response: "`200` response of GET /pets" when it
    is written in the operation, "shared `404` response `NotFound`" when it is
    a reusable one (reported once, wherever it is used)."""
    if response.doc is op.doc and response.pointer == entry_pointer:
        return f"`{code}` response of {op_label(op)}"
    name = response.pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
    return f"shared `{code}` response `{name}`"


def report_at(loc: Located, message: str, *tokens: str | int) -> Finding:
    return Finding(loc.doc, join(loc.pointer, *tokens), message)


def quote_names(names: list[str], limit: int = 4) -> str:
    shown = ", ".join(f"`{n}`" for n in names[:limit])
    return shown + (", …" if len(names) > limit else "")
