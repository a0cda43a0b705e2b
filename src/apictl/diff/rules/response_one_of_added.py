"""Breaking-change rule BRK138 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_response


@rule(
    code="BRK138",
    name="response-one-of-added",
    on=m.SUBSCHEMAS_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-body-one-of-added", "response-property-one-of-added"),
)
def response_one_of_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports new `oneOf` alternatives in a response body or property.

    ## What it does
    Reports new `oneOf` alternatives in a response body or property.

    ## Why is this bad?
    Clients (and generated unions) only know the previous alternatives and cannot decode the new ones.

    ## Example
    previous: `oneOf: [Cat, Dog]`; current: `oneOf: [Cat, Dog, Bird]`.

    ## Use instead
    Add the alternative in a new version, or document that clients must tolerate unknown variants.

    ## References
    - oasdiff: `response-body-one-of-added`, `response-property-one-of-added`
    """
    d = change.detail
    if in_response(change) and d.get("keyword") == "oneOf" and d.get("added"):
        where = f"the `{change.path}` response property" if change.path else "the response body"
        yield found(
            change,
            f"added `{', '.join(d['added'])}` to {where} `oneOf` list for the response status `{change.where.status}`",
            check_id(change, "one-of-added"),
        )
