"""Media types with related names, paired like oasdiff pairs them: the same type, subtypes equal or
one a structured-syntax specialization of the other (`application/json` and
`application/problem+json`), parameters ignored."""

from __future__ import annotations

from typing import Any


def _media_name(name: str) -> tuple[str, str, str, dict[str, str]] | None:
    """(type, subtype, suffix, parameters) of a media type name; None when it has several suffixes."""
    base, *params = name.split(";")
    kind, _, sub = base.strip().lower().partition("/")
    parts = sub.split("+")
    if not kind or not sub or len(parts) > 2:
        return None
    args = {}
    for p in params:
        key, _, value = p.partition("=")
        args[key.strip().lower()] = value.strip().strip('"')
    return kind, parts[0], parts[1] if len(parts) == 2 else "", args


def _contains(general: str, specific: str) -> bool:
    """Whether `specific` is a specialization of `general` (oasdiff: `application/json` contains
    `application/problem+json`; parameters are ignored)."""
    a, b = _media_name(general), _media_name(specific)
    if a is None or b is None or a[0] != b[0]:
        return False
    if not a[2] and b[2] and b[2] == a[1]:
        return True
    return a[1] == b[1] and a[2] == b[2]


def renamed_media_types(removed: list[str], added: list[str]) -> dict[str, str]:
    """Pairs of a removed and an added media type with related names (old -> new), like oasdiff."""
    out: dict[str, str] = {}
    for new in added:
        for old in removed:
            if old not in out and (_contains(old, new) or _contains(new, old)):
                out[old] = new
                break
    return out


def media_rename(old: str, new: str) -> dict[str, Any]:
    a, b = _media_name(old), _media_name(new)
    params_changed = a is not None and b is not None and a[3] != b[3]
    return {"old": old, "new": new, "parameters_changed": params_changed, "specialized": _contains(old, new)}
