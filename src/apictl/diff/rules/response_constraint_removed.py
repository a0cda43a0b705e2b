"""Breaking-change rule BRK150 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, CONSTRAINTS, check_id, constraint, fmt, found, keyword, side, subject


@rule(
    code="BRK150",
    name="response-constraint-removed",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "response-body-contains-removed",
        "response-property-contains-removed",
        "response-body-if-removed",
        "response-property-if-removed",
        "response-body-then-removed",
        "response-property-then-removed",
        "response-body-else-removed",
        "response-property-else-removed",
        "response-body-property-names-removed",
        "response-property-property-names-removed",
        "response-body-unevaluated-items-removed",
        "response-property-unevaluated-items-removed",
        "response-body-unevaluated-properties-removed",
        "response-property-unevaluated-properties-removed",
        "response-body-content-schema-removed",
        "response-property-content-schema-removed",
        "response-body-pattern-property-removed",
        "response-property-pattern-property-removed",
        "response-body-dependent-schema-removed",
        "response-property-dependent-schema-removed",
        "response-body-dependent-required-removed",
        "response-property-dependent-required-removed",
        "response-body-dependent-required-changed",
        "response-property-dependent-required-changed",
    ),
)
def response_constraint_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a subschema constraint removed from a response body or property.

    ## What it does
    Reports a `contains`, `if`, `then`, `else`, `propertyNames`, `unevaluatedItems`,
    `unevaluatedProperties` or `contentSchema` constraint, a `patternProperties` entry, a
    `dependentSchemas` entry or a `dependentRequired` entry removed from (or, for `dependentRequired`,
    changed in) a response body or property.

    Deliberate difference: oasdiff 1.15 ignores boolean subschemas (`unevaluatedItems: false`,
    `unevaluatedProperties: false`); apictl reports them too.

    ## Why is this bad?
    Clients relied on the guarantee the constraint gave; responses may now break it.

    ## Example
    previous: `{type: object, propertyNames: {pattern: '^[a-z]'}}`; current: `{type: object}`.

    ## Use instead
    Keep the guarantees responses gave; loosen them only in a new version.

    ## References
    - oasdiff: `response-body-contains-removed`, `response-property-contains-removed`,
      `response-body-if-removed`, `response-property-if-removed`, `response-body-then-removed`,
      `response-property-then-removed`, `response-body-else-removed`, `response-property-else-removed`,
      `response-body-property-names-removed`, `response-property-property-names-removed`,
      `response-body-unevaluated-items-removed`, `response-property-unevaluated-items-removed`,
      `response-body-unevaluated-properties-removed`,
      `response-property-unevaluated-properties-removed`, `response-body-content-schema-removed`,
      `response-property-content-schema-removed`, `response-body-pattern-property-removed`,
      `response-property-pattern-property-removed`, `response-body-dependent-schema-removed`,
      `response-property-dependent-schema-removed`, `response-body-dependent-required-removed`,
      `response-property-dependent-required-removed`, `response-body-dependent-required-changed`,
      `response-property-dependent-required-changed`
    """
    d = change.detail
    kw = keyword(change)
    if side(change) != "response" or kw not in CONSTRAINTS:
        return
    suffix = CONSTRAINTS[kw]
    if d.get("old_set") and not d.get("new_set"):
        msg = f"removed {constraint(change)} from {subject(change)}"
        yield found(change, msg, check_id(change, f"{suffix}-removed"))
    elif kw == "dependentRequired" and d.get("new_set") and d.get("old_set"):
        msg = f"{constraint(change)} of {subject(change)} changed from `{fmt(d['old'])}` to `{fmt(d['new'])}`"
        yield found(change, msg, check_id(change, "dependent-required-changed"))
