from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.specs.openapi.model import Node

_NAME = re.compile(r"[a-zA-Z0-9.\-_]+")
_BAD = re.compile(r"[^a-zA-Z0-9.\-_]")
_SECTIONS = (
    "schemas",
    "responses",
    "parameters",
    "examples",
    "requestBodies",
    "headers",
    "securitySchemes",
    "links",
    "callbacks",
)


def _show(ch: str) -> str:
    return "space" if ch == " " else (f"`{ch}`" if ch.isprintable() else f"U+{ord(ch):04X}")


# OpenAPI 3.1 and 3.2 express this constraint in their official schema (`propertyNames`), so
# valid-structure (OAS200) already reports it there; the 3.0 schema does not.
@rule(
    code="OAS106",
    name="no-invalid-component-names",
    on="Root",
    severity="error",
    formats=("oas3.0",),
    preset="minimal",
    category="correctness",
    redocly=("spec-components-invalid-map-name",),
)
def no_invalid_component_names(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Component names must only use letters, digits, `.`, `-` and `_`.

    ## What it does
    Reports each key under `components` (`schemas`, `responses`,
    `parameters`, `examples`, `requestBodies`, `headers`, `securitySchemes`,
    `links`, `callbacks`) that does not match `^[a-zA-Z0-9.\\-_]+$`, listing
    the characters that are not allowed.

    This rule checks OpenAPI 3.0 documents; for 3.1 and 3.2 the official
    schema carries the same constraint, so `valid-structure` (OAS200) reports
    it.

    ## Why is this bad?
    The specification requires component names to match that pattern. Names
    with spaces, slashes or other punctuation must be percent- or
    pointer-escaped in every `$ref` (`#/components/schemas/Pet%20Owner`,
    `a~1b`), which tools get wrong, and code generators cannot turn them into
    type names.

    ## Example
    ```yaml
    components:
      schemas:
        Pet Owner:
          type: object
    ```

    ## Use instead
    ```yaml
    components:
      schemas:
        PetOwner:
          type: object
    ```

    ## References
    - https://spec.openapis.org/oas/v3.0.3#components-object
    - https://redocly.com/docs/cli/rules/oas/spec-components-invalid-map-name
    """
    comps = root.get("components")
    if not isinstance(comps, dict):
        return
    for section in _SECTIONS:
        entries = comps.get(section)
        if not isinstance(entries, dict):
            continue
        for name in entries:
            if not isinstance(name, str) or _NAME.fullmatch(name):
                continue
            bad: list[str] = []
            for ch in _BAD.findall(name):
                if ch not in bad:
                    bad.append(ch)
            what = (
                f"component name `{name}` in `{section}` contains characters that are not allowed "
                f"({', '.join(_show(ch) for ch in bad)})"
                if bad
                else f"a component name in `{section}` is empty"
            )
            yield root.report(f"{what}; use only letters, digits, `.`, `-` and `_`", "components", section, name)
