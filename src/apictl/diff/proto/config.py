"""The `breaking:` section of a buf.yaml (v1, v2) or of apictl.yaml: which rules run
(`use`, `except`), which files are left out (`ignore`, `ignore_only`), and whether
unstable packages (`v1alpha1`, `v1beta2`, `v1test`) are skipped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from apictl.core.errors import ConfigError
from apictl.diff.proto.categories import BUF_CATEGORIES, CATEGORIES, DEFAULT_USE, DEPRECATED_IDS, expand

KEYS = {"use", "except", "ignore", "ignore_only", "ignore_unstable_packages", "disable_builtin"}
_UNSTABLE = re.compile(r"^v\d+(?:p\d+)?(?:alpha|beta|test)\d*$")


@dataclass
class BufBreaking:
    use: list[str] = field(default_factory=lambda: list(DEFAULT_USE))
    except_: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)  # module-relative paths
    ignore_only: dict[str, list[str]] = field(default_factory=dict)  # rule id or category -> paths
    ignore_unstable_packages: bool = False
    where: str = ""

    def selected(self) -> set[str]:
        return expand(self.use) - expand(self.except_)

    def ignored(self, rule_id: str, name: str, package: str) -> bool:
        """Is a finding of `rule_id` on file `name` (in `package`) left out?"""
        if _under(name, self.ignore):
            return True
        for key, paths in self.ignore_only.items():
            if rule_id in expand([key]) and _under(name, paths):
                return True
        return self.ignore_unstable_packages and is_unstable(package)


def is_unstable(package: str) -> bool:
    """buf's unstable versions: the last package component is vNalpha*, vNbeta*, vNtest* (or vNpM…)."""
    return bool(package) and bool(_UNSTABLE.match(package.rsplit(".", 1)[-1]))


def _under(name: str, paths: list[str]) -> bool:
    return any(p in (".", "") or name == p or name.startswith(p.rstrip("/") + "/") for p in paths)


def _str_list(value: Any, key: str, where: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"`breaking.{key}` must be a list of strings", uri=where)
    return list(value)


def _check_ids(items: list[str], key: str, where: str) -> None:
    """buf refuses a config naming a rule or category it does not know; so does apictl."""
    for item in items:
        name = item.strip().upper()
        if name not in CATEGORIES and name not in BUF_CATEGORIES and name not in DEPRECATED_IDS:
            raise ConfigError(f"unknown breaking rule or category {item!r} in `breaking.{key}`", uri=where)


def parse_breaking(section: Any, where: str, prefix: str = "") -> BufBreaking:
    """`prefix`: a v2 module's path inside the buf.yaml folder; v2 ignore paths are written
    relative to buf.yaml and become module-relative here."""
    if section is None:
        section = {}
    if not isinstance(section, dict):
        raise ConfigError("`breaking` must be a mapping", uri=where)
    unknown = set(section) - KEYS
    if unknown:
        raise ConfigError(f"unknown key(s) {sorted(unknown)} in `breaking` (allowed: {sorted(KEYS)})", uri=where)

    def rel(p: str) -> str:
        p = p.strip().strip("/") or "."
        if prefix not in ("", ".") and (p == prefix or p.startswith(prefix + "/")):
            return p[len(prefix) :].lstrip("/") or "."
        return p

    out = BufBreaking(where=where)
    if "use" in section:
        out.use = _str_list(section["use"], "use", where)
    out.except_ = _str_list(section.get("except"), "except", where)
    _check_ids(out.use, "use", where)
    _check_ids(out.except_, "except", where)
    out.ignore = [rel(p) for p in _str_list(section.get("ignore"), "ignore", where)]
    only = section.get("ignore_only") or {}
    if not isinstance(only, dict):
        raise ConfigError("`breaking.ignore_only` must map rule ids to paths", uri=where)
    _check_ids([str(k) for k in only], "ignore_only", where)
    out.ignore_only = {str(k).upper(): [rel(p) for p in _str_list(v, "ignore_only", where)] for k, v in only.items()}
    flag = section.get("ignore_unstable_packages", False)
    if not isinstance(flag, bool):
        raise ConfigError("`breaking.ignore_unstable_packages` must be true or false", uri=where)
    out.ignore_unstable_packages = flag
    return out


def read_buf_breaking(config_file: Path | None, module_root: Path, show: str) -> BufBreaking | None:
    """The `breaking:` section that applies to the module at `module_root` (None: none written)."""
    if config_file is None or config_file.name != "buf.yaml" or not config_file.is_file():
        return None
    try:
        data = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read buf.yaml: {str(exc).splitlines()[0]}", uri=show) from None
    if not isinstance(data, dict):
        raise ConfigError("expected a mapping", uri=show)
    if str(data.get("version", "v1")) != "v2":
        return parse_breaking(data["breaking"], show) if "breaking" in data else None
    section = data.get("breaking")
    prefix = ""
    for entry in data.get("modules") or []:
        if not isinstance(entry, dict):
            continue
        path = str(entry.get("path", ".")).strip("/") or "."
        if (config_file.parent / path).resolve() == module_root.resolve():
            prefix = path
            section = entry.get("breaking", section)
    return parse_breaking(section, show, prefix) if section is not None else None
