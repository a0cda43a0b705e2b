"""Breaking-change rule BRK322 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_request, in_response, subject


@rule(
    code="BRK322",
    name="pattern-changed-compatibly",
    on=m.PATTERN_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-property-pattern-removed",
        "request-parameter-pattern-removed",
        "response-property-pattern-added",
        "response-property-pattern-changed",
        "response-property-pattern-removed",
        "request-property-pattern-generalized",
        "request-parameter-pattern-generalized",
    ),
)
def pattern_changed_compatibly(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a `pattern` removed in a request, or set, changed or removed in a response property.

    ## What it does
    Reports a `pattern` removed from a request property or parameter, or set, changed or removed on a
    response property.

    ## Why is this bad?
    Not breaking (for responses oasdiff lists pattern changes as information too): listed for the
    changelog.

    ## Example
    previous: `code: {pattern: '^[A-Z]{3}$'}` in a request; current: `code: {type: string}`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-property-pattern-removed`, `request-parameter-pattern-removed`,
      `response-property-pattern-added`, `response-property-pattern-changed`,
      `response-property-pattern-removed`, `request-property-pattern-generalized`,
      `request-parameter-pattern-generalized` (a pattern changed to the catch-all `.*`)
    """
    d = change.detail
    w = change.where
    old, new = d.get("old"), d.get("new")
    if in_request(change) and old is not None and new == ".*" and (w.section == m.PARAMETER) != bool(change.path):
        cid = (
            "request-parameter-pattern-generalized"
            if w.section == m.PARAMETER
            else "request-property-pattern-generalized"
        )
        msg = f"changed the pattern of {subject(change)} from `{old}` to a more general pattern `{new}`"
        yield found(change, msg, cid)
    elif in_request(change) and old is not None and new is None:
        if w.section == m.PARAMETER and not change.path:
            yield found(
                change, f"removed the pattern `{old}` from {subject(change)}", "request-parameter-pattern-removed"
            )
        elif w.section == m.REQUEST_BODY and change.path:
            yield found(
                change, f"removed the pattern `{old}` from {subject(change)}", "request-property-pattern-removed"
            )
    elif in_response(change) and change.path:
        if old is None:
            yield found(change, f"added the pattern `{new}` to {subject(change)}", "response-property-pattern-added")
        elif new is None:
            yield found(
                change, f"removed the pattern `{old}` from {subject(change)}", "response-property-pattern-removed"
            )
        else:
            msg = f"changed the pattern of {subject(change)} from `{old}` to `{new}`"
            yield found(change, msg, "response-property-pattern-changed")
