"""Pact matching rules checked against the schemas they stand beside.

A matcher widens what an interaction means: a request with `{"match":
"regex", "regex": "\\d+"}` on `$.id` says "the consumer may send any digits
here", a response with `{"match": "type"}` says "the consumer accepts any
value of this type". swagger-mock-validator ignores matching rules and checks
only the example values; apictl checks the examples (as bodies, parameters and
headers are checked) and then each rule against the schema at its place:

- request rules must not admit values the provider rejects: a type matcher
  (`integer`, `decimal`, `number`, `boolean`, `null`) the schema's type does
  not allow, `min`/`max` outside `minItems`/`maxItems`, and a regex whose
  matching strings (a few are generated as witnesses) the schema rejects ->
  `request.matcher.incompatible` (error);
- response rules must accept what the provider may send: a type matcher
  narrower than the schema's type, `min`/`max` that no length the schema
  allows meets, a regex that values the schema allows (its `enum`, or strings
  generated from its `pattern`) do not match -> `response.matcher.incompatible`
  (warning: the example itself may still be fine).

Generated witnesses prove an incompatibility when found; none found proves
nothing (regexes are not compared exactly)."""

from __future__ import annotations

import random
import re
from typing import TYPE_CHECKING, Any

from apictl.contract.check.reuse import coerce, resolve
from apictl.contract.check.schemas import problems
from apictl.contract.rules import RuleList
from apictl.core.pointer import join
from apictl.specs.openapi.access import Located, deref
from apictl.specs.openapi.jsonschema import REQUEST, RESPONSE

if TYPE_CHECKING:
    from apictl.contract.check.interaction import InteractionCheck
    from apictl.contract.check.reuse import Content, Operation, Response

_TOKEN = re.compile(r"\.([^.\[\]]+)|\['([^']*)'\]|\[\"([^\"]*)\"\]|\[(\*|\d+)\]")
WITNESSES = 6
_MAX_DEPTH = 16
# Pact type matchers -> the JSON Schema types whose values they admit
_ADMITS = {
    "integer": {"integer"},
    "decimal": {"number"},
    "number": {"number", "integer"},
    "boolean": {"boolean"},
    "null": {"null"},
}


def check_matchers(check: InteractionCheck, op: Operation, response: Response | None) -> None:
    req, resp = check.req, check.resp
    if req.rules and not check.bad_request and op.body is not None:
        content = _content(check, op.body.contents, check.headers.get("content-type", ""))
        if content is not None and content.schema is not None:
            for key, rules in req.rules.get("body").items():
                _check_place(check, REQUEST, content.schema, key, rules, req.pointer)
    if req.rules and not check.bad_request:
        for rules in req.rules.get("path").values():
            _check_path_rules(check, rules, req.pointer)
        params = {(p.location, p.name.lower() if p.location == "header" else p.name): p for p in op.params}
        for category, location in (("query", "query"), ("header", "header")):
            for key, rules in req.rules.get(category).items():
                name = key.lower() if location == "header" else key
                param = params.get((location, name))
                if param is not None and param.schema is not None:
                    _check_rules(check, REQUEST, param.schema, key, rules, req.pointer, scalar=True)
    if resp.rules and response is not None:
        wanted = check.resp_headers.get("content-type") or "application/json"
        content = _content(check, response.contents, wanted)
        if content is not None and content.schema is not None:
            for key, rules in resp.rules.get("body").items():
                _check_place(check, RESPONSE, content.schema, key, rules, resp.pointer)


def _content(check: InteractionCheck, contents: list[Content], wanted: str) -> Content | None:
    from apictl.contract.check.interaction import content_for

    return content_for(contents, wanted or "application/json")


def _check_place(check: InteractionCheck, side: str, schema: Located, key: str, rules: RuleList, pointer: str) -> None:
    tokens = parse_path(key)
    if tokens is None:
        return
    for found in schemas_at(check, schema, tokens):
        _check_rules(check, side, found, key, rules, pointer)


def _check_rules(
    check: InteractionCheck,
    side: str,
    schema: Located,
    key: str,
    rules: RuleList,
    pointer: str,
    scalar: bool = False,
) -> None:
    ws = check.spec.mock.ws
    resolved, doc = resolve(schema.value, schema.doc, ws)
    if not isinstance(resolved, dict):
        return
    code = f"{side}.matcher.incompatible"
    at = rules.pointer or join(pointer, "matchingRules")
    types = _types(resolved)
    for rule in rules.matchers:
        kind = rule.get("match")
        label = _label(rule)
        if kind in _ADMITS and types and not scalar:
            admitted = _ADMITS[str(kind)]
            allowed = types | ({"integer"} if "number" in types else set())
            if side == REQUEST and not admitted <= allowed:
                check.add(
                    code,
                    f"{label} at {key} admits {_or(admitted)} but the schema allows {_or(types)}",
                    at,
                    check.spec_at(schema),
                )
            elif side == RESPONSE and not allowed & admitted:
                check.add(
                    code,
                    f"{label} at {key} accepts only {_or(admitted)} but the schema sends {_or(types)}",
                    at,
                    check.spec_at(schema),
                )
            elif side == RESPONSE and not allowed <= admitted | {"null"} and kind != "number":
                check.add(
                    code,
                    f"{label} at {key} accepts only {_or(admitted)} but the schema may send {_or(types)}",
                    at,
                    check.spec_at(schema),
                )
        if kind == "type" and ("min" in rule or "max" in rule) and "array" in types:
            lo, hi = _int(rule.get("min"), 0), _int(rule.get("max"), None)
            slo, shi = _int(resolved.get("minItems"), 0), _int(resolved.get("maxItems"), None)
            if side == REQUEST and (lo < slo or (shi is not None and (hi is None or hi > shi))):
                check.add(
                    code,
                    f"{label} at {key} admits arrays of {_range(lo, hi)} items but the schema allows "
                    f"{_range(slo, shi)}",
                    at,
                    check.spec_at(schema),
                )
            elif side == RESPONSE and ((hi is not None and hi < slo) or (shi is not None and lo > shi)):
                check.add(
                    code,
                    f"{label} at {key} accepts arrays of {_range(lo, hi)} items but the schema sends "
                    f"{_range(slo, shi)}",
                    at,
                    check.spec_at(schema),
                )
        if kind == "regex" and isinstance(rule.get("regex"), str):
            _check_regex(check, side, schema, resolved, key, rule["regex"], label, at, scalar)


def _check_path_rules(check: InteractionCheck, rules: RuleList, pointer: str) -> None:
    """A path matcher: every path it admits must reach the same operation with
    path parameters its schemas accept."""
    at = rules.pointer or join(pointer, "matchingRules")
    for rule in rules.matchers:
        regex = rule.get("regex")
        if rule.get("match") != "regex" or not isinstance(regex, str):
            continue
        for witness in _witnesses(regex):
            found = check.spec.route(witness, check.req.method.upper())
            if found is None or found.path != check.template:
                where = f"{found.path}" if found is not None else "no operation"
                check.add(
                    "request.matcher.incompatible",
                    f"{_label(rule)} on the path admits {witness!r}, which reaches {where}, not {check.template}",
                    at,
                    check.spec_at(check.op_at),
                )
                return
            for param in check.path_params_of(found):
                if param.problems:
                    check.add(
                        "request.matcher.incompatible",
                        f"{_label(rule)} on the path admits {witness!r}, whose {param.name} the schema rejects: "
                        f"{param.problems[0]}",
                        at,
                        check.spec_at(param.schema),
                    )
                    return


def _check_regex(
    check: InteractionCheck,
    side: str,
    schema: Located,
    resolved: dict[str, Any],
    key: str,
    regex: str,
    label: str,
    at: str,
    scalar: bool,
) -> None:
    code = f"{side}.matcher.incompatible"
    from apictl.contract.regexes import RegexTimeout, compile_regex, fullmatch

    try:
        compile_regex(regex)
    except re.error:
        return
    if side == REQUEST:
        for witness in _witnesses(regex):
            value: Any = coerce(witness, schema.value, schema.doc, check.spec.mock.ws) if scalar else witness
            found = problems(check.spec.requests, schema, value, REQUEST)
            if found:
                check.add(
                    code,
                    f"{label} at {key} admits {witness!r}, which the schema rejects: {found[0][1]}",
                    at,
                    check.spec_at(schema),
                )
                return
        return
    candidates: list[str] = []
    enum = resolved.get("enum")
    if isinstance(enum, list):
        candidates = [str(v) for v in enum if v is not None]
    elif isinstance(resolved.get("pattern"), str):
        candidates = _witnesses(resolved["pattern"])
    for value in candidates:
        try:
            rejected = not fullmatch(regex, value)
        except RegexTimeout as exc:
            check.add(code, f"{label} at {key}: {exc}", at, check.spec_at(schema))
            return
        if rejected:
            check.add(code, f"{label} at {key} rejects {value!r}, which the schema allows", at, check.spec_at(schema))
            return


def _witnesses(pattern: str) -> list[str]:
    from apictl.core.regexgen import PatternError, generate  # only pacts with regex rules need it

    out: list[str] = []
    try:
        out.append(generate(pattern))
        rng = random.Random(pattern)
        out.extend(generate(pattern, rng) for _ in range(WITNESSES - 1))
    except (PatternError, RecursionError, ValueError):
        return out
    return list(dict.fromkeys(out))


def parse_path(key: str) -> list[str] | None:
    """`$.a[*].b` -> ['a', '*', 'b']; None for what this reader does not follow."""
    if not key.startswith("$"):
        return None
    tokens: list[str] = []
    pos = 1
    while pos < len(key):
        m = _TOKEN.match(key, pos)
        if m is None:
            return None
        tokens.append(next(g for g in m.groups() if g is not None))
        pos = m.end()
    return tokens


def schemas_at(check: InteractionCheck, schema: Located, tokens: list[str]) -> list[Located]:
    """The schemas that describe the value at `tokens` (through `$ref`s and
    composition), as many as apply."""
    current = [schema]
    for token in tokens:
        following: list[Located] = []
        for loc in current:
            for s in _expand(check, loc, 0):
                following.extend(_child(s, token))
        current = following
    return current


def _expand(check: InteractionCheck, loc: Located, depth: int) -> list[Located]:
    """`loc` resolved, and its composition branches."""
    if depth > _MAX_DEPTH:
        return []
    here: Located | None = loc
    for _ in range(_MAX_DEPTH):  # a chain of `$ref`s
        if here is None or not (isinstance(here.value, dict) and "$ref" in here.value):
            break
        here = deref(check.spec.mock.ws, here.value, here.doc, here.pointer)
    if here is None or not isinstance(here.value, dict):
        return []
    out = [here]
    for keyword in ("allOf", "anyOf", "oneOf"):
        branches = here.value.get(keyword)
        if isinstance(branches, list):
            for i, b in enumerate(branches):
                out.extend(_expand(check, Located(b, here.doc, join(here.pointer, keyword, i)), depth + 1))
    return out


def _child(loc: Located, token: str) -> list[Located]:
    value = loc.value
    if token == "*" or token.isdigit():
        items = value.get("items")
        if isinstance(items, dict):
            return [Located(items, loc.doc, join(loc.pointer, "items"))]
        if token == "*" and isinstance(value.get("additionalProperties"), dict):
            return [Located(value["additionalProperties"], loc.doc, join(loc.pointer, "additionalProperties"))]
        if token == "*" and isinstance(value.get("properties"), dict):
            return [Located(s, loc.doc, join(loc.pointer, "properties", n)) for n, s in value["properties"].items()]
        return []
    props = value.get("properties")
    if isinstance(props, dict) and token in props:
        return [Located(props[token], loc.doc, join(loc.pointer, "properties", token))]
    if isinstance(value.get("additionalProperties"), dict):
        return [Located(value["additionalProperties"], loc.doc, join(loc.pointer, "additionalProperties"))]
    return []


def _types(schema: dict[str, Any]) -> set[str]:
    t = schema.get("type")
    out = {t} if isinstance(t, str) else {x for x in t if isinstance(x, str)} if isinstance(t, list) else set()
    if out and (schema.get("nullable") is True or schema.get("x-nullable") is True):
        out.add("null")
    return out


def _label(rule: dict[str, Any]) -> str:
    kind = rule.get("match")
    if kind == "regex":
        return f"matcher regex '{rule.get('regex')}'"
    extra = ", ".join(f"{k}: {rule[k]}" for k in ("min", "max") if k in rule)
    return f"matcher {kind}" + (f" ({extra})" if extra else "")


def _or(types: set[str]) -> str:
    return " or ".join(sorted(types))


def _int(value: Any, default: int | None) -> Any:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _range(lo: int, hi: int | None) -> str:
    return f"{lo}..{hi}" if hi is not None else f"{lo} or more"
