"""What the client asked the mock for, and static examples.

A request may choose the response: `Prefer: code=404, example=notFound,
dynamic=true` (RFC 7240 preferences), or the query parameters `__code`,
`__example` and `__dynamic` (Prism's spelling; the header wins).

Static bodies come from the contract's examples (the Media Type's `example`,
then its named `examples`; 2.0 `examples` by media type) or, failing those,
a sample of the schema (`sample.py`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from apictl.mock.model import Content

MISSING_EXAMPLE: Any = object()


@dataclass(frozen=True, slots=True)
class Preferences:
    code: int | None = None
    example: str | None = None
    dynamic: bool | None = None
    delay_ms: int | None = None  # apictl: `Prefer: delay=250`


def _flag(value: str) -> bool | None:
    v = value.strip().lower()
    return True if v == "true" else False if v == "false" else None


def _code(value: str) -> int | None:
    v = value.strip()
    return int(v) if v.isdigit() and 100 <= int(v) <= 599 else None


NO_PREFERENCES = Preferences()


def preferences(prefer: str | None, query: dict[str, list[str]]) -> Preferences:
    if not prefer and not any(k.startswith("__") for k in query):
        return NO_PREFERENCES
    values: dict[str, str] = {}
    for key in ("code", "example", "dynamic"):
        q = query.get("__" + key)
        if q:
            values[key] = q[0]
    if prefer:
        for part in prefer.replace(";", ",").split(","):
            key, eq, value = part.strip().partition("=")
            if eq and key.strip().lower() in ("code", "example", "dynamic", "delay"):
                values[key.strip().lower()] = value.strip().strip('"')
    delay = values.get("delay", "")
    return Preferences(
        code=_code(values["code"]) if "code" in values else None,
        example=values.get("example") or None,
        dynamic=_flag(values["dynamic"]) if "dynamic" in values else None,
        delay_ms=int(delay) if delay.isdigit() else None,
    )


def example(content: Content, key: str | None) -> Any:
    """The named example (or the first one); MISSING_EXAMPLE when there is none."""
    if key is None:
        return content.examples[0][1] if content.examples else MISSING_EXAMPLE
    for name, value in content.examples:
        if name == key:
            return value
    return MISSING_EXAMPLE
