from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS401",
    name="info-contact",
    on="Info",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("info-contact",),
    redocly=("info-contact",),
)
def info_contact(info: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The `info` object should say whom to contact about the API.

    ## What it does
    Reports an `info` object without a `contact` object.

    ## Why is this bad?
    Consumers who find a bug, need access or want to be told about breaking
    changes need someone to reach; a contract without an owner decays.

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
      contact:
        name: Pets team
        email: pets@example.com
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#contact-object
    """
    if isinstance(info.value, dict) and "contact" not in info.value:
        yield info.report("info object should contain a `contact` object")
