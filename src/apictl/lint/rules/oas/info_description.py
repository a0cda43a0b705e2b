from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import require_text
from apictl.specs.openapi.model import Node


@rule(
    code="OAS402",
    name="info-description",
    on="Info",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("info-description",),
)
def info_description(info: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The `info` object should have a non-empty `description`.

    ## What it does
    Reports an `info` object without a `description`, or whose `description`
    is empty or only whitespace.

    ## Why is this bad?
    The API description is the landing page of its documentation: what the
    API is for, how to authenticate, where to get keys, rate limits, whom to
    ask. Without it readers start from a list of endpoints and guess. It may
    use Markdown (CommonMark).

    ## Example
    ```yaml
    info:
      title: Pets
      version: 1.0.0
    ```

    ## Use instead
    ```yaml
    info:
      title: Pets
      version: 1.0.0
      description: |
        Manage the pets of a shop. Authenticate with an API key from
        https://dev.example.org/keys in the `X-Api-Key` header.
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#info-object
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#info-description
    """
    yield from require_text(
        info,
        "description",
        "info object should have a `description`: say what the API is for, how to authenticate and where to start",
        "info `description` is empty; say what the API is for, how to authenticate and where to start",
    )
