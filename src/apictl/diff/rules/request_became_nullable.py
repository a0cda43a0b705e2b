"""Breaking-change rule BRK319 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, side, subject


@rule(
    code="BRK319",
    name="request-became-nullable",
    on=m.NULLABLE_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("request-body-became-nullable", "request-property-became-nullable"),
)
def request_became_nullable(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request body or property that now accepts null.

    ## What it does
    Reports a request body or property that now accepts `null`.

    ## Why is this bad?
    Not breaking: requests valid before stay valid. Listed for the changelog.

    ## Example
    previous: `tag: {type: string}`; current: `tag: {type: [string, 'null']}` in a request.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-body-became-nullable`, `request-property-became-nullable`
    """
    if side(change) == "request" and change.detail.get("nullable") and not change.detail.get("read_only"):
        yield found(change, f"{subject(change)} became nullable", check_id(change, "became-nullable"))
