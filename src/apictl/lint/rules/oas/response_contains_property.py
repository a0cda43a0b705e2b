from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import op_label
from apictl.lint.rules.oas.response_contains_header import expected_for, responses
from apictl.specs.openapi.access import Located, is_oas2
from apictl.specs.openapi.model import Node


def allof_properties(ctx: RuleContext, value: Any, doc: Document, pointer: str, seen: set[int]) -> set[str]:
    """Property names a schema defines, also through `allOf` (after `$ref`s)."""
    loc = ctx.deref(value, doc, pointer)
    if loc is None or not isinstance(loc.value, dict) or id(loc.value) in seen:
        return set()
    seen.add(id(loc.value))
    props = loc.value.get("properties")
    names = {k for k in props if isinstance(k, str)} if isinstance(props, dict) else set()
    branches = loc.value.get("allOf")
    if isinstance(branches, list):
        for i, item in enumerate(branches):
            names |= allof_properties(ctx, item, loc.doc, join(loc.pointer, "allOf", i), seen)
    return names


def _schemas(ctx: RuleContext, response: Located) -> Iterator[tuple[str, Located]]:
    """(media type, resolved schema) of a response's payloads."""
    value = response.value
    if is_oas2(ctx.version):
        loc = ctx.deref(value.get("schema"), response.doc, join(response.pointer, "schema"))
        if loc is not None and isinstance(loc.value, dict):
            yield "", loc
        return
    content = value.get("content")
    if not isinstance(content, dict):
        return
    for mt, media in content.items():
        mloc = ctx.deref(media, response.doc, join(response.pointer, "content", mt))
        if mloc is None or not isinstance(mloc.value, dict):
            continue
        loc = ctx.deref(mloc.value.get("schema"), mloc.doc, join(mloc.pointer, "schema"))
        if loc is not None and isinstance(loc.value, dict):
            yield str(mt), loc


@rule(
    code="OAS246",
    name="response-contains-property",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="all",
    category="correctness",
    redocly=("response-contains-property",),
    options={"names": {}},
)
def response_contains_property(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Response bodies should have the top-level properties the API promises for their status.

    ## What it does
    For each response of each operation (but `204`), looks up the property
    names configured for its status code (`200`), else for its class
    (`2XX` or `2xx`), and reports each one that the top-level schema of a
    payload of `type: object` does not define in its `properties` (also
    through `allOf`).

    With no `names` (the default) the rule reports nothing: configure it
    with your response envelope. Redocly's rule also checks nested object
    schemas of the payload; this one only the top level, where an envelope
    lives.

    ## Why is this bad?
    An API with an envelope (`data` + `meta`, or `items` + `next` on
    lists) promises it on every response; a response that leaves it out is
    either wrongly described or breaks clients that unwrap the envelope.

    ## Example
    ```yaml
    # names: {'2XX': [data]}
    '200':
      content:
        application/json:
          schema: {type: object, properties: {pets: {type: array}}}
    ```

    ## Use instead
    ```yaml
    '200':
      content:
        application/json:
          schema: {type: object, properties: {data: {type: array}}}
    ```

    ## Options
    - `names` (default `{}`): a map from status code (`'200'`), class
      (`'2XX'`) or `default` to the top-level property names its response
      bodies must define.

    ## References
    - https://redocly.com/docs/cli/rules/oas/response-contains-property
    """
    names = ctx.options.get("names", {})
    if not names:
        return
    for code, loc in responses(ctx, op):
        expected = expected_for(names, code)
        if code == "204" or not expected:
            continue
        for mt, schema in _schemas(ctx, loc):
            if schema.value.get("type") != "object":
                continue
            defined = allof_properties(ctx, schema.value, schema.doc, schema.pointer, set())
            where = f" ({mt})" if mt else ""
            for name in expected:
                if name not in defined:
                    yield Finding(
                        schema.doc,
                        join(schema.pointer, "properties"),
                        f"the `{code}` response{where} of {op_label(op)} has no top-level `{name}` property; "
                        "add it to the schema's `properties`",
                    )
