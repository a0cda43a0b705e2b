"""Breaking-change rule BRK318 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, has_default, side


@rule(
    code="BRK318",
    name="required-changed-compatibly",
    on=m.REQUIRED_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-property-became-optional",
        "response-property-became-required",
        "request-property-became-required-with-default",
        "response-write-only-property-became-optional",
        "response-write-only-property-became-required",
    ),
)
def required_changed_compatibly(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request property that became optional, or a response property that became required.

    ## What it does
    Reports a request property that became optional (or required, with a `default`), or a response
    property that became required; and a `writeOnly` response property that became required or
    optional (it is not in responses anyway).

    ## Why is this bad?
    Not breaking: clients may send less, and receive at least as much. Listed for the changelog.

    ## Example
    previous: `required: [name, tag]` in a request; current: `required: [name]`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-property-became-optional`, `response-property-became-required`,
      `request-property-became-required-with-default`, `response-write-only-property-became-optional`,
      `response-write-only-property-became-required`
    """
    d = change.detail
    s = side(change)
    if s == "request" and d.get("required") and not d.get("read_only") and has_default(change):
        msg = f"the request property `{change.path}` with a default value became required"
        yield found(change, msg, "request-property-became-required-with-default")
    elif s == "response" and d.get("write_only"):
        became = "required" if d.get("required") else "optional"
        msg = f"the response write-only property `{change.path}` became {became} for the status `{change.where.status}`"
        yield found(change, msg, f"response-write-only-property-became-{became}")
    elif s == "request" and not d.get("required") and not d.get("read_only"):
        yield found(change, f"the request property `{change.path}` became optional", "request-property-became-optional")
    elif s == "response" and d.get("required") and not d.get("write_only"):
        msg = f"the response property `{change.path}` became required for the status `{change.where.status}`"
        yield found(change, msg, "response-property-became-required")
