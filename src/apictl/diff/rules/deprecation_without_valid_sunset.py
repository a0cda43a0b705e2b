"""Breaking-change rule BRK172 (wire)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from apictl.core.registry import rule
from apictl.diff import model as m
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.rules._helpers import ALL, fmt, found, sunset_date, sunset_problem


@rule(
    code="BRK172",
    name="deprecation-without-valid-sunset",
    on=m.OPERATION_CHANGED,
    severity="error",
    formats=ALL,
    preset="minimal",
    category="wire",
    kind="breaking",
    oasdiff=(
        "api-deprecated-sunset-missing",
        "api-deprecated-sunset-parse",
        "api-sunset-date-too-small",
        "api-sunset-date-changed-too-small",
        "api-path-sunset-parse",
    ),
    options={"deprecation_days_stable": 0, "deprecation_days_beta": 0},
)
def deprecation_without_valid_sunset(change: Change, ctx: Any) -> Iterator[BreakingFinding]:
    """Reports an operation deprecated without a valid sunset date, or with one too close.

    ## What it does
    Reports an operation that became deprecated with an `x-sunset` date that is not a date, or, under a
    deprecation policy, without a sunset date or with one earlier than the policy allows; and a
    deprecated operation whose sunset date moved earlier than that. The policy is this rule's options
    `deprecation_days_stable` and `deprecation_days_beta` (minimum days between today and the sunset
    date, by `x-stability-level`; 0, the default, means no policy, like oasdiff's
    `--deprecation-days-stable`/`--deprecation-days-beta`; draft and alpha operations need none). It
    also applies to parameters (BRK173) and properties (BRK174).

    ## Why is this bad?
    Clients need notice before an operation goes away: a sunset date tells them when, and the policy
    says how long at least.

    ## Example
    with `deprecation_days_stable: 180`: previous: `get: {}`; current: `get: {deprecated: true}` (no
    `x-sunset`).

    ## Use instead
    Deprecate with `x-sunset: YYYY-MM-DD` at least the policy's number of days ahead.

    ## References
    - oasdiff: `api-deprecated-sunset-missing`, `api-deprecated-sunset-parse`, `api-sunset-date-too-small`,
      `api-sunset-date-changed-too-small`, `api-path-sunset-parse` (a changed sunset date that does not parse)
    """
    d = change.detail
    if change.new is None or not isinstance(change.new.value, dict):
        return
    new = change.new.value
    old = change.old.value if change.old is not None and isinstance(change.old.value, dict) else {}
    ids = {
        "missing": "api-deprecated-sunset-missing",
        "invalid": "api-deprecated-sunset-parse",
        "too-small": "api-sunset-date-too-small",
        "changed-too-small": "api-sunset-date-changed-too-small",
    }
    if d.get("field") == "deprecated" and d.get("new"):
        problem, text = sunset_problem(ctx, new)
    elif d.get("field") == "x-sunset" and new.get("deprecated") is True and d.get("new") is not None:
        ids["invalid"] = "api-path-sunset-parse"  # oasdiff's id for a changed sunset that does not parse
        problem, text = sunset_problem(ctx, new, old)
        if not problem and d.get("old") is not None and sunset_date(d.get("old")) is None:
            problem, text = "invalid", f"the previous sunset date `{fmt(d['old'])}` is not a date"
    else:
        return
    if problem:
        yield found(change, f"endpoint {text}", ids[problem])
