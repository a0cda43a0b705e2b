"""OpenAPI schemas as JSON Schema: translated, bundled and compiled with jsonschema-rs.

Checks values (examples, defaults, and later request and response payloads)
against the schemas of an OpenAPI workspace. An OpenAPI schema is turned into
plain JSON Schema — Draft 4 for OpenAPI 2.0/3.0, Draft 2020-12 for 3.1/3.2 —
and compiled with jsonschema-rs:

- `$ref`s are resolved through the workspace (so cross-file references work)
  and *bundled*: every schema reached is translated once, stored under a
  generated key, and each reference becomes `#/definitions/<key>` (Draft 4) or
  `#/$defs/<key>`; a bundle holds the transitive closure of one schema, so
  recursive schemas are fine. Unresolvable references accept anything.
- The OpenAPI dialect is translated: `nullable: true` (3.x) and `x-nullable`
  (2.0) admit `null`; a boolean `exclusiveMinimum` and a numeric one are
  converted to the target draft; annotations (`example`, `discriminator`,
  `xml`, `readOnly`, …) are dropped; a `oneOf` with a `discriminator` is
  checked as `anyOf` (the discriminator, not exclusivity, picks the branch);
  values the target draft would reject (an invalid `pattern`, `type: file`,
  duplicate `required` entries…) are left out rather than failing the whole
  schema.
- As Spectral does, properties marked `readOnly` need not be present in
  request values and `writeOnly` ones need not be present in response values
  (pass the direction, REQUEST or RESPONSE, as `mode`).
- `format` is checked for the well-known JSON Schema formats (date,
  date-time, time, email, hostname, ipv4, ipv6, uri, uuid, regex, and in
  3.1 also uri-reference, duration, json-pointer…); OpenAPI's own formats
  (int32, int64, float, double, byte, binary, password) and unknown ones are
  not checked.

A `SchemaValidators` serves one workspace: validators are cached per (schema
location, request/response direction), so thousands of values sharing a
schema compile it once. A schema that still cannot be compiled is skipped
silently (no errors). Errors are jsonschema-rs `ValidationError`s.

Pact checks (`apictl contract check`) read schemas more strictly or more
loosely than OpenAPI says, with four options (all off by default):

- `draft="2020-12"` compiles 2.0/3.0 schemas as Draft 2020-12 (their dialect
  unchanged: `$ref` siblings still ignored), which `closed` needs.
- `closed`: an object schema that does not say `additionalProperties` admits
  no other properties (`additionalProperties: true` is read as unsaid, as
  swagger-mock-validator does). Closing happens with `unevaluatedProperties`
  at the schema that composes (`allOf`/`anyOf`/`oneOf`), whose branches are
  translated open (`_open` variants of shared definitions), so the union of
  an `allOf` is closed rather than each branch rejecting the others'
  properties.
- `strict_access`: a `readOnly` property may not be present in a request
  value, nor a `writeOnly` one in a response value.
- `optional`: `required` is ignored (a consumer may use a subset of a
  response), except beside a `oneOf`, and `oneOf` is checked as `anyOf`:
  without `required` its branches overlap, and exclusivity cannot be judged.

Independently of these, with `draft="2020-12"` an `allOf` branch's
`additionalProperties: false` closes the union at the `allOf` instead of the
branch (what authors mean, and what OpenAPI tools generate code for).
"""

from __future__ import annotations

import json
import re
import weakref
from collections.abc import Callable
from itertools import islice
from typing import Any

from apictl.core.document import Document
from apictl.core.refs import RefError, Workspace

REQUEST, RESPONSE = "request", "response"
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
    """Compiled validators for the schemas of one workspace of OpenAPI
    `version` (oas2 | oas3.0 | oas3.1 | oas3.2).

    Schemas are named by where they are written: (schema value, document,
    pointer). The workspace is held weakly, so that a cache of these per
    workspace does not keep it alive: the caller keeps it referenced."""

    def __init__(
        self,
        ws: Workspace,
        version: str,
        formats: dict[str, Callable[[str], bool]] | None = None,
        *,
        draft: str | None = None,
        closed: bool = False,
        optional: bool = False,
        strict_access: bool = False,
    ) -> None:
        """`formats`: extra format checkers (name -> predicate on strings), e.g. the
        OpenAPI formats a request validator checks (`byte`); none by default.
        `draft`, `closed`, `optional`: see the module docstring."""
        self.ws = weakref.proxy(ws)
        self.version = version
        self.legacy = version in ("oas2", "oas3.0")  # the dialect: `$ref` siblings are ignored
        self.draft4 = self.legacy and draft != "2020-12"
        self.union_closing = not self.draft4 and draft == "2020-12"
        self.closed = closed and not self.draft4
        self.optional = optional
        self.strict_access = strict_access
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
        self._subvalidators: dict[tuple[tuple[str, str | None], tuple[str | int, ...]], Any] = {}
        import jsonschema_rs

        self._cls = jsonschema_rs.Draft4Validator if self.draft4 else jsonschema_rs.Draft202012Validator
        self._formats: dict[str, Callable[[str], bool]] | None = {"uuid": _check_uuid} if self.draft4 else None
        if formats:
            self._formats = {**(self._formats or {}), **formats}

    # -- locations ---------------------------------------------------------
    def _key(self, doc: Document, pointer: str, value: Any) -> str:
        ident = (id(doc), pointer)
        key = self._keys.get(ident)
        if key is None:
            key = f"s{len(self._keys)}"
            self._keys[ident] = key
            self._locs[key] = (doc, pointer, value)
        return key

    def resolve(self, value: Any, doc: Document) -> tuple[Document, str, Any] | None:
        """(document, pointer, value) the `$ref` of the object `value` (written in
        `doc`) leads to, None when it cannot be resolved; resolutions cached."""
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
        if isinstance(value, dict) and "$ref" in value and (self.legacy or len(value) == 1):
            target = self.resolve(value, doc)
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

    def errors(self, value: Any, doc: Document, pointer: str, instance: Any, mode: str | None = None) -> list[Any]:
        """Up to MAX_ERRORS errors of `instance` against the schema `value`
        written at `doc#pointer` (none when there is nothing to validate, or the
        schema cannot be compiled). Compiles the schema alone: for many values
        prefer `check_many`."""
        root = self.root(value, doc, pointer, mode)
        if root is None or self.quick_check(root, instance):
            return []
        validator = self.validator(value, doc, pointer, mode)
        if validator is None:
            return []
        return self.problems(validator, instance)

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

    def subschema(self, root: tuple[str, str | None], schema_path: list[str | int]) -> Any:
        """The translated schema at `schema_path`, as reported by an error of the
        validator of `root` (None when the path leads nowhere)."""
        key, mode = root
        node: Any = {self.container: {k: self._def(k, mode).schema for k in self._closure(key)[0]}}
        for token in schema_path:
            if isinstance(node, dict) and str(token) in node:
                node = node[str(token)]
            elif isinstance(node, list) and isinstance(token, int) and 0 <= token < len(node):
                node = node[token]
            else:
                return None
        return node

    def subschema_validator(self, root: tuple[str, str | None], schema_path: list[str | int]) -> Any:
        """A compiled validator for the schema at `schema_path` alone (None when it
        cannot be compiled); cached."""
        ident = (root, tuple(schema_path))
        if ident not in self._subvalidators:
            key, mode = root
            defs = {k: self._def(k, mode).schema for k in self._closure(key)[0]}
            ref = "#" + "".join("/" + str(t).replace("~", "~0").replace("/", "~1") for t in schema_path)
            self._subvalidators[ident] = self._compile({"$ref": ref, self.container: defs})
        return self._subvalidators[ident]

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
        base, _sep, variant = key.partition("_")
        doc, _pointer, value = self._locs[base]
        tr = _Translation()
        try:
            tr.schema = self._schema(value, doc, mode, tr, opened=variant == "open")
        except RecursionError:
            tr.schema = {}
        return tr

    def _schema(self, value: Any, doc: Document, mode: str | None, tr: _Translation, opened: bool = False) -> Any:
        """`opened`: the schema is a branch of a composition that closes (see `closed`)."""
        if isinstance(value, bool):
            if not self.draft4:
                return value
            return {} if value else {"not": {}}
        if not isinstance(value, dict):
            return {}
        out: dict[str, Any] = {}
        composes = self.union_closing and (
            any(isinstance(value.get(k), list) for k in ("allOf", "anyOf", "oneOf"))
            or ("$ref" in value and not self.legacy and len(value) > 1)
        )
        if "$ref" in value:
            target = self.resolve(value, doc)
            if target is not None:
                dep = self._key(*target)
                if opened and self.union_closing:
                    dep += "_open"
                tr.deps.add(dep)
                out["$ref"] = f"#/{self.container}/{dep}"
            if self.legacy:  # siblings of `$ref` are ignored in 2.0 / 3.0
                return out
        draft4 = self.draft4
        closed = self.closed
        # branches of a composition that closes stay open (see the module docstring)
        branch_open = composes and (closed or opened or self._branch_closes(value, doc))
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
                    out[k] = {name: self._property(s, doc, mode, tr) for name, s in v.items()}
            elif k in ("allOf", "anyOf", "oneOf"):
                if isinstance(v, list) and v:
                    if (
                        k == "oneOf"
                        and (isinstance(value.get("discriminator"), dict) or self.optional)
                        and "anyOf" not in value
                    ):
                        k = "anyOf"
                    out[k] = [self._schema(s, doc, mode, tr, opened=branch_open) for s in v]
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
                if self.union_closing and (v is True or (v is False and opened)):
                    continue  # `true` is unsaid when closing; `false` in a branch closes the union instead
                out[k] = self._schema(v, doc, mode, tr) if not isinstance(v, bool) else v
            elif k == "enum":
                if isinstance(v, list) and (v or not draft4):
                    out[k] = v  # (duplicates are accepted by jsonschema-rs, even in Draft 4)
            elif k == "required":
                if self.optional and "oneOf" not in value:
                    continue
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
        if (
            (composes and (closed or self._branch_closes(value, doc)) and not opened)
            or (closed and not opened and not composes and _object_like(value))
        ) and "additionalProperties" not in out:
            out["unevaluatedProperties"] = False
        if self.nullable in value and value[self.nullable] is True:
            out = _nullable(out)
        return out

    def _property(self, value: Any, doc: Document, mode: str | None, tr: _Translation) -> Any:
        """With `strict_access`, a readOnly property may not be sent in a request
        and a writeOnly one not in a response (the schema `false`)."""
        if self.strict_access:
            flag = self._access_flag(value, doc)
            if flag is not None:
                tr.sensitive = True
                if (flag == "readOnly" and mode == REQUEST) or (flag == "writeOnly" and mode == RESPONSE):
                    return False if not self.draft4 else {"not": {}}
        return self._schema(value, doc, mode, tr)

    def _branch_closes(self, value: dict[str, Any], doc: Document) -> bool:
        """Whether a branch of `value`'s `allOf` says `additionalProperties: false`
        (directly or behind one `$ref`)."""
        branches = value.get("allOf")
        if not isinstance(branches, list):
            return False
        for b in branches:
            if isinstance(b, dict) and "$ref" in b:
                target = self.resolve(b, doc)
                b = target[2] if target is not None else None
            if isinstance(b, dict) and b.get("additionalProperties") is False:
                return True
        return False

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
            target = self.resolve(prop, doc)
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


def _object_like(value: dict[str, Any]) -> bool:
    t = value.get("type")
    return t == "object" or (isinstance(t, list) and "object" in t) or isinstance(value.get("properties"), dict)


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
