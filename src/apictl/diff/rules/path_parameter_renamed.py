"""Breaking-change rule BRK202 (sdk)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK202",
    name="path-parameter-renamed",
    on=m.PARAMETER_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="sdk",
    kind="breaking",
    oasdiff=(),
)
def path_parameter_renamed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a path parameter whose name changed (`/pets/{id}` → `/pets/{petId}`).

    ## What it does
    Reports a path parameter whose name changed (`/pets/{id}` → `/pets/{petId}`).

    ## Why is this bad?
    The URL clients call is the same, but generated clients rename the method argument, which breaks
    callers using keyword arguments.

    ## Example
    previous: `/pets/{id}`; current: `/pets/{petId}`.

    ## Use instead
    Keep parameter names stable once published.

    ## References
    - oasdiff: —
    """
    d = change.detail
    if d.get("field") == "name":
        yield found(change, f"renamed the path parameter `{d['old']}` to `{d['new']}`")
