"""Diff two protobuf versions: index both sides, pair their elements as buf does,
dispatch each pair to the breaking rules declared `on` its kind, and turn the
`ProtoBreak`s into located `Diagnostic`s (current location, previous in `old_*`)."""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core import registry
from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.core.registry import Rule
from apictl.diff.proto import model as m
from apictl.diff.proto.config import BufBreaking
from apictl.diff.proto.index import SideIndex
from apictl.diff.proto.model import EnumNumber, Loc, Pair, ProtoBreak
from apictl.specs.proto.model import SERVICE_METHOD, Element, EnumValue, Method, ProtoDocument, pointer_of

RULES_PACKAGE = "apictl.diff.rules.proto"
FORMAT = "proto"
ActiveRule = tuple[Rule, Severity, dict[str, Any]]
_NO_PLACE = Span(1, 1, 1, 1)  # buf prints 1:1 for a finding without a source location
_TYPE_ENUM = 14


def load_rules() -> list[Rule]:
    registry.load(RULES_PACKAGE)
    return [r for r in registry.all_rules("breaking") if FORMAT in r.formats]


@dataclass
class BreakingContext:
    """What a rule may consult besides its pair: both sides, indexed."""

    old: SideIndex
    new: SideIndex
    options: dict[str, Any] = field(default_factory=dict)


def select(rules: list[Rule], breaking: BufBreaking) -> list[ActiveRule]:
    chosen = breaking.selected()
    return [(r, r.severity, dict(r.options)) for r in rules if any(b in chosen for b in r.buf)]


def diff_proto(
    old_docs: list[ProtoDocument],
    old_files: dict[str, Any],
    new_docs: list[ProtoDocument],
    new_files: dict[str, Any],
    active: list[ActiveRule],
    breaking: BufBreaking | None = None,
) -> list[Diagnostic]:
    ctx = BreakingContext(SideIndex.build(old_docs, old_files), SideIndex.build(new_docs, new_files))
    by_kind: defaultdict[str, list[ActiveRule]] = defaultdict(list)
    for item in active:
        by_kind[item[0].on].append(item)
    out: list[Diagnostic] = []
    seen: set[tuple[str, str, int, int, str]] = set()
    for kind, items in by_kind.items():
        for subject in _pairs(kind, ctx):
            for rule, severity, options in items:
                ctx.options = options
                for brk in _run(rule, subject, ctx):
                    if breaking is not None and _ignored(breaking, rule, brk):
                        continue
                    d = _diagnostic(rule, severity, brk)
                    key = (d.code, d.uri, d.line, d.col, d.message)
                    if key not in seen:
                        seen.add(key)
                        out.append(d)
    out.sort(key=Diagnostic.sort_key)
    return out


def _run(rule: Rule, subject: Any, ctx: BreakingContext) -> Iterable[ProtoBreak]:
    try:
        return [b for b in rule.check(subject, ctx) or () if isinstance(b, ProtoBreak)]
    except Exception as exc:  # a rule bug must not lose the other findings
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        msg = (
            f"internal error in rule {rule.code} ({type(exc).__name__}: {exc} "
            f"at {Path(tb.filename).name}:{tb.lineno}); please report it"
        )
        new = getattr(subject, "new", None)
        doc = getattr(new, "doc", None) or (ctx.new.docs[0] if ctx.new.docs else None)
        return [ProtoBreak(msg, None, file=doc)]


def _pairs(kind: str, ctx: BreakingContext) -> Iterator[Any]:
    old, new = ctx.old, ctx.new
    if kind == m.SIDES:
        yield Pair(old, new)
    elif kind == m.FILE_PAIR:
        for name, doc in old.files.items():
            if name in new.files:
                yield Pair(doc, new.files[name])
    elif kind == m.MESSAGE_PAIR:
        yield from _changed(old.messages, new.messages)
    elif kind == m.ENUM_PAIR:
        yield from _changed(old.enums, new.enums)
    elif kind == m.SERVICE_PAIR:
        yield from _changed(old.services, new.services)
    elif kind == m.FIELD_PAIR:
        for pair in _changed(old.messages, new.messages):
            yield from _by_key(old.fields(pair.old), new.fields(pair.new))
        yield from _by_key(old.extensions, new.extensions)
    elif kind == m.ENUM_NUMBER_PAIR:
        for pair in _changed(old.enums, new.enums):
            yield from _by_key(enum_numbers(pair.old), enum_numbers(pair.new))
    elif kind == m.METHOD_PAIR:
        for pair in _changed(old.services, new.services):
            yield from _by_key(methods(pair.old), methods(pair.new))


def _changed(old: Mapping[str, Element], new: Mapping[str, Element]) -> Iterator[Pair[Any]]:
    """Pairs by key, leaving out elements whose descriptors are equal in files whose syntax
    and file-wide settings are equal: no rule can report on those (most of a large tree)."""
    for pair in _by_key(old, new):
        if pair.old.desc != pair.new.desc or not _same_context(pair.old, pair.new):
            yield pair


def _same_context(old: Element, new: Element) -> bool:
    a, b = old.doc.fd, new.doc.fd
    s = str(a.syntax)
    if s != str(b.syntax) or s == "editions" or a.options.java_string_check_utf8 != b.options.java_string_check_utf8:
        return False
    if s == "proto3":
        return True
    # proto2: an enum field's implicit default is its enum's first value, which lives elsewhere
    desc = old.desc
    return not any(f.type == _TYPE_ENUM for f in getattr(desc, "field", ()))


def _by_key(old: Mapping[Any, Any], new: Mapping[Any, Any]) -> Iterator[Pair[Any]]:
    for key, value in old.items():
        other = new.get(key)
        if other is not None:
            yield Pair(value, other)


def enum_numbers(enum: Any) -> dict[int, EnumNumber]:
    out: dict[int, EnumNumber] = {}
    for i, v in enumerate(enum.desc.value):
        n = int(v.number)
        group = out.get(n)
        if group is None:
            group = out[n] = EnumNumber(enum, n)
        prefix = enum.full_name.rsplit(".", 1)[0] if "." in enum.full_name else ""
        full = f"{prefix}.{v.name}" if prefix else str(v.name)
        group.values.setdefault(str(v.name), EnumValue(enum.doc, (*enum.path, 2, i), v, full, enum))
    return out


def methods(service: Any) -> dict[str, Method]:
    return {
        str(md.name): Method(
            service.doc, (*service.path, SERVICE_METHOD, j), md, f"{service.full_name}.{md.name}", service
        )
        for j, md in enumerate(service.desc.method)
    }


def _ignored(breaking: BufBreaking, rule: Rule, brk: ProtoBreak) -> bool:
    rule_id = rule.buf[0] if rule.buf else rule.code
    docs = [brk.at[0] if brk.at else brk.file, brk.old[0] if brk.old else brk.old_file]
    return any(d is not None and breaking.ignored(rule_id, d.name, d.package) for d in docs)


def span_at(doc: ProtoDocument, path: tuple[int, ...]) -> Span | None:
    loc = doc.locations.get(path)
    if loc is None:
        return None
    s = loc.span
    end_line, end_col = (s[2], s[3]) if len(s) == 4 else (s[0], s[2])
    return Span(s[0] + 1, s[1] + 1, end_line + 1, end_col + 1)


def _diagnostic(rule: Rule, severity: Severity, brk: ProtoBreak) -> Diagnostic:
    old_doc: ProtoDocument | None = brk.old[0] if brk.old else brk.old_file
    at: Loc | None = brk.at
    if at is not None:
        uri, pointer, span = at[0].uri, pointer_of(at[1]), span_at(at[0], at[1]) or _NO_PLACE
    elif brk.file is not None:
        uri, pointer, span = brk.file.uri, "", _NO_PLACE
    else:  # only in the previous version: a deleted file or package
        uri, pointer, span = (old_doc.uri if old_doc else ""), "", _NO_PLACE
    d = Diagnostic(rule.code, rule.name, severity, brk.message, uri, pointer, span, category=rule.category)
    if old_doc is not None:
        d.old_uri = old_doc.uri
        if brk.old is not None:
            d.old_pointer = pointer_of(brk.old[1])
            d.old_span = span_at(old_doc, brk.old[1])
    if rule.buf:
        d.extra["buf"] = rule.buf[0]
    return d
