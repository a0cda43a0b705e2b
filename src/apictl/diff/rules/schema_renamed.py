"""Breaking-change rule BRK203 (sdk)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK203",
    name="schema-renamed",
    on=m.DOCUMENT_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="sdk",
    kind="breaking",
    oasdiff=(),
)
def schema_renamed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a component schema renamed: gone under one name, added with the same content under another.

    ## What it does
    Reports a schema of `components/schemas` (`definitions` in OpenAPI 2) that the new version no longer
    has, while a new schema has exactly the same content (`$ref`s resolved).

    ## Why is this bad?
    The wire format is unchanged, but generated clients name classes after schemas: code using the old
    class no longer compiles.

    ## Example
    previous: `components: {schemas: {Pet: {…}}}`; current: `components: {schemas: {Animal: {…}}}` (same
    content).

    ## Use instead
    Keep the old name, or keep it as an alias (`Pet: {$ref: "#/components/schemas/Animal"}`) for a
    while.

    ## References
    - oasdiff: none (apictl-only)
    oasdiff reports the old name as `api-schema-removed` (BRK328).
    """
    d = change.detail
    if d.get("field") == "schema-renamed":
        yield found(change, f"the schema `{d.get('old')}` was renamed to `{d.get('new')}`")
