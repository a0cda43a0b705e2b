"""Breaking-change rule BRK156 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, limit, side, subject


@rule(
    code="BRK156",
    name="response-contains-limit-widened",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "response-body-max-contains-increased",
        "response-property-max-contains-increased",
        "response-body-min-contains-decreased",
        "response-property-min-contains-decreased",
    ),
)
def response_contains_limit_widened(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a response array whose `maxContains` increased or `minContains` decreased.

    ## What it does
    Reports a response body or property array whose `maxContains` increased or `minContains` decreased.

    ## Why is this bad?
    Clients may receive arrays outside the bounds they were written for.

    ## Example
    previous: `maxContains: 5`; current: `maxContains: 9`.

    ## Use instead
    Keep responses within the previous bounds.

    ## References
    - oasdiff: `response-body-max-contains-increased`, `response-property-max-contains-increased`,
      `response-body-min-contains-decreased`, `response-property-min-contains-decreased`
    """
    if side(change) != "response":
        return
    for kw, word, wider in (
        ("maxContains", "max-contains-increased", 1),
        ("minContains", "min-contains-decreased", -1),
    ):
        pair = limit(change, kw)
        if pair is None or pair[0] is None or pair[1] is None:
            continue
        old, new = pair
        if (new - old) * wider > 0:
            verb = "increased" if wider > 0 else "decreased"
            yield found(change, f"{subject(change)}: {kw} was {verb} from `{old}` to `{new}`", check_id(change, word))
