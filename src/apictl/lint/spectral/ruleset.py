"""Rulesets: `extends`, `rules`, `aliases`, `overrides`, `formats`,
`documentationUrl`, merged the way spectral-core's `Ruleset` merges them.

- Extended rulesets contribute their rules first; `[ruleset, all|recommended|off]`
  decides which of them are enabled (plain `extends` means recommended).
- A rule entry that is a severity or a boolean changes an inherited rule; a
  mapping defines a rule, or (for an inherited one) replaces the fields it
  names and enables it. A rule is enabled when `recommended` (default true)
  unless its ruleset was extended with `all`.
- `formats` of a ruleset apply to its rules that declare none.
- `overrides` (of the ruleset given to `apictl lint` only) apply per linted
  file: `files` globs relative to the ruleset, matched like minimatch with
  `matchBase`; `file#/pointer` patterns change severities below a pointer.

Rules of `spectral:oas` whose functions are not core functions are kept as
`builtin` rules: `oas` maps them to apictl's own rules.
"""

from __future__ import annotations

import copy
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.config import glob_match
from apictl.core.errors import ConfigError
from apictl.lint.spectral import formats as fmt
from apictl.lint.spectral.definition import Definition
from apictl.lint.spectral.functions import CORE, CoreFunction, OptionsError
from apictl.lint.spectral.jsonpath import JsonPathError, parse_path

SEVERITIES = {"error": 0, "warn": 1, "info": 2, "hint": 3, "off": -1}
DEFAULT_SEVERITY = 1
_RULE_KEYS = {
    "given",
    "then",
    "description",
    "message",
    "severity",
    "recommended",
    "resolved",
    "formats",
    "documentationUrl",
    "type",
    "tags",
    "extensions",
}


@dataclass
class Then:
    field: str | None
    function_name: str
    function: CoreFunction | None  # None: a custom (JavaScript) function, which cannot run
    options: Any  # as prepared by the function


@dataclass
class Rule:
    name: str
    owner: Ruleset
    alias_source: Ruleset
    where: str  # the ruleset file that defined it
    recommended: bool = True
    enabled_flag: bool = True
    description: str | None = None
    message: str | None = None
    documentation_url: str | None = None
    severity: int = DEFAULT_SEVERITY
    resolved: bool = True
    formats: frozenset[str] | None = None
    given: list[str] = field(default_factory=list)
    then: list[Then] = field(default_factory=list)
    builtin: bool = False  # a spectral:oas rule that apictl implements natively
    pointer_overrides: dict[str, dict[str, int]] | None = None  # file glob -> pointer -> severity
    overrides_base: Path | None = None

    @property
    def enabled(self) -> bool:
        return self.enabled_flag or self.pointer_overrides is not None

    def assign(self, definition: dict[str, Any], ruleset: Ruleset, where: str) -> None:
        """`Object.assign(rule, definition)` through Spectral's setters."""
        unknown = sorted(k for k in definition if k not in _RULE_KEYS and not str(k).startswith("x-"))
        if unknown:
            raise ConfigError(f"rule {self.name!r}: unknown key(s) {unknown}", uri=where)
        if "description" in definition:
            self.description = _opt_str(definition["description"], self.name, "description", where)
        if "message" in definition:
            self.message = _opt_str(definition["message"], self.name, "message", where)
        if "documentationUrl" in definition:
            self.documentation_url = _opt_str(definition["documentationUrl"], self.name, "documentationUrl", where)
        if "severity" in definition:
            self.severity = parse_severity(definition["severity"], f"rule {self.name!r}", where)
        if "recommended" in definition:
            self.recommended = definition["recommended"] is not False
        if "resolved" in definition:
            self.resolved = definition["resolved"] is not False
        if "formats" in definition:
            self.formats = parse_formats(definition["formats"], f"rule {self.name!r}", where)
        if "given" in definition:
            self.given = parse_given(definition["given"], self.name, where)
            self.alias_source = ruleset
        if "then" in definition:
            custom = ruleset.definition.custom_functions | _custom_functions_of(ruleset)
            self.then = parse_then(definition["then"], self.name, where, custom, ruleset.definition.builtin is not None)
        if "given" in definition or "then" in definition:
            self.builtin = False


def _custom_functions_of(ruleset: Ruleset) -> frozenset[str]:
    out: set[str] = set()
    for ext in ruleset.extends:
        out |= ext.definition.custom_functions
    return frozenset(out)


def _opt_str(value: Any, rule: str, key: str, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise ConfigError(f"rule {rule!r}: `{key}` must be a string", uri=where)


def parse_severity(value: Any, what: str, where: str) -> int:
    if value is False:  # YAML 1.1 reads `off` as false
        return -1
    if isinstance(value, bool):
        raise ConfigError(f"{what}: invalid severity {value!r}", uri=where)
    if isinstance(value, int) and -1 <= value <= 3:
        return value
    if isinstance(value, str):
        if value in SEVERITIES:
            return SEVERITIES[value]
        if value.strip().lstrip("-").isdigit() and -1 <= int(value) <= 3:
            return int(value)
    raise ConfigError(
        f'{what}: the severity has to be one of: 0, 1, 2, 3 or "error", "warn", "info", "hint", "off" (got {value!r})',
        uri=where,
    )


def parse_formats(value: Any, what: str, where: str) -> frozenset[str]:
    if not isinstance(value, list):
        raise ConfigError(f"{what}: `formats` must be an array of formats", uri=where)
    out: set[str] = set()
    for name in value:
        norm = fmt.normalise(str(name))
        if norm is None:
            raise ConfigError(f"{what}: unknown format {name!r}", uri=where)
        out.add(norm)
    return frozenset(out)


def parse_given(value: Any, rule: str, where: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(g, str) and g.startswith(("$", "#")) for g in items):
        raise ConfigError(
            f"rule {rule!r}: `given` must be a JSONPath expression (starting with `$`) or an alias "
            f"(`#Name`), or a non-empty list of them; got {value!r}",
            uri=where,
        )
    return list(items)


def parse_then(value: Any, rule: str, where: str, custom: frozenset[str], builtin: bool = False) -> list[Then]:
    items = value if isinstance(value, list) else [value]
    out: list[Then] = []
    for item in items:
        if not isinstance(item, dict):
            raise ConfigError(f"rule {rule!r}: `then` must be a mapping (or a list of them)", uri=where)
        unknown = sorted(set(item) - {"field", "function", "functionOptions"})
        if unknown:
            raise ConfigError(f"rule {rule!r}: unknown `then` key(s) {unknown}", uri=where)
        name = item.get("function")
        if not isinstance(name, str):
            raise ConfigError(f"rule {rule!r}: `then.function` must name a function", uri=where)
        fld = item.get("field")
        if fld is not None and not isinstance(fld, str):
            raise ConfigError(f"rule {rule!r}: `then.field` must be a string", uri=where)
        if fld is not None and fld.startswith("$"):
            try:
                parse_path(fld)
            except JsonPathError as exc:
                raise ConfigError(f"rule {rule!r}: invalid `then.field`: {exc}", uri=where) from None
        core = CORE.get(name)
        if core is None:
            if name in custom or builtin:
                out.append(Then(fld, name, None, item.get("functionOptions")))
                continue
            known = ", ".join(sorted(CORE))
            raise ConfigError(f"rule {rule!r}: unknown function {name!r} (core functions: {known})", uri=where)
        try:
            options = core.prepare(item.get("functionOptions"))
        except OptionsError as exc:
            raise ConfigError(f"rule {rule!r}: {exc}", uri=where) from None
        out.append(Then(fld, name, core, options))
    return out


class Ruleset:
    def __init__(
        self,
        definition: Definition,
        severity: str = "recommended",
        explicit: bool = False,
        stack: list[Definition] | None = None,
        top: bool = True,
    ) -> None:
        self.definition = definition
        data = definition.data
        self.where = definition.where
        self.aliases: dict[str, Any] = dict(data.get("aliases") or {})
        self.has_complex_aliases = any(not isinstance(v, list) for v in self.aliases.values())
        self.severity = severity
        self.explicit = explicit
        stack = stack if stack is not None else []
        stack.append(definition)
        self.extends: list[Ruleset] = []
        for ext_def, ext_severity, ext_explicit in definition.extends:
            if ext_def in stack:
                continue
            self.extends.append(Ruleset(ext_def, ext_severity, ext_explicit, stack, top=False))
        self.overrides: list[dict[str, Any]] | None = data.get("overrides") if top else None
        stack.pop()
        self.formats: set[str] = set()
        if "formats" in data:
            self.formats |= parse_formats(data["formats"], "ruleset", self.where)
        for ext in self.extends:
            self.formats |= ext.formats
        self.rules: dict[str, Rule] = self._rules(nested=not top)

    def _rules(self, nested: bool) -> dict[str, Rule]:
        rules: dict[str, Rule] = {}
        for ext in self.extends:
            for rule in ext.rules.values():
                rules[rule.name] = rule
                if nested and self.explicit:
                    rule.enabled_flag = _is_enabled(rule, self.severity)
        data = self.definition.data
        own_formats = parse_formats(data["formats"], "ruleset", self.where) if "formats" in data else None
        for name, value in (data.get("rules") or {}).items():
            name = str(name)
            rule = self._merge(rules.get(name), name, value)
            rules[name] = rule
            if rule.owner is self or self.explicit:
                rule.enabled_flag = _is_enabled(rule, self.severity)
            if rule.formats is not None:
                self.formats |= rule.formats
            elif rule.owner is not self:
                owner_formats = rule.owner.definition.data.get("formats")
                rule.formats = parse_formats(owner_formats, "ruleset", self.where) if owner_formats else None
            elif own_formats is not None:
                rule.formats = own_formats
            url = data.get("documentationUrl")
            if isinstance(url, str) and rule.documentation_url is None:
                rule.documentation_url = f"{url}#{name}"
        return rules

    def _merge(self, existing: Rule | None, name: str, value: Any) -> Rule:
        where = self.where
        if isinstance(value, bool) or isinstance(value, (str, int)) or value is None:
            if existing is None:
                raise ConfigError(f'cannot extend non-existing rule: "{name}"', uri=where)
            if isinstance(value, bool):
                existing.enabled_flag = value
                return existing
            existing.severity = parse_severity(value, f"rule {name!r}", where)
            existing.enabled_flag = value != "off"
            return existing
        if not isinstance(value, dict):
            raise ConfigError(f"rule {name!r} must be a severity, a boolean or a rule definition", uri=where)
        if self.definition.builtin is None and ("given" not in value or "then" not in value):
            # Spectral's ruleset schema requires both, also when redefining an inherited rule
            raise ConfigError(f'rule {name!r}: the rule must have at least "given" and "then" properties', uri=where)
        if existing is not None:
            existing.assign(value, self, where)
            existing.enabled_flag = True
            return existing
        rule = Rule(name, self, self, where)
        rule.assign(value, self, where)
        if self.definition.builtin is not None:
            from apictl.lint.spectral.oas import mapped

            rule.builtin = name in mapped()
        return rule

    # -- per document -----------------------------------------------------

    def for_file(self, relative: str) -> Ruleset:
        """The ruleset that applies to a file (`overrides`), `relative` to the ruleset's folder."""
        if not self.overrides:
            return self
        matching: list[dict[str, Any]] = []
        pointer_rules: dict[str, dict[str, dict[str, int]]] = {}
        for override in self.overrides:
            whole_file = False
            for pattern in override["files"]:
                glob, _, pointer = pattern.partition("#")
                if not _minimatch(relative, glob):
                    continue
                if "#" not in pattern:
                    whole_file = True
                    continue
                for rule_name, sev in (override.get("rules") or {}).items():
                    if isinstance(sev, dict) or sev is True:
                        raise ConfigError(
                            f"overrides with JSON pointers ({pattern!r}) may only set rule severities", uri=self.where
                        )
                    by_pointer = pointer_rules.setdefault(str(rule_name), {}).setdefault(glob, {})
                    by_pointer["#" + pointer] = parse_severity(sev, f"rule {rule_name!r}", self.where)
            if whole_file:
                matching.append(override)
        if not matching and not pointer_rules:
            return self
        base = Definition(
            {k: v for k, v in self.definition.data.items() if k != "overrides"},
            self.definition.source,
            self.definition.where,
            list(self.definition.extends),
            self.definition.builtin,
            self.definition.custom_functions,
        )
        merged = base
        if matching:
            override_def = _override_definition(matching[0], base)
            for more in matching[1:]:
                override_def = _merge_definitions(override_def, _override_definition(more, base), True)
            merged = _merge_definitions(base, override_def, False)
        result = Ruleset(merged)
        for rule_name, by_glob in pointer_rules.items():
            if rule_name in result.rules:
                result.rules[rule_name].pointer_overrides = by_glob
                result.rules[rule_name].overrides_base = self.definition.source
        return result


def _is_enabled(rule: Rule, severity: str) -> bool:
    return severity == "all" or (severity == "recommended" and rule.recommended)


def _minimatch(path: str, pattern: str) -> bool:
    if "/" not in pattern:  # matchBase
        return glob_match(pattern, posixpath.basename(path))
    return glob_match(pattern, path)


def _override_definition(override: dict[str, Any], base: Definition) -> Definition:
    data = {k: copy.deepcopy(v) for k, v in override.items() if k not in ("files", "__extends")}
    extends = override.get("__extends")
    return Definition(data, base.source, base.where, list(extends) if extends is not None else [])


def _merge_definitions(left: Definition, right: Definition, is_override: bool) -> Definition:
    """spectral-core's mergeRulesets."""
    data = {**left.data, **right.data}
    extends = list(right.extends) if "extends" in right.data else list(left.extends)
    if "aliases" in left.data and "aliases" in right.data:
        data["aliases"] = {**left.data["aliases"], **right.data["aliases"]}
    merged = Definition(data, left.source, left.where, extends, left.builtin, left.custom_functions)
    if "rules" in left.data and "rules" in right.data:
        if is_override:
            data["rules"] = {**left.data["rules"], **right.data["rules"]}
        else:
            merged.extends.append((left, "recommended", False))
            merged.custom_functions = left.custom_functions | right.custom_functions
    return merged


def severity_for(rule: Rule, source: Path | None, pointer: str) -> int:
    """The severity of a result at `pointer` in the file `source` (pointer-level overrides)."""
    if not rule.pointer_overrides or source is None or rule.overrides_base is None:
        return rule.severity
    try:
        relative = Path(posixpath.relpath(source.as_posix(), rule.overrides_base.parent.as_posix())).as_posix()
    except ValueError:
        return rule.severity
    severity = rule.severity
    closest = ""
    pointer = "#" + pointer
    for glob, by_pointer in rule.pointer_overrides.items():
        if not _minimatch(relative, glob):
            continue
        for over_pointer, sev in by_pointer.items():
            if len(over_pointer) >= len(closest) and (
                pointer == over_pointer or pointer.startswith(over_pointer + "/")
            ):
                closest = over_pointer
                severity = sev
    return severity
