from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import path_keys
from apictl.specs.openapi.model import Node


@rule(
    code="OAS210",
    name="path-keys-no-trailing-slash",
    on="Paths",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("path-keys-no-trailing-slash",),
    redocly=("no-path-trailing-slash",),
)
def path_keys_no_trailing_slash(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Paths should not end with a slash.

    ## What it does
    Reports each path, other than the root path `/`, that ends with `/`.

    ## Why is this bad?
    Many servers and frameworks treat `/pets` and `/pets/` as different
    resources (or answer one with a redirect), so clients built from the
    description may call a URL the server does not serve. Keeping every path
    without a trailing slash also keeps the API consistent.

    ## Example
    ```yaml
    paths:
      /pets/:
        get: ...
    ```

    ## Use instead
    ```yaml
    paths:
      /pets:
        get: ...
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#paths-object
    """
    for key in path_keys(paths.value):
        if len(key) > 1 and key.endswith("/"):
            yield paths.report(f"path `{key}` ends with a slash; write it as `{key.rstrip('/') or '/'}`", key)
