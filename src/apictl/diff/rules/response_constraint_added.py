"""Breaking-change rule BRK309 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, CONSTRAINTS, check_id, constraint, fmt, found, keyword, side, subject


@rule(
    code="BRK309",
    name="response-constraint-added",
    on=m.KEYWORD_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "response-body-contains-added",
        "response-property-contains-added",
        "response-body-if-added",
        "response-property-if-added",
        "response-body-then-added",
        "response-property-then-added",
        "response-body-else-added",
        "response-property-else-added",
        "response-body-property-names-added",
        "response-property-property-names-added",
        "response-body-unevaluated-items-added",
        "response-property-unevaluated-items-added",
        "response-body-unevaluated-properties-added",
        "response-property-unevaluated-properties-added",
        "response-body-content-schema-added",
        "response-property-content-schema-added",
        "response-body-pattern-property-added",
        "response-property-pattern-property-added",
        "response-body-dependent-schema-added",
        "response-property-dependent-schema-added",
        "response-body-dependent-required-added",
        "response-property-dependent-required-added",
        "response-body-const-added",
        "response-property-const-added",
        "response-body-prefix-items-removed",
        "response-property-prefix-items-removed",
    ),
)
def response_constraint_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a constraint added to a response body or property.

    ## What it does
    Reports a subschema constraint (`contains`, `if`/`then`/`else`, `propertyNames`, `unevaluated*`,
    `contentSchema`, `patternProperties`, `dependentSchemas`, `dependentRequired` entries) or a `const`
    added to a response body or property, or `prefixItems` members removed from it.

    Deliberate difference: oasdiff 1.15 ignores boolean subschemas (`unevaluatedItems: false`,
    `unevaluatedProperties: false`); apictl reports them too.

    ## Why is this bad?
    Not breaking: responses now promise more. Listed for the changelog.

    ## Example
    previous: `kind: {type: string}`; current: `kind: {type: string, const: cat}` in a response.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `response-body-contains-added`, `response-property-contains-added`,
      `response-body-if-added`, `response-property-if-added`, `response-body-then-added`,
      `response-property-then-added`, `response-body-else-added`, `response-property-else-added`,
      `response-body-property-names-added`, `response-property-property-names-added`,
      `response-body-unevaluated-items-added`, `response-property-unevaluated-items-added`,
      `response-body-unevaluated-properties-added`, `response-property-unevaluated-properties-added`,
      `response-body-content-schema-added`, `response-property-content-schema-added`,
      `response-body-pattern-property-added`, `response-property-pattern-property-added`,
      `response-body-dependent-schema-added`, `response-property-dependent-schema-added`,
      `response-body-dependent-required-added`, `response-property-dependent-required-added`,
      `response-body-const-added`, `response-property-const-added`,
      `response-body-prefix-items-removed`, `response-property-prefix-items-removed`
    """
    d = change.detail
    kw = keyword(change)
    if side(change) != "response":
        return
    if kw in CONSTRAINTS and d.get("new_set") and not d.get("old_set"):
        yield found(
            change, f"added {constraint(change)} to {subject(change)}", check_id(change, f"{CONSTRAINTS[kw]}-added")
        )
    elif kw == "const" and d.get("new_set") and not d.get("old_set"):
        msg = f"{subject(change)}: const value `{fmt(d['new'])}` was set"
        yield found(change, msg, check_id(change, "const-added"))
    elif kw == "prefixItems" and int(d.get("new") or 0) < int(d.get("old") or 0):
        for i in range(int(d.get("new") or 0), int(d.get("old") or 0)):
            msg = f"removed `subschema #{i + 1}` from the `prefixItems` of {subject(change)}"
            yield found(change, msg, check_id(change, "prefix-items-removed"))
