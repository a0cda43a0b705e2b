"""Breaking-change rule BRK133 (wire)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, Limit, decreased, in_request, limit_rule

OASDIFF = ("request-parameter-max-items-decreased",)
# oasdiff 1.15 has no id for a request body or property whose maxItems decreased (it does not report
# it); apictl reports it too, without an oasdiff id.
_CHECK = limit_rule(in_request, Limit("maxItems", "max-items-decreased", decreased), ids=OASDIFF)


@rule(
    code="BRK133",
    name="request-max-items-decreased",
    on=m.LIMIT_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=OASDIFF,
)
def request_max_items_decreased(change: Change, ctx: Any) -> Iterable[BreakingFinding]:
    """Reports a request body, property or parameter whose `maxItems` was decreased.

    ## What it does
    Reports a request body, property or parameter whose `maxItems` was decreased.

    ## Why is this bad?
    Values that clients send were valid before and are rejected now.

    ## Example
    previous: `maxItems: 100`; current: `maxItems: 10`.

    ## Use instead
    Keep the previous limit; introduce stricter validation in a new version.

    ## References
    - oasdiff: `request-parameter-max-items-decreased`. oasdiff 1.15 does not report a request body or
      property whose `maxItems` decreased; apictl does (a wire break all the same), without an oasdiff id.
    """
    return _CHECK(change, ctx)
