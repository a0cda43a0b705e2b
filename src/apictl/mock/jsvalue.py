"""Values written the way JavaScript writes them, so bodies are byte-identical to
Prism's: `JSON.stringify` (compact, UTF-8, `1.0` as `1`, `1e21` as `1e+21`) and
`String(value)` for text payloads."""

from __future__ import annotations

import math
import re
from typing import Any

import orjson

_OPTS = orjson.OPT_NON_STR_KEYS
_EXPONENT = re.compile(rb"[0-9]e[0-9-]")


def js_number(value: float) -> int | float:
    """An integral float becomes an int (JavaScript has one number type)."""
    if math.isfinite(value) and value.is_integer() and abs(value) < 1e21:
        return int(value)
    return value


def normalize(value: Any) -> Any:
    """`value` with integral floats as ints; containers are rebuilt only where
    something changed (one pass)."""
    if isinstance(value, float):
        return js_number(value)
    if isinstance(value, dict):
        out = {}
        changed = False
        for k, v in value.items():
            n = normalize(v)
            out[k] = n
            changed = changed or n is not v
        return out if changed else value
    if isinstance(value, list):
        items = [normalize(v) for v in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    return value


def dumps(value: Any) -> bytes:
    """`JSON.stringify(value)` as UTF-8 bytes."""
    try:
        out = orjson.dumps(normalize(value), option=_OPTS)
    except (TypeError, orjson.JSONEncodeError):
        out = orjson.dumps(_plain(value), option=_OPTS)
    if _EXPONENT.search(out):  # rare; the fix skips string contents, so a false alarm is harmless
        out = _fix_exponents(out)
    return out


def _plain(value: Any) -> Any:
    """Whatever orjson refuses (big integers, odd objects) made representable."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (str, float)):
        return normalize(value)
    if isinstance(value, int):
        return value if -(2**63) <= value < 2**64 else float(value)
    return str(value)


def _fix_exponents(out: bytes) -> bytes:
    # orjson writes 1e21 / 1e-7; JavaScript writes 1e+21 / 1e-7. Only touch numbers,
    # never string contents: re-serialise through a scan that skips strings.
    buf = bytearray()
    in_str = False
    esc = False
    for i, ch in enumerate(out):
        if in_str:
            buf.append(ch)
            if esc:
                esc = False
            elif ch == 0x5C:
                esc = True
            elif ch == 0x22:
                in_str = False
            continue
        if ch == 0x22:
            in_str = True
        buf.append(ch)
        if ch in (0x65, 0x45) and i + 1 < len(out) and 0x30 <= out[i + 1] <= 0x39:
            buf.append(0x2B)
    return bytes(buf)


def js_string(value: Any) -> str:
    """`String(value)` for scalars."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, float):
        value = js_number(value)
        if isinstance(value, float):
            if math.isnan(value):
                return "NaN"
            if math.isinf(value):
                return "Infinity" if value > 0 else "-Infinity"
            return dumps(value).decode()
    return str(value)
