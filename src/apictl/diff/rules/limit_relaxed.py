"""Breaking-change rule BRK314 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, in_request, side, subject

IDS = (
    "request-body-max-increased",
    "request-property-max-increased",
    "request-parameter-max-increased",
    "request-body-max-length-increased",
    "request-property-max-length-increased",
    "request-parameter-max-length-increased",
    "request-body-min-decreased",
    "request-property-min-decreased",
    "request-parameter-min-decreased",
    "request-body-min-length-decreased",
    "request-property-min-length-decreased",
    "request-parameter-min-length-decreased",
    "request-body-exclusive-max-increased",
    "request-property-exclusive-max-increased",
    "request-parameter-exclusive-max-increased",
    "request-body-exclusive-min-decreased",
    "request-property-exclusive-min-decreased",
    "request-parameter-exclusive-min-decreased",
    "request-body-max-contains-increased",
    "request-property-max-contains-increased",
    "request-body-min-contains-decreased",
    "request-property-min-contains-decreased",
    "request-parameter-max-items-increased",
    "request-parameter-min-items-decreased",
    "response-body-max-contains-decreased",
    "response-property-max-contains-decreased",
    "response-body-min-contains-increased",
    "response-property-min-contains-increased",
)
# keyword -> (oasdiff suffix, True when the compatible change is an increase)
REQUEST = {
    "maximum": ("max-increased", True),
    "maxLength": ("max-length-increased", True),
    "minimum": ("min-decreased", False),
    "minLength": ("min-length-decreased", False),
    "exclusiveMaximum": ("exclusive-max-increased", True),
    "exclusiveMinimum": ("exclusive-min-decreased", False),
    "maxContains": ("max-contains-increased", True),
    "minContains": ("min-contains-decreased", False),
    "maxItems": ("max-items-increased", True),
    "minItems": ("min-items-decreased", False),
}
RESPONSE = {"maxContains": ("max-contains-decreased", False), "minContains": ("min-contains-increased", True)}


@rule(
    code="BRK314",
    name="limit-relaxed",
    on=m.LIMIT_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=IDS,
)
def limit_relaxed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a limit that changed compatibly: widened in a request, narrowed (`*Contains`) in a response.

    ## What it does
    Reports a `maximum`, `maxLength`, `exclusiveMaximum`, `maxContains` (and, for parameters,
    `maxItems`) that increased, or the matching minimum that decreased, in a request; or `maxContains`
    decreased / `minContains` increased in a response.

    ## Why is this bad?
    Not breaking: requests valid before stay valid, responses stay within what clients expect. Listed
    for the changelog.

    ## Example
    previous: `maxLength: 50`; current: `maxLength: 100` in a request.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-body-max-increased`, `request-property-max-increased`,
      `request-parameter-max-increased`, `request-body-max-length-increased`,
      `request-property-max-length-increased`, `request-parameter-max-length-increased`,
      `request-body-min-decreased`, `request-property-min-decreased`, `request-parameter-min-decreased`,
      `request-body-min-length-decreased`, `request-property-min-length-decreased`,
      `request-parameter-min-length-decreased`, `request-body-exclusive-max-increased`,
      `request-property-exclusive-max-increased`, `request-parameter-exclusive-max-increased`,
      `request-body-exclusive-min-decreased`, `request-property-exclusive-min-decreased`,
      `request-parameter-exclusive-min-decreased`, `request-body-max-contains-increased`,
      `request-property-max-contains-increased`, `request-body-min-contains-decreased`,
      `request-property-min-contains-decreased`, `request-parameter-max-items-increased`,
      `request-parameter-min-items-decreased`, `response-body-max-contains-decreased`,
      `response-property-max-contains-decreased`, `response-body-min-contains-increased`,
      `response-property-min-contains-increased`
    """
    d = change.detail
    kw = d.get("keyword")
    a, b = d.get("old"), d.get("new")
    if not isinstance(kw, str) or not isinstance(a, (int, float)) or not isinstance(b, (int, float)) or a == b:
        return
    if isinstance(a, bool) or isinstance(b, bool):
        return
    up = b > a
    w = change.where
    if w.section == m.PARAMETER and change.path:
        return
    key = REQUEST.get(kw) if in_request(change) else RESPONSE.get(kw) if side(change) == "response" else None
    if key is None or key[1] != up:
        return
    cid = check_id(change, key[0])
    if cid in IDS:
        verb = "increased" if up else "decreased"
        yield found(change, f"{subject(change)}: {kw} was {verb} from `{a}` to `{b}`", cid)
