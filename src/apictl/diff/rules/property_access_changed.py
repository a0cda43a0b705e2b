"""Breaking-change rule BRK312 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, keyword, side


@rule(
    code="BRK312",
    name="property-access-changed",
    on=m.KEYWORD_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-optional-property-became-read-only",
        "request-optional-property-became-not-read-only",
        "request-optional-property-became-write-only",
        "request-optional-property-became-not-write-only",
        "request-required-property-became-read-only",
        "request-required-property-became-not-read-only",
        "request-required-property-became-write-only",
        "request-required-property-became-not-write-only",
        "response-optional-property-became-read-only",
        "response-optional-property-became-not-read-only",
        "response-optional-property-became-write-only",
        "response-optional-property-became-not-write-only",
        "response-required-property-became-read-only",
        "response-required-property-became-not-read-only",
        "response-required-property-became-write-only",
    ),
)
def property_access_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request or response property that became (or stopped being) `readOnly` or `writeOnly`.

    ## What it does
    Reports a request or response property that became (or stopped being) `readOnly` or `writeOnly`. (A
    required response property that stops being `writeOnly`: BRK161.)

    ## Why is this bad?
    Not breaking by itself (the read-only / write-only rules already drop such properties from one
    direction); listed for the changelog.

    ## Example
    previous: `id: {type: integer}`; current: `id: {type: integer, readOnly: true}`.

    ## Use instead
    Nothing to do; make sure clients no longer send read-only properties.

    ## References
    - oasdiff: `request-optional-property-became-read-only`,
      `request-optional-property-became-not-read-only`, `request-optional-property-became-write-only`,
      `request-optional-property-became-not-write-only`, `request-required-property-became-read-only`,
      `request-required-property-became-not-read-only`, `request-required-property-became-write-only`,
      `request-required-property-became-not-write-only`, `response-optional-property-became-read-only`,
      `response-optional-property-became-not-read-only`, `response-optional-property-became-write-only`,
      `response-optional-property-became-not-write-only`, `response-required-property-became-read-only`,
      `response-required-property-became-not-read-only`, `response-required-property-became-write-only`
    """
    d = change.detail
    s, kw = side(change), keyword(change)
    if not s or kw not in ("readOnly", "writeOnly"):
        return
    req = "required" if d.get("required") else "optional"
    what = ("" if d.get("new") else "not-") + ("read-only" if kw == "readOnly" else "write-only")
    cid = f"{s}-{req}-property-became-{what}"
    if cid == "response-required-property-became-not-write-only":
        return
    status = f" for the status `{change.where.status}`" if s == "response" else ""
    yield found(change, f"the {s} {req} property `{change.path}` became {what}{status}", cid)
