"""Breaking-change rule BRK140 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request


@rule(
    code="BRK140",
    name="request-any-of-removed",
    on=m.SUBSCHEMAS_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("request-body-any-of-removed", "request-property-any-of-removed"),
)
def request_any_of_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports `anyOf` alternatives removed from a request body or property.

    ## What it does
    Reports `anyOf` alternatives removed from a request body or property.

    ## Why is this bad?
    Clients sending the removed alternative are rejected.

    ## Example
    previous: `anyOf: [Card, Transfer]`; current: `anyOf: [Card]`.

    ## Use instead
    Keep accepting every alternative the previous version accepted.

    ## References
    - oasdiff: `request-body-any-of-removed`, `request-property-any-of-removed`
    """
    d = change.detail
    if (
        in_request(change)
        and change.where.section == m.REQUEST_BODY
        and d.get("keyword") == "anyOf"
        and d.get("removed")
    ):
        where = f"the `{change.path}` request property" if change.path else "the request body"
        yield found(
            change, f"removed `{', '.join(d['removed'])}` from {where} `anyOf` list", check_id(change, "any-of-removed")
        )
