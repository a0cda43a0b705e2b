"""Passes over the bundled schemas (name -> schema) before datamodel-code-generator
sees them; both make its work smaller without changing what the models accept.

- `split_roles`: readOnly/writeOnly. A schema with such properties (or one that
  uses such a schema) becomes a `…Request` shape without the readOnly properties
  and a `…Response` shape without the writeOnly ones, every reference inside
  pointing at the shape of the same role. (datamodel-code-generator can do this
  itself, but its pass costs a fifth of its run on GitHub's API.)
- `share_duplicates`: an inline object schema that occurs more than once (GitHub's
  webhook payloads repeat the same `user`, `repository`… objects hundreds of
  times) is moved to one named schema that every occurrence refers to, so it is
  parsed and rendered once. This halves the models of GitHub's API.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import Any

from apictl.gen.naming import Namer

REF_PREFIX = "#/components/schemas/"
SCHEMA_MAPS = ("properties", "$defs", "definitions", "dependentSchemas")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_VALUES = (
    *("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames"),
    *("unevaluatedProperties", "unevaluatedItems"),
)
ROLES = ("request", "response")

Visit = Callable[[dict[str, Any], str], dict[str, Any]]


def rewrite(schema: Any, visit: Visit, hint: str = "", *, inside: bool = False) -> Any:
    """`schema` with `visit(subschema, hint)` applied to it (unless `inside`: only
    to the schemas in it) and, top-down, to every schema inside it (`hint`: the
    nearest property name, for naming)."""
    if not isinstance(schema, dict):
        return schema
    out = schema if inside else visit(schema, hint)
    if not isinstance(out, dict) or "$ref" in out and len(out) == 1:
        return out
    out = dict(out)
    for key in SCHEMA_MAPS:
        if isinstance(out.get(key), dict):
            out[key] = {k: rewrite(v, visit, k if key == "properties" else hint) for k, v in out[key].items()}
    for key in SCHEMA_LISTS:
        if isinstance(out.get(key), list):
            out[key] = [rewrite(v, visit, hint) for v in out[key]]
    for key in SCHEMA_VALUES:
        sub = out.get(key)
        if isinstance(sub, list):
            out[key] = [rewrite(v, visit, hint) for v in sub]
        elif isinstance(sub, dict):
            out[key] = rewrite(sub, visit, hint)
    return out


def _ref_name(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref")
    return ref[len(REF_PREFIX) :] if isinstance(ref, str) and ref.startswith(REF_PREFIX) else None


def _refs(schema: Any) -> set[str]:
    found: set[str] = set()

    def visit(s: dict[str, Any], hint: str) -> dict[str, Any]:
        if (name := _ref_name(s)) is not None:
            found.add(name)
        mapping = s.get("discriminator", {}).get("mapping", {}) if isinstance(s.get("discriminator"), dict) else {}
        found.update(m[len(REF_PREFIX) :] for m in mapping.values() if isinstance(m, str))
        return s

    rewrite(schema, visit)
    return found


def split_roles(schemas: dict[str, Any], namer: Namer) -> tuple[dict[str, Any], dict[str, tuple[str, str]]]:
    """The schemas with every one that readOnly/writeOnly affect replaced by its
    request and response shapes, and those names (name -> (request, response))."""
    flagged = {r: {n for n, v in schemas.items() if isinstance(v, dict) and v.get(r) is True} for r in _FLAGS}

    def dropped(prop: Any, flag: str) -> bool:
        if not isinstance(prop, dict):
            return False
        return prop.get(flag) is True or _ref_name(prop) in flagged[flag]

    def splits(schema: Any) -> bool:
        hit = False

        def visit(s: dict[str, Any], hint: str) -> dict[str, Any]:
            nonlocal hit
            props = s.get("properties")
            if isinstance(props, dict) and any(dropped(p, f) for p in props.values() for f in _FLAGS):
                hit = True
            return s

        rewrite(schema, visit)
        return hit

    affected = {n for n, v in schemas.items() if splits(v)}
    if not affected:
        return schemas, {}
    uses = {n: _refs(v) for n, v in schemas.items()}
    grew = True
    while grew:
        more = {n for n, refs in uses.items() if n not in affected and refs & affected}
        affected |= more
        grew = bool(more)
    variants = {n: (namer.claim(n + "Request"), namer.claim(n + "Response")) for n in schemas if n in affected}

    def shape(schema: Any, role: int) -> Any:
        flag = _FLAGS[role]  # what this role leaves out: readOnly in requests, writeOnly in responses

        def target(ref: str) -> str:
            name = ref[len(REF_PREFIX) :] if ref.startswith(REF_PREFIX) else None
            return REF_PREFIX + variants[name][role] if name in variants else ref

        def visit(s: dict[str, Any], hint: str) -> dict[str, Any]:
            out = {k: v for k, v in s.items() if k not in _FLAGS}
            if isinstance(out.get("$ref"), str):
                out["$ref"] = target(out["$ref"])
            props = out.get("properties")
            if isinstance(props, dict):
                gone = {k for k, p in props.items() if dropped(p, flag)}
                out["properties"] = {k: p for k, p in props.items() if k not in gone}
                if isinstance(out.get("required"), list):
                    out["required"] = [r for r in out["required"] if r not in gone]
            disc = out.get("discriminator")
            if isinstance(disc, dict) and isinstance(disc.get("mapping"), dict):
                mapping = {k: target(v) if isinstance(v, str) else v for k, v in disc["mapping"].items()}
                out["discriminator"] = {**disc, "mapping": mapping}
            return out

        return rewrite(schema, visit)

    out: dict[str, Any] = {}
    for name, schema in schemas.items():
        if name in variants:
            for role, variant in enumerate(variants[name]):
                out[variant] = shape(schema, role)
        else:
            out[name] = schema
    return out, variants


_FLAGS = ("readOnly", "writeOnly")  # indexed by role: what requests / responses leave out


def share_duplicates(schemas: dict[str, Any], namer: Namer, name_for: Callable[[str], str]) -> dict[str, Any]:
    """The schemas with every inline object schema that occurs more than once moved
    into a named schema of its own (named `name_for(property name)`)."""
    seen: Counter[str] = Counter()

    def count(s: dict[str, Any], hint: str) -> dict[str, Any]:
        if s.get("properties"):
            seen[_canonical(s)] += 1
        return s

    for schema in schemas.values():
        rewrite(schema, count, inside=True)
    if not any(n > 1 for n in seen.values()):
        return schemas
    shared: dict[str, str] = {}  # canonical text -> name
    out: dict[str, Any] = {}

    merged: set[int] = set()  # allOf members: datamodel-code-generator merges them into one class

    def share(s: dict[str, Any], hint: str) -> dict[str, Any]:
        if isinstance(s.get("allOf"), list):
            merged.update(id(m) for m in s["allOf"])
        if not s.get("properties") or id(s) in merged:
            return s
        text = _canonical(s)
        if seen[text] < 2:
            return s
        if text not in shared:
            name = shared[text] = namer.claim(name_for(hint or "Shared"))
            out[name] = {}  # its place: document order
            out[name] = rewrite(s, share, hint, inside=True)
        site: dict[str, Any] = {"$ref": REF_PREFIX + shared[text]}
        if isinstance(s.get("description"), str):
            site["description"] = s["description"]  # the field's docstring, as it was inline
        return site

    for name, schema in schemas.items():
        if isinstance(schema.get("allOf"), list):
            merged.update(id(m) for m in schema["allOf"])
        out[name] = rewrite(schema, share, name, inside=True)
    return out


def _canonical(schema: dict[str, Any]) -> str:
    return json.dumps(schema, sort_keys=True, separators=(",", ":"))


__all__ = ["REF_PREFIX", "rewrite", "share_duplicates", "split_roles"]
