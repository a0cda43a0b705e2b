"""Breaking-change rule BRK204 (sdk)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK204",
    name="tag-renamed",
    on=m.DOCUMENT_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="sdk",
    kind="breaking",
    oasdiff=(),
)
def tag_renamed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a tag renamed: every operation that had it now has another, new tag instead.

    ## What it does
    Reports a tag that no operation uses any more while a new tag is used by exactly the operations
    that had the old one.

    ## Why is this bad?
    Generators group operations into classes by tag (`PetsApi`): the class users call is renamed and
    their code no longer compiles. The wire is unchanged.

    ## Example
    previous: `tags: [pets]` on every pet operation; current: `tags: [animals]` on the same
    operations.

    ## Use instead
    Keep tags stable once SDKs are generated from them.

    ## References
    - oasdiff: none (apictl-only)
    oasdiff reports the change per operation as `api-tag-removed` and `api-tag-added` (BRK324).
    """
    d = change.detail
    if d.get("field") == "tag-renamed":
        n = d.get("operations")
        yield found(change, f"the tag `{d.get('old')}` was renamed to `{d.get('new')}` (on {n} operations)")
