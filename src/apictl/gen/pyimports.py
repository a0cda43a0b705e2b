"""Import blocks for generated modules, written the way ruff's isort wants them."""

from __future__ import annotations

LINE_LENGTH = 120  # what generated projects configure for ruff


def import_lines(entries: list[tuple[str, str, str]]) -> list[str]:
    """`from` statements for (from part, name, alias) entries, ordered as ruff's isort orders
    one section: furthest relative level first, then by module; per module the plain names
    in one statement, each aliased name in its own (isort's default), all by name (constants,
    classes, then others); wrapped in parentheses when longer than LINE_LENGTH."""
    modules: dict[str, set[tuple[str, str]]] = {}
    for where, name, alias in entries:
        modules.setdefault(where, set()).add((name, alias))

    def level(where: str) -> tuple[int, str]:
        return (-(len(where) - len(where.lstrip("."))), where.lstrip("."))

    out: list[str] = []
    for where in sorted(modules, key=level):
        plain = sorted((n for n, a in modules[where] if n == a), key=_member)
        statements = [(_member(plain[0]), _statement(where, plain))] if plain else []
        statements += [(_member(n), _statement(where, [f"{n} as {a}"])) for n, a in modules[where] if n != a]
        out.extend(text for _, text in sorted(statements))
    return out


def _member(name: str) -> tuple[int, str, str]:
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return (kind, name.lower(), name)


def _statement(where: str, names: list[str]) -> str:
    line = f"from {where} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    return f"from {where} import (\n" + "".join(f"    {n},\n" for n in names) + ")"
