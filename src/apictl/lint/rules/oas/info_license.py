from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node


@rule(
    code="OAS403",
    name="info-license",
    on="Info",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("info-license",),
    redocly=("info-license",),
)
def info_license(info: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The `info` object should have a `license`.

    ## What it does
    Reports an `info` object without a `license` object.

    ## Why is this bad?
    Without a license, consumers (and their legal teams) cannot tell under
    which terms they may use the API and its description: whether they may
    generate and publish clients from it, mirror it, or build on it.

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
      license:
        name: Apache 2.0
        url: https://www.apache.org/licenses/LICENSE-2.0.html
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#license-object
    - https://redocly.com/docs/cli/rules/oas/info-license
    """
    if isinstance(info.value, dict) and info.value.get("license") is None:
        yield info.report("info object should have a `license` saying under which terms the API may be used")
