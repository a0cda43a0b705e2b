"""Dynamic data from schemas (Prism's `-d`, json-schema-faker's job): random but
valid values, reproducible with a seed.

Respected: `type` (lists too), `enum`/`const`, formats (email, uuid, date,
date-time, time, uri, hostname, ipv4/6, byte, …), `pattern` (see
`regexgen.py`), min/max and exclusive bounds (2.0/3.0 booleans and 3.1
numbers), `multipleOf`, lengths, item and property counts, `uniqueItems`,
`nullable`, `readOnly` (left out of requests) / `writeOnly` (left out of
responses), `allOf` (merged), `oneOf`/`anyOf` (one branch; a `discriminator`
property is set to the branch's name), `additionalProperties` (filled unless
`fillProperties` is false) and bounded recursion through `$ref`s. Every
declared property is generated (json-schema-faker's `alwaysFakeOptionals`).

The document's `x-json-schema-faker` options are honoured: `useDefaultValue`,
`useExamplesValue`, `minItems`, `maxItems`, `maxLength`, `fillProperties`,
`optionalsProbability`, `resolveJsonPath` (`jsonPath: $..name`)."""

from __future__ import annotations

import base64
import math
import random
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeGuard

from apictl.core import regexgen
from apictl.core.document import Document
from apictl.core.refs import Workspace
from apictl.mock.jsvalue import js_number
from apictl.mock.sample import MAX_DEPTH, RESPONSE, circular_value, infer_type, merge
from apictl.specs.openapi.access import deref

WORDS = (
    "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore "
    "magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo "
    "consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint "
    "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum"
).split()
DEFAULT_SPAN = 100_000_000
# Times one $ref target may be open on the current path. Static samples allow 2 (as
# Prism's sampler); generated data stops at the first recursion: the optional
# parts are left out, so values stay valid and small (GitHub's repository schema
# is 6x smaller at 1 than at 2).
MAX_EXPANSIONS = 1
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class FakerOptions:
    fill_properties: bool = True
    use_default: bool = False
    use_examples: bool = False
    min_items: int | None = None
    max_items: int | None = None
    max_length: int | None = None
    optionals_probability: float | None = None
    resolve_json_path: bool = False

    @classmethod
    def from_spec(cls, raw: dict[str, Any], fill_properties: bool | None) -> FakerOptions:
        def _int(key: str) -> int | None:
            v = raw.get(key)
            return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else None

        fill = raw.get("fillProperties")
        prob = raw.get("optionalsProbability")
        return cls(
            fill_properties=fill_properties if fill_properties is not None else fill is not False,
            use_default=raw.get("useDefaultValue") is True,
            use_examples=raw.get("useExamplesValue") is True,
            min_items=_int("minItems"),
            max_items=_int("maxItems"),
            max_length=_int("maxLength"),
            optionals_probability=float(prob)
            if isinstance(prob, (int, float)) and not isinstance(prob, bool)
            else None,
            resolve_json_path=raw.get("resolveJsonPath") is True,
        )


class Generator:
    def __init__(self, ws: Workspace, options: FakerOptions, rng: random.Random, skip: str = RESPONSE) -> None:
        self.ws = ws
        self.options = options
        self.rng = rng
        self.skip = skip
        self._open: dict[tuple[int, str], int] = {}
        self._json_paths: list[tuple[list[str | int], str]] = []

    def generate(self, schema: Any, doc: Document) -> Any:
        self._open.clear()
        self._json_paths = []
        value = _solid(self._walk(schema, doc, 0, []))
        if self._json_paths:
            for path, expr in self._json_paths:
                found = json_path(value, expr)
                if found is not _NOTHING:
                    value = _set_at(value, path, found)
        return value

    # -- dispatch ------------------------------------------------------------
    def _walk(self, schema: Any, doc: Document, depth: int, path: list[str | int]) -> Any:
        if not isinstance(schema, dict):
            return self._any() if schema is True or schema is None else None
        if depth > MAX_DEPTH:
            return _Cut(circular_value(schema))
        if "$ref" in schema:
            loc = deref(self.ws, schema, doc, "")
            if loc is None:
                return None
            key = (id(loc.doc), loc.pointer)
            count = self._open.get(key, 0)
            if count >= MAX_EXPANSIONS:
                return _Cut(circular_value(loc.value))
            self._open[key] = count + 1
            try:
                return self._walk(loc.value, loc.doc, depth + 1, path)
            finally:
                self._open[key] = count
        opts = self.options
        if opts.resolve_json_path and isinstance(schema.get("jsonPath"), str):
            self._json_paths.append((list(path), schema["jsonPath"]))
        if "const" in schema:
            return schema["const"]
        if isinstance(schema.get("enum"), list) and schema["enum"]:
            return self.rng.choice(schema["enum"])
        if opts.use_default and "default" in schema:
            return schema["default"]
        if opts.use_examples:
            if "example" in schema:
                return schema["example"]
            if isinstance(schema.get("examples"), list) and schema["examples"]:
                return self.rng.choice(schema["examples"])
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            return self._all_of(schema, doc, depth, path)
        for combinator in ("oneOf", "anyOf"):
            branches = schema.get(combinator)
            if isinstance(branches, list) and branches:
                return self._one_of(schema, branches, doc, depth, path)
        if (schema.get("nullable") is True or schema.get("x-nullable") is True) and self.rng.random() < 0.05:
            return None
        t = self._type(schema)
        if t == "object":
            return self._object(schema, doc, depth, path)
        if t == "array":
            return self._array(schema, doc, depth, path)
        if t == "string":
            return self._string(schema)
        if t == "integer":
            return self._integer(schema)
        if t == "number":
            return self._number(schema)
        if t == "boolean":
            return self.rng.random() < 0.5
        if t == "null":
            return None
        return self._any() if not schema else None

    def _type(self, schema: dict[str, Any]) -> str | None:
        t = schema.get("type")
        if isinstance(t, list):
            choices = [x for x in t if isinstance(x, str) and x != "null"]
            if not choices:
                return "null" if "null" in t else None
            if "null" in t and self.rng.random() < 0.05:
                return "null"
            return self.rng.choice(choices)
        return infer_type(schema)

    def _any(self) -> Any:
        return self._words(1, 3)

    # -- composition ---------------------------------------------------------
    def _all_of(self, schema: dict[str, Any], doc: Document, depth: int, path: list[str | int]) -> Any:
        parent = {k: v for k, v in schema.items() if k != "allOf"}
        result: Any = None
        parts = [parent, *schema["allOf"]] if infer_type(parent) else list(schema["allOf"])
        for sub in parts:
            result = merge(result, _solid(self._walk(sub, doc, depth + 1, path)))
        return result

    def _one_of(
        self, schema: dict[str, Any], branches: list[Any], doc: Document, depth: int, path: list[str | int]
    ) -> Any:
        index = self.rng.randrange(len(branches))
        branch = branches[index]
        value = _solid(self._walk(branch, doc, depth + 1, path))
        disc = schema.get("discriminator")
        if isinstance(disc, dict) and isinstance(disc.get("propertyName"), str) and isinstance(value, dict):
            name = _discriminator_value(disc, branch)
            if name is not None:
                value[disc["propertyName"]] = name
        siblings = {k: v for k, v in schema.items() if k not in ("oneOf", "anyOf", "discriminator")}
        if siblings.get("properties") and isinstance(value, dict):
            value = merge(self._object(siblings, doc, depth, path), value)
        return value

    # -- containers ----------------------------------------------------------
    def _skipped(self, prop: Any, doc: Document) -> bool:
        for _ in range(8):
            if not isinstance(prop, dict):
                return False
            if prop.get(self.skip) is True:
                return True
            if "$ref" not in prop:
                return False
            loc = deref(self.ws, prop, doc, "")
            if loc is None:
                return False
            prop, doc = loc.value, loc.doc
        return False

    def _object(self, schema: dict[str, Any], doc: Document, depth: int, path: list[str | int]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        props: dict[str, Any] = schema["properties"] if isinstance(schema.get("properties"), dict) else {}
        required = set(schema.get("required") or []) if isinstance(schema.get("required"), list) else set()
        prob = self.options.optionals_probability
        for name, prop in props.items():
            if self._skipped(prop, doc):
                continue
            if prob is not None and name not in required and self.rng.random() >= prob:
                continue
            value = self._walk(prop, doc, depth + 1, [*path, str(name)])
            if isinstance(value, _Cut) and name not in required:
                continue  # recursion bound reached: leave the optional property out
            out[str(name)] = _solid(value)
        for name in required:
            if isinstance(name, str) and name not in out and name not in props:
                out[name] = self._words(1, 2)
        extra = schema.get("additionalProperties")
        min_props = _int_or(schema.get("minProperties"), 0)
        max_props = schema["maxProperties"] if isinstance(schema.get("maxProperties"), int) else None
        if extra is not False and self.options.fill_properties:
            wanted = max(min_props - len(out), 1 if isinstance(extra, dict) else 0)
            if max_props is not None:
                wanted = min(wanted, max_props - len(out))
            for _ in range(max(0, wanted)):
                key = self._unique_key(out)
                out[key] = (
                    _solid(self._walk(extra, doc, depth + 1, [*path, key])) if isinstance(extra, dict) else self._any()
                )
        return out

    def _unique_key(self, taken: dict[str, Any]) -> str:
        for _ in range(20):
            key = self.rng.choice(WORDS)
            if key not in taken:
                return key
        return f"property{len(taken) + 1}"

    def _array(self, schema: dict[str, Any], doc: Document, depth: int, path: list[str | int]) -> list[Any]:
        opts = self.options
        lo = _int_or(schema.get("minItems"), opts.min_items if opts.min_items is not None else 1)
        hi = _int_or(schema.get("maxItems"), opts.max_items if opts.max_items is not None else max(lo, 3))
        if "minItems" in schema and opts.min_items is not None:
            lo = max(lo, min(opts.min_items, hi))
        if hi < lo:
            hi = lo
        count = self.rng.randint(lo, hi)
        prefix = schema.get("prefixItems") if isinstance(schema.get("prefixItems"), list) else None
        items = schema.get("items")
        if isinstance(items, list):
            prefix, items = items, schema.get("additionalItems")
        if items is None and "contains" in schema:
            items = schema["contains"]
        out: list[Any] = []
        unique = schema.get("uniqueItems") is True
        for i in range(max(count, len(prefix) if prefix else 0)):
            sub = prefix[i] if prefix and i < len(prefix) else items
            if sub is False:
                break
            for _ in range(10 if unique else 1):
                value = self._walk(sub if isinstance(sub, dict) else {}, doc, depth + 1, [*path, i])
                if isinstance(value, _Cut):
                    if len(out) >= _int_or(schema.get("minItems"), 0):
                        return out  # recursion bound reached: no more items
                    value = value.value
                if not unique or value not in out:
                    break
            else:
                continue
            out.append(value)
        return out

    # -- scalars -------------------------------------------------------------
    def _words(self, lo: int, hi: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(lo, hi)))

    def _string(self, schema: dict[str, Any]) -> str:
        lo = _int_or(schema.get("minLength"), 0)
        hi_raw = schema.get("maxLength")
        hi = hi_raw if isinstance(hi_raw, int) and not isinstance(hi_raw, bool) else None
        pattern = schema.get("pattern")
        if isinstance(pattern, str):
            try:
                for _ in range(5):
                    text = regexgen.generate(pattern, self.rng)
                    if lo <= len(text) and (hi is None or len(text) <= hi):
                        return text
                return text
            except regexgen.PatternError:
                pass
        fmt = schema.get("format")
        if isinstance(fmt, str):
            formatted = self._format(fmt)
            if formatted is not None:
                return formatted
        cap = hi if hi is not None else max(lo, self.options.max_length or 40)
        text = self._words(1, 4)
        while len(text) < lo:
            text += " " + self._words(1, 4)
        text = text[: max(lo, min(len(text), cap))]
        return text.rstrip() if len(text.rstrip()) >= lo else text

    def _format(self, fmt: str) -> str | None:
        rng = self.rng

        def word() -> str:
            return rng.choice(WORDS)

        if fmt in ("date-time", "date", "time"):
            moment = _EPOCH + timedelta(seconds=rng.randint(0, 60 * 365 * 24 * 3600))
            if fmt == "date-time":
                return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(1000):03d}Z"
            return moment.strftime("%Y-%m-%d" if fmt == "date" else "%H:%M:%SZ")
        if fmt == "email":
            return f"{word()}.{word()}@example.com"
        if fmt == "idn-email":
            return f"{word()}@пример.ру"
        if fmt == "uuid":
            return str(uuid.UUID(int=rng.getrandbits(128), version=4))
        if fmt in ("uri", "url", "iri"):
            return f"https://{word()}.example.com/{word()}"
        if fmt in ("uri-reference", "iri-reference"):
            return f"/{word()}/{word()}"
        if fmt == "uri-template":
            return f"https://example.com/{word()}/{{id}}"
        if fmt in ("hostname", "idn-hostname"):
            return f"{word()}.example.com"
        if fmt == "ipv4":
            return ".".join(str(rng.randint(1, 254)) for _ in range(4))
        if fmt == "ipv6":
            return ":".join(f"{rng.getrandbits(16):x}" for _ in range(8))
        if fmt == "byte":
            return base64.b64encode(rng.getrandbits(96).to_bytes(12, "big")).decode()
        if fmt in ("binary", "password"):
            return "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(12))
        if fmt == "duration":
            return f"P{rng.randint(1, 30)}D"
        if fmt == "json-pointer":
            return f"/{word()}/{word()}"
        if fmt == "relative-json-pointer":
            return f"1/{word()}"
        if fmt == "regex":
            return "^[a-z]+$"
        return None

    def _bounds(self, schema: dict[str, Any]) -> tuple[float | None, float | None, bool, bool]:
        lo, hi = schema.get("minimum"), schema.get("maximum")
        lo = lo if _num(lo) else None
        hi = hi if _num(hi) else None
        ex_lo, ex_hi = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
        lo_open = hi_open = False
        if ex_lo is True:
            lo_open = lo is not None
        elif _num(ex_lo) and (lo is None or ex_lo >= lo):
            lo, lo_open = ex_lo, True
        if ex_hi is True:
            hi_open = hi is not None
        elif _num(ex_hi) and (hi is None or ex_hi <= hi):
            hi, hi_open = ex_hi, True
        fmt = schema.get("format")
        if fmt == "int32":
            lo = -(2**31) if lo is None else lo
            hi = 2**31 - 1 if hi is None else hi
        return lo, hi, lo_open, hi_open

    def _integer(self, schema: dict[str, Any]) -> int:
        lo, hi, lo_open, hi_open = self._bounds(schema)
        ilo = None if lo is None else (math.floor(lo) + 1 if lo_open else math.ceil(lo))
        ihi = None if hi is None else (math.ceil(hi) - 1 if hi_open else math.floor(hi))
        if ilo is None and ihi is None:
            ilo, ihi = 0, DEFAULT_SPAN
        elif ilo is None:
            assert ihi is not None
            ilo = ihi - DEFAULT_SPAN
        elif ihi is None:
            ihi = ilo + DEFAULT_SPAN
        if ihi < ilo:
            return ilo
        step = schema.get("multipleOf")
        if _num(step) and step > 0 and float(step).is_integer():
            m = int(step)
            k_lo, k_hi = -(-ilo // m), ihi // m
            return self.rng.randint(k_lo, k_hi) * m if k_lo <= k_hi else ilo
        return self.rng.randint(ilo, ihi)

    def _number(self, schema: dict[str, Any]) -> float | int:
        lo, hi, lo_open, hi_open = self._bounds(schema)
        if lo is None and hi is None:
            lo, hi = 0.0, float(DEFAULT_SPAN)
        elif lo is None:
            assert hi is not None
            lo = hi - DEFAULT_SPAN
        elif hi is None:
            hi = lo + DEFAULT_SPAN
        step = schema.get("multipleOf")
        if _num(step) and step > 0:
            k_lo, k_hi = math.ceil(lo / step), math.floor(hi / step)
            if lo_open and k_lo * step <= lo:
                k_lo += 1
            if hi_open and k_hi * step >= hi:
                k_hi -= 1
            if k_lo <= k_hi:
                value = self.rng.randint(k_lo, k_hi) * step
                return js_number(round(value, 10)) if isinstance(value, float) else value
        for _ in range(10):
            value = js_number(round(self.rng.uniform(lo, hi), 4))
            if (value > lo or not lo_open and value == lo) and (value < hi or not hi_open and value == hi):
                return value
        return (lo + hi) / 2


class _Cut:
    """A value cut short by the recursion bound (may not satisfy its schema):
    optional properties and surplus array items holding one are left out."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def _solid(value: Any) -> Any:
    return value.value if isinstance(value, _Cut) else value


def _num(v: Any) -> TypeGuard[float]:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def _int_or(v: Any, default: int) -> int:
    return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else default


def _discriminator_value(disc: dict[str, Any], branch: Any) -> str | None:
    ref = branch.get("$ref") if isinstance(branch, dict) else None
    if not isinstance(ref, str):
        return None
    mapping = disc.get("mapping")
    if isinstance(mapping, dict):
        for key, target in mapping.items():
            if target == ref or (isinstance(target, str) and ref.endswith("/" + target)):
                return str(key)
    return ref.rsplit("/", 1)[-1]


_NOTHING = object()
_SEGMENT = re.compile(r"\.\.?[^.\[]+|\[\d+\]")


def json_path(root: Any, expr: str) -> Any:
    """The first value `expr` (`$..name`, `$.a.b`, `$.a[0]`) selects in `root`."""
    if not expr.startswith("$"):
        return _NOTHING
    current = [root]
    for seg in _SEGMENT.findall(expr[1:]):
        nxt: list[Any] = []
        if seg.startswith(".."):
            key = seg[2:]
            for node in current:
                nxt.extend(_descendants(node, key))
        elif seg.startswith("["):
            idx = int(seg[1:-1])
            nxt = [n[idx] for n in current if isinstance(n, list) and idx < len(n)]
        else:
            key = seg[1:]
            nxt = [n[key] for n in current if isinstance(n, dict) and key in n]
        current = nxt
    return current[0] if current else _NOTHING


def _descendants(node: Any, key: str) -> list[Any]:
    out: list[Any] = []
    stack = [node]
    while stack:
        cur = stack.pop(0)
        if isinstance(cur, dict):
            if key in cur:
                out.append(cur[key])
            stack.extend(cur.values())
        elif isinstance(cur, list):
            stack.extend(cur)
    return out


def _set_at(root: Any, path: list[str | int], value: Any) -> Any:
    if not path:
        return value
    cur = root
    for token in path[:-1]:
        if isinstance(cur, dict) and token in cur:
            cur = cur[token]
        elif isinstance(cur, list) and isinstance(token, int) and token < len(cur):
            cur = cur[token]
        else:
            return root
    last = path[-1]
    if isinstance(cur, dict) or (isinstance(cur, list) and isinstance(last, int) and last < len(cur)):
        cur[last] = value  # type: ignore[index]
    return root
