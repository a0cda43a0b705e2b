"""Breaking-change rule BRK321 (docs)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, check_id, found, side, subject


@rule(
    code="BRK321",
    name="subschemas-changed-compatibly",
    on=m.SUBSCHEMAS_CHANGED,
    severity="info",
    formats=ALL,
    preset="minimal",
    category="docs",
    kind="breaking",
    oasdiff=(
        "request-body-one-of-added",
        "request-property-one-of-added",
        "request-body-any-of-added",
        "request-property-any-of-added",
        "response-body-one-of-removed",
        "response-property-one-of-removed",
        "response-body-any-of-removed",
        "response-property-any-of-removed",
        "response-body-all-of-added",
        "response-property-all-of-added",
        "response-body-all-of-removed",
        "response-property-all-of-removed",
        "response-body-any-of-added",
        "response-property-any-of-added",
    ),
)
def subschemas_changed_compatibly(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports subschema list changes that are compatible (oneOf / anyOf / allOf).

    ## What it does
    Reports `oneOf` / `anyOf` members added to a request body or property; `oneOf` / `anyOf` members
    removed from a response body or property; `allOf` members added to or removed from a response body
    or property.

    ## Why is this bad?
    Not breaking on the wire: requests valid before stay valid, and responses take a subset of the
    shapes clients know. Listed for the changelog.

    ## Example
    previous: `oneOf: [$ref: Cat]` in a request; current: `oneOf: [$ref: Cat, $ref: Dog]`.

    ## Use instead
    Nothing to do.

    ## References
    - oasdiff: `request-body-one-of-added`, `request-property-one-of-added`,
      `request-body-any-of-added`, `request-property-any-of-added`, `response-body-one-of-removed`,
      `response-property-one-of-removed`, `response-body-any-of-removed`,
      `response-property-any-of-removed`, `response-body-all-of-added`,
      `response-property-all-of-added`, `response-body-all-of-removed`,
      `response-property-all-of-removed`, `response-body-any-of-added`, `response-property-any-of-added`
      (oasdiff 1.15 rates a new `anyOf` member in a response as info)
    """
    d = change.detail
    s, kw = side(change), d.get("keyword")
    name = {"oneOf": "one-of", "anyOf": "any-of", "allOf": "all-of"}.get(str(kw))
    if not s or name is None:
        return
    for action, key in (("added", "added"), ("removed", "removed")):
        if s == "request" and not (action == "added" and kw in ("oneOf", "anyOf")):
            continue
        if s == "response" and not (action == "removed" or kw in ("allOf", "anyOf")):
            continue
        for ref in d.get(key, ()):
            prep = "to" if action == "added" else "from"
            yield found(
                change,
                f"{action} `{ref}` {prep} the `{kw}` list of {subject(change)}",
                check_id(change, f"{name}-{action}"),
            )
