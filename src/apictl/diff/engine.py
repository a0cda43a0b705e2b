"""Diff two OpenAPI descriptions: pair their nodes into `Change`s (`pairing.py`),
dispatch each change to the breaking rules declared `on` its kind, and return
located `Diagnostic`s (new location, and old location in `old_*`)."""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from apictl.core import registry
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.document import Document
from apictl.core.errors import ConfigError
from apictl.core.registry import Rule
from apictl.diff.model import BreakingFinding, Change
from apictl.diff.pairing import Pairing
from apictl.diff.sides import Side

RULES_PACKAGE = "apictl.diff.rules"
ActiveRule = tuple[Rule, Severity, dict[str, Any]]


def load_rules() -> list[Rule]:
    """The OpenAPI breaking rules (the protobuf ones under rules/proto/ have their own engine)."""
    registry.load(RULES_PACKAGE)
    return [r for r in registry.all_rules("breaking") if "proto" not in r.formats]


@dataclass
class DiffContext:
    """What a breaking rule may consult besides the change."""

    today: date = field(default_factory=date.today)
    options: dict[str, Any] = field(default_factory=dict)
    # the deprecation policy (minimum days between deprecation and sunset), shared by the rules
    # on operations, parameters and properties: the options of the active rule that declares it
    policy: dict[str, Any] = field(default_factory=dict)


def diff(old: Side, new: Side, active: list[ActiveRule] | None = None, today: date | None = None) -> list[Diagnostic]:
    if active is None:
        active = [(r, r.severity, dict(r.options)) for r in load_rules()]
    changes = Pairing(old, new).changes()
    policy = deprecation_policy(active)
    for rule, _, opts in active:  # BRK101 reports an undated deprecation's removal when told to; BRK339 then not
        if "allow_deprecated_without_sunset" in rule.options:
            policy["allow_deprecated_without_sunset"] = opts.get("allow_deprecated_without_sunset", True) is not False
    return to_diagnostics(dispatch(changes, active, DiffContext(today=today or date.today(), policy=policy)))


def deprecation_policy(active: list[ActiveRule]) -> dict[str, int]:
    """The deprecation policy: the `deprecation_days_*` options of the active rule declaring them."""
    for rule, _, opts in active:
        if "deprecation_days_stable" not in rule.options:
            continue
        policy: dict[str, int] = {}
        for key in ("deprecation_days_stable", "deprecation_days_beta"):
            value = opts.get(key, 0)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ConfigError(
                    f"rules.{rule.code}.options.{key}: expected a number of days (an integer >= 0), got {value!r}"
                )
            policy[key] = value
        return policy
    return {}


def dispatch(
    changes: Iterator[Change], active: list[ActiveRule], ctx: DiffContext
) -> list[tuple[Rule, Severity, BreakingFinding]]:
    by_kind: defaultdict[str, list[ActiveRule]] = defaultdict(list)
    for item in active:
        by_kind[item[0].on].append(item)
    out: list[tuple[Rule, Severity, BreakingFinding]] = []
    for change in changes:
        for rule, severity, opts in by_kind.get(change.kind, ()):
            ctx.options = opts
            try:
                for finding in rule.check(change, ctx) or ():
                    if isinstance(finding, BreakingFinding):
                        if finding.check_id not in rule.oasdiff:
                            finding.check_id = ""  # a rule claims only the oasdiff ids it declares
                        out.append((rule, severity, finding))
            except Exception as exc:  # a rule bug must not lose the other findings
                tb = traceback.extract_tb(exc.__traceback__)[-1]
                loc = change.new_loc or change.old_loc
                if loc is not None:
                    msg = (
                        f"internal error in rule {rule.code} ({type(exc).__name__}: {exc} "
                        f"at {Path(tb.filename).name}:{tb.lineno}); please report it"
                    )
                    out.append((rule, Severity.ERROR, BreakingFinding(loc.doc, loc.pointer, msg)))
    return out


def to_diagnostics(raw: list[tuple[Rule, Severity, BreakingFinding]]) -> list[Diagnostic]:
    wanted: defaultdict[int, set[str]] = defaultdict(set)
    docs: dict[int, Document] = {}
    for _, _, f in raw:
        wanted[id(f.doc)].add(f.pointer)
        docs[id(f.doc)] = f.doc
        if f.old_doc is not None and f.old_pointer is not None:
            wanted[id(f.old_doc)].add(f.old_pointer)
            docs[id(f.old_doc)] = f.old_doc
    spans = {key: docs[key].spans(pointers) for key, pointers in wanted.items()}
    out: list[Diagnostic] = []
    seen: set[tuple[str, str, str]] = set()
    for rule, severity, f in raw:
        ident = (rule.code, f.operation, f.message)
        if ident in seen:  # e.g. the same property under two media types
            continue
        seen.add(ident)
        sev = Severity.parse(f.severity) if f.severity else severity
        old_span = spans[id(f.old_doc)][f.old_pointer] if f.old_doc is not None and f.old_pointer is not None else None
        extra: dict[str, object] = {"operation": f.operation}
        if f.check_id:
            extra["oasdiff"] = f.check_id
        out.append(
            Diagnostic(
                rule.code,
                rule.name,
                sev,
                f.message,
                f.doc.uri,
                f.pointer,
                spans[id(f.doc)][f.pointer],
                old_uri=f.old_doc.uri if f.old_doc is not None else None,
                old_pointer=f.old_pointer,
                old_span=old_span,
                category=rule.category,
                extra=extra,
            )
        )
    out.sort(key=lambda d: (str(d.extra.get("operation", "")), d.code, d.message))
    return out
