"""Breaking-change rule BRK341 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK341",
    name="server-added",
    on=m.DOCUMENT_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(),
)
def server_added(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a server URL the API description now declares.

    ## What it does
    Reports a new base URL of the document (`servers` in OpenAPI 3; `schemes` + `host` + `basePath`
    in OpenAPI 2).

    ## Why is this bad?
    Not breaking: listed for the changelog.

    ## Example
    previous: `servers: [{url: https://api.example.com}]`; current: also
    `https://eu.api.example.com`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: none (apictl-only)
    oasdiff 1.15 does not compare servers.
    """
    d = change.detail
    if d.get("field") == "servers" and change.old is None:
        yield found(change, f"added the server `{d.get('url')}`")
