"""Breaking-change rule BRK167 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, list_of_types_rule

_CHECK = list_of_types_rule(lambda request, narrowed: not request and not narrowed)


@rule(
    code="BRK167",
    name="response-list-of-types-widened",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "response-body-list-of-types-widened",
        "response-property-list-of-types-widened",
    ),
)
def response_list_of_types_widened(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a response body or property whose list of possible types gained a type.

    ## What it does
    Reports a response schema written as a list of types (`oneOf`/`anyOf` of single-type schemas)
    to which a type was added, or a single type that became such a list.

    ## Why is this bad?
    Clients decode the value with the types they know and fail on the new one.

    ## Example
    previous: `id: {type: string}`; current: `id: {oneOf: [{type: string}, {type: integer}]}`.

    ## Use instead
    Return the new type in a new property, or in a new version of the operation.

    ## References
    - oasdiff: `response-body-list-of-types-widened`, `response-property-list-of-types-widened`
    """
    return _CHECK(change, ctx)
