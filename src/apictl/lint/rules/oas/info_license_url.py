from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import BLANK, MISSING, text_state
from apictl.specs.openapi.model import Node


@rule(
    code="OAS404",
    name="info-license-url",
    on="License",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("license-url",),
    redocly=("info-license-strict", "info-license-url"),
)
def info_license_url(license_: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The license should link to its text (or, from OpenAPI 3.1, name its SPDX identifier).

    ## What it does
    Reports a `license` object without a `url`; in OpenAPI 3.1 and later, one
    with neither a `url` nor an `identifier` (an SPDX license expression such
    as `Apache-2.0`; the two fields are mutually exclusive). Also reports a
    `url` or `identifier` that is an empty string.

    ## Why is this bad?
    A license name alone is ambiguous ("BSD", "Proprietary"): readers need
    the actual terms. A link to the text, or a standard SPDX identifier that
    tools can look up, removes the guesswork.

    ## Example
    ```yaml
    info:
      license:
        name: MIT
    ```

    ## Use instead
    ```yaml
    info:
      license:
        name: MIT
        url: https://opensource.org/license/mit
        # or, in OpenAPI 3.1+: identifier: MIT
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#license-object
    - https://spdx.org/licenses/
    - https://redocly.com/docs/cli/rules/oas/info-license-strict
    """
    if not isinstance(license_.value, dict):
        return
    name = license_.get("name")
    what = f"license `{name}`" if isinstance(name, str) and name.strip() else "license"
    url = text_state(license_, "url")
    if ctx.version in ("oas3.1", "oas3.2"):
        ident = text_state(license_, "identifier")
        if url == MISSING and ident == MISSING:
            yield license_.report(
                f"{what} has neither a `url` nor an `identifier`; link to the license text or give its SPDX "
                "identifier (e.g. `identifier: Apache-2.0`)"
            )
        if ident == BLANK:
            yield license_.report(
                f"{what} has an empty `identifier`; give its SPDX identifier (e.g. `MIT`)", "identifier"
            )
    elif url == MISSING:
        yield license_.report(f"{what} has no `url`; link to the license text")
    if url == BLANK:
        yield license_.report(f"{what} has an empty `url`; link to the license text", "url")
