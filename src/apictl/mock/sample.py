"""Static example values from schemas, the way Prism's sampler (openapi-sampler)
builds them, so static responses are byte-identical to Prism's:

- `example`, then `const`, `examples[0]`, `enum[0]`, `default`;
- objects get every property (writeOnly ones left out of responses, readOnly
  ones out of requests), an object `additionalProperties` gives `property1`
  and `property2`; arrays get `minItems` items (at least one);
- strings are "string" (fitted to min/maxLength), or a sample of their
  `format` or `pattern`; numbers 0 or the nearest allowed bound; booleans true;
- `allOf` is merged, `oneOf`/`anyOf` take their first branch;
- a schema may be expanded twice on one path through `$ref`s: the third time
  it becomes `{}` / `[]` / null, so circular schemas end."""

from __future__ import annotations

import math
from typing import Any, TypeGuard

from apictl.core import regexgen
from apictl.core.document import Document
from apictl.core.refs import Workspace
from apictl.specs.openapi.access import deref

MAX_EXPANSIONS = 2  # times one $ref target may be open on the current path
MAX_DEPTH = 15

STRING_FORMATS = {
    "email": "user@example.com",
    "idn-email": "пользователь@пример.ру",
    "password": "pa$$word",
    "date-time": "2019-08-24T14:15:22Z",
    "date": "2019-08-24",
    "time": "14:15:22Z",
    "ipv4": "192.168.0.1",
    "ipv6": "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
    "hostname": "example.com",
    "idn-hostname": "приклад.укр",
    "iri": "http://example.com/entity/1",
    "iri-reference": "/entitiy/1",
    "uri": "http://example.com",
    "uri-reference": "../dictionary",
    "uri-template": "http://example.com/{endpoint}",
    "uuid": "095be615-a8ad-4c33-8e9a-c73a1c1b1b1b",
    "json-pointer": "/json/pointer",
    "relative-json-pointer": "1/relative/json/pointer",
    "regex": "/regex/",
    "duration": "P3D",
    "byte": "U3dhZ2dlciByb2Nrcw==",
    "binary": "",
}

# `skip` values: which marked properties a direction leaves out
RESPONSE, REQUEST = "writeOnly", "readOnly"


def infer_type(schema: Any) -> str | None:
    if not isinstance(schema, dict):
        return None
    t = schema.get("type")
    if isinstance(t, str):
        return t
    if isinstance(t, list) and t:
        non_null = [x for x in t if x != "null"]
        return str(non_null[0] if non_null else t[0])
    if "properties" in schema or "additionalProperties" in schema or "required" in schema:
        return "object"
    if "items" in schema or "prefixItems" in schema or "contains" in schema:
        return "array"
    if any(k in schema for k in ("minLength", "maxLength", "pattern", "format")):
        return "string"
    if any(k in schema for k in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")):
        return "number"
    return None


def circular_value(schema: Any) -> Any:
    t = infer_type(schema)
    return {} if t == "object" else [] if t == "array" else None


def adjust_length(text: str, lo: int | None, hi: int | None) -> str:
    if lo is not None and len(text) < lo:
        text = (text * (lo // max(1, len(text)) + 1))[:lo] if text else "a" * lo
    if hi is not None and len(text) > hi:
        text = text[:hi]
    return text


class Sampler:
    def __init__(self, ws: Workspace, skip: str = RESPONSE, version: str = "oas3.0") -> None:
        self.ws = ws
        self.skip = skip
        self.siblings = version in ("oas3.1", "oas3.2")  # keywords beside $ref count from 3.1 on
        self._open: dict[tuple[int, str], int] = {}

    def sample(self, schema: Any, doc: Document) -> Any:
        self._open.clear()
        return self._walk(schema, doc, 0)[0]

    def _walk(self, schema: Any, doc: Document, depth: int) -> tuple[Any, Any]:
        """(value, the schema it came from after references)."""
        if not isinstance(schema, dict):
            return None, schema
        if depth > MAX_DEPTH:
            return circular_value(schema), schema
        if "$ref" in schema:
            loc = deref(self.ws, schema, doc, "")
            if loc is None:
                return None, {}
            key = (id(loc.doc), loc.pointer)
            count = self._open.get(key, 0)
            if count >= MAX_EXPANSIONS:
                return circular_value(loc.value), loc.value
            self._open[key] = count + 1
            try:
                siblings = {k: v for k, v in schema.items() if k != "$ref" and not k.startswith("x-")}
                if siblings and self.siblings:
                    return self._walk({"allOf": [loc.value, siblings]}, loc.doc, depth + 1)
                value, resolved = self._walk(loc.value, loc.doc, depth + 1)
                return value, resolved
            finally:
                self._open[key] = count
        if "example" in schema:
            return schema["example"], schema
        if isinstance(schema.get("allOf"), list) and schema["allOf"]:
            return self._all_of(schema, doc, depth), schema
        for combinator in ("oneOf", "anyOf"):
            branches = schema.get(combinator)
            if isinstance(branches, list) and branches:
                value, _ = self._walk(branches[0], doc, depth + 1)
                return value, schema
        found, value = self.infer_example(schema)
        if found:
            return value, schema
        t = infer_type(schema)
        if t == "object":
            return self._object(schema, doc, depth), schema
        if t == "array":
            return self._array(schema, doc, depth), schema
        if t == "string":
            return self._string(schema), schema
        if t in ("number", "integer"):
            return sample_number(schema), schema
        if t == "boolean":
            return True, schema
        return None, schema

    @staticmethod
    def infer_example(schema: dict[str, Any]) -> tuple[bool, Any]:
        if "const" in schema:
            return True, schema["const"]
        examples = schema.get("examples")
        if isinstance(examples, list) and examples:
            return True, examples[0]
        enum = schema.get("enum")
        if isinstance(enum, list) and enum:
            return True, enum[0]
        if "default" in schema:
            return True, schema["default"]
        return False, None

    def _all_of(self, schema: dict[str, Any], doc: Document, depth: int) -> Any:
        parent = {k: v for k, v in schema.items() if k != "allOf"}
        result: Any = None
        parts = [parent, *schema["allOf"]] if infer_type(parent) or "properties" in parent else list(schema["allOf"])
        for sub in parts:
            value, _ = self._walk(sub, doc, depth + 1)
            result = merge(result, value)
        return result

    def _marked(self, prop: Any, doc: Document) -> bool:
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

    def _object(self, schema: dict[str, Any], doc: Document, depth: int) -> Any:
        out: dict[str, Any] = {}
        props = schema.get("properties")
        if isinstance(props, dict):
            for name, prop in props.items():
                if self._marked(prop, doc):
                    continue
                out[str(name)], _ = self._walk(prop, doc, depth + 1)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            base = extra.get("x-additionalPropertiesName", "property")
            out[f"{base}1"], _ = self._walk(extra, doc, depth + 1)
            out[f"{base}2"], _ = self._walk(extra, doc, depth + 1)
        return out

    def _array(self, schema: dict[str, Any], doc: Document, depth: int) -> Any:
        max_items = schema.get("maxItems")
        min_items = schema.get("minItems") or 1
        length = int(min(max_items if isinstance(max_items, int) else math.inf, min_items))
        items = schema.get("prefixItems") or schema.get("items") or schema.get("contains")
        if isinstance(items, list):
            length = max(length, len(items))
        if items is None:
            return []
        out = []
        for i in range(length):
            item = (items[i] if i < len(items) else {}) if isinstance(items, list) else items
            value, _ = self._walk(item, doc, depth + 1)
            out.append(value)
        return out

    def _string(self, schema: dict[str, Any]) -> str:
        lo, hi = schema.get("minLength"), schema.get("maxLength")
        lo = lo if isinstance(lo, int) else None
        hi = hi if isinstance(hi, int) else None
        fmt = schema.get("format")
        if isinstance(schema.get("pattern"), str):
            try:
                return regexgen.generate(schema["pattern"])
            except regexgen.PatternError:
                pass
        if isinstance(fmt, str) and fmt in STRING_FORMATS:
            text = STRING_FORMATS[fmt]
            return adjust_length(text, lo, hi) if fmt == "password" else text
        return adjust_length("string", lo, hi)


def sample_number(schema: dict[str, Any]) -> int | float:
    res: int | float = 0
    lo, hi = schema.get("minimum"), schema.get("maximum")
    ex_lo, ex_hi = schema.get("exclusiveMinimum"), schema.get("exclusiveMaximum")
    if isinstance(ex_lo, bool) or isinstance(ex_hi, bool):
        if _num(hi) and _num(lo):
            res = math.floor(lo) + 1 if ex_lo is True else lo
            if (ex_hi is True and res >= hi) or (ex_hi is not True and res > hi):
                res = (hi + lo) / 2
            return res
        if _num(lo) and lo:
            return math.floor(lo) + 1 if ex_lo is True else lo
        if _num(hi) and hi:
            if ex_hi is True:
                return 0 if hi > 0 else math.floor(hi) - 1
            return 0 if hi > 0 else hi
        return res
    if _num(lo) and lo:
        return lo
    if _num(ex_lo):
        res = math.floor(ex_lo) + 1
        if _num(ex_hi) and res >= ex_hi:
            res = (ex_lo + ex_hi) / 2
    elif _num(ex_hi):
        res = math.floor(ex_hi) - 1
    elif _num(hi) and hi < 0:
        res = hi
    return res


def _num(v: Any) -> TypeGuard[float]:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def merge(a: Any, b: Any) -> Any:
    """allOf samples combined: objects deep-merged, otherwise the later wins."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = dict(a)
        for k, v in b.items():
            out[k] = merge(out.get(k), v) if k in out else v
        return out
    return a if b is None else b
