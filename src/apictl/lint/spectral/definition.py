"""Reading ruleset files: YAML/JSON, `extends` resolved to files, checks.

A ruleset file becomes a `Definition`: its parsed content plus its
`extends` entries resolved — to other ruleset files (paths relative to the
file; `node_modules/<package>` when a package with a YAML/JSON ruleset is
installed next to it) or to `spectral:oas`. Cycles, missing files, remote
URLs, JavaScript rulesets and `spectral:asyncapi`/`spectral:arazzo` are
configuration errors naming the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.errors import ConfigError, InputError

OAS = "spectral:oas"
_UNSUPPORTED_BUILTINS = ("spectral:asyncapi", "spectral:arazzo")
_TOP_KEYS = {
    "extends",
    "rules",
    "aliases",
    "overrides",
    "formats",
    "documentationUrl",
    "description",
    "functions",
    "functionsDir",
    "parserOptions",
    "except",
}
_SEVERITIES = ("recommended", "all", "off")


@dataclass(eq=False)
class Definition:
    data: dict[str, Any]
    source: Path | None  # None for spectral:oas
    where: str  # how errors name it
    extends: list[tuple[Definition, str, bool]] = field(default_factory=list)  # (ruleset, severity, explicit)
    builtin: str | None = None  # "spectral:oas"
    custom_functions: frozenset[str] = frozenset()


def display(path: Path) -> str:
    from apictl.core.loader import display_path

    return display_path(path)


def read(path: Path, stack: tuple[Path, ...] = ()) -> Definition:
    path = path.resolve()
    where = display(path)
    if path in stack:
        chain = " -> ".join(display(p) for p in (*stack, path))
        raise ConfigError(f"ruleset `extends` cycle: {chain}", uri=display(stack[-1]))
    data = _parse(path, where)
    _migrate_except(data)
    _check_top(data, where)
    functions = data.get("functions") or []
    if not isinstance(functions, list) or not all(isinstance(f, str) for f in functions):
        raise ConfigError("`functions` must be a list of function names", uri=where)
    definition = Definition(data, path, where, custom_functions=frozenset(functions))
    definition.extends = _extends(data.get("extends"), path, where, (*stack, path))
    for i, override in enumerate(data.get("overrides") or []):
        if isinstance(override, dict) and "extends" in override:
            override["__extends"] = _extends(override["extends"], path, f"{where} (overrides[{i}])", (*stack, path))
    return definition


def _parse(path: Path, where: str) -> dict[str, Any]:
    if not path.is_file():
        raise ConfigError("ruleset file not found", uri=where)
    if path.suffix in (".js", ".mjs", ".cjs", ".ts"):
        raise ConfigError("JavaScript rulesets are not supported; use a YAML or JSON ruleset", uri=where)
    try:
        if path.suffix == ".json":
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
        else:
            from apictl.core.loader import load_file

            data = load_file(path, where).data
    except json.JSONDecodeError as exc:
        raise ConfigError(f"invalid JSON: {exc.msg}", uri=where, line=exc.lineno, col=exc.colno) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read ruleset: {exc}", uri=where) from None
    except InputError as exc:
        raise ConfigError(exc.message, uri=where, line=exc.line, col=exc.col) from None
    if not isinstance(data, dict):
        raise ConfigError("a ruleset must be a mapping (with `rules`, `extends`, …)", uri=where)
    return data


def _migrate_except(data: dict[str, Any]) -> None:
    """Spectral 5's `except: {"file#/pointer": [rules]}` becomes `overrides`, as Spectral's migrator does."""
    exceptions = data.pop("except", None)
    if not isinstance(exceptions, dict):
        return
    overrides = data.setdefault("overrides", [])
    for pattern, names in exceptions.items():
        files = [f"**{pattern}" if pattern.startswith("#") else pattern]
        overrides.append({"files": files, "rules": {str(n): "off" for n in names or []}})


def _check_top(data: dict[str, Any], where: str) -> None:
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise ConfigError(f"unknown ruleset key(s) {unknown} (allowed: {sorted(_TOP_KEYS - {'except'})})", uri=where)
    if "rules" in data and data["rules"] is not None and not isinstance(data["rules"], dict):
        raise ConfigError("`rules` must be a mapping of rule names to definitions or severities", uri=where)
    if "aliases" in data and not isinstance(data["aliases"], dict):
        raise ConfigError("`aliases` must be a mapping", uri=where)
    for name in data.get("aliases") or {}:
        if not re.match(r"^[A-Za-z][A-Za-z0-9_-]*$", str(name)):
            raise ConfigError(
                f"alias name {name!r}: to avoid confusion the name must match /^[A-Za-z][A-Za-z0-9_-]*$/", uri=where
            )
    overrides = data.get("overrides")
    if overrides is not None and (not isinstance(overrides, list) or not overrides):
        raise ConfigError("`overrides` must be a non-empty list", uri=where)
    for i, o in enumerate(overrides or []):
        if not isinstance(o, dict) or not isinstance(o.get("files"), list) or not o["files"]:
            raise ConfigError(f"overrides[{i}] must have `files`, a non-empty list of glob patterns", uri=where)
        if not all(isinstance(f, str) and f for f in o["files"]):
            raise ConfigError(f"overrides[{i}].files must be non-empty glob patterns", uri=where)
        if not ("rules" in o or "extends" in o):
            raise ConfigError(f"overrides[{i}] must have `rules` or `extends`", uri=where)


def _extends(value: Any, path: Path, where: str, stack: tuple[Path, ...]) -> list[tuple[Definition, str, bool]]:
    if value is None:
        return []
    entries = value if isinstance(value, list) else [value]
    out: list[tuple[Definition, str, bool]] = []
    for entry in entries:
        explicit = isinstance(entry, list)
        if explicit:
            if len(entry) == 2 and entry[1] is False:  # YAML 1.1 reads `off` as false
                entry = [entry[0], "off"]
            if len(entry) != 2 or not isinstance(entry[0], str) or entry[1] not in _SEVERITIES:
                raise ConfigError(
                    f"`extends` entry {entry!r} must be a ruleset or [ruleset, recommended|all|off]", uri=where
                )
            name, severity = entry[0], str(entry[1])
        elif isinstance(entry, str):
            name, severity = entry, "recommended"
        else:
            raise ConfigError(f"`extends` entries must be ruleset names or paths, got {entry!r}", uri=where)
        out.append((resolve_extends(name, path, where, stack), severity, explicit))
    return out


def resolve_extends(name: str, base: Path, where: str, stack: tuple[Path, ...]) -> Definition:
    if name == OAS:
        return oas_definition()
    if name in _UNSUPPORTED_BUILTINS:
        raise ConfigError(f"`extends: {name}` is not supported (apictl lints OpenAPI only)", uri=where)
    if name.startswith("spectral:"):
        raise ConfigError(f"unknown built-in ruleset {name!r} (apictl knows spectral:oas)", uri=where)
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", name):
        raise ConfigError(
            f"remote ruleset {name!r} is not supported (no network access): download it and extend its file path",
            uri=where,
        )
    candidate = Path(name) if Path(name).is_absolute() else base.parent / name
    if candidate.is_file():
        return read(candidate, stack)
    package = _package_ruleset(name, base.parent)
    if package is not None:
        return read(package, stack)
    if _looks_like_package(name):
        raise ConfigError(
            f"npm package ruleset {name!r} is not installed next to the ruleset; npm packages are not fetched — "
            "install or download it and extend its YAML/JSON file path",
            uri=where,
        )
    raise ConfigError(f"extended ruleset {name!r} not found (looked for {display(candidate)})", uri=where)


def _looks_like_package(name: str) -> bool:
    return bool(re.match(r"^(@[a-z0-9._~-]+/)?[a-z0-9._~-]+(/[^/]+)*$", name)) and not name.startswith(".")


def _package_ruleset(name: str, folder: Path) -> Path | None:
    """`extends: some-package` -> node_modules/some-package/<main>, when that is YAML/JSON."""
    if not _looks_like_package(name):
        return None
    for parent in [folder, *folder.parents]:
        pkg_dir = parent / "node_modules" / name
        if pkg_dir.is_file():
            return pkg_dir
        manifest = pkg_dir / "package.json"
        if manifest.is_file():
            try:
                main = json.loads(manifest.read_text(encoding="utf-8")).get("main") or "index.js"
            except (OSError, ValueError):
                return None
            target = pkg_dir / str(main)
            if target.suffix in (".yaml", ".yml", ".json"):
                return target
            return pkg_dir / str(main)  # a JavaScript ruleset: `read` reports it
    return None


_OAS: Definition | None = None


def oas_definition() -> Definition:
    """`spectral:oas` (see `oas_data`), built once."""
    global _OAS
    if _OAS is None:
        from apictl.lint.spectral.oas_data import OAS as DATA

        data = {"formats": DATA["formats"], "aliases": DATA["aliases"], "rules": DATA["rules"]}
        data["documentationUrl"] = DATA["documentationUrl"]
        _OAS = Definition(data, None, OAS, builtin=OAS)
    return _OAS
