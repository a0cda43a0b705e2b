from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._example_messages import short
from apictl.specs.openapi.model import Node


def _canonical(value: Any) -> Any:
    """A hashable form under which JSON-equal values are equal (1 == 1.0, but
    true != 1; object key order does not matter)."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return (type(value).__name__, value)
    if isinstance(value, (int, float)):
        return ("number", value)
    return ("json", json.dumps(value, sort_keys=True, default=str))


@rule(
    code="OAS224",
    name="no-duplicated-enum-entries",
    on="Schema",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("duplicated-entry-in-enum",),
    redocly=("no-duplicated-enum-values",),
)
def no_duplicated_enum_entries(schema: Node, ctx: RuleContext) -> Iterable[Finding]:
    """An `enum` must not list the same value twice.

    ## What it does
    Reports each value of a schema's `enum` that equals an earlier one, in the
    JSON sense: `1` and `1.0` are the same value, `1` and `true` or `"1"` are
    not, and objects are compared whatever the order of their keys.

    ## Why is this bad?
    JSON Schema wants enum values to be unique (Draft 4 requires it); a
    duplicate is usually a copy-paste slip hiding a value that was meant to be
    there, and code generators fail on, or silently merge, the repeated
    enum member.

    ## Example
    ```yaml
    type: string
    enum: [cat, dog, cat]
    ```

    ## Use instead
    ```yaml
    type: string
    enum: [cat, dog, bird]
    ```

    ## References
    - https://json-schema.org/draft/2020-12/json-schema-validation#section-6.1.2
    """
    value = schema.value
    if not isinstance(value, dict) or "enum" not in value:
        return ()
    enum = value["enum"]
    if not isinstance(enum, list) or len(enum) < 2:
        return ()
    try:  # fast path: distinct scalars
        if len({_canonical(v) for v in enum}) == len(enum):
            return ()
    except TypeError:
        pass
    first: dict[Any, int] = {}
    out = []
    for i, item in enumerate(enum):
        key = _canonical(item)
        if key in first:
            what = f"at index {i}" if isinstance(item, (dict, list)) else short(item)
            out.append(
                schema.report(
                    f"enum value {what} is listed twice (first at index {first[key]}); remove the duplicate", "enum", i
                )
            )
        else:
            first[key] = i
    return out
