from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._scale_helpers import (
    merge,
    names_option,
    parameter_schema,
    params,
    report_at,
    served,
    squash,
)
from apictl.lint.rules.oas.collection_pagination import PAGE_SIZE_PARAMS
from apictl.specs.openapi.model import Node


@rule(
    code="OAS502",
    name="page-size-bounded",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={"page_size_params": PAGE_SIZE_PARAMS},
)
def page_size_bounded(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A page-size parameter should declare its `maximum` and its `default`.

    ## What it does
    Reports a numeric page-size parameter (`limit`, `per_page`, `page_size`…,
    in the query or a header) of a `GET` operation under `paths` whose schema —
    `$ref`s and `allOf` followed; in OpenAPI 2.0 the parameter itself — has no
    `maximum` (or `exclusiveMaximum`), no `default`, or neither. The finding
    points at the schema (or, for 2.0, the parameter), where a shared
    parameter is reported once. Parameters that are not `integer` or `number`
    (`size=large`) are not page sizes and are skipped.

    ## Why is this bad?
    Without a declared maximum, nothing in the contract stops a client from
    asking for `limit=1000000`: the server either honours it (and the request
    that was meant to be bounded reads the whole table) or silently caps it
    (and clients that trust the number they sent miss items). A maximum
    written only in the description is invisible to validators, gateways and
    generated clients. Without a default, the page size of a plain request is
    unknown, so clients cannot plan their calls and the server cannot change
    it without breaking someone.

    ## Example
    ```yaml
    parameters:
      - name: per_page
        in: query
        description: Results per page (max 100).
        schema: {type: integer}
    ```

    ## Use instead
    ```yaml
    parameters:
      - name: per_page
        in: query
        description: Results per page.
        schema: {type: integer, minimum: 1, maximum: 100, default: 30}
    ```

    ## Options
    - `page_size_params` (default `limit`, `per_page`, `page_size`, `size`,
      `max_results`, `max_items`, `top`, `take`): the parameters that set the
      page size, compared loosely (`pageSize` matches `page_size`).

    ## References
    - https://google.aip.dev/158 (Pagination: `page_size` and its maximum)
    - https://spec.openapis.org/oas/v3.1.0#parameter-object
    """
    if op.method != "get" or not served(op):
        return
    wanted = {squash(n) for n in names_option(ctx, "page_size_params", PAGE_SIZE_PARAMS)}
    for p in params(ctx, op):
        name = p.value.get("name")
        if p.value.get("in") not in ("query", "header") or not isinstance(name, str) or squash(name) not in wanted:
            continue
        where = parameter_schema(p, ctx.version)
        m = merge(ctx, where.value, where.doc, where.pointer)
        if m is None or not m.types or not m.types <= {"integer", "number"}:
            continue
        missing = [k for k in ("maximum", "default") if k not in m.keywords]
        if "exclusiveMaximum" in m.keywords and not isinstance(m.keywords["exclusiveMaximum"], bool):
            missing = [k for k in missing if k != "maximum"]
        if not missing:
            continue
        why = {
            "maximum": "the largest page the server returns",
            "default": "the page size used when it is omitted",
        }
        detail = " and ".join(f"no `{k}` ({why[k]})" for k in missing)
        yield report_at(
            m.loc,
            f"page-size parameter `{name}` declares {detail}; "
            + (
                "without it a client can ask for an unbounded page"
                if missing == ["maximum"]
                else "without it a client cannot know the page it gets"
                if missing == ["default"]
                else "without them a client can ask for an unbounded page and cannot know the one it gets"
            ),
        )
