"""Breaking-change rule BRK105 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK105",
    name="new-required-request-parameter",
    on=m.PARAMETER_ADDED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "new-required-request-parameter",
        "new-request-path-parameter",
        "new-required-request-default-parameter-to-existing-path",
    ),
)
def new_required_request_parameter(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a new required parameter (or a new path parameter).

    ## What it does
    Reports a new required parameter (or a new path parameter).

    ## Why is this bad?
    Existing clients do not send it, so their requests are rejected.

    ## Example
    previous: no `region` parameter; current: `{name: region, in: query, required: true}`.

    ## Use instead
    Make the new parameter optional with a server-side default.

    ## References
    - oasdiff: `new-required-request-parameter`, `new-request-path-parameter`,
      `new-required-request-default-parameter-to-existing-path` (declared on the path item, for all its
      operations)
    """
    w = change.where
    if w.param_in == "path":
        yield found(change, f"added the new path request parameter `{w.param_name}`", "new-request-path-parameter")
    elif change.detail.get("required") and change.detail.get("path_level"):
        yield found(
            change,
            f"added the new required `{w.param_in}` request parameter `{w.param_name}` to all path's operations",
            "new-required-request-default-parameter-to-existing-path",
        )
    elif change.detail.get("required"):
        yield found(
            change,
            f"added the new required `{w.param_in}` request parameter `{w.param_name}`",
            "new-required-request-parameter",
        )
