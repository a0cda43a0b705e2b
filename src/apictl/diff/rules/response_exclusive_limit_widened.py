"""Breaking-change rule BRK154 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_response, limit, subject


@rule(
    code="BRK154",
    name="response-exclusive-limit-widened",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "response-body-exclusive-max-increased",
        "response-property-exclusive-max-increased",
        "response-body-exclusive-min-decreased",
        "response-property-exclusive-min-decreased",
    ),
)
def response_exclusive_limit_widened(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a response body or property whose `exclusiveMaximum` increased or `exclusiveMinimum` decreased.

    ## What it does
    Reports a response body or property whose numeric `exclusiveMaximum` increased or `exclusiveMinimum`
    decreased.

    ## Why is this bad?
    Clients may receive values outside the range they were written for.

    ## Example
    previous: `exclusiveMinimum: 1`; current: `exclusiveMinimum: 0`.

    ## Use instead
    Keep responses within the previous range.

    ## References
    - oasdiff: `response-body-exclusive-max-increased`, `response-property-exclusive-max-increased`,
      `response-body-exclusive-min-decreased`, `response-property-exclusive-min-decreased`
    """
    if not in_response(change):
        return
    for kw, word, wider in (("exclusiveMaximum", "max-increased", 1), ("exclusiveMinimum", "min-decreased", -1)):
        pair = limit(change, kw)
        if pair is None or pair[0] is None or pair[1] is None:
            continue
        old, new = pair
        if (new - old) * wider > 0:
            verb = "increased" if wider > 0 else "decreased"
            msg = f"{subject(change)}: {kw} was {verb} from `{old}` to `{new}`"
            yield found(change, msg, check_id(change, f"exclusive-{word}"))
