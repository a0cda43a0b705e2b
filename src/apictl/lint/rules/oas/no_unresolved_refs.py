from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.walker import RefSite


@rule(
    code="OAS201",
    name="no-unresolved-refs",
    on="Ref",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
    spectral=("invalid-ref",),
    redocly=("no-unresolved-refs",),
)
def no_unresolved_refs(site: RefSite, ctx: RuleContext) -> Iterator[Finding]:
    """Every `$ref` must resolve.

    ## What it does
    Reports each `$ref` that cannot be followed: a missing file, a missing
    target inside a file, an invalid JSON-pointer escape, a circular chain of
    references that never reaches a value, a file outside the project's root
    folder, or a remote reference while network access is off. The finding is
    placed on the `$ref` itself, in the file where it is written.

    ## Why is this bad?
    An unresolved reference leaves a hole in the contract: generators fail or
    emit `Any`, mock servers cannot answer, and consumers read the docs wrong.

    ## Example
    ```yaml
    schema:
      $ref: '#/components/schemas/Pett'   # typo
    ```

    ## Use instead
    ```yaml
    schema:
      $ref: '#/components/schemas/Pet'
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#reference-object
    """
    if site.error is not None:
        yield Finding(site.doc, join(site.pointer, "$ref"), site.error)
