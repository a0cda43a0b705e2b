"""The runtime of filter expressions: property access, methods and global
functions on JavaScript-like values (see `jsvalues`)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from apictl.lint.spectral import jsvalues as js
from apictl.lint.spectral.jsregex import JSRegexError, JSRegExp, compile_js
from apictl.lint.spectral.jsvalues import UNDEFINED, JSError


@dataclass(frozen=True)
class Builtin:
    name: str


@dataclass(frozen=True)
class Constructor:
    name: str


_CONSTRUCTORS = {"object": "Object", "array": "Array", "string": "String", "number": "Number", "boolean": "Boolean"}


def _kind(v: Any) -> str:
    if isinstance(v, dict):
        return "object"
    if isinstance(v, list):
        return "array"
    return js.typeof(v)


def get_member(obj: Any, key: Any) -> Any:
    if obj is None or obj is UNDEFINED:
        what = "null" if obj is None else "undefined"
        raise JSError(f"Cannot read properties of {what} (reading '{js.to_string(key)}')")
    name = js.to_string(key)
    if isinstance(obj, dict):
        if name in obj:
            return obj[name]
    elif isinstance(obj, list):
        if name == "length":
            return len(obj)
        if js.is_array_index(name):
            i = int(name)
            return obj[i] if i < len(obj) else UNDEFINED
    elif isinstance(obj, str):
        if name == "length":
            return js.js_length(obj)
        if js.is_array_index(name):
            i = int(name)
            return obj[i] if i < len(obj) else UNDEFINED
    elif isinstance(obj, Constructor):
        return obj.name if name == "name" else UNDEFINED
    elif isinstance(obj, JSRegExp):
        if name in ("source", "flags"):
            return getattr(obj, name)
    if name == "constructor":
        kind = _kind(obj)
        return Constructor(_CONSTRUCTORS.get(kind, "Object"))
    return UNDEFINED


STRING_METHODS = {
    "match",
    "includes",
    "indexOf",
    "lastIndexOf",
    "startsWith",
    "endsWith",
    "toLowerCase",
    "toUpperCase",
    "toLocaleLowerCase",
    "toLocaleUpperCase",
    "trim",
    "trimStart",
    "trimEnd",
    "slice",
    "substring",
    "substr",
    "charAt",
    "split",
    "concat",
    "search",
    "replace",
    "localeCompare",
    "toString",
    "padStart",
    "padEnd",
    "repeat",
}


def _arg(args: list[Any], i: int) -> Any:
    return args[i] if i < len(args) else UNDEFINED


def _as_regexp(v: Any) -> JSRegExp:
    if isinstance(v, JSRegExp):
        return v
    try:
        return compile_js("(?:)" if v is UNDEFINED else js.to_string(v))
    except JSRegexError as exc:
        raise JSError(str(exc)) from None


def _index(v: Any, length: int, default: int) -> int:
    if v is UNDEFINED:
        return default
    n = js.to_number(v)
    if n != n:
        return 0
    n = int(n) if not math.isinf(n) else (length if n > 0 else -length)
    return max(0, length + n) if n < 0 else min(n, length)


def call_method(target: Any, name: str, args: list[Any]) -> Any:
    if isinstance(target, Builtin):
        return _builtin_method(target, name, args)
    if target is None or target is UNDEFINED:
        raise JSError(f"Cannot read properties of {js.to_string(target)} (reading '{name}')")
    if isinstance(target, str):
        return _string_method(target, name, args)
    if isinstance(target, list):
        return _array_method(target, name, args)
    if isinstance(target, JSRegExp) and name == "test":
        return target.test(js.to_string(_arg(args, 0)))
    if isinstance(target, dict) and name == "hasOwnProperty":
        return js.to_string(_arg(args, 0)) in target
    if js.is_number(target) and name == "toString":
        return js.to_string(target)
    if js.is_number(target) and name == "toFixed":
        digits = int(js.to_number(_arg(args, 0)) or 0)
        return f"{target:.{digits}f}"
    if isinstance(target, bool) and name == "toString":
        return js.to_string(target)
    raise JSError(f"{name} is not a function")


def _string_method(s: str, name: str, args: list[Any]) -> Any:
    a0 = _arg(args, 0)
    if name == "match":
        rx = _as_regexp(a0)
        if "g" in rx.flags:
            found = [m.group(0) for m in rx.compiled.finditer(s)]
            return found or None
        m = rx.compiled.search(s)
        return None if m is None else [m.group(0), *[g if g is not None else UNDEFINED for g in m.groups()]]
    if name == "search":
        m = _as_regexp(a0).compiled.search(s)
        return -1 if m is None else m.start()
    if name == "includes":
        return js.to_string(a0) in s[_index(_arg(args, 1), len(s), 0) :]
    if name == "indexOf":
        return s.find(js.to_string(a0), _index(_arg(args, 1), len(s), 0))
    if name == "lastIndexOf":
        return s.rfind(js.to_string(a0))
    if name == "startsWith":
        return s.startswith(js.to_string(a0), _index(_arg(args, 1), len(s), 0))
    if name == "endsWith":
        return s[: _index(_arg(args, 1), len(s), len(s))].endswith(js.to_string(a0))
    if name in ("toLowerCase", "toLocaleLowerCase"):
        return s.lower()
    if name in ("toUpperCase", "toLocaleUpperCase"):
        return s.upper()
    if name == "trim":
        return s.strip(js.JS_SPACE)
    if name == "trimStart":
        return s.lstrip(js.JS_SPACE)
    if name == "trimEnd":
        return s.rstrip(js.JS_SPACE)
    if name == "slice":
        return s[_index(a0, len(s), 0) : _index(_arg(args, 1), len(s), len(s))]
    if name == "substring":
        lo = min(max(0, int(js.to_number(a0) or 0)), len(s)) if a0 is not UNDEFINED else 0
        a1 = _arg(args, 1)
        hi = min(max(0, int(js.to_number(a1) or 0)), len(s)) if a1 is not UNDEFINED else len(s)
        return s[min(lo, hi) : max(lo, hi)]
    if name == "substr":
        start = _index(a0, len(s), 0)
        a1 = _arg(args, 1)
        return s[start:] if a1 is UNDEFINED else s[start : start + max(0, int(js.to_number(a1) or 0))]
    if name == "charAt":
        i = int(js.to_number(a0) or 0) if a0 is not UNDEFINED else 0
        return s[i] if 0 <= i < len(s) else ""
    if name == "split":
        if a0 is UNDEFINED:
            return [s]
        if isinstance(a0, JSRegExp):
            return a0.compiled.split(s)
        sep = js.to_string(a0)
        return list(s) if sep == "" else s.split(sep)
    if name == "concat":
        return s + "".join(js.to_string(a) for a in args)
    if name == "replace":
        repl = js.to_string(_arg(args, 1))
        if isinstance(a0, JSRegExp):
            return a0.compiled.sub(lambda m: repl, s, count=0 if "g" in a0.flags else 1)
        return s.replace(js.to_string(a0), repl, 1)
    if name == "localeCompare":
        other = js.to_string(a0)
        return (s > other) - (s < other)
    if name == "toString":
        return s
    if name in ("padStart", "padEnd"):
        width = int(js.to_number(a0) or 0)
        fill = js.to_string(_arg(args, 1)) if _arg(args, 1) is not UNDEFINED else " "
        pad = (fill * width)[: max(0, width - len(s))] if fill else ""
        return pad + s if name == "padStart" else s + pad
    if name == "repeat":
        count = int(js.to_number(a0) or 0)
        if count < 0 or count * len(s) > 1_000_000:
            raise JSError("Invalid count value")
        return s * count
    raise JSError(f"{name} is not a function")


def _array_method(items: list[Any], name: str, args: list[Any]) -> Any:
    a0 = _arg(args, 0)
    if name == "includes":
        if a0 != a0 and js.is_number(a0):  # NaN
            return any(js.is_number(x) and x != x for x in items)
        return any(js.strict_equals(x, a0) for x in items)
    if name == "indexOf":
        return next((i for i, x in enumerate(items) if js.strict_equals(x, a0)), -1)
    if name == "lastIndexOf":
        return next((i for i in range(len(items) - 1, -1, -1) if js.strict_equals(items[i], a0)), -1)
    if name == "join":
        sep = "," if a0 is UNDEFINED else js.to_string(a0)
        return sep.join("" if x is None or x is UNDEFINED else js.to_string(x) for x in items)
    if name == "slice":
        return items[_index(a0, len(items), 0) : _index(_arg(args, 1), len(items), len(items))]
    if name == "concat":
        out = list(items)
        for a in args:
            out.extend(a if isinstance(a, list) else [a])
        return out
    if name == "toString":
        return js.to_string(items)
    raise JSError(f"{name} is not a function")


def call_function(fn: Any, args: list[Any]) -> Any:
    a0 = _arg(args, 0)
    if isinstance(fn, Builtin):
        if fn.name == "String":
            return "" if not args else js.to_string(a0)
        if fn.name == "Number":
            return 0 if not args else js.to_number(a0)
        if fn.name == "Boolean":
            return js.truthy(a0)
        if fn.name == "isNaN":
            n = js.to_number(a0)
            return n != n
        if fn.name in ("parseInt", "parseFloat"):
            return _parse_number(js.to_string(a0), fn.name == "parseInt")
    raise JSError("not a function")


_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|Infinity)")


def _parse_number(text: str, integer: bool) -> float | int:
    text = text.strip(js.JS_SPACE)
    m = re.match(
        r"[+-]?\d+" if integer else r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|Infinity)", text
    )
    if not m:
        return math.nan
    return js.string_to_number(m.group(0))


def _builtin_method(target: Builtin, name: str, args: list[Any]) -> Any:
    a0 = _arg(args, 0)
    if target.name == "Array" and name == "isArray":
        return isinstance(a0, list)
    if target.name == "Object" and name == "keys":
        if isinstance(a0, dict):
            return list(a0)
        if isinstance(a0, list):
            return [str(i) for i in range(len(a0))]
        return []
    if target.name == "Object" and name == "values":
        if isinstance(a0, dict):
            return list(a0.values())
        return list(a0) if isinstance(a0, list) else []
    if target.name == "Number" and name == "isInteger":
        return js.is_number(a0) and a0 == a0 and not math.isinf(a0) and float(a0).is_integer()
    raise JSError(f"{target.name}.{name} is not a function")
