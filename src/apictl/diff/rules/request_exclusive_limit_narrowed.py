"""Breaking-change rule BRK152 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, limit, subject


@rule(
    code="BRK152",
    name="request-exclusive-limit-narrowed",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "request-body-exclusive-max-decreased",
        "request-property-exclusive-max-decreased",
        "request-parameter-exclusive-max-decreased",
        "request-body-exclusive-min-increased",
        "request-property-exclusive-min-increased",
        "request-parameter-exclusive-min-increased",
    ),
)
def request_exclusive_limit_narrowed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body, property or parameter whose `exclusiveMaximum` decreased or `exclusiveMinimum` increased.

    ## What it does
    Reports a request body, property or parameter whose numeric `exclusiveMaximum` decreased or
    `exclusiveMinimum` increased (OpenAPI 3.1 / JSON Schema numbers; the boolean form of OpenAPI 3.0 is
    not compared).

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `exclusiveMaximum: 100`; current: `exclusiveMaximum: 50`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-body-exclusive-max-decreased`, `request-property-exclusive-max-decreased`,
      `request-parameter-exclusive-max-decreased`, `request-body-exclusive-min-increased`,
      `request-property-exclusive-min-increased`, `request-parameter-exclusive-min-increased`
    """
    if not in_request(change) or (change.where.section == m.PARAMETER and change.path):
        return
    for kw, word, narrower in (("exclusiveMaximum", "max-decreased", -1), ("exclusiveMinimum", "min-increased", 1)):
        pair = limit(change, kw)
        if pair is None or pair[0] is None or pair[1] is None:
            continue
        old, new = pair
        if (new - old) * narrower > 0:
            verb = "decreased" if narrower < 0 else "increased"
            msg = f"{subject(change)}: {kw} was {verb} from `{old}` to `{new}`"
            yield found(change, msg, check_id(change, f"exclusive-{word}"))
