from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import op_label
from apictl.lint.rules.oas._scale_helpers import is_array, merge, names_option, params, report_at, served
from apictl.specs.openapi.access import Located, is_oas2, request_media
from apictl.specs.openapi.model import OPERATION

BOUNDED_FORMATS = ["binary", "byte", "date", "date-time", "time", "uuid", "ipv4", "ipv6"]
_CHILD_ONE = ("items", "additionalProperties", "unevaluatedProperties")
_CHILD_LIST = ("prefixItems",)
_BRANCHES = ("oneOf", "anyOf")
_BODY = ""  # how the root of a request body is named: "the request body of POST /x"
MAX_NODES = 100_000  # per document: enough for any real API, a cap for generated monsters


def fixed_length_pattern(pattern: str) -> bool:
    """Whether a regular expression only matches strings of bounded length:
    anchored at both ends (`^…$`), with no unbounded repetition (`*`, `+`,
    `{n,}`) and no top-level alternative that escapes the anchors."""
    starts = pattern.startswith("^") or pattern.startswith("\\A")
    ends = (pattern.endswith("$") and not pattern.endswith("\\$")) or pattern.endswith(("\\z", "\\Z"))
    if not (starts and ends):
        return False
    body = re.sub(r"\\.", "x", pattern)  # escaped characters
    body = re.sub(r"\[[^\]]*\]", "x", body)  # character classes
    if "*" in body or "+" in body or re.search(r"\{\d*,\}", body):
        return False
    depth = 0
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return False  # `^a$|b`: the second branch is not anchored at the start
    return True


@rule(
    code="OAS510",
    name="request-body-bounded",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={"bounded_formats": BOUNDED_FORMATS, "strings": True, "arrays": True},
)
def request_body_bounded(root: object, ctx: RuleContext) -> Iterator[Finding]:
    """Strings and arrays in request bodies should declare a maximum size.

    ## What it does
    Walks the schema of every request body of the operations under `paths`
    (3.x `requestBody`, 2.0 `in: body` and `in: formData` parameters) —
    properties, `items`, `prefixItems`, `additionalProperties` and each
    `oneOf`/`anyOf` branch — following `$ref`s and merging `allOf` parts, and
    reports:

    - a `string` without `maxLength`, unless it has an `enum` or `const`, a
      bounded `format` (`binary`, `byte`, `date`, `date-time`, `time`, `uuid`,
      `ipv4`, `ipv6`), a `contentEncoding`, or a fixed-length `pattern`
      (anchored `^…$`, without `*`, `+` or `{n,}`);
    - an `array` without `maxItems`, unless it has an `enum` or `const`, or
      its `prefixItems` are closed with `items: false`.

    A bound written in an `allOf` part, or on the `oneOf`/`anyOf` schema
    around a branch, counts. `readOnly` properties (not sent in requests) are
    skipped. Each schema is reported once, where it is written, naming the
    first operation that reaches it. `binary`/`byte` count as bounded because
    a body's total size is bounded by the transport, not by the schema.

    ## Why is this bad?
    A request schema is the first line of defence of every service behind
    it. An unbounded string or array lets one request carry megabytes — or a
    million items — into validation, parsing, database writes, search indexes
    and queues; at scale, one abusive or buggy client becomes everyone's
    latency problem, and limits added later break the clients that already
    send more. Declared maxima are enforced by validators and gateways before
    any work is done, and tell client authors what will be accepted.

    ## Example
    ```yaml
    NewPet:
      type: object
      properties:
        name: {type: string}
        tags:
          type: array
          items: {type: string}
    ```

    ## Use instead
    ```yaml
    NewPet:
      type: object
      properties:
        name: {type: string, maxLength: 100}
        tags:
          type: array
          maxItems: 20
          items: {type: string, maxLength: 50}
    ```

    ## Options
    - `bounded_formats` (default `binary`, `byte`, `date`, `date-time`,
      `time`, `uuid`, `ipv4`, `ipv6`): string formats that need no `maxLength`.
    - `strings` (default `true`), `arrays` (default `true`): which of the two checks run.

    ## References
    - https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/
    - https://json-schema.org/understanding-json-schema/reference/string#length
    - https://json-schema.org/understanding-json-schema/reference/array#length
    """
    formats = set(names_option(ctx, "bounded_formats", BOUNDED_FORMATS))
    check_strings = ctx.options.get("strings", True) is not False
    check_arrays = ctx.options.get("arrays", True) is not False
    # (schema, bounds inherited from a oneOf/anyOf around it, how to name it, operation label)
    stack: list[tuple[Located, frozenset[str], str, str]] = []
    for op in reversed(ctx.nodes[OPERATION]):
        if not served(op):
            continue
        label = op_label(op)
        starts: list[tuple[Located, frozenset[str], str, str]] = []
        for media in request_media(ctx.ws, op, ctx.version):
            if media.schema is not None:
                starts.append((media.schema, frozenset(), _BODY, label))
        if is_oas2(ctx.version):
            for p in params(ctx, op):
                if p.value.get("in") == "formData":
                    starts.append((p, frozenset(), f"form field `{p.value.get('name')}`", label))
        stack.extend(reversed(starts))
    seen: set[tuple[int, str, frozenset[str]]] = set()
    visited = 0
    while stack and visited < MAX_NODES:
        loc, inherited, what, label = stack.pop()
        m = merge(ctx, loc.value, loc.doc, loc.pointer)
        if m is None:
            continue
        key = (id(m.loc.doc), m.loc.pointer, inherited)
        if key in seen:
            continue
        seen.add(key)
        visited += 1
        kw = m.keywords
        if kw.get("readOnly") is True:
            continue
        bounds = inherited | {k for k in ("maxLength", "maxItems", "enum", "const") if k in kw}
        subject = f"the request body of {label}" if what == _BODY else f"{what} in the request body of {label}"
        if check_strings and "string" in m.types and not _string_bounded(kw, bounds, formats):
            yield report_at(
                m.loc,
                f"{subject}: a string without `maxLength`; bound it (or give it an "
                "`enum`, a fixed-length `pattern` or a bounded `format`) so one request cannot carry megabytes",
            )
        if check_arrays and is_array(m) and not _array_bounded(kw, bounds):
            yield report_at(
                m.loc,
                f"{subject}: an array without `maxItems`; bound it so one request "
                "cannot carry an unlimited number of items",
            )
        children: list[tuple[Located, frozenset[str], str, str]] = []
        for name, prop in m.properties.items():
            children.append((prop, frozenset(), f"property `{name}`", label))
        done: set[str] = set()
        for part in m.parts:
            v = part.value
            for field in _CHILD_ONE:
                if field in v and field not in done and isinstance(v[field], dict):
                    done.add(field)
                    name = ("the items" if field == "items" else "the values") + (f" of {what}" if what else "")
                    children.append((Located(v[field], part.doc, join(part.pointer, field)), frozenset(), name, label))
            for field in (*_CHILD_LIST, "items"):
                sub = v.get(field)
                if isinstance(sub, list) and field + "[]" not in done:
                    done.add(field + "[]")
                    for i, s in enumerate(sub):
                        loc_i = Located(s, part.doc, join(part.pointer, field, i))
                        children.append((loc_i, frozenset(), f"item {i}" + (f" of {what}" if what else ""), label))
            pp = v.get("patternProperties")
            if isinstance(pp, dict):
                for pat, s in pp.items():
                    children.append(
                        (Located(s, part.doc, join(part.pointer, "patternProperties", pat)), frozenset(), what, label)
                    )
            branch_bounds = frozenset(b for b in bounds if b in ("maxLength", "maxItems"))
            for field in _BRANCHES:
                sub = v.get(field)
                if isinstance(sub, list):
                    for i, s in enumerate(sub):
                        loc_i = Located(s, part.doc, join(part.pointer, field, i))
                        children.append((loc_i, branch_bounds, what, label))
        stack.extend(reversed(children))


def _string_bounded(kw: dict[str, Any], bounds: frozenset[str], formats: set[str]) -> bool:
    if bounds & {"maxLength", "enum", "const"} or "contentEncoding" in kw:
        return True
    if kw.get("format") in formats:
        return True
    pattern = kw.get("pattern")
    return isinstance(pattern, str) and fixed_length_pattern(pattern)


def _array_bounded(kw: dict[str, Any], bounds: frozenset[str]) -> bool:
    if bounds & {"maxItems", "enum", "const"}:
        return True
    return "prefixItems" in kw and kw.get("items") is False
