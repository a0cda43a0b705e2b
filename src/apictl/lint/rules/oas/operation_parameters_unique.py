from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import Param, item_context, operations, param_key, parameters
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import Node


@rule(
    code="OAS209",
    name="operation-parameters-unique",
    on="PathItem",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
    spectral=("operation-parameters",),
    redocly=("operation-parameters-unique",),
)
def operation_parameters_unique(item: Node, ctx: RuleContext) -> Iterator[Finding]:
    """An operation must not declare the same parameter twice.

    ## What it does
    Reports each entry of a `parameters` list (of an operation or of a path
    item) that repeats an earlier entry with the same `name` and `in`, after
    following `$ref`s; header names are compared case-insensitively, as HTTP
    does. An operation-level parameter that overrides a path-level one is
    fine. For OpenAPI 2.0 it also reports an operation with more than one
    `in: body` parameter, or with both `in: body` and `in: formData` ones.

    ## Why is this bad?
    The specification forbids duplicates: a parameter is identified by its
    name and location, so two definitions leave tools to pick one, and the
    other's schema, requiredness and description are silently lost. A
    request has a single body, so it cannot be described twice or as both a
    body and form fields.

    ## Example
    ```yaml
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
        - {name: limit, in: query, schema: {type: string}}
    ```

    ## Use instead
    ```yaml
    get:
      parameters:
        - {name: limit, in: query, schema: {type: integer}}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#operation-object
    - https://spec.openapis.org/oas/v2.0#operation-object
    """
    where = {
        "webhooks": f"webhook `{item.path}`",
        "callbacks": f"callback `{item.path}`",
        "components": f"path item `{item.path}`",
    }.get(item_context(item), f"`{item.path}`")
    item_params = parameters(ctx.ws, item.value, item.doc, item.pointer)
    yield from _duplicates(item_params, f"path item {where}")
    oas2 = is_oas2(ctx.version)
    for tokens, method, op in operations(item.value, ctx.version):
        own = parameters(ctx.ws, op, item.doc, join(item.pointer, *tokens))
        label = f"{method} {where}" if where.startswith("`") else f"{method} of {where}"
        yield from _duplicates(own, label)
        if oas2:
            yield from _body_checks(own, item_params, label)


def _describe(p: Param) -> str:
    return f"`{p.name}` (in: {p.location})"


def _duplicates(params: list[Param], label: str) -> Iterator[Finding]:
    seen: dict[tuple[str, str], Param] = {}
    for p in params:
        key = param_key(p)
        if key is None:
            continue
        first = seen.setdefault(key, p)
        if first is not p:
            doc, pointer = p.pointer_of("name")
            yield Finding(
                doc,
                pointer,
                f"parameter {_describe(p)} of {label} repeats `parameters[{first.index}]`; "
                "remove one of them (a parameter is identified by `name` and `in`)",
            )


def _body_checks(own: list[Param], inherited: list[Param], label: str) -> Iterator[Finding]:
    """2.0: at most one body, and not both a body and form fields (path-level ones included)."""
    overridden = {param_key(p) for p in own}
    effective = [p for p in inherited if param_key(p) not in overridden] + own
    bodies = [p for p in effective if p.location == "body"]
    for extra in bodies[1:]:
        doc, pointer = extra.pointer_of("in")
        yield Finding(
            doc,
            pointer,
            f"{label} has more than one `in: body` parameter (`{bodies[0].name}` and "
            f"`{extra.name}`); a request has a single body: keep one",
        )
    forms = [p for p in effective if p.location == "formData"]
    if bodies and forms:
        at = bodies[0] if bodies[0] in own and forms[0] not in own else forms[0]
        doc, pointer = at.pointer_of("in")
        yield Finding(
            doc,
            pointer,
            f"{label} has both an `in: body` parameter (`{bodies[0].name}`) and `in: formData` "
            f"ones (`{forms[0].name}`); describe the request as a body or as form fields",
        )
