"""`aliases`: `#Name` in `given` stands for one or more JSONPath expressions.

A simple alias is a list of expressions; a scoped one has `targets`, each
with `formats` and `given`, and resolves to the last target whose formats the
document has (nothing when none fits). Text after the alias name is appended
to each expression (`#PathItem.parameters` -> `$.paths[*].parameters`).
"""

from __future__ import annotations

import re
from typing import Any

from apictl.core.errors import ConfigError
from apictl.lint.spectral import formats as fmt

_ALIAS = re.compile(r"^#([A-Za-z0-9_-]+)")


def resolve(aliases: dict[str, Any], expression: str, formats: frozenset[str] | None, where: str) -> list[str]:
    return _resolve(aliases, expression, formats, [], where)


def _resolve(
    aliases: dict[str, Any], expression: str, formats: frozenset[str] | None, stack: list[str], where: str
) -> list[str]:
    if not expression.startswith("#"):
        return [expression]
    m = _ALIAS.match(expression)
    if m is None:
        raise ConfigError(f"alias in {expression!r} must match /^#([A-Za-z0-9_-]+)/", uri=where)
    name = m.group(1)
    if name in stack:
        chain = " -> ".join([*stack, name])
        raise ConfigError(f'alias "{stack[0]}" is circular. Resolution stack: {chain}', uri=where)
    if name not in aliases:
        raise ConfigError(f'alias "{name}" does not exist', uri=where)
    value = aliases[name]
    rest = expression[len(name) + 1 :]
    if isinstance(value, list):
        given = value
    elif isinstance(value, dict) and isinstance(value.get("targets"), list):
        given = _for_formats(value["targets"], formats, name, where)
    else:
        raise ConfigError(f'alias "{name}" must be a list of expressions or have `targets`', uri=where)
    out: list[str] = []
    for item in given:
        if not isinstance(item, str):
            raise ConfigError(f'alias "{name}" must contain JSONPath expressions', uri=where)
        out.extend(_resolve(aliases, item + rest, formats, [*stack, name], where))
    return out


def _for_formats(targets: list[Any], formats: frozenset[str] | None, name: str, where: str) -> list[str]:
    if not formats:
        return []
    for target in reversed(targets):
        if not isinstance(target, dict) or not isinstance(target.get("given"), list):
            raise ConfigError(f'alias "{name}": a valid target must contain given and non-empty formats', uri=where)
        names = {fmt.normalise(str(f)) for f in target.get("formats") or []}
        if names & formats:
            return list(target["given"])
    return []


def all_expressions(aliases: dict[str, Any], expression: str, where: str) -> list[str]:
    """Every expression an alias could stand for, whatever the formats (to check them at load time)."""
    everything = frozenset(fmt.DETECTORS)
    seen: list[str] = []
    for f in [None, *({frozenset([x]) for x in everything})]:
        for e in resolve(aliases, expression, f, where):
            if e not in seen:
                seen.append(e)
    return seen
