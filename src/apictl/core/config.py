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

Unknown keys are errors: a typo must not silently switch a check off.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.diagnostic import Severity
from apictl.core.errors import ConfigError, InputError
from apictl.core.registry import ALL_PRESETS, Rule, find

CONFIG_NAMES = ("apictl.yaml", "apictl.yml", ".apictl.yaml", ".apictl.yml")
_TOP_KEYS = {"extends", "rules", "overrides", "exclude", "refs", "fail_on"}


@dataclass(slots=True)
class RuleSetting:
    severity: Severity | None  # None: off
    options: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Override:
    files: list[str]
    rules: dict[str, RuleSetting]


@dataclass
class Config:
    extends: list[str] = field(default_factory=lambda: ["recommended"])  # presets, combined
    rules: dict[str, RuleSetting] = field(default_factory=dict)
    overrides: list[Override] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    ref_root: Path | None = None
    allow_remote: bool = False
    fail_on: Severity | None = None
    path: Path | None = None
    base_dir: Path = field(default_factory=Path.cwd)

    def effective(self, rules: list[Rule], rel_path: str, fmt: str) -> list[tuple[Rule, Severity, dict[str, Any]]]:
        """The rules that run on a file, with their severities and options."""
        chosen: dict[str, tuple[Rule, Severity, dict[str, Any]]] = {
            r.code: (r, r.severity, dict(r.options))
            for r in rules
            if any(r.in_preset(p) for p in self.extends) and fmt in r.formats and r.status != "deprecated"
        }
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
    cfg.extends = parse_presets(data.get("extends", "recommended"), where)
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
    return cfg


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
