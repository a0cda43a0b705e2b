"""The rule registry: one rule per module, declared with `@rule(...)`.

A rule's docstring is its documentation (sections: What it does / Why is this
bad? / Example / Use instead / References); `apictl rules CODE` and the
generated docs/rules/ read the same text. Codes are stable and never reused.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from apictl.core.diagnostic import Severity
from apictl.core.document import Document

PRESETS = ("minimal", "recommended", "all")  # each includes the previous ones
# Opt-in presets: themed rule sets that no nested preset but `all` enables.
OPT_IN_PRESETS: tuple[str, ...] = ("scale-ready", "aip")
ALL_PRESETS = PRESETS + OPT_IN_PRESETS
DOC_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")


@dataclass(slots=True)
class Finding:
    """What a rule yields: a message about the node at `pointer` in `doc`."""

    doc: Document
    pointer: str
    message: str


Check = Callable[[Any, Any], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    on: str  # node kind the engine dispatches to the check ("Document", "Root", "Operation", ...)
    severity: Severity
    check: Check
    doc: str
    formats: frozenset[str]
    preset: str  # the smallest preset that enables it
    category: str  # naming | correctness | security | docs | ...
    spectral: tuple[str, ...] = ()
    redocly: tuple[str, ...] = ()
    buf: tuple[str, ...] = ()
    oasdiff: tuple[str, ...] = ()  # equivalent oasdiff check ids (breaking rules)
    status: str = "stable"  # preview | stable | deprecated
    kind: str = "lint"  # lint | breaking
    options: dict[str, Any] = field(default_factory=dict)  # defaults, overridable in config

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    def in_preset(self, preset: str) -> bool:
        if self.preset in OPT_IN_PRESETS or preset in OPT_IN_PRESETS:
            return preset == self.preset or preset == "all"
        return PRESETS.index(self.preset) <= PRESETS.index(preset)


_REGISTRY: dict[str, Rule] = {}
_BY_NAME: dict[str, Rule] = {}
_BY_BUF_ID: dict[str, Rule | None] = {}  # None: an id that two rules claim (never guessed)
_LOADED: set[str] = set()


def rule(
    *,
    code: str,
    name: str,
    on: str,
    severity: str,
    formats: Iterable[str],
    preset: str = "recommended",
    category: str = "correctness",
    spectral: Iterable[str] = (),
    redocly: Iterable[str] = (),
    buf: Iterable[str] = (),
    oasdiff: Iterable[str] = (),
    status: str = "stable",
    kind: str = "lint",
    options: dict[str, Any] | None = None,
) -> Callable[[Check], Check]:
    def register(fn: Check) -> Check:
        if code in _REGISTRY:
            raise RuntimeError(f"duplicate rule code {code} ({name} and {_REGISTRY[code].name})")
        if name in _BY_NAME:
            raise RuntimeError(f"duplicate rule name {name}")
        if preset not in ALL_PRESETS:
            raise RuntimeError(f"rule {code}: unknown preset {preset}")
        r = Rule(
            code=code,
            name=name,
            on=on,
            severity=Severity.parse(severity),
            check=fn,
            doc=inspect.getdoc(fn) or "",
            formats=frozenset(formats),
            preset=preset,
            category=category,
            spectral=tuple(spectral),
            redocly=tuple(redocly),
            buf=tuple(buf),
            oasdiff=tuple(oasdiff),
            status=status,
            kind=kind,
            options=dict(options or {}),
        )
        _REGISTRY[code] = r
        _BY_NAME[name] = r
        for alias in r.buf:
            _BY_BUF_ID[alias] = None if alias in _BY_BUF_ID else r
        return fn

    return register


def load(package: str) -> None:
    """Import every rule module under `package` (once)."""
    if package in _LOADED:
        return
    pkg = importlib.import_module(package)
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        importlib.import_module(info.name)
    _LOADED.add(package)


def all_rules(kind: str = "lint") -> list[Rule]:
    """The registered rules of one kind (`lint` or `breaking`), by code: lint and diff
    share the registry, and neither must see the other's rules."""
    return sorted((r for r in _REGISTRY.values() if r.kind == kind), key=lambda r: r.code)


def find(code_or_name: str) -> Rule | None:
    """A rule by code (`PB101`), name (`enum-pascal-case`) or buf id (`ENUM_PASCAL_CASE`),
    so an apictl.yaml `rules:` section can keep the ids of a buf.yaml it replaces."""
    key = code_or_name.strip()
    return _REGISTRY.get(key.upper()) or _BY_NAME.get(key.lower()) or _BY_NAME.get(key) or _BY_BUF_ID.get(key.upper())
