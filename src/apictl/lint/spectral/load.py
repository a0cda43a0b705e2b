"""Loading a ruleset once per process: parse, merge, check every rule.

Everything a ruleset can get wrong is reported when it is loaded, as a
`ConfigError` naming the file (and the rule): YAML/JSON errors, unknown keys
and functions, bad function options, JSONPath expressions that do not parse
(also those behind aliases), `extends` that cannot be followed. Rules that
need JavaScript (custom functions; the few `spectral:oas` rules apictl does
not implement) are skipped with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from apictl.core.errors import ConfigError
from apictl.lint.spectral import aliases
from apictl.lint.spectral.definition import OAS, Definition, display, oas_definition, read
from apictl.lint.spectral.engine import compile_path
from apictl.lint.spectral.jsonpath import JsonPathError
from apictl.lint.spectral.ruleset import Rule, Ruleset


@dataclass
class LoadedRuleset:
    ruleset: Ruleset
    source: Path | None  # the ruleset file (None for `spectral:oas` alone)
    warnings: list[str] = field(default_factory=list)

    def for_file(self, path: Path) -> Ruleset:
        if self.source is None:
            return self.ruleset
        import os

        relative = Path(os.path.relpath(path.resolve(), self.source.parent)).as_posix()
        return self.ruleset.for_file(relative)


_CACHE: dict[tuple[str, float], LoadedRuleset] = {}


def load_ruleset(spec: str, base_dir: Path) -> LoadedRuleset:
    """`spec`: a ruleset file (relative to `base_dir`) or `spectral:oas`."""
    if spec == OAS:
        key = (OAS, 0.0)
        source: Path | None = None
    else:
        source = (base_dir / spec).resolve()
        try:
            key = (str(source), source.stat().st_mtime)
        except OSError:
            raise ConfigError("ruleset file not found", uri=display(source)) from None
    hit = _CACHE.get(key)
    if hit is not None:
        return hit
    definition = oas_definition() if source is None else read(source)
    if source is None:
        definition = Definition({"extends": [OAS]}, None, OAS, [(definition, "recommended", False)])
    ruleset = Ruleset(definition)
    loaded = LoadedRuleset(ruleset, source, check(ruleset))
    _CACHE[key] = loaded
    return loaded


def check(ruleset: Ruleset) -> list[str]:
    """Validate every rule's `given`; return warnings about rules that cannot run."""
    warnings: list[str] = []
    for rule in ruleset.rules.values():
        _check_given(rule)
        if rule.builtin or not rule.enabled:
            continue
        custom = [t.function_name for t in rule.then if t.function is None]
        if not custom:
            continue
        if rule.owner.definition.builtin is not None:
            warnings.append(f"spectral:oas rule {rule.name!r} is not implemented by apictl: skipped")
        else:
            warnings.append(
                f"{rule.where}: rule {rule.name!r} uses custom function {custom[0]!r} "
                "(JavaScript), which apictl cannot run: skipped"
            )
    return warnings


def _check_given(rule: Rule) -> None:
    for given in rule.given:
        for expr in aliases.all_expressions(rule.alias_source.aliases, given, rule.alias_source.where):
            try:
                compile_path(expr)
            except JsonPathError as exc:
                raise ConfigError(f"rule {rule.name!r}: {exc}", uri=rule.alias_source.where) from None
