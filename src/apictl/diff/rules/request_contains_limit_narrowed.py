"""Breaking-change rule BRK155 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, limit, side, subject


@rule(
    code="BRK155",
    name="request-contains-limit-narrowed",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-max-contains-decreased",
        "request-property-max-contains-decreased",
        "request-body-min-contains-increased",
        "request-property-min-contains-increased",
    ),
)
def request_contains_limit_narrowed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request array whose `maxContains` decreased or `minContains` increased.

    ## What it does
    Reports a request body or property array whose `maxContains` decreased or `minContains` increased.

    ## Why is this bad?
    Arrays that clients send were valid before and are rejected now.

    ## Example
    previous: `minContains: 1`; current: `minContains: 2`.

    ## Use instead
    Keep the previous limits.

    ## References
    - oasdiff: `request-body-max-contains-decreased`, `request-property-max-contains-decreased`,
      `request-body-min-contains-increased`, `request-property-min-contains-increased`
    """
    if side(change) != "request":
        return
    for kw, word, narrower in (
        ("maxContains", "max-contains-decreased", -1),
        ("minContains", "min-contains-increased", 1),
    ):
        pair = limit(change, kw)
        if pair is None or pair[0] is None or pair[1] is None:
            continue
        old, new = pair
        if (new - old) * narrower > 0:
            verb = "decreased" if narrower < 0 else "increased"
            yield found(change, f"{subject(change)}: {kw} was {verb} from `{old}` to `{new}`", check_id(change, word))
