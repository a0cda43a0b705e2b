"""Breaking-change rule BRK149 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, CONSTRAINTS, check_id, constraint, fmt, found, keyword, side, subject


@rule(
    code="BRK149",
    name="request-constraint-added",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-contains-added",
        "request-property-contains-added",
        "request-body-if-added",
        "request-property-if-added",
        "request-body-then-added",
        "request-property-then-added",
        "request-body-else-added",
        "request-property-else-added",
        "request-body-property-names-added",
        "request-property-property-names-added",
        "request-body-unevaluated-items-added",
        "request-property-unevaluated-items-added",
        "request-body-unevaluated-properties-added",
        "request-property-unevaluated-properties-added",
        "request-body-content-schema-added",
        "request-property-content-schema-added",
        "request-body-pattern-property-added",
        "request-property-pattern-property-added",
        "request-body-dependent-schema-added",
        "request-property-dependent-schema-added",
        "request-body-dependent-required-added",
        "request-property-dependent-required-added",
        "request-body-dependent-required-changed",
        "request-property-dependent-required-changed",
    ),
)
def request_constraint_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a subschema constraint added to a request body or property.

    ## What it does
    Reports a `contains`, `if`, `then`, `else`, `propertyNames`, `unevaluatedItems`,
    `unevaluatedProperties` or `contentSchema` constraint, a `patternProperties` entry, a
    `dependentSchemas` entry or a `dependentRequired` entry added to (or, for `dependentRequired`,
    changed in) a request body or property.

    Deliberate difference: oasdiff 1.15 ignores boolean subschemas (`unevaluatedItems: false`,
    `unevaluatedProperties: false`); apictl reports them too.

    ## Why is this bad?
    Requests that were valid before may now fail validation.

    ## Example
    previous: `tags: {type: array}`; current: `tags: {type: array, contains: {const: pets}}`.

    ## Use instead
    Add new constraints only in a new version, or keep them optional (documentation only).

    ## References
    - oasdiff: `request-body-contains-added`, `request-property-contains-added`,
      `request-body-if-added`, `request-property-if-added`, `request-body-then-added`,
      `request-property-then-added`, `request-body-else-added`, `request-property-else-added`,
      `request-body-property-names-added`, `request-property-property-names-added`,
      `request-body-unevaluated-items-added`, `request-property-unevaluated-items-added`,
      `request-body-unevaluated-properties-added`, `request-property-unevaluated-properties-added`,
      `request-body-content-schema-added`, `request-property-content-schema-added`,
      `request-body-pattern-property-added`, `request-property-pattern-property-added`,
      `request-body-dependent-schema-added`, `request-property-dependent-schema-added`,
      `request-body-dependent-required-added`, `request-property-dependent-required-added`,
      `request-body-dependent-required-changed`, `request-property-dependent-required-changed`
    """
    d = change.detail
    kw = keyword(change)
    if side(change) != "request" or kw not in CONSTRAINTS:
        return
    suffix = CONSTRAINTS[kw]
    if d.get("new_set") and not d.get("old_set"):
        yield found(change, f"added {constraint(change)} to {subject(change)}", check_id(change, f"{suffix}-added"))
    elif kw == "dependentRequired" and d.get("new_set") and d.get("old_set"):
        msg = f"{constraint(change)} of {subject(change)} changed from `{fmt(d['old'])}` to `{fmt(d['new'])}`"
        yield found(change, msg, check_id(change, "dependent-required-changed"))
