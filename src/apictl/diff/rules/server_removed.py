"""Breaking-change rule BRK176 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found


@rule(
    code="BRK176",
    name="server-removed",
    on=m.DOCUMENT_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(),
)
def server_removed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a server URL the API description no longer declares.

    ## What it does
    Reports a base URL of the document that is gone: an entry of `servers` (OpenAPI 3) or a `scheme` +
    `host` + `basePath` combination (OpenAPI 2).

    ## Why is this bad?
    Clients configured with the old base URL (or generated with it as their default) now call a server
    the API no longer documents. A warning: the server may still answer there.

    ## Example
    previous: `servers: [{url: https://api.example.com/v1}]`; current: `servers: [{url:
    https://api.example.com/v2}]`.

    ## Use instead
    Keep serving and declaring the old URL while clients move; add the new one next to it.

    ## References
    - oasdiff: none (apictl-only)
    oasdiff 1.15 does not compare servers.
    """
    d = change.detail
    if d.get("field") == "servers" and change.new is None:
        yield found(change, f"removed the server `{d.get('url')}`")
