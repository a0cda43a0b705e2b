from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS2
from apictl.lint.rules.oas._paths_helpers import path_keys
from apictl.specs.openapi.model import Node


@rule(
    code="OAS230",
    name="schemes-defined",
    on="Root",
    severity="warn",
    formats=OAS2,
    preset="recommended",
    category="correctness",
    spectral=("oas2-api-schemes",),
)
def schemes_defined(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """An OpenAPI 2.0 API should say which transfer protocols it uses, with a non-empty `schemes` list.

    ## What it does
    For OpenAPI 2.0, reports a document without a top-level `schemes`
    list, or with an empty one. Documents without paths (libraries of
    shared definitions) are not reported.

    ## Why is this bad?
    Without `schemes`, the protocol defaults to the one used to fetch the
    description itself: a file read from disk or a documentation portal
    served over `http` gives clients no usable base URL, and code
    generators pick `http` for an API that only answers on `https`.

    ## Example
    ```yaml
    swagger: '2.0'
    host: api.petshop.io
    basePath: /v1
    ```

    ## Use instead
    ```yaml
    swagger: '2.0'
    host: api.petshop.io
    basePath: /v1
    schemes: [https]
    ```

    ## References
    - https://spec.openapis.org/oas/v2.0#swagger-object
    """
    if not any(path_keys(root.get("paths"))):
        return
    schemes = root.get("schemes")
    if schemes is None:
        yield root.report("the API has no `schemes`; list the protocols it is served over, e.g. `schemes: [https]`")
    elif isinstance(schemes, list) and not schemes:
        yield root.report("`schemes` is empty; list the protocols the API is served over, e.g. `[https]`", "schemes")
