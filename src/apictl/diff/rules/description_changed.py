"""Breaking-change rule BRK342 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK342",
    name="description-changed",
    on=m.TEXT_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(),
)
def description_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a changed title, summary or description.

    ## What it does
    Reports a changed `info.title` or `info.description`, and a changed `summary` or `description` of an
    operation, a request parameter or a response.

    ## Why is this bad?
    Not breaking: listed for the changelog, where documentation changes are news for users too.

    ## Example
    previous: `summary: List pets`; current: `summary: List the pets of the store`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: none (apictl-only)
    oasdiff reports these only in `oasdiff diff`, not as checks.
    """
    d = change.detail
    owner = {"info": "the API", "operation": "the operation", "response": "", "parameter": ""}.get(
        str(d.get("owner")), ""
    )
    w = change.where
    if d.get("owner") == "parameter":
        owner = f"the `{w.param_in}` request parameter `{w.param_name}`"
    elif d.get("owner") == "response":
        owner = f"the response with the status `{w.status}`"
    verb = "added" if d.get("old") is None else "removed" if d.get("new") is None else "changed"
    yield found(change, f"{verb} the {d.get('field')} of {owner}")
