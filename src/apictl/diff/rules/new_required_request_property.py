"""Breaking-change rule BRK110 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, has_default, in_request, subject


@rule(
    code="BRK110",
    name="new-required-request-property",
    on=m.PROPERTY_ADDED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("new-required-request-property", "new-required-request-header-property"),
)
def new_required_request_property(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a new required property in a request body (readOnly properties excepted).

    ## What it does
    Reports a new required property in a request body (readOnly properties excepted).

    ## Why is this bad?
    Existing clients do not send it, so their requests fail validation.

    ## Example
    previous: `required: [name]`; current: a new property `tag` with `required: [name, tag]`.

    ## Use instead
    Add the property as optional with a server-side default.

    ## References
    - oasdiff: `new-required-request-property`, `new-required-request-header-property` (a property of an
      object header parameter; other parameters' properties have no oasdiff id). A new required property
      with a `default` is BRK335.
    """
    if not in_request(change) or not change.detail.get("required") or has_default(change):
        return
    if change.where.section == m.PARAMETER:
        w = change.where
        cid = "new-required-request-header-property" if w.param_in == "header" else ""
        yield found(change, f"added the new required {subject(change)[4:]}", cid)
    else:
        yield found(change, f"added the new required request property `{change.path}`", "new-required-request-property")
