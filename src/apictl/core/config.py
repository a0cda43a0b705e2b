"""Configuration: `apictl.yaml` (or `[tool.apictl]` in pyproject.toml).

    extends: recommended          # minimal | recommended | all
    rules:
      operation-description: off  # by name or code; off | error | warn | info | hint
      OAS215: {severity: warn, options: {...}}
    overrides:
      - files: ["legacy/**"]
        rules: {operation-operationid: off}
    exclude: ["vendor/**"]
    refs: {root: ".", allow_remote: false}
    fail_on: warn
    inline_ignores: true          # false: ignore comments/extensions are not honoured
    ruleset: .spectral.yaml       # a Spectral ruleset, or spectral:oas (docs/spectral-rulesets.md)
    ci:                           # `apictl ci` (see docs/ci.md)
      contracts: ["api/**/*.yaml", "proto/**/*.proto"]
      base: origin/main
      fail_on: warn
      breaking: [wire, sdk]
      pacts: ["pacts/*.json"]
      outputs: {sarif: apictl.sarif, junit: apictl-junit.xml, markdown: apictl-summary.md}

Unknown keys are errors: a typo must not silently switch a check off.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.diagnostic import Severity
from apictl.core.errors import ConfigError, InputError
from apictl.core.registry import ALL_PRESETS, Rule, find

CONFIG_NAMES = ("apictl.yaml", "apictl.yml", ".apictl.yaml", ".apictl.yml")
_TOP_KEYS = {
    "extends",
    "rules",
    "overrides",
    "exclude",
    "refs",
    "fail_on",
    "ci",
    "ruleset",
    "breaking",
    "inline_ignores",
}
_CI_KEYS = {"contracts", "base", "fail_on", "breaking", "pacts", "outputs"}
_CI_OUTPUTS = ("sarif", "junit", "markdown")
BREAKING_CATEGORIES = ("wire", "sdk", "docs")


@dataclass(slots=True)
class RuleSetting:
    severity: Severity | None  # None: off
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Override:
    files: list[str]
    rules: dict[str, RuleSetting]


@dataclass(slots=True)
class CiSettings:
    """The `ci:` section, for `apictl ci`. Paths and globs are relative to `base_dir`."""

    contracts: list[str] = field(default_factory=list)  # empty: the config folder, like `apictl lint`
    base: str | None = None
    fail_on: Severity | None = None
    breaking: list[str] = field(default_factory=lambda: ["wire", "sdk"])  # diff categories that gate
    pacts: list[str] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)  # sarif / junit / markdown -> resolved path


@dataclass
class Config:
    extends: list[str] = field(default_factory=lambda: ["recommended"])  # presets, combined
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    ref_root: Path | None = None
    allow_remote: bool = False
    fail_on: Severity | None = None
    inline_ignores: bool = (
        True  # `x-apictl-ignore`, `# apictl-ignore`, `// buf:lint:ignore` (buf: disallow_comment_ignores)
    )
    path: Path | None = None
    base_dir: Path = field(default_factory=Path.cwd)
    ci: CiSettings = field(default_factory=CiSettings)
    ruleset: str | None = None  # a Spectral ruleset: a file (relative to base_dir) or "spectral:oas"
    # protobuf breaking-change selection, shaped like buf.yaml's `breaking:` (checked by diff/proto)
    breaking: dict[str, Any] | None = None

    def effective(
        self, rules: list[Rule], rel_path: str, fmt: str, base: Iterable[tuple[Rule, Severity, dict[str, Any]]] = ()
    ) -> list[tuple[Rule, Severity, dict[str, Any]]]:
        """The rules that run on a file, with their severities and options. `base`: rules a
        Spectral ruleset enables (its `spectral:oas` rules), before `rules`/`overrides` apply."""
        chosen: dict[str, tuple[Rule, Severity, dict[str, Any]]] = {
            r.code: (r, r.severity, dict(r.options))
            for r in rules
            if any(r.in_preset(p) for p in self.extends) and fmt in r.formats and r.status != "deprecated"
        }
        chosen.update((r.code, (r, sev, opts)) for r, sev, opts in base)
        layers = [self.rules] + [o.rules for o in self.overrides if any(glob_match(g, rel_path) for g in o.files)]
        for layer in layers:
            for key, setting in layer.items():
                r = find(key)
                if r is None or fmt not in r.formats:
                    continue
                if setting.severity is None:
                    chosen.pop(r.code, None)
                else:
                    options = {**(chosen[r.code][2] if r.code in chosen else r.options), **setting.options}
                    chosen[r.code] = (r, setting.severity, options)
        return list(chosen.values())

    def validate_rule_keys(self) -> None:
        if self.path:
            from apictl.core.loader import display_path

            where = display_path(self.path)
        else:
            where = "configuration"
        for layer in [self.rules] + [o.rules for o in self.overrides]:
            for key in layer:
                if find(key) is None:
                    raise ConfigError(f"unknown rule {key!r} (see `apictl rules`)", uri=where)

    def excluded(self, rel_path: str) -> bool:
        return any(glob_match(g, rel_path) for g in self.exclude)


_GLOB_CACHE: dict[str, re.Pattern[str]] = {}


def glob_match(pattern: str, path: str) -> bool:
    """Gitignore-like globs: `*` within a segment, `**` across segments."""
    rx = _GLOB_CACHE.get(pattern)
    if rx is None:
        out, i = [], 0
        while i < len(pattern):
            if pattern.startswith("**/", i):
                out.append("(?:.*/)?")
                i += 3
            elif pattern.startswith("**", i):
                out.append(".*")
                i += 2
            elif pattern[i] == "*":
                out.append("[^/]*")
                i += 1
            elif pattern[i] == "?":
                out.append("[^/]")
                i += 1
            else:
                out.append(re.escape(pattern[i]))
                i += 1
        rx = _GLOB_CACHE[pattern] = re.compile("".join(out) + r"\Z")
    path = path.replace("\\", "/")
    return bool(rx.match(path) or rx.match(path.lstrip("./")))


def parse_presets(value: Any, where: str | None) -> list[str]:
    """`recommended`, `recommended,scale-ready` or a list of preset names."""
    names = value.split(",") if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"`extends` must name presets ({', '.join(ALL_PRESETS)}), got {value!r}", uri=where)
    out = [n.strip() for n in names]
    for n in out:
        if n not in ALL_PRESETS:
            raise ConfigError(f"unknown preset {n!r} (choose from {', '.join(ALL_PRESETS)})", uri=where)
    return out


def is_ruleset(name: str) -> bool:
    """A Spectral ruleset reference rather than a preset name."""
    return name == "spectral:oas" or name.endswith((".yaml", ".yml", ".json"))


def _split_extends(value: Any, ruleset: Any, where: str) -> tuple[Any, str | None]:
    """`extends` may name presets and one Spectral ruleset (`spectral:oas` or a
    file); `ruleset:` names the ruleset explicitly. Returns (presets, ruleset)."""
    if ruleset is not None and not isinstance(ruleset, str):
        raise ConfigError("`ruleset` must be a Spectral ruleset file or spectral:oas", uri=where)
    entries = value if isinstance(value, list) else [value]
    named = [e for e in entries if isinstance(e, str) and is_ruleset(e.strip())]
    if named:
        if ruleset is not None or len(named) > 1:
            raise ConfigError("only one Spectral ruleset can be used (in `extends` or `ruleset`)", uri=where)
        ruleset = named[0].strip()
        value = [e for e in entries if e not in named]
    return value, ruleset


def _setting(value: Any, where: str) -> RuleSetting:
    if isinstance(value, bool):
        return RuleSetting(None) if value is False else RuleSetting(Severity.ERROR)
    if isinstance(value, int):  # Spectral's numeric severities: 0 error, 1 warn, 2 info, 3 hint
        return RuleSetting(_severity(value, where))
    if isinstance(value, str):
        if value.lower() == "off":
            return RuleSetting(None)
        return RuleSetting(_severity(value, where))
    if isinstance(value, dict):
        unknown = set(value) - {"severity", "options"}
        if unknown:
            raise ConfigError(f"unknown key(s) {sorted(unknown)} in rule setting", uri=where)
        sev = value.get("severity", "error")
        options = value.get("options", {})
        if not isinstance(options, dict):
            raise ConfigError("rule `options` must be a mapping", uri=where)
        base = _setting(sev, where)
        base.options = options
        return base
    raise ConfigError(f"a rule setting must be off, a severity or a mapping, got {value!r}", uri=where)


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError as exc:
        raise ConfigError(str(exc), uri=where) from None


def _rules(value: Any, where: str) -> dict[str, RuleSetting]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError("`rules` must be a mapping of rule name or code to a setting", uri=where)
    return {str(k): _setting(v, where) for k, v in value.items()}


def _str_list(value: Any, key: str, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`{key}` must be a list of glob strings", uri=where)
    return list(value)


def parse_config(data: Any, where: str, base_dir: Path) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError("configuration must be a mapping", uri=where)
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"unknown key(s) {sorted(unknown)} (allowed: {sorted(_TOP_KEYS)})", uri=where)
    cfg = Config(base_dir=base_dir)
    presets, cfg.ruleset = _split_extends(data.get("extends", "recommended"), data.get("ruleset"), where)
    if cfg.ruleset is not None and "extends" not in data:
        presets = []  # with a ruleset, apictl's presets apply only when named
    cfg.extends = parse_presets(presets, where) if presets else []
    cfg.rules = _rules(data.get("rules"), where)
    overrides = data.get("overrides") or []
    if not isinstance(overrides, list):
        raise ConfigError("`overrides` must be a list", uri=where)
    for item in overrides:
        if not isinstance(item, dict) or set(item) - {"files", "rules"} or "files" not in item:
            raise ConfigError("each override needs `files` (globs) and `rules`", uri=where)
        cfg.overrides.append(Override(_str_list(item["files"], "files", where), _rules(item.get("rules"), where)))
    cfg.exclude = _str_list(data.get("exclude") or [], "exclude", where)
    refs = data.get("refs") or {}
    if not isinstance(refs, dict) or set(refs) - {"root", "allow_remote"}:
        raise ConfigError("`refs` takes `root` (a folder) and `allow_remote` (true/false)", uri=where)
    if "root" in refs:
        cfg.ref_root = (base_dir / str(refs["root"])).resolve()
    cfg.allow_remote = bool(refs.get("allow_remote", False))
    if data.get("fail_on") is not None:
        cfg.fail_on = _severity(data["fail_on"], where)
    if data.get("ci") is not None:
        cfg.ci = _ci(data["ci"], where, base_dir)
    if data.get("breaking") is not None:
        if not isinstance(data["breaking"], dict):
            raise ConfigError("`breaking` must be a mapping (use, except, ignore, ignore_only, ...)", uri=where)
        cfg.breaking = dict(data["breaking"])
    if "inline_ignores" in data:
        if not isinstance(data["inline_ignores"], bool):
            raise ConfigError("`inline_ignores` must be true or false", uri=where)
        cfg.inline_ignores = data["inline_ignores"]
    return cfg


def _ci(value: Any, where: str, base_dir: Path) -> CiSettings:
    if not isinstance(value, dict):
        raise ConfigError("`ci` must be a mapping", uri=where)
    unknown = set(value) - _CI_KEYS
    if unknown:
        raise ConfigError(f"unknown key(s) {sorted(unknown)} in `ci` (allowed: {sorted(_CI_KEYS)})", uri=where)
    ci = CiSettings()
    if value.get("contracts") is not None:
        ci.contracts = _str_list(value["contracts"], "ci.contracts", where)
    if value.get("pacts") is not None:
        ci.pacts = _str_list(value["pacts"], "ci.pacts", where)
    base = value.get("base")
    if base is not None:
        if not isinstance(base, str) or not base.strip():
            raise ConfigError("`ci.base` must be a git ref, e.g. origin/main", uri=where)
        ci.base = base.strip()
    if value.get("fail_on") is not None:
        ci.fail_on = _severity(value["fail_on"], where)
    if value.get("breaking") is not None:
        ci.breaking = _str_list(value["breaking"], "ci.breaking", where)
        wrong = [c for c in ci.breaking if c not in BREAKING_CATEGORIES]
        if wrong:
            raise ConfigError(
                f"unknown category {wrong[0]!r} in `ci.breaking` (choose from {', '.join(BREAKING_CATEGORIES)})",
                uri=where,
            )
    outputs = value.get("outputs") or {}
    if not isinstance(outputs, dict) or set(outputs) - set(_CI_OUTPUTS):
        raise ConfigError(f"`ci.outputs` takes {', '.join(_CI_OUTPUTS)} (file paths)", uri=where)
    for key, path in outputs.items():
        if not isinstance(path, str) or not path:
            raise ConfigError(f"`ci.outputs.{key}` must be a file path", uri=where)
        ci.outputs[key] = base_dir / path
    return ci


def load_config(path: Path) -> Config:
    from apictl.core.loader import display_path, load_file

    where = display_path(path)  # relative to the working folder when possible, like every other path shown
    if path.suffix == ".toml":  # pyproject.toml, or any TOML file given with --config
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read {path.name}: {exc}", uri=where) from None
        section = data.get("tool", {}).get("apictl", {})
    else:
        try:
            section = load_file(path, where).data
        except InputError as exc:
            if exc.message in ("empty file", "empty document"):  # an empty apictl.yaml means the defaults
                section = None
            else:
                raise ConfigError(exc.message, uri=where, line=exc.line, col=exc.col) from None
    cfg = parse_config(section, where, path.parent.resolve())
    cfg.path = path
    return cfg


def discover(start: Path) -> Path | None:
    """The nearest apictl.yaml (or pyproject.toml with [tool.apictl]) at or above `start`."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                if (
                    "tool" in (data := tomllib.loads(pyproject.read_text(encoding="utf-8")))
                    and "apictl" in data["tool"]
                ):
                    return pyproject
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                pass
    return None
