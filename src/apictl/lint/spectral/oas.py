"""`spectral:oas` rules that apictl implements natively.

Every apictl rule records the Spectral rule ids it corresponds to
(`Rule.spectral`). A `spectral:oas` rule with such a counterpart is not run
as JSONPath: when it is enabled (for the document's formats), its apictl
counterparts run at its severity. The other `spectral:oas` rules run from
their definitions when they only use core functions; the rest cannot run.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from apictl.core import registry
from apictl.core.diagnostic import Severity
from apictl.core.registry import Rule as BuiltinRule
from apictl.lint.spectral.ruleset import Rule, Ruleset

# Spectral's invalid-ref is not a rule: its resolver always reports broken $refs.
ALWAYS_ON = ("invalid-ref",)
_SEVERITY = {0: Severity.ERROR, 1: Severity.WARN, 2: Severity.INFO, 3: Severity.HINT}


@lru_cache(maxsize=1)
def _by_spectral_id() -> dict[str, tuple[BuiltinRule, ...]]:
    registry.load("apictl.lint.rules")
    out: dict[str, list[BuiltinRule]] = {}
    for r in registry.all_rules():
        if r.kind != "lint" or r.status == "deprecated":
            continue
        for sid in r.spectral:
            out.setdefault(sid, []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def mapped() -> frozenset[str]:
    """The spectral:oas rule ids apictl implements natively."""
    from apictl.lint.spectral.oas_data import OAS

    return frozenset(sid for sid in OAS["rules"] if sid in _by_spectral_id())


Active = tuple[BuiltinRule, Severity, dict[str, Any]]


def builtin_rules(ruleset: Ruleset, kind: str, formats: frozenset[str]) -> list[Active]:
    """apictl rules to run for a document of `kind` ("oas3.0", …) with Spectral `formats`."""
    chosen: dict[str, Active] = {}

    def add(rule: BuiltinRule, severity: Severity) -> None:
        if kind not in rule.formats:
            return
        current = chosen.get(rule.code)
        if current is None or severity > current[1]:
            chosen[rule.code] = (rule, severity, dict(rule.options))

    for spectral_rule in ruleset.rules.values():
        if not _applies(spectral_rule, formats):
            continue
        for builtin in _by_spectral_id().get(spectral_rule.name, ()):
            add(builtin, _SEVERITY[spectral_rule.severity])
    for sid in ALWAYS_ON:
        for builtin in _by_spectral_id().get(sid, ()):
            add(builtin, builtin.severity)
    return list(chosen.values())


def _applies(rule: Rule, formats: frozenset[str]) -> bool:
    if not rule.builtin or not rule.enabled or rule.severity < 0:
        return False
    return rule.formats is None or bool(rule.formats & formats)
