"""Breaking-change rule BRK332 (docs)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, list_of_types_rule

_CHECK = list_of_types_rule(lambda request, narrowed: request != narrowed)


@rule(
    code="BRK332",
    name="list-of-types-changed-compatibly",
    on=m.KEYWORD_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-body-list-of-types-widened",
        "request-property-list-of-types-widened",
        "request-parameter-list-of-types-widened",
        "request-parameter-property-list-of-types-widened",
        "response-body-list-of-types-narrowed",
        "response-property-list-of-types-narrowed",
    ),
)
def list_of_types_changed_compatibly(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a list of types that changed compatibly: widened in a request, narrowed in a response.

    ## What it does
    Reports a request schema written as a list of types (`oneOf`/`anyOf` of single-type schemas)
    that gained a type, or a response one that lost a type.

    ## Why is this bad?
    Not breaking: what clients send stays valid and what they receive stays within what they know.

    ## Example
    previous: `id: {type: string}`; current: `id: {anyOf: [{type: string}, {type: integer}]}` in a
    request.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-body-list-of-types-widened`, `request-property-list-of-types-widened`,
      `request-parameter-list-of-types-widened`, `request-parameter-property-list-of-types-widened`,
      `response-body-list-of-types-narrowed`, `response-property-list-of-types-narrowed`
    """
    return _CHECK(change, ctx)
