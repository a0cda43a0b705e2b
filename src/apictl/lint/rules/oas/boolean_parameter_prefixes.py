from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import Node

DEFAULT_PREFIXES = ["is", "has"]


@rule(
    code="OAS107",
    name="boolean-parameter-prefixes",
    on="Parameter",
    severity="warn",
    formats=ALL,
    preset="all",
    category="naming",
    redocly=("boolean-parameter-prefixes",),
    options={"prefixes": DEFAULT_PREFIXES},
)
def boolean_parameter_prefixes(param: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Boolean parameters should be named like a yes/no question: `isActive`, `hasPets`.

    ## What it does
    Reports each parameter of type `boolean` (its `schema`'s `type` in
    OpenAPI 3.x, its own `type` in 2.0) whose name does not start with one
    of the configured prefixes followed by an upper-case letter, `-` or `_`
    (`isActive`, `has_pets`, `is-public`).

    ## Why is this bad?
    A bare adjective or noun (`active`, `pets`, `delete`) does not say that
    the value is a flag, nor which way it reads: `?archived=false` may mean
    "not archived" or "do not archive". A prefix makes the meaning of
    `true` obvious at the call site and in generated code.

    ## Example
    ```yaml
    parameters:
      - name: active
        in: query
        schema: {type: boolean}
    ```

    ## Use instead
    ```yaml
    parameters:
      - name: isActive
        in: query
        schema: {type: boolean}
    ```

    ## Options
    - `prefixes` (default `["is", "has"]`): the allowed prefixes.

    ## References
    - https://redocly.com/docs/cli/rules/oas/boolean-parameter-prefixes
    """
    value = param.value
    if not isinstance(value, dict) or not isinstance(value.get("name"), str):
        return
    raw = ctx.options.get("prefixes", DEFAULT_PREFIXES)
    prefixes = [p for p in raw if isinstance(p, str) and p] if isinstance(raw, list) else []
    if not prefixes or not _is_boolean(value, param, ctx):
        return
    name = value["name"]
    pattern = re.compile("^(?:" + "|".join(re.escape(p) for p in prefixes) + ")[A-Z_-]")
    if pattern.match(name):
        return
    shown = " or ".join(f"`{p}`" for p in prefixes)
    example = prefixes[0] + name[:1].upper() + name[1:]
    yield param.report(
        f"boolean parameter `{name}` should start with {shown} (e.g. `{example}`), so that it reads as a "
        "yes/no question",
        "name",
    )


def _is_boolean(value: dict[str, Any], param: Node, ctx: RuleContext) -> bool:
    if is_oas2(ctx.version):
        return value.get("type") == "boolean"
    schema = value.get("schema")
    if schema is None:
        return False
    loc = ctx.deref(schema, param.doc, param.pointer + "/schema")
    if loc is None or not isinstance(loc.value, dict):
        return False
    declared = loc.value.get("type")
    if isinstance(declared, list):
        return "boolean" in declared and all(t in ("boolean", "null") for t in declared)
    return declared == "boolean"
