"""Breaking-change rule BRK161 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, found, keyword, side


@rule(
    code="BRK161",
    name="response-required-property-became-not-write-only",
    on=m.KEYWORD_CHANGED,
    severity="warn",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=("response-required-property-became-not-write-only",),
)
def response_required_property_became_not_write_only(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a required response property that is no longer `writeOnly`.

    ## What it does
    Reports a required property of a response body that is no longer `writeOnly`: it now appears in
    responses.

    ## Why is this bad?
    A property that was hidden from responses now must be returned; clients that reject unknown
    properties, or servers that leaked nothing before, are affected. A warning, as in oasdiff.

    ## Example
    previous: `password: {type: string, writeOnly: true}` (required); current: `password: {type:
    string}`.

    ## Use instead
    Keep secrets `writeOnly`; add a separate response property if it should be returned.

    ## References
    - oasdiff: `response-required-property-became-not-write-only`
    """
    d = change.detail
    if side(change) == "response" and keyword(change) == "writeOnly" and d.get("required") and not d.get("new"):
        status = change.where.status
        msg = f"the required response property `{change.path}` became not write-only for the status `{status}`"
        yield found(change, msg, "response-required-property-became-not-write-only")
