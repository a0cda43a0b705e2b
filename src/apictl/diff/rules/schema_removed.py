"""Breaking-change rule BRK328 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK328",
    name="schema-removed",
    on=m.DOCUMENT_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=("api-schema-removed",),
)
def schema_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a schema removed from `components/schemas` (`definitions`).

    ## What it does
    Reports a schema removed from `components/schemas` (OpenAPI 2: `definitions`).

    ## Why is this bad?
    Not breaking on the wire by itself (operations that used it are compared on their own), but SDKs
    lose the type and external `$ref`s to it break. Listed for the changelog.

    ## Example
    previous: `components: {schemas: {Pet: …, LegacyPet: …}}`; current: `LegacyPet` is gone.

    ## Use instead
    Keep published schemas, deprecated, until consumers move on.

    ## References
    - oasdiff: `api-schema-removed`
    """
    d = change.detail
    if d.get("field") == "schemas" and change.new is None:
        yield found(change, f"removed the schema `{d.get('name')}`", "api-schema-removed")
