from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import normalise, path_keys
from apictl.specs.openapi.model import Node


@rule(
    code="OAS205",
    name="no-identical-paths",
    on="Paths",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
    spectral=("path-params",),
    redocly=("no-identical-paths",),
)
def no_identical_paths(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Two paths must not differ only in the names of their template variables.

    ## What it does
    Reports each path that is the same as an earlier one once the names of
    their template variables are ignored (`/pets/{petId}` and `/pets/{id}`),
    naming the earlier path. The later path is reported, on its key.

    ## Why is this bad?
    The specification calls such paths identical and invalid: a request for
    `/pets/42` matches both, so no server, gateway or client can tell which
    path item (and which operations) applies. Usually an operation was added
    under a second spelling of the same resource.

    ## Example
    ```yaml
    paths:
      /pets/{petId}:
        get: ...
      /pets/{id}:
        delete: ...
    ```

    ## Use instead
    ```yaml
    paths:
      /pets/{petId}:
        get: ...
        delete: ...
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#paths-object
    """
    first: dict[str, str] = {}
    for key in path_keys(paths.value):
        shape = normalise(key)
        prev = first.setdefault(shape, key)
        if prev != key:
            yield paths.report(
                f"path `{key}` is identical to `{prev}` except for variable names, so a request "
                f"cannot tell them apart; merge their operations under one path",
                key,
            )
