"""Pair the nodes of two OpenAPI descriptions and turn every difference into a `Change`:
operations by method + path template (variable names ignored), parameters by location +
name (path parameters by position), responses by status, media types by name, schema
properties by name; schemas are compared through `$ref`s on both sides (see `schema.py`).
`engine.py` dispatches the changes to the breaking rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from apictl.core.pointer import join
from apictl.diff import model as m
from apictl.diff.media_types import media_rename, renamed_media_types
from apictl.diff.model import Change, Where
from apictl.diff.schema import Fact, SchemaDiffer, render_path
from apictl.diff.sides import Side
from apictl.specs.openapi.access import Located, deref, operation_parameters
from apictl.specs.openapi.model import HTTP_METHODS, OPERATION, PATH_ITEM, Node

_VARIABLE = re.compile(r"\{[^}/]*\}")


def normalise_path(path: str) -> str:
    return _VARIABLE.sub("{}", path.rstrip("/") or "/")


class Pairing:
    """Walks both versions side by side and yields the changes."""

    def __init__(self, old: Side, new: Side) -> None:
        self.old, self.new = old, new
        self.schemas = SchemaDiffer(old.ws, new.ws, old.version, new.version)

    # operations ------------------------------------------------------------
    def _operations(self, side: Side) -> dict[tuple[str, str], Node]:
        out: dict[tuple[str, str], Node] = {}
        root = side.doc
        paths = root.data.get("paths") if isinstance(root.data, dict) else None
        if not isinstance(paths, dict):
            return out
        for template, item in paths.items():
            if not isinstance(template, str) or not template.startswith("/"):
                continue
            loc = deref(side.ws, item, root, join("/paths", template))
            if loc is None or not isinstance(loc.value, dict):
                continue
            item_node = Node(PATH_ITEM, loc.value, loc.doc, loc.pointer, None, template)
            for method in HTTP_METHODS:
                op = loc.value.get(method)
                if isinstance(op, dict):
                    node = Node(OPERATION, op, loc.doc, join(loc.pointer, method), item_node, method)
                    out[(method, normalise_path(template))] = node
        return out

    def changes(self) -> Iterator[Change]:
        old_ops, new_ops = self._operations(self.old), self._operations(self.new)
        new_paths = {p for _, p in new_ops}
        paths_loc = Located(self.new.doc.data.get("paths"), self.new.doc, "/paths")
        old_paths_loc = Located(self.old.doc.data.get("paths"), self.old.doc, "/paths")
        for key, op in old_ops.items():
            if key not in new_ops:
                where = Where(op.method.upper(), op.path, _op_id(op))
                yield Change(
                    m.OPERATION_REMOVED,
                    where,
                    _loc(op),
                    None,
                    new_parent=paths_loc,
                    detail={"path_removed": key[1] not in new_paths, **_lifecycle(op.value)},
                )
        for key, op in new_ops.items():
            old_op = old_ops.get(key)
            where = Where(op.method.upper(), op.path, _op_id(op))
            if old_op is None:
                yield Change(m.OPERATION_ADDED, where, None, _loc(op), old_parent=old_paths_loc)
                continue
            yield from self._operation(old_op, op, where)
        yield from self._document()
        yield from self._tag_renames(old_ops, new_ops)

    # document-level ------------------------------------------------------------
    def _document(self) -> Iterator[Change]:
        """Global security, components (schemas, security schemes) and webhooks."""
        od, nd = self.old.doc.data, self.new.doc.data
        if not isinstance(od, dict) or not isinstance(nd, dict):
            return
        w = Where("", "", section=m.DOCUMENT)
        oroot, nroot = Located(od, self.old.doc, ""), Located(nd, self.new.doc, "")

        def at(side_root: Located, *tokens: str) -> Located | None:
            v: Any = side_root.value
            for t in tokens:
                if isinstance(v, list) and t.isdigit() and int(t) < len(v):
                    v = v[int(t)]
                elif isinstance(v, dict) and t in v:
                    v = v[t]
                else:
                    return None
            return Located(v, side_root.doc, join("", *tokens))

        osec, nsec = _scopes(od.get("security")), _scopes(nd.get("security"))
        if osec != nsec:
            o, n = at(oroot, "security"), at(nroot, "security")
            yield Change(
                m.DOCUMENT_CHANGED,
                w,
                o,
                n,
                old_parent=oroot,
                new_parent=nroot,
                detail={"field": "security", "old": osec, "new": nsec},
            )
        oserv, nserv = _servers(od), _servers(nd)
        for url in [*oserv, *(u for u in nserv if u not in oserv)]:
            if (url in oserv) != (url in nserv):
                o, n = at(oroot, *oserv.get(url, ())), at(nroot, *nserv.get(url, ()))
                yield Change(
                    m.DOCUMENT_CHANGED,
                    w,
                    o if url in oserv else None,
                    n if url in nserv else None,
                    old_parent=at(oroot, "servers") or oroot,
                    new_parent=at(nroot, "servers") or nroot,
                    detail={"field": "servers", "url": url},
                )
        yield from _texts(w, at(oroot, "info"), at(nroot, "info"), "info", ("title", "description"))
        v2 = self.old.version == "oas2" or self.new.version == "oas2"
        for field_, tokens in (
            ("schemas", ("definitions",) if v2 else ("components", "schemas")),
            ("securitySchemes", ("securityDefinitions",) if v2 else ("components", "securitySchemes")),
            ("webhooks", ("webhooks",)),
        ):
            o, n = at(oroot, *tokens), at(nroot, *tokens)
            ov = o.value if o is not None and isinstance(o.value, dict) else {}
            nv = n.value if n is not None and isinstance(n.value, dict) else {}
            if field_ == "schemas" and o is not None and n is not None:
                yield from self._schema_renames(w, o, n)
            for name in [*ov, *(k for k in nv if k not in ov)]:
                if str(name).startswith("x-"):
                    continue
                oi = Located(ov[name], o.doc, join(o.pointer, name)) if o is not None and name in ov else None
                ni = Located(nv[name], n.doc, join(n.pointer, name)) if n is not None and name in nv else None
                if oi is not None and ni is not None and (field_ != "securitySchemes" or oi.value == ni.value):
                    continue
                yield Change(
                    m.DOCUMENT_CHANGED,
                    w,
                    oi,
                    ni,
                    old_parent=o or oroot,
                    new_parent=n or nroot,
                    detail={"field": field_, "name": str(name)},
                )

    def _schema_renames(self, w: Where, o: Located, n: Located) -> Iterator[Change]:
        """A schema gone under one name and added under another with the same content (`$ref`s resolved)."""
        ov: dict[str, Any] = o.value
        nv: dict[str, Any] = n.value
        gone = {k: v for k, v in ov.items() if k not in nv and not str(k).startswith("x-")}
        if not gone:
            return
        fingerprint = self.schemas.fingerprint
        by_print: dict[str, list[str]] = {}
        for k, v in gone.items():
            by_print.setdefault(fingerprint(self.old.ws, Located(v, o.doc, join(o.pointer, k)), v), []).append(str(k))
        for k, v in nv.items():
            if k in ov or str(k).startswith("x-"):
                continue
            names = by_print.get(fingerprint(self.new.ws, Located(v, n.doc, join(n.pointer, k)), v))
            if names:
                old_name = names.pop(0)
                yield Change(
                    m.DOCUMENT_CHANGED,
                    w,
                    Located(ov[old_name], o.doc, join(o.pointer, old_name)),
                    Located(v, n.doc, join(n.pointer, k)),
                    detail={"field": "schema-renamed", "old": old_name, "new": str(k)},
                )

    def _tag_renames(
        self, old_ops: dict[tuple[str, str], Node], new_ops: dict[tuple[str, str], Node]
    ) -> Iterator[Change]:
        """A tag gone and another added that groups exactly the same operations."""

        def groups(ops: dict[tuple[str, str], Node]) -> dict[str, frozenset[tuple[str, str]]]:
            out: dict[str, set[tuple[str, str]]] = {}
            for key, op in ops.items():
                tags = op.value.get("tags")
                for t in tags if isinstance(tags, list) else ():
                    if isinstance(t, str):
                        out.setdefault(t, set()).add(key)
            return {t: frozenset(v) for t, v in out.items()}

        og, ng = groups(old_ops), groups(new_ops)
        added = {ops: t for t, ops in ng.items() if t not in og}
        for tag, ops in og.items():
            if tag in ng or ops not in added:
                continue
            renamed = added.pop(ops)
            op = new_ops[min(ops)]
            yield Change(
                m.DOCUMENT_CHANGED,
                Where("", "", section=m.DOCUMENT),
                _loc(old_ops[min(ops)]),
                _loc(op),
                detail={"field": "tag-renamed", "old": tag, "new": renamed, "operations": len(ops)},
            )

    def _operation(self, o: Node, n: Node, where: Where) -> Iterator[Change]:
        ov, nv = o.value, n.value
        if ov.get("operationId") != nv.get("operationId"):
            yield Change(
                m.OPERATION_CHANGED,
                where,
                _loc(o),
                _loc(n),
                detail={"field": "operationId", "old": ov.get("operationId"), "new": nv.get("operationId")},
            )
        if bool(ov.get("deprecated")) != bool(nv.get("deprecated")):
            yield Change(
                m.OPERATION_CHANGED,
                where,
                _loc(o),
                _loc(n),
                detail={
                    "field": "deprecated",
                    "old": bool(ov.get("deprecated")),
                    "new": bool(nv.get("deprecated")),
                    "sunset": nv.get("x-sunset"),
                },
            )
        yield from _texts(where, _loc(o), _loc(n), "operation", ("summary", "description"))
        for fld in ("tags", "x-stability-level", "x-sunset"):
            a, b = ov.get(fld), nv.get(fld)
            if a != b:
                yield Change(m.OPERATION_CHANGED, where, _loc(o), _loc(n), detail={"field": fld, "old": a, "new": b})
        osec, nsec = self._security(self.old, o), self._security(self.new, n)
        if osec != nsec:
            yield Change(
                m.OPERATION_CHANGED,
                where,
                _loc(o),
                _loc(n),
                detail={
                    "field": "security",
                    "added": sorted(nsec - osec),
                    "removed": sorted(osec - nsec),
                    "old_public": "" in osec or not osec,
                },
            )
        # scopes of the operation's own requirements (inherited global ones: BRK326), like oasdiff
        oscopes, nscopes = _scopes(ov.get("security")), _scopes(nv.get("security"))
        if oscopes != nscopes:
            yield Change(
                m.OPERATION_CHANGED,
                where,
                _loc(o),
                _loc(n),
                detail={"field": "security-scopes", "old": oscopes, "new": nscopes},
            )
        yield from self._parameters(o, n, where)
        yield from self._request_body(o, n, where)
        yield from self._responses(o, n, where)

    @staticmethod
    def _security(side: Side, op: Node) -> frozenset[str]:
        """Each alternative requirement as 'a+b' (sorted scheme names); '' = anonymous allowed."""
        sec = op.value.get("security")
        if sec is None:
            sec = side.doc.data.get("security")
        if not isinstance(sec, list):
            return frozenset()
        return frozenset("+".join(sorted(r)) for r in sec if isinstance(r, dict))

    # parameters --------------------------------------------------------------
    def _params(self, side: Side, op: Node) -> dict[tuple[str, str], Located]:
        variables = [v.strip("{}") for v in _VARIABLE.findall(op.path)]
        out: dict[tuple[str, str], Located] = {}
        for p in operation_parameters(side.ws, op):
            where_in, name = p.value.get("in"), p.value.get("name")
            if not isinstance(where_in, str) or not isinstance(name, str) or where_in == "body":
                continue
            if where_in == "path" and name in variables:
                key = ("path", f"#{variables.index(name)}")
            elif where_in == "header":
                key = (where_in, name.lower())
            else:
                key = (where_in, name)
            out[key] = p
        return out

    def _parameters(self, o: Node, n: Node, where: Where) -> Iterator[Change]:
        op_, np_ = self._params(self.old, o), self._params(self.new, n)
        own = {(p.value.get("in"), p.value.get("name")) for p in operation_parameters(self.new.ws, n, inherited=False)}
        for key, p in op_.items():
            w = _with(where, section=m.PARAMETER, param_in=key[0], param_name=str(p.value.get("name")))
            if key not in np_:
                yield Change(m.PARAMETER_REMOVED, w, p, None, new_parent=_loc(n), detail=_lifecycle(p.value))
                continue
            q = np_[key]
            w.param_name = str(q.value.get("name"))
            if key[0] == "path" and p.value.get("name") != q.value.get("name"):
                yield Change(
                    m.PARAMETER_CHANGED,
                    w,
                    p,
                    q,
                    detail={"field": "name", "old": p.value.get("name"), "new": w.param_name},
                )
            if bool(p.value.get("deprecated")) != bool(q.value.get("deprecated")):
                yield Change(
                    m.PARAMETER_CHANGED, w, p, q, detail={"field": "deprecated", "new": bool(q.value.get("deprecated"))}
                )
            elif q.value.get("deprecated") is True and p.value.get("x-sunset") != q.value.get("x-sunset"):
                detail = {"field": "x-sunset", "old": p.value.get("x-sunset"), "new": q.value.get("x-sunset")}
                yield Change(m.PARAMETER_CHANGED, w, p, q, detail=detail)
            yield from _texts(w, p, q, "parameter", ("description",))
            for fld in ("style", "explode", "allowReserved"):
                a, b = _serialization(p.value, fld), _serialization(q.value, fld)
                if a != b:
                    yield Change(m.PARAMETER_CHANGED, w, p, q, detail={"field": fld, "old": a, "new": b})
            if bool(p.value.get("required")) != bool(q.value.get("required")):
                yield Change(
                    m.PARAMETER_CHANGED, w, p, q, detail={"field": "required", "new": bool(q.value.get("required"))}
                )
            os_, ns_ = self._param_schema(self.old, p), self._param_schema(self.new, q)
            if os_ is not None and ns_ is not None:
                yield from self._facts(w, self.schemas.compare(os_, ns_))
        for key, q in np_.items():
            if key not in op_:
                w = _with(where, section=m.PARAMETER, param_in=key[0], param_name=str(q.value.get("name")))
                yield Change(
                    m.PARAMETER_ADDED,
                    w,
                    None,
                    q,
                    old_parent=_loc(o),
                    detail={
                        "required": bool(q.value.get("required")),
                        # declared on the path item (for all its operations), not by the operation
                        "path_level": (q.value.get("in"), q.value.get("name")) not in own,
                    },
                )

    def _param_schema(self, side: Side, p: Located) -> Located | None:
        if side.version == "oas2":
            return p
        schema = p.value.get("schema")
        if isinstance(schema, dict):
            return Located(schema, p.doc, join(p.pointer, "schema"))
        content = p.value.get("content")
        if isinstance(content, dict):
            for mt, media in content.items():
                if isinstance(media, dict) and isinstance(media.get("schema"), dict):
                    return Located(media["schema"], p.doc, join(p.pointer, "content", mt, "schema"))
        return None

    # request body ------------------------------------------------------------
    def _body(self, side: Side, op: Node) -> tuple[Located | None, dict[str, Located | None]]:
        """(request body node, media type -> schema)."""
        if side.version == "oas2":
            for p in operation_parameters(side.ws, op):
                if p.value.get("in") == "body":
                    s = p.value.get("schema")
                    schema = Located(s, p.doc, join(p.pointer, "schema")) if isinstance(s, dict) else None
                    consumes = op.value.get("consumes") or side.doc.data.get("consumes") or ["application/json"]
                    return p, {str(mt): schema for mt in consumes}
            return None, {}
        body = op.value.get("requestBody")
        if body is None:
            return None, {}
        loc = deref(side.ws, body, op.doc, join(op.pointer, "requestBody"))
        if loc is None or not isinstance(loc.value, dict):
            return None, {}
        return loc, self._content(side, loc)

    def _content(self, side: Side, owner: Located) -> dict[str, Located | None]:
        content = owner.value.get("content")
        out: dict[str, Located | None] = {}
        if not isinstance(content, dict):
            return out
        for mt, media in content.items():
            mloc = deref(side.ws, media, owner.doc, join(owner.pointer, "content", mt))
            if mloc is None or not isinstance(mloc.value, dict):
                continue
            s = mloc.value.get("schema")
            out[mt] = Located(s, mloc.doc, join(mloc.pointer, "schema")) if isinstance(s, dict) else None
        return out

    def _request_body(self, o: Node, n: Node, where: Where) -> Iterator[Change]:
        (ob, omedia), (nb, nmedia) = self._body(self.old, o), self._body(self.new, n)
        w = _with(where, section=m.REQUEST_BODY)
        if ob is None and nb is None:
            return
        if ob is None:
            assert nb is not None
            yield Change(
                m.REQUEST_BODY_CHANGED,
                w,
                None,
                nb,
                old_parent=_loc(o),
                detail={"change": "added", "required": _req(nb)},
            )
            return
        if nb is None:
            yield Change(m.REQUEST_BODY_CHANGED, w, ob, None, new_parent=_loc(n), detail={"change": "removed"})
            return
        if not _req(ob) and _req(nb):
            yield Change(m.REQUEST_BODY_CHANGED, w, ob, nb, detail={"change": "became-required"})
        elif _req(ob) and not _req(nb):
            yield Change(m.REQUEST_BODY_CHANGED, w, ob, nb, detail={"change": "became-optional"})
        yield from self._media(w, ob, nb, omedia, nmedia)

    def _media(
        self, w: Where, oo: Located, no: Located, omedia: dict[str, Located | None], nmedia: dict[str, Located | None]
    ) -> Iterator[Change]:
        renamed = renamed_media_types([k for k in omedia if k not in nmedia], [k for k in nmedia if k not in omedia])
        for mt, schema in omedia.items():
            new_name = mt if mt in nmedia else renamed.get(mt)
            mw = _with(w, media_type=new_name or mt)
            if new_name is None:
                yield Change(m.MEDIA_TYPE_REMOVED, mw, schema or oo, None, new_parent=no)
                continue
            new_schema = nmedia[new_name]
            if new_name != mt:
                yield Change(
                    m.MEDIA_TYPE_RENAMED, mw, schema or oo, new_schema or no, detail=media_rename(mt, new_name)
                )
            if schema is not None and new_schema is not None:
                yield from self._facts(mw, self.schemas.compare(schema, new_schema))
        paired = set(renamed.values())
        for mt, schema in nmedia.items():
            if mt not in omedia and mt not in paired:
                yield Change(m.MEDIA_TYPE_ADDED, _with(w, media_type=mt), None, schema or no, old_parent=oo)

    # responses ---------------------------------------------------------------
    def _responses_of(self, side: Side, op: Node) -> tuple[Located | None, dict[str, Located]]:
        responses = op.value.get("responses")
        if not isinstance(responses, dict):
            return None, {}
        ptr = join(op.pointer, "responses")
        out: dict[str, Located] = {}
        for status, resp in responses.items():
            if str(status).startswith("x-"):
                continue
            loc = deref(side.ws, resp, op.doc, join(ptr, str(status)))
            if loc is not None and isinstance(loc.value, dict):
                out[str(status)] = loc
        return Located(responses, op.doc, ptr), out

    def _responses(self, o: Node, n: Node, where: Where) -> Iterator[Change]:
        (oowner, old), (nowner, new) = self._responses_of(self.old, o), self._responses_of(self.new, n)
        for status, r in old.items():
            w = _with(where, section=m.RESPONSE_BODY, status=status)
            if status not in new:
                yield Change(m.RESPONSE_REMOVED, w, r, None, new_parent=nowner or _loc(n))
                continue
            q = new[status]
            yield from _texts(w, r, q, "response", ("description",))
            yield from self._headers(_with(w, section=m.RESPONSE_HEADER), r, q)
            yield from self._media(w, r, q, self._response_media(self.old, r), self._response_media(self.new, q))
        for status, q in new.items():
            if status not in old:
                w = _with(where, section=m.RESPONSE_BODY, status=status)
                yield Change(m.RESPONSE_ADDED, w, None, q, old_parent=oowner or _loc(o))

    def _response_media(self, side: Side, r: Located) -> dict[str, Located | None]:
        if side.version != "oas2":
            return self._content(side, r)
        s = r.value.get("schema")
        if not isinstance(s, dict):
            return {}
        produces = side.doc.data.get("produces") or ["application/json"]
        return {str(mt): Located(s, r.doc, join(r.pointer, "schema")) for mt in produces}

    def _headers(self, w: Where, r: Located, q: Located) -> Iterator[Change]:
        oh, nh = r.value.get("headers"), q.value.get("headers")
        oh = oh if isinstance(oh, dict) else {}
        nh = nh if isinstance(nh, dict) else {}
        nkeys = {str(k).lower(): k for k in nh}
        for name, h in oh.items():
            hloc = deref(self.old.ws, h, r.doc, join(r.pointer, "headers", name))
            if hloc is None or not isinstance(hloc.value, dict):
                continue
            hw = _with(w, param_name=str(name))
            if str(name).lower() not in nkeys:
                yield Change(
                    m.HEADER_REMOVED,
                    hw,
                    hloc,
                    None,
                    new_parent=q,
                    detail={"required": bool(hloc.value.get("required"))},
                )
                continue
            key = nkeys[str(name).lower()]
            nloc = deref(self.new.ws, nh[key], q.doc, join(q.pointer, "headers", key))
            if nloc is not None and isinstance(nloc.value, dict):
                if bool(hloc.value.get("required")) != bool(nloc.value.get("required")):
                    yield Change(
                        m.HEADER_CHANGED,
                        hw,
                        hloc,
                        nloc,
                        detail={"field": "required", "new": bool(nloc.value.get("required"))},
                    )

    # schema facts ------------------------------------------------------------
    @staticmethod
    def _facts(where: Where, facts: list[Fact]) -> Iterator[Change]:
        for f in facts:
            yield Change(f.kind, where, f.old, f.new, f.old_parent, f.new_parent, render_path(f.tokens), f.detail)


def _with(where: Where, **changes: str) -> Where:
    w = Where(
        where.method,
        where.path,
        where.operation_id,
        where.section,
        where.status,
        where.media_type,
        where.param_in,
        where.param_name,
    )
    for k, v in changes.items():
        setattr(w, k, v)
    return w


def _loc(node: Node) -> Located:
    return Located(node.value, node.doc, node.pointer)


def _op_id(op: Node) -> str:
    v = op.value.get("operationId")
    return v if isinstance(v, str) else ""


def _req(loc: Located) -> bool:
    return loc.value.get("required") is True


def _scopes(sec: Any) -> dict[str, list[str]]:
    """Security requirements as {'a+b': sorted scopes of every scheme, as 'scheme:scope'}."""
    out: dict[str, list[str]] = {}
    if not isinstance(sec, list):
        return out
    for req in sec:
        if isinstance(req, dict):
            out["+".join(sorted(str(k) for k in req))] = sorted(
                f"{k}:{s}" for k, v in req.items() if isinstance(v, list) for s in v if isinstance(s, str)
            )
    return out


def _lifecycle(value: dict[str, Any]) -> dict[str, Any]:
    sunset = value.get("x-sunset")
    stability = value.get("x-stability-level")
    return {
        "deprecated": value.get("deprecated") is True,
        "sunset": str(sunset) if sunset is not None else None,
        "stability": stability if isinstance(stability, str) else None,
    }


_STYLE_DEFAULT = {"query": "form", "cookie": "form", "path": "simple", "header": "simple"}


def _serialization(param: dict[str, Any], fld: str) -> Any:
    """A parameter's style / explode / allowReserved with the OpenAPI defaults filled in."""
    if fld == "style":
        return param.get("style", _STYLE_DEFAULT.get(str(param.get("in")), "form"))
    if fld == "explode":
        explode = param.get("explode")
        return explode if isinstance(explode, bool) else _serialization(param, "style") == "form"
    if fld == "allowReserved":
        return param.get("allowReserved") is True
    return param.get(fld)


def _servers(root: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """The base URLs a document declares, each with the tokens of where it is written:
    OpenAPI 3 `servers[].url`, OpenAPI 2 `schemes` x `host` + `basePath`."""
    out: dict[str, tuple[str, ...]] = {}
    servers = root.get("servers")
    if isinstance(servers, list):
        for i, srv in enumerate(servers):
            if isinstance(srv, dict) and isinstance(srv.get("url"), str):
                out.setdefault(srv["url"].rstrip("/") or "/", ("servers", str(i)))
    elif isinstance(root.get("host"), str) or isinstance(root.get("basePath"), str):
        declared = root.get("schemes")
        schemes: list[Any] = declared if isinstance(declared, list) else ["https"]
        host, base = str(root.get("host") or ""), str(root.get("basePath") or "")
        for scheme in schemes:
            out.setdefault(f"{scheme}://{host}{base}".rstrip("/"), ("host",) if "host" in root else ("basePath",))
    return out


def _texts(where: Where, o: Located | None, n: Located | None, owner: str, fields: tuple[str, ...]) -> Iterator[Change]:
    """Summary / description / title changes of an object present in both versions."""
    if o is None or n is None or not isinstance(o.value, dict) or not isinstance(n.value, dict):
        return
    for fld in fields:
        a, b = o.value.get(fld), n.value.get(fld)
        if a != b and (isinstance(a, str) or isinstance(b, str)):
            yield Change(m.TEXT_CHANGED, where, o, n, detail={"owner": owner, "field": fld, "old": a, "new": b})
