"""Breaking-change rule BRK110 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, in_request


@rule(
    code="BRK110",
    name="new-required-request-property",
    on=m.PROPERTY_ADDED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("new-required-request-property",),
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
    - oasdiff: `new-required-request-property`
    """
    if in_request(change) and change.detail.get("required"):
        yield found(change, f"added the new required request property `{change.path}`", "new-required-request-property")
