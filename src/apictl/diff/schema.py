"""Compare two Schema Objects, following `$ref`s on both sides.

The comparison of a pair of schemas does not depend on where they are used, so
it is memoised by the pair (a shared component is compared once however many
operations use it) and returns facts with property paths relative to the pair;
the engine places them in each operation, request or response, that uses it.
A pair already being compared higher up the stack (a recursive schema) is cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apictl.core.pointer import join
from apictl.core.refs import Workspace
from apictl.diff import model as m
from apictl.specs.openapi.access import Located, deref

ITEMS = "\x00items"  # path token of an array's items (rendered "items/", like oasdiff)
LIMITS = (
    "maxLength",
    "minLength",
    "maximum",
    "minimum",
    "maxItems",
    "minItems",
    "exclusiveMaximum",
    "exclusiveMinimum",
    "maxContains",
    "minContains",
)
# Keyword changes (KEYWORD_CHANGED): detail `keyword`, `old` / `new` (None when absent) and
# `old_set` / `new_set` (whether the keyword is present); per-key keywords add `key`.
# Keywords reported by value:
VALUED = ("const", "default", "contentEncoding", "contentMediaType", "x-extensible-enum", "deprecated")
# Subschema keywords reported by presence only (their content is not compared).
PRESENCE = (
    "contains",
    "if",
    "then",
    "else",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
    "contentSchema",
)
# Map keywords reported per key:
KEYED = ("dependentRequired", "dependentSchemas", "patternProperties")
COMBINERS = ("oneOf", "anyOf", "allOf")


@dataclass(slots=True)
class Fact:
    kind: str
    tokens: tuple[str, ...]
    old: Located | None
    new: Located | None
    old_parent: Located | None = None
    new_parent: Located | None = None
    detail: dict[str, Any] = field(default_factory=dict)


def render_path(tokens: tuple[str, ...]) -> str:
    """oasdiff's property paths: `items/name`, `repositories/items/`, `oneOf[subschema #2: Pet]/id`."""
    out = ""
    for t in tokens:
        if t == ITEMS:
            out += ("/" if out and not out.endswith("/") else "") + "items/"
        else:
            out += t if not out or out.endswith("/") else "/" + t
    return out


def _nullable(value: dict[str, Any], version: str) -> bool:
    t = value.get("type")
    if isinstance(t, list) and "null" in t:
        return True
    if version == "oas2":
        return value.get("x-nullable") is True
    return value.get("nullable") is True


def _types(value: dict[str, Any]) -> tuple[str, ...]:
    t = value.get("type")
    if isinstance(t, str):
        return () if t == "null" else (t,)
    if isinstance(t, list):
        return tuple(sorted(x for x in t if isinstance(x, str) and x != "null"))
    return ()


def _hashable(v: Any) -> Any:
    if isinstance(v, (dict, list)):
        import orjson

        return orjson.dumps(v, option=orjson.OPT_SORT_KEYS)
    return (type(v).__name__, v) if isinstance(v, bool) else v


class SchemaDiffer:
    def __init__(self, old_ws: Workspace, new_ws: Workspace, old_version: str, new_version: str) -> None:
        self.old_ws, self.new_ws = old_ws, new_ws
        self.old_version, self.new_version = old_version, new_version
        self._memo: dict[tuple[int, int], list[Fact]] = {}
        self._stack: set[tuple[int, int]] = set()
        self._digests: dict[int, str] = {}  # id of a $ref target -> content digest

    def compare(self, old: Located, new: Located) -> list[Fact]:
        o = deref(self.old_ws, old.value, old.doc, old.pointer)
        n = deref(self.new_ws, new.value, new.doc, new.pointer)
        if o is None or n is None or not isinstance(o.value, dict) or not isinstance(n.value, dict):
            return []
        key = (id(o.value), id(n.value))
        hit = self._memo.get(key)
        if hit is not None:
            return hit
        if key in self._stack:
            return []
        self._stack.add(key)
        try:
            facts = self._compare(o, n)
        finally:
            self._stack.discard(key)
        self._memo[key] = facts
        return facts

    def _child(self, facts: list[Fact], token: str, old: Located, new: Located) -> None:
        for f in self.compare(old, new):
            facts.append(Fact(f.kind, (token, *f.tokens), f.old, f.new, f.old_parent, f.new_parent, f.detail))

    def _compare(self, o: Located, n: Located) -> list[Fact]:
        ov: dict[str, Any] = o.value
        nv: dict[str, Any] = n.value
        facts: list[Fact] = []
        # type / format
        ot, nt = _types(ov), _types(nv)
        of, nf = ov.get("format"), nv.get("format")
        listed = self._list_of_types(o, n)
        if listed is not None:
            facts.append(Fact(m.KEYWORD_CHANGED, (), o, n, detail={"keyword": "list-of-types", **listed}))
        if ot != nt or of != nf:
            facts.append(
                Fact(
                    m.TYPE_CHANGED,
                    (),
                    o,
                    n,
                    detail={
                        "old_type": "/".join(ot),
                        "new_type": "/".join(nt),
                        "old_format": of if isinstance(of, str) else "",
                        "new_format": nf if isinstance(nf, str) else "",
                        "list_of_types": listed is not None,  # oasdiff reports those as list-of-types
                    },
                )
            )
        on, nn = _nullable(ov, self.old_version), _nullable(nv, self.new_version)
        if on != nn:
            facts.append(Fact(m.NULLABLE_CHANGED, (), o, n, detail={"nullable": nn}))
        # enum
        oe, ne = ov.get("enum"), nv.get("enum")
        if isinstance(oe, list) or isinstance(ne, list):
            ok = {_hashable(v): v for v in oe} if isinstance(oe, list) else None
            nk = {_hashable(v): v for v in ne} if isinstance(ne, list) else None
            # like oasdiff, a missing enum counts as an empty list: values of a new enum are added
            added = [v for k, v in nk.items() if k not in (ok or {})] if nk is not None else []
            removed = [v for k, v in ok.items() if nk is not None and k not in nk] if ok is not None else []
            if added or removed or (ok is None) != (nk is None):
                facts.append(
                    Fact(
                        m.ENUM_CHANGED,
                        (),
                        o,
                        n,
                        detail={
                            "added": added,
                            "removed": removed,
                            "old_enum": ok is not None,
                            "new_enum": nk is not None,
                        },
                    )
                )
        for kw in LIMITS:
            a, b = ov.get(kw), nv.get(kw)
            if a != b and not isinstance(a, bool) and not isinstance(b, bool):
                facts.append(Fact(m.LIMIT_CHANGED, (), o, n, detail={"keyword": kw, "old": a, "new": b}))
        op, np_ = ov.get("pattern"), nv.get("pattern")
        if op != np_:
            facts.append(Fact(m.PATTERN_CHANGED, (), o, n, detail={"old": op, "new": np_}))
        self._keywords(o, n, facts)
        self._properties(o, n, facts)
        oi, ni = ov.get("items"), nv.get("items")
        if isinstance(oi, dict) and isinstance(ni, dict):
            self._child(
                facts, ITEMS, Located(oi, o.doc, join(o.pointer, "items")), Located(ni, n.doc, join(n.pointer, "items"))
            )
        for kw in COMBINERS:
            if listed is None or kw == "allOf":
                self._combiner(kw, o, n, facts)
        return facts

    def _list_of_types(self, o: Located, n: Located) -> dict[str, list[str]] | None:
        """oasdiff's "list-of-types" pattern: `type: string` <-> `oneOf`/`anyOf` of single-type
        schemas; the types added and removed when either side uses a list (else None)."""
        a, b = self._type_pattern(self.old_ws, o), self._type_pattern(self.new_ws, n)
        if a is None or b is None or (not a[1] and not b[1]):
            return None
        added = sorted(set(b[0]) - set(a[0]))
        removed = sorted(set(a[0]) - set(b[0]))
        return {"added": added, "removed": removed} if added or removed else None

    @staticmethod
    def _type_pattern(ws: Workspace, loc: Located) -> tuple[list[str], bool] | None:
        """(types, is a oneOf/anyOf list) of a schema written as one type or a list of single-type schemas."""
        v: dict[str, Any] = loc.value
        if "not" in v or v.get("allOf") or v.get("properties"):
            return None
        t = v.get("type")
        if isinstance(t, str) or (isinstance(t, list) and t and isinstance(t[0], str)):
            return [t if isinstance(t, str) else t[0]], False
        for kw in ("oneOf", "anyOf"):
            members = v.get(kw)
            if not isinstance(members, list) or not members:
                continue
            types: list[str] = []
            for i, member in enumerate(members):
                target = deref(ws, member, loc.doc, join(loc.pointer, kw, i))
                mv = target.value if target is not None else None
                if not isinstance(mv, dict) or any(mv.get(k) for k in ("properties", "oneOf", "anyOf", "allOf")):
                    break
                mt = mv.get("type")
                if isinstance(mt, list) and len(mt) == 1:
                    mt = mt[0]
                if not isinstance(mt, str):
                    break
                types.append(mt)
            else:
                return types, True
        return None

    @staticmethod
    def _keywords(o: Located, n: Located, facts: list[Fact]) -> None:
        ov: dict[str, Any] = o.value
        nv: dict[str, Any] = n.value

        def fact(kw: str, a: Any, b: Any, a_set: bool, b_set: bool, **extra: Any) -> None:
            facts.append(
                Fact(
                    m.KEYWORD_CHANGED,
                    (),
                    o,
                    n,
                    detail={"keyword": kw, "old": a, "new": b, "old_set": a_set, "new_set": b_set, **extra},
                )
            )

        for kw in VALUED:
            if kw in ov or kw in nv:
                a, b = ov.get(kw), nv.get(kw)
                if _hashable(a) != _hashable(b) or (kw in ov) != (kw in nv):
                    fact(kw, a, b, kw in ov, kw in nv)
        for kw in PRESENCE:
            if (kw in ov) != (kw in nv):
                fact(kw, ov.get(kw), nv.get(kw), kw in ov, kw in nv)
        for kw in KEYED:
            a, b = ov.get(kw), nv.get(kw)
            if not isinstance(a, dict) and not isinstance(b, dict):
                continue
            a = a if isinstance(a, dict) else {}
            b = b if isinstance(b, dict) else {}
            for key in [*a, *(k for k in b if k not in a)]:
                if (
                    key not in b
                    or key not in a
                    or (kw == "dependentRequired" and _hashable(a[key]) != _hashable(b[key]))
                ):
                    fact(kw, a.get(key), b.get(key), key in a, key in b, key=str(key))
        a, b = ov.get("prefixItems"), nv.get("prefixItems")
        if isinstance(a, list) or isinstance(b, list):
            na, nb = len(a) if isinstance(a, list) else 0, len(b) if isinstance(b, list) else 0
            if na != nb:
                fact("prefixItems", na, nb, isinstance(a, list), isinstance(b, list))
        a, b = ov.get("discriminator"), nv.get("discriminator")
        if isinstance(a, dict) or isinstance(b, dict):
            if not isinstance(a, dict) or not isinstance(b, dict):
                fact("discriminator", a, b, isinstance(a, dict), isinstance(b, dict))
            else:
                if a.get("propertyName") != b.get("propertyName"):
                    fact("discriminator/propertyName", a.get("propertyName"), b.get("propertyName"), True, True)
                am: dict[str, Any] = a["mapping"] if isinstance(a.get("mapping"), dict) else {}
                bm: dict[str, Any] = b["mapping"] if isinstance(b.get("mapping"), dict) else {}
                for key in [*am, *(k for k in bm if k not in am)]:
                    if am.get(key) != bm.get(key):
                        fact("discriminator/mapping", am.get(key), bm.get(key), key in am, key in bm, key=str(key))

    def _properties(self, o: Located, n: Located, facts: list[Fact]) -> None:
        op, np_ = o.value.get("properties"), n.value.get("properties")
        op = op if isinstance(op, dict) else {}
        np_ = np_ if isinstance(np_, dict) else {}
        oreq = (
            {r for r in o.value.get("required", ()) if isinstance(r, str)}
            if isinstance(o.value.get("required"), list)
            else set()
        )
        nreq = (
            {r for r in n.value.get("required", ()) if isinstance(r, str)}
            if isinstance(n.value.get("required"), list)
            else set()
        )
        for name, ps in op.items():
            oloc = Located(ps, o.doc, join(o.pointer, "properties", name))
            if name not in np_:
                flags = self._flags(self.old_ws, oloc)
                facts.append(
                    Fact(
                        m.PROPERTY_REMOVED,
                        (name,),
                        oloc,
                        None,
                        new_parent=n,
                        detail={"required": name in oreq, **flags},
                    )
                )
                continue
            nloc = Located(np_[name], n.doc, join(n.pointer, "properties", name))
            if (name in oreq) != (name in nreq):
                flags = self._flags(self.new_ws, nloc)
                facts.append(Fact(m.REQUIRED_CHANGED, (name,), oloc, nloc, detail={"required": name in nreq, **flags}))
            oflags, nflags = self._flags(self.old_ws, oloc), self._flags(self.new_ws, nloc)
            for flag, kw in (("read_only", "readOnly"), ("write_only", "writeOnly")):
                if oflags[flag] != nflags[flag]:
                    facts.append(
                        Fact(
                            m.KEYWORD_CHANGED,
                            (name,),
                            oloc,
                            nloc,
                            detail={
                                "keyword": kw,
                                "old": oflags[flag],
                                "new": nflags[flag],
                                "old_set": oflags[flag],
                                "new_set": nflags[flag],
                                "required": name in nreq,
                            },
                        )
                    )
            self._child(facts, name, oloc, nloc)
        for name, ps in np_.items():
            if name not in op:
                nloc = Located(ps, n.doc, join(n.pointer, "properties", name))
                flags = self._flags(self.new_ws, nloc)
                facts.append(
                    Fact(
                        m.PROPERTY_ADDED, (name,), None, nloc, old_parent=o, detail={"required": name in nreq, **flags}
                    )
                )

    @staticmethod
    def _flags(ws: Workspace, loc: Located) -> dict[str, bool]:
        t = deref(ws, loc.value, loc.doc, loc.pointer)
        v = t.value if t is not None and isinstance(t.value, dict) else {}
        return {"read_only": v.get("readOnly") is True, "write_only": v.get("writeOnly") is True}

    def _combiner(self, kw: str, o: Located, n: Located, facts: list[Fact]) -> None:
        ol, nl = o.value.get(kw), n.value.get(kw)
        if not isinstance(ol, list) and not isinstance(nl, list):
            return
        ol = ol if isinstance(ol, list) else []
        nl = nl if isinstance(nl, list) else []
        # Like oasdiff: members written as $refs pair by reference, inline members by equal
        # content (with $refs resolved); the inline members left over pair in order when
        # both sides have as many, and are otherwise added / removed.
        old_keys = [self._member_key(self.old_ws, o, v) for v in ol]
        new_keys = [self._member_key(self.new_ws, n, v) for v in nl]
        old_index: dict[Any, list[int]] = {}
        for i, k in enumerate(old_keys):
            old_index.setdefault(k, []).append(i)
        pairs: list[tuple[int, int]] = []
        unpaired_new: list[int] = []
        for j, k in enumerate(new_keys):
            free = old_index.get(k)
            if free:
                pairs.append((free.pop(0), j))
            else:
                unpaired_new.append(j)
        paired_old = {i for i, _ in pairs}
        unpaired_old = [i for i in range(len(ol)) if i not in paired_old]
        inline_old = [i for i in unpaired_old if old_keys[i][0] == "inline"]
        inline_new = [j for j in unpaired_new if new_keys[j][0] == "inline"]
        if inline_old and len(inline_old) == len(inline_new):
            pairs.extend(zip(inline_old, inline_new, strict=True))
            unpaired_new = [j for j in unpaired_new if j not in inline_new]
        matched = {i for i, _ in pairs}
        added = [_member_label(nl[j], j) for j in unpaired_new]
        for i, j in sorted(pairs, key=lambda p: p[1]):
            title = self._title(self.new_ws, Located(nl[j], n.doc, join(n.pointer, kw, j)))
            label = f"{kw}[subschema #{j + 1}: {title}]" if title else f"{kw}[subschema #{j + 1}]"
            self._child(
                facts,
                label,
                Located(ol[i], o.doc, join(o.pointer, kw, i)),
                Located(nl[j], n.doc, join(n.pointer, kw, j)),
            )
        removed = [_member_label(ol[i], i) for i in range(len(ol)) if i not in matched]
        if added or removed:
            facts.append(
                Fact(m.SUBSCHEMAS_CHANGED, (), o, n, detail={"keyword": kw, "added": added, "removed": removed})
            )

    def _member_key(self, ws: Workspace, owner: Located, value: Any) -> tuple[str, Any]:
        if isinstance(value, dict) and isinstance(value.get("$ref"), str):
            return ("ref", value["$ref"])
        return ("inline", self._fingerprint(ws, owner, value, set()))

    def fingerprint(self, ws: Workspace, owner: Located, value: Any) -> str:
        """A digest of a schema's content with its `$ref`s resolved (equal for renamed copies)."""
        return self._fingerprint(ws, owner, value, set())

    def _fingerprint(self, ws: Workspace, owner: Located, value: Any, stack: set[int]) -> str:
        """A digest of `value` with every `$ref` replaced by its target's digest (cycle-safe)."""
        import hashlib

        def canon(v: Any, doc_owner: Located) -> Any:
            if isinstance(v, dict):
                if isinstance(v.get("$ref"), str):
                    t = deref(ws, v, doc_owner.doc, doc_owner.pointer)
                    if t is None or id(t.value) in stack:
                        return {"$ref": v["$ref"]}
                    cached = self._digests.get(id(t.value))
                    if cached is None:
                        stack.add(id(t.value))
                        cached = self._fingerprint(ws, t, t.value, stack)
                        stack.discard(id(t.value))
                        self._digests[id(t.value)] = cached
                    return {"$ref#": cached}
                return {k: canon(x, doc_owner) for k, x in v.items()}
            if isinstance(v, list):
                return [canon(x, doc_owner) for x in v]
            return v

        import orjson

        data = orjson.dumps(canon(value, owner), option=orjson.OPT_SORT_KEYS)
        return hashlib.sha1(data, usedforsecurity=False).hexdigest()

    @staticmethod
    def _title(ws: Workspace, loc: Located) -> str:
        t = deref(ws, loc.value, loc.doc, loc.pointer)
        title = t.value.get("title") if t is not None and isinstance(t.value, dict) else None
        return title if isinstance(title, str) else ""


def _member_label(value: Any, index: int) -> str:
    if isinstance(value, dict) and isinstance(value.get("$ref"), str):
        return str(value["$ref"])
    return f"subschema #{index + 1}"
