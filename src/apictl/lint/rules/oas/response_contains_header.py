from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import op_label
from apictl.specs.openapi.access import Located
from apictl.specs.openapi.model import Node


def expected_for(names: Any, code: str) -> list[str]:
    """The names configured for a status code: by exact code, else by class (`2XX`, `2xx`)."""
    if not isinstance(names, dict):
        return []
    keys = [code]
    if len(code) == 3 and code[0].isdigit():
        keys += [f"{code[0]}XX", f"{code[0]}xx"]
    for key in keys:
        found = names.get(key)
        if isinstance(found, list):
            return [n for n in found if isinstance(n, str)]
    return []


def responses(ctx: RuleContext, op: Node) -> Iterator[tuple[str, Located]]:
    """(status code, resolved Response) of an operation."""
    value = op.get("responses")
    if not isinstance(value, dict):
        return
    for code, response in value.items():
        if str(code).startswith("x-"):
            continue
        loc = ctx.deref(response, op.doc, join(op.pointer, "responses", code))
        if loc is not None and isinstance(loc.value, dict):
            yield str(code), loc


@rule(
    code="OAS245",
    name="response-contains-header",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="all",
    category="correctness",
    redocly=("response-contains-header",),
    options={"names": {}},
)
def response_contains_header(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Responses should document the headers the API promises on every response of their status.

    ## What it does
    For each response of each operation, looks up the headers configured
    for its status code (`200`), else for its class (`2XX` or `2xx`), and
    reports each one the response's `headers` do not declare (compared
    case-insensitively, as HTTP does).

    With no `names` (the default) the rule reports nothing: configure it
    with the headers your API guarantees, such as a request id or rate
    limit headers.

    ## Why is this bad?
    Headers that every response carries (`X-Request-Id`, `RateLimit`,
    `Location` on a `201`) are part of the contract: if the description
    omits them, clients do not know they can rely on them, generated SDKs
    do not expose them, and contract tests do not check them.

    ## Example
    ```yaml
    # names: {'2XX': [X-Request-Id]}
    responses:
      '200':
        description: ok
    ```

    ## Use instead
    ```yaml
    responses:
      '200':
        description: ok
        headers:
          X-Request-Id: {schema: {type: string}}
    ```

    ## Options
    - `names` (default `{}`): a map from status code (`'201'`), class
      (`'2XX'`) or `default` to the header names its responses must
      declare.

    ## References
    - https://redocly.com/docs/cli/rules/oas/response-contains-header
    """
    names = ctx.options.get("names", {})
    if not names:
        return
    for code, loc in responses(ctx, op):
        expected = expected_for(names, code)
        if not expected:
            continue
        headers = loc.value.get("headers")
        declared = {h.lower() for h in headers if isinstance(h, str)} if isinstance(headers, dict) else set()
        for name in expected:
            if name.lower() not in declared:
                yield Finding(
                    loc.doc,
                    join(loc.pointer, "headers"),
                    f"the `{code}` response of {op_label(op)} does not declare the `{name}` header; add it to "
                    "`headers`",
                )
