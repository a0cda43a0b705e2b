"""Breaking-change rule BRK308 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, CONSTRAINTS, check_id, constraint, fmt, found, keyword, side, subject


@rule(
    code="BRK308",
    name="request-constraint-relaxed",
    on=m.KEYWORD_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-body-contains-removed",
        "request-property-contains-removed",
        "request-body-if-removed",
        "request-property-if-removed",
        "request-body-then-removed",
        "request-property-then-removed",
        "request-body-else-removed",
        "request-property-else-removed",
        "request-body-property-names-removed",
        "request-property-property-names-removed",
        "request-body-unevaluated-items-removed",
        "request-property-unevaluated-items-removed",
        "request-body-unevaluated-properties-removed",
        "request-property-unevaluated-properties-removed",
        "request-body-content-schema-removed",
        "request-property-content-schema-removed",
        "request-body-pattern-property-removed",
        "request-property-pattern-property-removed",
        "request-body-dependent-schema-removed",
        "request-property-dependent-schema-removed",
        "request-body-dependent-required-removed",
        "request-property-dependent-required-removed",
        "request-body-const-removed",
        "request-property-const-removed",
        "request-body-prefix-items-added",
        "request-property-prefix-items-added",
    ),
)
def request_constraint_relaxed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a constraint removed from a request body or property.

    ## What it does
    Reports a subschema constraint (`contains`, `if`/`then`/`else`, `propertyNames`, `unevaluated*`,
    `contentSchema`, `patternProperties`, `dependentSchemas`, `dependentRequired` entries), a `const`,
    removed from a request body or property, or `prefixItems` members added to it.

    Deliberate difference: oasdiff 1.15 ignores boolean subschemas (`unevaluatedItems: false`,
    `unevaluatedProperties: false`); apictl reports them too.

    ## Why is this bad?
    Not breaking: requests accepted before are still accepted. Listed for the changelog.

    ## Example
    previous: `{type: object, propertyNames: {pattern: '^[a-z]'}}`; current: `{type: object}` in a
    request.

    ## Use instead
    Nothing to do; document the wider input.

    ## References
    - oasdiff: `request-body-contains-removed`, `request-property-contains-removed`,
      `request-body-if-removed`, `request-property-if-removed`, `request-body-then-removed`,
      `request-property-then-removed`, `request-body-else-removed`, `request-property-else-removed`,
      `request-body-property-names-removed`, `request-property-property-names-removed`,
      `request-body-unevaluated-items-removed`, `request-property-unevaluated-items-removed`,
      `request-body-unevaluated-properties-removed`, `request-property-unevaluated-properties-removed`,
      `request-body-content-schema-removed`, `request-property-content-schema-removed`,
      `request-body-pattern-property-removed`, `request-property-pattern-property-removed`,
      `request-body-dependent-schema-removed`, `request-property-dependent-schema-removed`,
      `request-body-dependent-required-removed`, `request-property-dependent-required-removed`,
      `request-body-const-removed`, `request-property-const-removed`, `request-body-prefix-items-added`,
      `request-property-prefix-items-added`
    """
    d = change.detail
    kw = keyword(change)
    if side(change) != "request":
        return
    if kw in CONSTRAINTS and d.get("old_set") and not d.get("new_set"):
        msg = f"removed {constraint(change)} from {subject(change)}"
        yield found(change, msg, check_id(change, f"{CONSTRAINTS[kw]}-removed"))
    elif kw == "const" and d.get("old_set") and not d.get("new_set"):
        msg = f"{subject(change)}: const value `{fmt(d['old'])}` was removed"
        yield found(change, msg, check_id(change, "const-removed"))
    elif kw == "prefixItems" and int(d.get("new") or 0) > int(d.get("old") or 0):
        for i in range(int(d.get("old") or 0), int(d.get("new") or 0)):
            msg = f"added `subschema #{i + 1}` to the `prefixItems` of {subject(change)}"
            yield found(change, msg, check_id(change, "prefix-items-added"))
