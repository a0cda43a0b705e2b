"""Breaking-change rule BRK166 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, list_of_types_rule

_CHECK = list_of_types_rule(lambda request, narrowed: request and narrowed)


@rule(
    code="BRK166",
    name="request-list-of-types-narrowed",
    on=m.KEYWORD_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-list-of-types-narrowed",
        "request-property-list-of-types-narrowed",
        "request-parameter-list-of-types-narrowed",
        "request-parameter-property-list-of-types-narrowed",
    ),
)
def request_list_of_types_narrowed(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose list of allowed types lost a type.

    ## What it does
    Reports a request schema written as a list of types (`oneOf`/`anyOf` of single-type schemas, e.g.
    `oneOf: [{type: string}, {type: integer}]`) from which a type was removed, or which became a single
    type.

    ## Why is this bad?
    Clients sending a value of the removed type are rejected.

    ## Example
    previous: `id: {oneOf: [{type: string}, {type: integer}]}`; current: `id: {type: string}`.

    ## Use instead
    Keep accepting every type; deprecate the one you want to drop first.

    ## References
    - oasdiff: `request-body-list-of-types-narrowed`, `request-property-list-of-types-narrowed`,
      `request-parameter-list-of-types-narrowed`, `request-parameter-property-list-of-types-narrowed`
    """
    return _CHECK(change, ctx)
