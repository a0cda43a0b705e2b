"""Validate example (and default) values against OpenAPI schemas, fast.

Used by the example rules (OAS220 media types, OAS221 schemas, OAS222
parameters and headers). An OpenAPI schema is turned into plain JSON Schema —
Draft 4 for OpenAPI 2.0/3.0, Draft 2020-12 for 3.1/3.2 — and compiled with
jsonschema-rs:

- `$ref`s are resolved through the workspace (so cross-file references work)
  and *bundled*: every schema reached is translated once, stored under a
  generated key, and each reference becomes `#/definitions/<key>` (Draft 4) or
  `#/$defs/<key>`; a bundle holds the transitive closure of one schema, so
  recursive schemas are fine. Unresolvable references accept anything (the
  unresolved-ref rule reports them).
- The OpenAPI dialect is translated: `nullable: true` (3.x) and `x-nullable`
  (2.0) admit `null`; a boolean `exclusiveMinimum` and a numeric one are
  converted to the target draft; annotations (`example`, `discriminator`,
  `xml`, `readOnly`, …) are dropped; a `oneOf` with a `discriminator` is
  checked as `anyOf` (the discriminator, not exclusivity, picks the branch);
  values the target draft would reject (an invalid `pattern`, `type: file`,
  duplicate `required` entries…) are left out rather than failing the whole
  schema.
- As Spectral does, properties marked `readOnly` need not be present in
  request examples and `writeOnly` ones need not be present in response
  examples.
- `format` is checked for the well-known JSON Schema formats (date,
  date-time, time, email, hostname, ipv4, ipv6, uri, uuid, regex, and in
  3.1 also uri-reference, duration, json-pointer…); OpenAPI's own formats
  (int32, int64, float, double, byte, binary, password) and unknown ones are
  not checked.

Validators are cached per (schema location, request/response direction) for
the whole workspace, so thousands of examples sharing a schema compile it
once. A schema that still cannot be compiled is skipped silently.
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import escape, join
from apictl.core.refs import RefError, Workspace
from apictl.core.registry import Finding
from apictl.lint.context import RuleContext
from apictl.specs.openapi.access import Located, components, is_oas2
from apictl.specs.openapi.model import OPERATION, PARAMETER

REQUEST, RESPONSE = "request", "response"
MAX_PROBLEMS = 10  # findings per validated value
MAX_ERRORS = 100  # validation errors looked at per value

_TYPES = frozenset(("string", "number", "integer", "boolean", "array", "object", "null"))
_NON_NEGATIVE = ("maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties")
_COMPOSITION = ("allOf", "anyOf", "oneOf", "not", "$ref")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class _Translation:
    """One translated schema: the JSON Schema, the keys it refers to, and whether
    its `required` lists were relaxed for readOnly/writeOnly properties."""

    __slots__ = ("schema", "deps", "sensitive")

    def __init__(self) -> None:
        self.schema: Any = None
        self.deps: set[str] = set()
        self.sensitive = False


class SchemaValidators:
    """Compiled validators for the schemas of one workspace."""

    def __init__(self, ws: Workspace, version: str) -> None:
        self.ws = weakref.proxy(ws)  # the cache below must not keep the workspace alive
        self.version = version
        self.draft4 = version in ("oas2", "oas3.0")
        self.nullable = "x-nullable" if version == "oas2" else "nullable"
        self.container = "definitions" if self.draft4 else "$defs"
        self._keys: dict[tuple[int, str], str] = {}
        self._locs: dict[str, tuple[Document, str, Any]] = {}
        self._defs: dict[tuple[str, str | None], _Translation] = {}
        self._closures: dict[str, tuple[tuple[str, ...], bool]] = {}
        self._validators: dict[tuple[str, str | None], Any] = {}
        self._regex: dict[str, bool] = {}
        self._resolved: dict[tuple[int, str], tuple[Document, str, Any] | None] = {}
        self._keyword: dict[tuple[str, Any], Any] = {}
        self.responses: list[Located] | None = None  # see iter_responses
        import jsonschema_rs

        self._cls = jsonschema_rs.Draft4Validator if self.draft4 else jsonschema_rs.Draft202012Validator
        self._formats = {"uuid": _check_uuid} if self.draft4 else None

    # -- locations ---------------------------------------------------------
    def _key(self, doc: Document, pointer: str, value: Any) -> str:
        ident = (id(doc), pointer)
        key = self._keys.get(ident)
        if key is None:
            key = f"s{len(self._keys)}"
            self._keys[ident] = key
            self._locs[key] = (doc, pointer, value)
        return key

    def _resolve(self, value: Any, doc: Document) -> tuple[Document, str, Any] | None:
        ref = value["$ref"]
        if not isinstance(ref, str):
            return None
        ident = (id(doc), ref)
        if ident in self._resolved:
            return self._resolved[ident]
        try:
            t = self.ws.resolve(ref, doc)
            target: tuple[Document, str, Any] | None = (t.doc, t.pointer, t.value)
        except (RefError, RecursionError):
            target = None
        self._resolved[ident] = target
        return target

    # -- public ------------------------------------------------------------
    def root(self, value: Any, doc: Document, pointer: str, mode: str | None = None) -> tuple[str, str | None] | None:
        """(key, effective direction) of the schema `value` written at
        `doc#pointer`, None when there is nothing to validate against."""
        if isinstance(value, dict) and "$ref" in value and (self.draft4 or len(value) == 1):
            target = self._resolve(value, doc)
            if target is None:
                return None
            doc, pointer, value = target
        if not isinstance(value, (dict, bool)):
            return None
        key = self._key(doc, pointer, value)
        _closure, sensitive = self._closure(key)
        return key, (mode if sensitive else None)

    def validator(self, value: Any, doc: Document, pointer: str, mode: str | None = None) -> Any:
        """The compiled validator of the schema `value` written at `doc#pointer`
        (None when it cannot be compiled, or there is nothing to validate)."""
        root = self.root(value, doc, pointer, mode)
        if root is None:
            return None
        if root in self._validators:
            return self._validators[root]
        key, mode = root
        defs = {k: self._def(k, mode).schema for k in self._closure(key)[0]}
        compiled = self._compile({"$ref": f"#/{self.container}/{key}", self.container: defs})
        self._validators[root] = compiled
        return compiled

    def quick_check(self, root: tuple[str, str | None], instance: Any) -> bool | None:
        """Whether `instance` is valid against a leaf schema (no subschemas, no
        references), checked keyword by keyword with small validators shared by
        all schemas — no compilation per schema. None when the schema is not
        such a leaf, or the answer is not known."""
        tr = self._def(*root)
        schema = tr.schema
        if tr.deps or not isinstance(schema, dict) or not schema.keys() <= _LEAF_KEYWORDS:
            return None
        for k, v in schema.items():
            ident = (k, json.dumps(v, sort_keys=True) if isinstance(v, (list, dict)) else (v.__class__, v))
            validator = self._keyword.get(ident, False)
            if validator is False:
                validator = self._compile({k: v})
                self._keyword[ident] = validator
            if validator is None:
                return None
            try:
                if not validator.is_valid(instance):
                    return False
            except (ValueError, TypeError, OverflowError):
                return None
        return True

    def _compile(self, bundle: dict[str, Any]) -> Any:
        try:
            return self._cls(bundle, validate_formats=True, formats=self._formats)
        except Exception:  # a schema jsonschema-rs refuses: skip it rather than crash
            return None

    def check_many(self, tasks: list[tuple[tuple[str, str | None], Any]]) -> list[tuple[list[Any], int]]:
        """Validate many (root, value) pairs — roots from `root()` — at once:
        the schemas of each direction are compiled together into one validator
        (shared subschemas compiled once), each value checked as `{key: value}`.
        Returns each value's errors and how many leading tokens of their
        instance paths belong to the wrapper (0 or 1)."""
        out: list[tuple[list[Any], int]] = [([], 0) for _ in tasks]
        by_mode: dict[str | None, list[int]] = {}
        for i, (root, _value) in enumerate(tasks):
            by_mode.setdefault(root[1], []).append(i)
        for mode, indexes in by_mode.items():
            keys = list(dict.fromkeys(tasks[i][0][0] for i in indexes))
            defs: dict[str, Any] = {}
            for key in keys:
                for k in self._closure(key)[0]:
                    if k not in defs:
                        defs[k] = self._def(k, mode).schema
            ref = f"#/{self.container}/"
            compiled = self._compile({"properties": {k: {"$ref": ref + k} for k in keys}, self.container: defs})
            for i in indexes:
                (key, _mode), value = tasks[i]
                if compiled is None:  # one schema spoils the batch: fall back to one validator each
                    single = self._validators.get((key, mode))
                    if (key, mode) not in self._validators:
                        single = self._compile(
                            {
                                "$ref": ref + key,
                                self.container: {k: self._def(k, mode).schema for k in self._closure(key)[0]},
                            }
                        )
                        self._validators[(key, mode)] = single
                    if single is not None:
                        out[i] = (self.problems(single, value), 0)
                    continue
                out[i] = (self.problems(compiled, {key: value}, key), 1)
        return out

    def problems(self, validator: Any, instance: Any, wrapped: str | None = None) -> list[Any]:
        """Up to MAX_ERRORS validation errors of `instance` (`{wrapped: value}`
        when `wrapped` is given)."""
        try:
            if validator.is_valid(instance):
                return []
        except (ValueError, TypeError, OverflowError):
            instance = {wrapped: _jsonable(instance[wrapped])} if wrapped is not None else _jsonable(instance)
            try:
                if validator.is_valid(instance):
                    return []
            except (ValueError, TypeError, OverflowError):
                return []
        try:
            return list(islice(validator.iter_errors(instance), MAX_ERRORS))
        except (ValueError, TypeError, OverflowError):
            return []

    # -- translation -------------------------------------------------------
    def _def(self, key: str, mode: str | None) -> _Translation:
        base = self._defs.get((key, None))
        if base is None:
            base = self._translate_root(key, None)
            self._defs[(key, None)] = base
        if mode is None or not base.sensitive:
            return base
        tr = self._defs.get((key, mode))
        if tr is None:
            tr = self._translate_root(key, mode)
            self._defs[(key, mode)] = tr
        return tr

    def _closure(self, key: str) -> tuple[tuple[str, ...], bool]:
        cached = self._closures.get(key)
        if cached is not None:
            return cached
        seen = {key}
        order = [key]
        sensitive = False
        i = 0
        while i < len(order):
            tr = self._def(order[i], None)
            sensitive = sensitive or tr.sensitive
            for dep in tr.deps:
                if dep not in seen:
                    seen.add(dep)
                    order.append(dep)
            i += 1
        result = (tuple(order), sensitive)
        self._closures[key] = result
        return result

    def _translate_root(self, key: str, mode: str | None) -> _Translation:
        doc, _pointer, value = self._locs[key]
        tr = _Translation()
        try:
            tr.schema = self._schema(value, doc, mode, tr)
        except RecursionError:
            tr.schema = {}
        return tr

    def _schema(self, value: Any, doc: Document, mode: str | None, tr: _Translation) -> Any:
        if isinstance(value, bool):
            if not self.draft4:
                return value
            return {} if value else {"not": {}}
        if not isinstance(value, dict):
            return {}
        out: dict[str, Any] = {}
        if "$ref" in value:
            target = self._resolve(value, doc)
            if target is not None:
                dep = self._key(*target)
                tr.deps.add(dep)
                out["$ref"] = f"#/{self.container}/{dep}"
            if self.draft4:  # siblings of `$ref` are ignored in 2.0 / 3.0
                return out
        draft4 = self.draft4
        for k, v in value.items():
            if k in _SKIP:
                continue
            if k == "type":
                if v.__class__ is str and v in _TYPES:
                    out["type"] = v
                else:
                    t = _clean_type(v)
                    if t is not None:
                        out["type"] = t
            elif k == "properties":
                if isinstance(v, dict):
                    out[k] = {name: self._schema(s, doc, mode, tr) for name, s in v.items()}
            elif k in ("allOf", "anyOf", "oneOf"):
                if isinstance(v, list) and v:
                    if k == "oneOf" and isinstance(value.get("discriminator"), dict) and "anyOf" not in value:
                        k = "anyOf"
                    out[k] = [self._schema(s, doc, mode, tr) for s in v]
            elif k == "items":
                if isinstance(v, list):
                    if draft4 and v:
                        out[k] = [self._schema(s, doc, mode, tr) for s in v]
                    elif v:
                        out["prefixItems"] = [self._schema(s, doc, mode, tr) for s in v]
                else:
                    out[k] = self._schema(v, doc, mode, tr)
            elif k in _ONE or (not draft4 and k in _ONE_2020):
                out[k] = self._schema(v, doc, mode, tr)
            elif k == "additionalProperties":
                out[k] = self._schema(v, doc, mode, tr) if not isinstance(v, bool) else v
            elif k == "enum":
                if isinstance(v, list) and (v or not draft4):
                    out[k] = v  # (duplicates are accepted by jsonschema-rs, even in Draft 4)
            elif k == "required":
                if isinstance(v, list):
                    names = list(dict.fromkeys(n for n in v if isinstance(n, str)))
                    names = self._relax(names, value, doc, mode, tr)
                    if names or not draft4:
                        out[k] = names
            elif k == "pattern":
                if isinstance(v, str) and self._regex_ok(v):
                    out[k] = v
            elif k == "patternProperties":
                if isinstance(v, dict):
                    out[k] = {p: self._schema(s, doc, mode, tr) for p, s in v.items() if self._regex_ok(p)}
            elif k in _NON_NEGATIVE:
                n = _non_negative_int(v)
                if n is not None:
                    out[k] = n
            elif k in ("minimum", "maximum"):
                if _is_number(v):
                    out[k] = v
            elif k == "multipleOf":
                if _is_number(v) and v > 0:
                    out[k] = v
            elif k in ("uniqueItems",):
                if isinstance(v, bool):
                    out[k] = v
            elif k == "format":
                if isinstance(v, str):
                    out[k] = v
            elif k == "prefixItems" and not draft4:
                if isinstance(v, list) and v:
                    out[k] = [self._schema(s, doc, mode, tr) for s in v]
            elif k in ("dependentSchemas",) and not draft4:
                if isinstance(v, dict):
                    out[k] = {name: self._schema(s, doc, mode, tr) for name, s in v.items()}
            elif k == "dependencies":
                deps = self._dependencies(v, doc, mode, tr)
                if deps:
                    out[k] = deps
            elif k == "dependentRequired" and not draft4:
                if isinstance(v, dict):
                    out[k] = {
                        n: list(dict.fromkeys(x for x in r if isinstance(x, str)))
                        for n, r in v.items()
                        if isinstance(r, list)
                    }
            elif k == "const" and not draft4:
                out[k] = v
            elif k in ("minContains", "maxContains") and not draft4:
                n = _non_negative_int(v)
                if n is not None:
                    out[k] = n
        if "exclusiveMinimum" in value or "exclusiveMaximum" in value:
            _exclusive(out, value, draft4)
        if self.nullable in value and value[self.nullable] is True:
            out = _nullable(out)
        return out

    def _relax(
        self, names: list[str], value: dict[str, Any], doc: Document, mode: str | None, tr: _Translation
    ) -> list[str]:
        """Drop readOnly properties from `required` for requests, writeOnly ones
        for responses (and remember that this schema depends on the direction)."""
        props = value.get("properties")
        if not isinstance(props, dict) or not names:
            return names
        keep = []
        for name in names:
            flag = self._access_flag(props.get(name), doc)
            if flag is not None:
                tr.sensitive = True
                if (flag == "readOnly" and mode == REQUEST) or (flag == "writeOnly" and mode == RESPONSE):
                    continue
            keep.append(name)
        return keep

    def _access_flag(self, prop: Any, doc: Document) -> str | None:
        if not isinstance(prop, dict):
            return None
        for _ in range(2):  # the property itself, then its `$ref` target
            if prop.get("readOnly") is True:
                return "readOnly"
            if prop.get("writeOnly") is True:
                return "writeOnly"
            if "$ref" not in prop:
                return None
            target = self._resolve(prop, doc)
            if target is None or not isinstance(target[2], dict):
                return None
            prop = target[2]
        return None

    def _dependencies(self, v: Any, doc: Document, mode: str | None, tr: _Translation) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if not isinstance(v, dict):
            return out
        for name, dep in v.items():
            if isinstance(dep, list):
                names = list(dict.fromkeys(x for x in dep if isinstance(x, str)))
                if names or not self.draft4:
                    out[name] = names
            elif isinstance(dep, (dict, bool)):
                out[name] = self._schema(dep, doc, mode, tr)
        return out

    def _regex_ok(self, pattern: str) -> bool:
        ok = self._regex.get(pattern)
        if ok is None:
            try:
                self._cls({"pattern": pattern}).is_valid("")
                ok = True
            except Exception:
                ok = False
            self._regex[pattern] = ok
        return ok


# Keywords that can be checked on their own (see `quick_check`).
_LEAF_KEYWORDS = frozenset(
    (
        "type",
        "enum",
        "const",
        "format",
        "pattern",
        "minimum",
        "maximum",
        "multipleOf",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
        "uniqueItems",
        "minProperties",
        "maxProperties",
        "required",
    )
)
# Keywords with one subschema (all drafts) / only in 2020-12.
_ONE = frozenset(("not", "additionalItems"))
_ONE_2020 = frozenset(("if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems"))
_SKIP = frozenset(
    (
        "$ref",
        "example",
        "examples",
        "default",
        "description",
        "title",
        "discriminator",
        "xml",
        "externalDocs",
        "deprecated",
        "readOnly",
        "writeOnly",
        "nullable",
        "x-nullable",
        "$id",
        "id",
        "$schema",
        "$anchor",
        "$dynamicAnchor",
        "$comment",
        "$defs",
        "definitions",
    )
)


def _check_uuid(value: str) -> bool:
    return bool(_UUID.match(value))


def _clean_type(v: Any) -> Any:
    if isinstance(v, str):
        return v if v in _TYPES else None
    if isinstance(v, list):
        types = list(dict.fromkeys(t for t in v if isinstance(t, str) and t in _TYPES))
        return types or None
    return None


def _non_negative_int(v: Any) -> int | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    if isinstance(v, float):
        if not v.is_integer():
            return None
        v = int(v)
    return v if v >= 0 else None


def _exclusive(out: dict[str, Any], value: dict[str, Any], draft4: bool) -> None:
    for ex, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        v = value.get(ex)
        if v is None:
            continue
        if isinstance(v, bool):
            if draft4:
                if v and bound in out:
                    out[ex] = True
            elif v and bound in out:
                out[ex] = out.pop(bound)
        elif _is_number(v):
            if not draft4:
                out[ex] = v
            else:
                out[bound] = v
                out[ex] = True


def _nullable(out: dict[str, Any]) -> dict[str, Any]:
    if any(k in out for k in _COMPOSITION):
        return {"anyOf": [{"type": "null"}, out]}
    t = out.get("type")
    if isinstance(t, str) and t != "null":
        out["type"] = [t, "null"]
    elif isinstance(t, list) and "null" not in t:
        out["type"] = [*t, "null"]
    enum = out.get("enum")
    if isinstance(enum, list) and None not in enum:
        out["enum"] = [*enum, None]
    return out


def _jsonable(value: Any) -> Any:
    """`value` with what JSON cannot hold made to fit: non-string keys become
    strings, integers beyond 64 bits floats, other objects their text."""
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, str) else k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, (str, float)):
        return value
    if isinstance(value, int):
        return value if -(2**63) <= value < 2**64 else float(value)
    return str(value)


# -- the cache, one per workspace ---------------------------------------------
_CACHE: dict[int, tuple[weakref.ref[Workspace], SchemaValidators]] = {}


def validators(ctx: RuleContext) -> SchemaValidators:
    """The validators of the workspace being linted (shared by all example rules)."""
    ws = ctx.ws
    entry = _CACHE.get(id(ws))
    if entry is not None and entry[0]() is ws and entry[1].version == ctx.version:
        return entry[1]
    sv = SchemaValidators(ws, ctx.version)
    ident = id(ws)

    def forget(_ref: weakref.ref[Workspace]) -> None:
        _CACHE.pop(ident, None)

    _CACHE[ident] = (weakref.ref(ws, forget), sv)
    return sv


# -- messages -------------------------------------------------------------------
_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def short(value: Any, limit: int = 40) -> str:
    """A value as shown in messages: JSON for scalars (truncated), the type for containers."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _a(word: str) -> str:
    return ("an " if word[:1] in "aeiou" else "a ") + word


def _types(types: list[Any]) -> str:
    types = sorted(types, key=lambda t: t == "null")  # "a string or null"
    named = [("null" if t == "null" else _a(str(t))) for t in types]
    return " or ".join(named) if named else "another type"


def path_text(tokens: list[Any]) -> str:
    """['pets', 0, 'name'] -> '`pets[0].name`'; [] -> 'the value'."""
    if not tokens:
        return "the value"
    out = ""
    for t in tokens:
        if isinstance(t, int):
            out += f"[{t}]"
        else:
            out += f".{t}" if out else str(t)
    return f"`{out}`"


def _got(value: Any) -> str:
    if value is None:
        return "got null"
    if isinstance(value, (dict, list)):
        return f"got {_a(json_type(value))}"
    return f"got {json_type(value)} {short(value)}"


def describe(err: Any, offset: int = 0) -> tuple[list[Any], str]:
    """(path inside the value, message) for one jsonschema-rs error; the first
    `offset` tokens of its instance path are not part of the value."""
    path = list(err.instance_path)[offset:]
    kind = err.kind.name
    where = path_text(path)
    if kind in ("anyOf", "oneOf"):
        if type(err.kind).__name__ == "OneOfMultipleValid":
            return path, f"{where} matches more than one of the `oneOf` alternatives; exactly one must match"
        branches = [b for b in (getattr(err.kind, "context", None) or []) if b]
        depth = len(path) + offset
        real = [b for b in branches if not _null_branch(b, depth)]
        if len(real) == 1 and len(branches) == 2:  # `nullable` wrapped in anyOf: explain the schema itself
            return describe(real[0][0], offset)
        best = _best_branch(real, depth)
        word = "oneOf" if kind == "oneOf" else "anyOf"
        msg = f"{where} matches none of the `{word}` alternatives"
        if best is not None:
            _sub_path, sub_msg = describe(best[0], offset)
            return path, f"{msg} (closest: {sub_msg})"
        return path, msg
    info = err.kind.as_dict()
    if kind == "type":
        return path, f"{where} must be {_types(info.get('types', []))}, {_got(err.instance)}"
    if kind == "required":
        return path, f"{where} is missing the required property `{info.get('property')}`"
    if kind in ("additionalProperties", "unevaluatedProperties"):
        unexpected = info.get("unexpected", [])
        names = ", ".join(f"`{u}`" for u in unexpected)
        owner = "" if not path else f" of {where}"
        if len(unexpected) == 1:
            return [*path, unexpected[0]], f"property {names}{owner} is not allowed by the schema ({kind} is false)"
        return path, f"properties {names}{owner} are not allowed by the schema ({kind} is false)"
    if kind == "enum":
        options = info.get("options", [])
        shown = ", ".join(short(o) for o in options[:8]) + (", …" if len(options) > 8 else "")
        return path, f"{where} must be one of: {shown} ({_got(err.instance)})"
    if kind == "const":
        return path, f"{where} must be {short(info.get('expected_value'))} ({_got(err.instance)})"
    if kind == "format":
        return path, f"{where} is not a valid `{info.get('format')}` ({_got(err.instance)})"
    if kind == "pattern":
        return path, f"{where} does not match the pattern `{info.get('pattern')}` ({_got(err.instance)})"
    limit = info.get("limit")
    if kind in _LIMITS and limit is not None:
        text, unit = _LIMITS[kind]
        if unit:
            unit = unit if limit == 1 else ("properties" if unit == "property" else unit + "s")
            return path, f"{where} must have {text} {limit} {unit} ({_got_size(err.instance, unit)})"
        return path, f"{where} must be {text} {limit} ({_got(err.instance)})"
    if kind == "multipleOf":
        return path, f"{where} must be a multiple of {info.get('multiple_of')} ({_got(err.instance)})"
    if kind == "uniqueItems":
        return path, f"{where} must not contain duplicate items"
    if kind == "not":
        return path, f"{where} matches a schema it must not match (`not`)"
    return path, f"{where}: {err.message}"


_LIMITS = {
    "minimum": ("at least", ""),
    "maximum": ("at most", ""),
    "exclusiveMinimum": ("greater than", ""),
    "exclusiveMaximum": ("less than", ""),
    "minLength": ("at least", "character"),
    "maxLength": ("at most", "character"),
    "minItems": ("at least", "item"),
    "maxItems": ("at most", "item"),
    "minProperties": ("at least", "property"),
    "maxProperties": ("at most", "property"),
}


def _got_size(value: Any, unit: str) -> str:
    if isinstance(value, (str, list, dict)):
        return f"got {len(value)}"
    return _got(value)


def _null_branch(branch: list[Any], depth: int) -> bool:
    return (
        len(branch) == 1
        and branch[0].kind.name == "type"
        and len(branch[0].instance_path) == depth
        and branch[0].kind.as_dict().get("types") == ["null"]
    )


def _best_branch(branches: list[list[Any]], depth: int) -> list[Any] | None:
    """The alternative the value most plausibly meant: one whose type fits, with
    the fewest errors."""
    fitting = [b for b in branches if not any(e.kind.name == "type" and len(e.instance_path) == depth for e in b)]
    return min(fitting, key=len) if fitting else None


def schema_label(value: Any) -> str:
    """'schema `Pet`' for a `$ref` to a named schema, else 'its schema'."""
    if isinstance(value, dict) and isinstance(value.get("$ref"), str):
        name = value["$ref"].rsplit("/", 1)[-1]
        if name:
            return f"schema `{name}`"
    return "its schema"


@dataclass(slots=True)
class ValueCheck:
    """A value to validate against a schema, and how to talk about it."""

    schema: Any
    schema_doc: Document
    schema_pointer: str
    value: Any
    value_doc: Document
    value_pointer: str
    what: str  # "example", "example `cat`", "default value"…
    mode: str | None = None  # REQUEST / RESPONSE: relax readOnly / writeOnly requirements
    label: str | None = None  # how to name the schema ("schema `Pet`"); derived when None


def check_value(ctx: RuleContext, check: ValueCheck) -> Iterator[Finding]:
    """Findings for one value not matching its schema, one per problem, each at
    the offending place inside the value. Compiles the schema alone: for many
    values prefer `check_values`."""
    sv = validators(ctx)
    root = sv.root(check.schema, check.schema_doc, check.schema_pointer, check.mode)
    if root is None or sv.quick_check(root, check.value):
        return
    validator = sv.validator(check.schema, check.schema_doc, check.schema_pointer, check.mode)
    if validator is None:
        return
    errors = sv.problems(validator, check.value)
    if errors:
        yield from _findings(check, errors, 0)


def check_values(ctx: RuleContext, checks: Iterator[ValueCheck]) -> Iterator[Finding]:
    """Like `check_value` for many values, their schemas compiled together."""
    sv = validators(ctx)
    pending: list[ValueCheck] = []
    tasks: list[tuple[tuple[str, str | None], Any]] = []
    for check in checks:
        root = sv.root(check.schema, check.schema_doc, check.schema_pointer, check.mode)
        if root is not None:
            pending.append(check)
            tasks.append((root, check.value))
    for check, (errors, offset) in zip(pending, sv.check_many(tasks), strict=True):
        if errors:
            yield from _findings(check, errors, offset)


def _findings(check: ValueCheck, errors: list[Any], offset: int) -> Iterator[Finding]:
    label = check.label or schema_label(check.schema)
    problems: list[tuple[list[Any], str]] = []
    missing: dict[tuple[Any, ...], list[str]] = {}
    for err in errors:
        if err.kind.name == "required":
            path = tuple(list(err.instance_path)[offset:])
            if path not in missing:
                missing[path] = []
                problems.append((list(path), ""))  # placeholder, filled below
            missing[path].append(str(err.kind.as_dict().get("property")))
        else:
            problems.append(describe(err, offset))
    for n, (tokens, message) in enumerate(problems):
        if n == MAX_PROBLEMS:
            yield Finding(
                check.value_doc,
                check.value_pointer,
                f"{check.what} has more problems against {label}; fix the ones above first",
            )
            return
        if not message:
            message = _missing(tokens, missing[tuple(tokens)])
        if message.startswith(_ROOT):  # "example must be an integer, got …", naming the schema if useful
            text = f"{check.what} {message[len(_ROOT) :]}"
            if label not in ("the schema", "its schema"):
                text += f" ({label})"
        else:
            text = f"{check.what} does not match {label}: {message}"
        yield Finding(check.value_doc, join(check.value_pointer, *tokens), text)


_ROOT = "the value "


def _missing(tokens: list[Any], names: list[str]) -> str:
    where = path_text(tokens)
    if len(names) == 1:
        return f"{where} is missing the required property `{names[0]}`"
    shown = ", ".join(f"`{n}`" for n in names[:6])
    more = f" and {len(names) - 6} more" if len(names) > 6 else ""
    return f"{where} is missing the required properties {shown}{more}"


# -- where payloads are ---------------------------------------------------------
# These walk the collected operations and the reusable components, follow
# `$ref`s (resolutions cached) and visit each object once (by identity): large
# APIs have tens of thousands of responses, most without examples, so objects
# are filtered before anything is built for them.


def deref(ctx: RuleContext, value: Any, doc: Document, pointer: str) -> Located | None:
    """`ctx.deref` with the resolutions cached for the workspace."""
    if isinstance(value, dict) and "$ref" in value:
        target = validators(ctx)._resolve(value, doc)
        return Located(target[2], target[0], target[1]) if target is not None else None
    return Located(value, doc, pointer)


def _named(
    sv: SchemaValidators,
    holder: Any,
    doc: Document,
    pointer: str,
    seen: set[int],
    want: Callable[[dict[str, Any]], bool] | None = None,
) -> Iterator[tuple[str, Located]]:
    """(name, entry) for each entry of a map that is an object not seen before
    (and passes `want`), `$ref`s followed."""
    if holder.__class__ is not dict:
        return
    for name, item in holder.items():
        if item.__class__ is not dict or (name.__class__ is str and name.startswith("x-")):
            continue
        if "$ref" in item:
            target = sv._resolve(item, doc)
            if target is None or target[2].__class__ is not dict:
                continue
            edoc, epointer, item = target
        else:
            edoc, epointer = doc, ""
        if id(item) in seen or (want is not None and not want(item)):
            continue
        seen.add(id(item))
        yield str(name), Located(item, edoc, epointer or f"{pointer}/{escape(str(name))}")


def _section(ctx: RuleContext, name: str) -> tuple[str, Any] | None:
    section = components(ctx.data, ctx.version).get(name) if isinstance(ctx.data, dict) else None
    return section if section is not None else None


def iter_responses(ctx: RuleContext) -> list[Located]:
    """Every Response object (of operations, callbacks, webhooks, and reusable
    ones), once each. For `on="Root"` rules (computed once per workspace)."""
    sv = validators(ctx)
    if sv.responses is None:
        seen: set[int] = set()
        out: list[Located] = []
        for op in ctx.nodes[OPERATION]:
            value = op.value
            if value.__class__ is dict and "responses" in value:
                out.extend(loc for _n, loc in _named(sv, value["responses"], op.doc, f"{op.pointer}/responses", seen))
        section = _section(ctx, "responses")
        if section is not None:
            out.extend(loc for _n, loc in _named(sv, section[1], ctx.doc, section[0], seen))
        sv.responses = out
    return sv.responses


def iter_request_bodies(ctx: RuleContext) -> Iterator[Located]:
    """Every 3.x Request Body object, once each. For `on="Root"` rules."""
    sv = validators(ctx)
    seen: set[int] = set()
    for op in ctx.nodes[OPERATION]:
        value = op.value
        if value.__class__ is dict and "requestBody" in value:
            yield from (loc for _n, loc in _named(sv, {"requestBody": value["requestBody"]}, op.doc, op.pointer, seen))
    section = _section(ctx, "requestBodies")
    if section is not None:
        yield from (loc for _n, loc in _named(sv, section[1], ctx.doc, section[0], seen))


def iter_headers(
    ctx: RuleContext, want: Callable[[dict[str, Any]], bool] | None = None
) -> Iterator[tuple[str, Located]]:
    """(name, Header object) of every response header (and reusable header)
    that passes `want`, once each."""
    sv = validators(ctx)
    seen: set[int] = set()
    for resp in iter_responses(ctx):
        headers = resp.value.get("headers")
        if headers:
            yield from _named(sv, headers, resp.doc, f"{resp.pointer}/headers", seen, want)
    if not is_oas2(ctx.version):
        section = _section(ctx, "headers")
        if section is not None:
            yield from _named(sv, section[1], ctx.doc, section[0], seen, want)


def has_examples(value: dict[str, Any]) -> bool:
    return "example" in value or "examples" in value


def iter_media(ctx: RuleContext) -> Iterator[tuple[str, Located, str | None]]:
    """(media type, Media Type object, direction) of every 3.x payload that has
    an `example` or `examples`: request bodies, responses, response headers
    and parameters with `content`, and reusable media types (3.2); each once."""
    sv = validators(ctx)
    seen: set[int] = set()

    def content(owner: Located, mode: str | None) -> Iterator[tuple[str, Located, str | None]]:
        media = owner.value.get("content")
        if media:
            for name, mloc in _named(sv, media, owner.doc, f"{owner.pointer}/content", seen, has_examples):
                yield name, mloc, mode

    for body in iter_request_bodies(ctx):
        yield from content(body, REQUEST)
    for resp in iter_responses(ctx):
        yield from content(resp, RESPONSE)
    for _name, header in iter_headers(ctx, lambda h: "content" in h):
        yield from content(header, RESPONSE)
    for param in ctx.nodes[PARAMETER]:
        if param.value.__class__ is dict and "content" in param.value:
            yield from content(Located(param.value, param.doc, param.pointer), REQUEST)
    section = _section(ctx, "mediaTypes")
    if section is not None:
        for _name, mloc in _named(sv, section[1], ctx.doc, section[0], seen, has_examples):
            yield "", mloc, None


def is_json_media(media_type: str) -> bool:
    mt = media_type.split(";", 1)[0].strip().lower()
    return not mt or "json" in mt or mt in ("*/*", "application/*", "text/plain")


def example_values(ctx: RuleContext, mloc: Located) -> Iterator[tuple[str, Any, Any, str]]:
    """(name for messages, value, document, pointer) of each example of a Media
    Type, Parameter or Header object: `example`, then each `examples` entry's
    `dataValue` or `value` (entries with `externalValue` are skipped)."""
    media = mloc.value
    if "example" in media:
        yield "example", media["example"], mloc.doc, join(mloc.pointer, "example")
    examples = media.get("examples")
    if isinstance(examples, dict):
        for name, ex in examples.items():
            eloc = deref(ctx, ex, mloc.doc, join(mloc.pointer, "examples", name))
            if eloc is None or not isinstance(eloc.value, dict) or "externalValue" in eloc.value:
                continue
            field = "dataValue" if "dataValue" in eloc.value else "value" if "value" in eloc.value else None
            if field is not None:
                yield f"example `{name}`", eloc.value[field], eloc.doc, join(eloc.pointer, field)
