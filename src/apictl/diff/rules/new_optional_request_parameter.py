"""Breaking-change rule BRK305 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK305",
    name="new-optional-request-parameter",
    on=m.PARAMETER_ADDED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("new-optional-request-parameter", "new-optional-request-default-parameter-to-existing-path"),
)
def new_optional_request_parameter(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a new optional request parameter (not breaking).

    ## What it does
    Reports a new optional request parameter (not breaking).

    ## Why is this bad?
    Nothing is wrong: existing clients keep working; it is listed for the changelog.

    ## Example
    previous: no `limit`; current: `{name: limit, in: query}`.

    ## Use instead
    Nothing to change.

    ## References
    - oasdiff: `new-optional-request-parameter`, `new-optional-request-default-parameter-to-existing-path`
      (declared on the path item, for all its operations)
    """
    w = change.where
    if w.param_in != "path" and not change.detail.get("required") and change.detail.get("path_level"):
        yield found(
            change,
            f"added the new optional `{w.param_in}` request parameter `{w.param_name}` to all path's operations",
            "new-optional-request-default-parameter-to-existing-path",
        )
    elif w.param_in != "path" and not change.detail.get("required"):
        yield found(
            change,
            f"added the new optional `{w.param_in}` request parameter `{w.param_name}`",
            "new-optional-request-parameter",
        )
