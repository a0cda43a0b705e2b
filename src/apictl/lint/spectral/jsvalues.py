"""JavaScript value semantics for data parsed from JSON/YAML.

Spectral rulesets are evaluated by JavaScript: filter expressions compare with
`==`, messages print numbers the way `String(n)` does, functions test
truthiness. These helpers give Python values (dict, list, str, int, float,
bool, None) those semantics; `UNDEFINED` stands for `undefined`.
"""

from __future__ import annotations

import math
import re
from typing import Any


class _Undefined:
    __slots__ = ()

    def __repr__(self) -> str:
        return "undefined"

    def __bool__(self) -> bool:
        return False


UNDEFINED: Any = _Undefined()


class JSError(Exception):
    """A TypeError the JavaScript engine would throw (e.g. reading a property of null)."""


def is_number(v: Any) -> bool:
    return (type(v) is int) or (type(v) is float)


def typeof(v: Any) -> str:
    if v is UNDEFINED:
        return "undefined"
    if v is True or v is False:
        return "boolean"
    if is_number(v):
        return "number"
    if isinstance(v, str):
        return "string"
    if callable(v):
        return "function"
    return "object"


def truthy(v: Any) -> bool:
    if v is None or v is UNDEFINED or v is False:
        return False
    if v is True:
        return True
    if is_number(v):
        return bool(v != 0 and v == v)  # 0 and NaN are falsy
    if isinstance(v, str):
        return v != ""
    return True


_NUMERIC = re.compile(r"[+-]?(?:Infinity|(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))\Z")
JS_SPACE = " \t\n\r\v\f\u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" + "".join(map(chr, range(0x2000, 0x200B)))


def to_number(v: Any) -> float | int:
    if v is UNDEFINED:
        return math.nan
    if v is None or v is False:
        return 0
    if v is True:
        return 1
    if is_number(v):
        return v  # type: ignore[no-any-return]
    if isinstance(v, str):
        return string_to_number(v)
    if isinstance(v, list):
        return to_number(to_string(v))
    return math.nan


def string_to_number(s: str) -> float | int:
    s = s.strip(JS_SPACE)
    if s == "":
        return 0
    lower = s.lower()
    for prefix, base in (("0x", 16), ("0o", 8), ("0b", 2)):
        if lower.startswith(prefix):
            try:
                return int(s[2:], base)
            except ValueError:
                return math.nan
    if not _NUMERIC.match(s):
        return math.nan
    if "Infinity" in s:
        return -math.inf if s.startswith("-") else math.inf
    f = float(s)
    return int(f) if f.is_integer() and abs(f) < 2**53 and "." not in s and "e" not in lower else f


def number_to_string(n: float | int) -> str:
    """`String(n)` for a JavaScript number."""
    if isinstance(n, int):
        if abs(n) < 10**21:
            return str(n)
        n = float(n)
    if n != n:
        return "NaN"
    if n in (math.inf, -math.inf):
        return "Infinity" if n > 0 else "-Infinity"
    if n == 0:
        return "0"
    if n.is_integer() and abs(n) < 2**53:
        return str(int(n))
    sign = "-" if n < 0 else ""
    digits, exp = _shortest_digits(abs(n))
    k = len(digits)
    point = exp + k  # position of the decimal point relative to the digits (ECMA-262 Number::toString "n")
    if k <= point <= 21:
        return sign + digits + "0" * (point - k)
    if 0 < point <= 21:
        return sign + digits[:point] + "." + digits[point:]
    if -6 < point <= 0:
        return sign + "0." + "0" * (-point) + digits
    e = point - 1
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{sign}{mantissa}e{'+' if e >= 0 else '-'}{abs(e)}"


def _shortest_digits(x: float) -> tuple[str, int]:
    """Shortest round-trip digits and exponent: x == int(digits) * 10**exp."""
    text = repr(x)
    mantissa, _, exp_text = text.partition("e")
    exp = int(exp_text) if exp_text else 0
    whole, _, frac = mantissa.partition(".")
    if frac == "0":
        frac = ""
    digits = (whole + frac).lstrip("0") or "0"
    exp -= len(frac)
    stripped = digits.rstrip("0")
    exp += len(digits) - len(stripped)
    return stripped or "0", exp


def to_string(v: Any) -> str:
    if isinstance(v, str):
        return v
    if v is UNDEFINED:
        return "undefined"
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if is_number(v):
        return number_to_string(v)
    if isinstance(v, list):
        return ",".join("" if x is None or x is UNDEFINED else to_string(x) for x in v)
    if isinstance(v, dict):
        return "[object Object]"
    return str(v)


def to_primitive(v: Any) -> Any:
    if isinstance(v, (list, dict)):
        return to_string(v)
    return v


def strict_equals(a: Any, b: Any) -> bool:
    if is_number(a) and is_number(b):
        return bool(a == b)
    if type(a) is not type(b):
        return False
    if isinstance(a, (str, bool)):
        return bool(a == b)
    return a is b


def loose_equals(a: Any, b: Any) -> bool:
    if (a is None or a is UNDEFINED) and (b is None or b is UNDEFINED):
        return True
    if a is None or a is UNDEFINED or b is None or b is UNDEFINED:
        return False
    if typeof(a) == typeof(b) and not (isinstance(a, (list, dict)) or isinstance(b, (list, dict))):
        return strict_equals(a, b)
    if isinstance(a, (list, dict)) and isinstance(b, (list, dict)):
        return a is b
    if isinstance(a, (list, dict)):
        return loose_equals(to_primitive(a), b)
    if isinstance(b, (list, dict)):
        return loose_equals(a, to_primitive(b))
    if isinstance(a, str) and isinstance(b, str):
        return a == b
    return bool(to_number(a) == to_number(b))


def compare(a: Any, b: Any, op: str) -> bool:
    """`a < b` etc. with JavaScript's abstract relational comparison."""
    a, b = to_primitive(a), to_primitive(b)
    if isinstance(a, str) and isinstance(b, str):
        x: Any = a.encode("utf-16-be")
        y: Any = b.encode("utf-16-be")
    else:
        x, y = to_number(a), to_number(b)
        if x != x or y != y:
            return False
    if op == "<":
        return bool(x < y)
    if op == ">":
        return bool(x > y)
    if op == "<=":
        return bool(x <= y)
    return bool(x >= y)


def js_length(s: str) -> int:
    """A string's `.length` in UTF-16 code units."""
    if s.isascii():
        return len(s)
    return len(s.encode("utf-16-le")) // 2


def print_value(v: Any) -> str:
    """Spectral's `printValue`: how values appear inside messages."""
    if v is UNDEFINED:
        return "undefined"
    if isinstance(v, list):
        return "Array[]"
    if isinstance(v, dict):
        return "Object{}"
    if hasattr(v, "source") and hasattr(v, "flags"):
        return str(v.source)
    return json_stringify(v)


def json_stringify(v: Any) -> str:
    """`JSON.stringify` for primitives."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if is_number(v):
        return "null" if v != v or v in (math.inf, -math.inf) else number_to_string(v)
    if isinstance(v, str):
        out = ['"']
        for ch in v:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ch == "\r":
                out.append("\\r")
            elif ch == "\t":
                out.append("\\t")
            elif ch == "\b":
                out.append("\\b")
            elif ch == "\f":
                out.append("\\f")
            elif ord(ch) < 0x20:
                out.append(f"\\u{ord(ch):04x}")
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    return to_string(v)


def is_array_index(key: str) -> bool:
    """A canonical array index string ("0", "12", not "01" or "-1")."""
    return key.isdigit() and (key == "0" or key[0] != "0") and key.isascii()
