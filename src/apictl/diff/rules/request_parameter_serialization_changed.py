"""Breaking-change rule BRK175 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, fmt, found


def _structured(param: Any) -> bool:
    """Whether the parameter's value is an array or an object (where `explode` matters)."""
    schema = param.get("schema") if isinstance(param, dict) else None
    schema = schema if isinstance(schema, dict) else param if isinstance(param, dict) else {}
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "array" in kinds or "object" in kinds or "$ref" in schema or "properties" in schema


@rule(
    code="BRK175",
    name="request-parameter-serialization-changed",
    on=m.PARAMETER_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(),
)
def request_parameter_serialization_changed(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports a request parameter whose `style` or `explode` changed the way its value is written.

    ## What it does
    Reports a request parameter whose `style` changed, or whose `explode` changed while its schema is an
    array or an object (for a single value `explode` makes no difference). Defaults are taken into
    account (`form` + explode for query and cookie parameters, `simple` for path and header ones).

    ## Why is this bad?
    Clients serialize the value the old way (`?ids=1&ids=2` instead of `?ids=1,2`, `/pets/.5` instead of
    `/pets/5`); the server no longer reads it as intended.

    ## Example
    previous: `{name: ids, in: query, schema: {type: array}}`; current: the same with `explode: false`.

    ## Use instead
    Keep the serialization; add a new parameter if another one is needed.

    ## References
    - oasdiff: none (apictl-only)
    oasdiff 1.15 does not check parameter serialization.
    """
    d = change.detail
    w = change.where
    if d.get("field") not in ("style", "explode") or change.new is None:
        return
    if d["field"] == "explode" and not _structured(change.new.value):
        return
    msg = (
        f"the `{w.param_in}` request parameter `{w.param_name}` changed its {d['field']} "
        f"from `{fmt(d.get('old'))}` to `{fmt(d.get('new'))}`"
    )
    yield found(change, msg)
