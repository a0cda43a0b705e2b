from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node

DEFAULT_ORDER = ["get", "head", "post", "put", "patch", "delete", "options", "query", "trace"]


@rule(
    code="OAS109",
    name="path-http-verbs-order",
    on="PathItem",
    severity="warn",
    formats=ALL,
    preset="all",
    category="naming",
    redocly=("path-http-verbs-order",),
    options={"order": DEFAULT_ORDER},
)
def path_http_verbs_order(item: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The operations of a path should be written in a consistent order of HTTP methods.

    ## What it does
    Reports each operation of a path item (under `paths`, `webhooks`,
    callbacks or reusable path items) that is written after an operation
    whose method comes later in the configured order. By default the order
    is `get`, `head`, `post`, `put`, `patch`, `delete`, `options`, `query`,
    `trace`; methods not in the list are ignored.

    ## Why is this bad?
    Documentation renders operations in the order they are written. A
    consistent order (read before write, create before delete) lets readers
    find an operation without scanning, and keeps diffs of the description
    small when operations are added.

    ## Example
    ```yaml
    /pets/{id}:
      delete: {...}
      get: {...}
    ```

    ## Use instead
    ```yaml
    /pets/{id}:
      get: {...}
      delete: {...}
    ```

    ## Options
    - `order` (default `["get", "head", "post", "put", "patch", "delete",
      "options", "query", "trace"]`): the expected order of methods.

    ## References
    - https://redocly.com/docs/cli/rules/oas/path-http-verbs-order
    """
    value = item.value
    raw = ctx.options.get("order", DEFAULT_ORDER)
    if not isinstance(value, dict) or not isinstance(raw, list):
        return
    rank = {str(m).lower(): i for i, m in enumerate(raw)}
    written = [k for k in value if isinstance(k, str) and k in rank]
    for before, after in zip(written, written[1:], strict=False):
        if rank[after] < rank[before]:
            expected = ", ".join(sorted(written, key=rank.__getitem__))
            yield item.report(
                f"`{after}` should be written before `{before}`; order the operations as {expected}", after
            )
