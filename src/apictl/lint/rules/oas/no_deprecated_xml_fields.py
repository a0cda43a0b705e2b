from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.specs.openapi.model import Node

_REPLACEMENT = {"attribute": "nodeType: attribute", "wrapped": "nodeType: element"}


@rule(
    code="OAS233",
    name="no-deprecated-xml-fields",
    on="Schema",
    severity="warn",
    formats=("oas3.2",),
    preset="recommended",
    category="correctness",
    spectral=("oas3_2-no-deprecated-xml-attribute",),
)
def no_deprecated_xml_fields(schema: Node, ctx: RuleContext) -> Iterator[Finding]:
    """XML objects should use `nodeType` instead of the deprecated `attribute` and `wrapped`.

    ## What it does
    For OpenAPI 3.2, reports `xml.attribute: true` (use `nodeType:
    attribute`) and `xml.wrapped: true` (use `nodeType: element`) in any
    schema. Spectral reports only `attribute`.

    ## Why is this bad?
    OpenAPI 3.2 replaced both booleans with `nodeType`, which also covers
    text and CDATA nodes, and forbids combining them with it. Tools written
    for 3.2 may ignore the deprecated fields, and serialise the property as
    an element (or an unwrapped list) instead.

    ## Example
    ```yaml
    id:
      type: integer
      xml: {attribute: true}
    ```

    ## Use instead
    ```yaml
    id:
      type: integer
      xml: {nodeType: attribute}
    ```

    ## References
    - https://spec.openapis.org/oas/v3.2.0#xml-object
    """
    xml = schema.get("xml")
    if not isinstance(xml, dict):
        return
    for field, replacement in _REPLACEMENT.items():
        if xml.get(field) is True:
            yield schema.report(
                f"`xml.{field}` is deprecated in OpenAPI 3.2; use `{replacement}` instead", "xml", field
            )
