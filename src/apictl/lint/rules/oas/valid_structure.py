from __future__ import annotations

from collections.abc import Iterator

from apictl.core.document import Document
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL


@rule(
    code="OAS200",
    name="valid-structure",
    on="Document",
    severity="error",
    formats=ALL,
    preset="minimal",
    category="correctness",
    spectral=("oas2-schema", "oas3-schema", "oas2-anyOf", "oas2-oneOf"),
    redocly=(
        "struct",
        "spec-strict-refs",
        "spec-components-invalid-map-name",
        "spec-querystring-parameters",
        "spec-no-invalid-encoding-combinations",
        "spec-example-values",
    ),
)
def valid_structure(doc: Document, ctx: RuleContext) -> Iterator[Finding]:
    """The document must conform to the official OpenAPI schema for its version.

    ## What it does
    Validates the whole document against the JSON Schema published by the
    OpenAPI Initiative for its version (2.0, 3.0, 3.1 or 3.2) and reports each
    violation once, at the offending node, in words: a missing required field, a
    field of the wrong type, an unknown property, a value outside its enum.

    ## Why is this bad?
    Every other tool in the chain (generators, mock servers, gateways,
    documentation) assumes a valid document; an invalid one is read differently
    by each of them, or rejected.

    ## Example
    ```yaml
    paths:
      /pets:
        get:
          responses:
            '200': {}          # description is required
    ```

    ## Use instead
    ```yaml
    paths:
      /pets:
        get:
          responses:
            '200':
              description: The pets
    ```

    ## References
    - https://spec.openapis.org/#openapi-specification-schemas
    """
    from apictl.lint.structural import validate

    for pointer, message in validate(doc.data, ctx.version):
        yield Finding(doc, pointer, message)
