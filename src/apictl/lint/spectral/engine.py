"""Run a ruleset's JSONPath rules on one document -> located Diagnostics.

For every match the rule's `then`s run (Spectral's `lintNode`): the field's
targets are handed to the core function, each result is placed where
Spectral places it (`resolved.locate`), its message is rendered from the
rule's templates, and results with the same rule, place and message are
reported once. Positions follow Spectral (`positions`); apictl's inline
ignores apply as to every other diagnostic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.document import Document
from apictl.core.pointer import MISSING, lookup, split
from apictl.core.refs import Workspace
from apictl.lint.ignores import ignored_by_comment, ignored_by_extension
from apictl.lint.spectral import aliases, fields, messages, positions
from apictl.lint.spectral import formats as fmt
from apictl.lint.spectral.functions import FunctionContext
from apictl.lint.spectral.jsonpath import JsonPath, parse_path
from apictl.lint.spectral.jsvalues import UNDEFINED
from apictl.lint.spectral.refgraph import doc_key
from apictl.lint.spectral.resolved import Loc, Location, ResolvedView
from apictl.lint.spectral.ruleset import Rule, Ruleset, severity_for
from apictl.lint.spectral.traversal import Frame, Traversal

SEVERITY = {0: Severity.ERROR, 1: Severity.WARN, 2: Severity.INFO, 3: Severity.HINT}


@dataclass(slots=True)
class Finding:
    rule: Rule
    severity: int
    doc: Document
    pointer: str
    message: str


def document_formats(ruleset: Ruleset, data: Any) -> frozenset[str]:
    return fmt.detect(data, ruleset.formats)


def runnable(rule: Rule, formats: frozenset[str]) -> bool:
    if not rule.enabled or rule.builtin or not rule.then:
        return False
    if any(t.function is None for t in rule.then):
        return False
    return rule.formats is None or bool(rule.formats & formats)


def expressions(rule: Rule, formats: frozenset[str]) -> list[str]:
    out: list[str] = []
    for given in rule.given:
        for e in aliases.resolve(rule.alias_source.aliases, given, formats or None, rule.alias_source.where):
            if e not in out:
                out.append(e)
    return out


class _Run:
    def __init__(self, ws: Workspace, ruleset: Ruleset, formats: frozenset[str]) -> None:
        self.ws = ws
        self.ruleset = ruleset
        self.formats = formats
        self.findings: dict[tuple[str, int, str, str], Finding] = {}
        self.root_key = doc_key(ws.root)

    def run(self, rules: list[Rule], resolve: bool) -> None:
        view = ResolvedView(self.ws, resolve=resolve)
        paths: list[JsonPath] = []
        index: dict[str, int] = {}
        by_path: defaultdict[int, list[Rule]] = defaultdict(list)
        for rule in rules:
            for expr in expressions(rule, self.formats):
                if expr not in index:
                    index[expr] = len(paths)
                    paths.append(compile_path(expr))
                by_path[index[expr]].append(rule)
        if not paths:
            return

        def emit(frame: Frame, p: int) -> None:
            jp = paths[p]
            target: Frame | None = frame
            for _ in range(jp.parents):
                target = target.parent if target is not None else None
            if target is None:
                return
            value: Any = None
            if jp.keyed:
                if target.parent is None:
                    return
                value = target.key
            loc = target.loc()
            cached: list[list[Any]] = []

            def given() -> list[Any]:
                if not cached:
                    cached.append(target.path())
                return cached[0]

            for rule in by_path[p]:
                # What a function answers depends on the written node (and the key it was
                # reached by), not on the route: compute it once, place it per route.
                okey = (id(loc.doc), loc.pointer, id(rule), target.key)
                found = outcomes.get(okey)
                if found is None:
                    found = outcomes[okey] = self.outcomes(view, rule, loc, given, target.key, value)
                for rel, absolute, message in found:
                    if absolute:
                        where = view.locate(view.root(), rel)
                    else:
                        where = view.locate(loc, rel, target.key)
                    self.add(rule, where, message)

        outcomes: dict[tuple[int, str, int, Any], list[tuple[list[Any], bool, str]]] = {}
        Traversal(paths, view, emit).run()

    def outcomes(
        self, view: ResolvedView, rule: Rule, node: Loc, given: Callable[[], list[Any]], key: Any, value: Any
    ) -> list[tuple[list[Any], bool, str]]:
        """(path relative to the node — or from the root when `absolute` —, absolute, message)
        of each function result; `value`: the matched key for `~` paths, else None."""
        out: list[tuple[list[Any], bool, str]] = []
        for then in rule.then:
            function = then.function
            assert function is not None
            if value is not None:
                found = fields.targets(value, then.field)
            else:
                found = [(r, v) for r, v, _ in fields.node_targets(view, node, then.field, key, function.deep)]
            for rel, target in found:
                if not function.accepts(target):
                    continue  # Spectral skips values its input schema rejects
                if function.uses_context:
                    ctx = FunctionContext(given, rel, self.formats, rule.resolved, view.graph.referenced, self.root_key)
                else:
                    ctx = _NO_CONTEXT
                for result in function.run(target, then.options, ctx) or ():
                    if result.path is None:
                        out.append((list(rel), False, result.message))
                        continue
                    result_path = [_decode(s) for s in result.path]
                    prefix = [_decode(s) for s in given()]
                    if result_path[: len(prefix)] == prefix:
                        out.append((result_path[len(prefix) :], False, result.message))
                    else:
                        out.append((result_path, True, result.message))
        return out

    def add(self, rule: Rule, where: Location, result_message: str) -> None:
        variables = messages.Variables(
            result_message, rule.description, where, lambda: _raw_at(where.doc, where.pointer)
        )
        message = messages.final_message(rule.message, rule.description, result_message, variables)
        severity = severity_for(rule, where.doc.path, where.pointer)
        if severity < 0:
            return
        key = (rule.name, id(where.doc), where.pointer, message)
        if key not in self.findings:
            self.findings[key] = Finding(rule, severity, where.doc, where.pointer, message)


_PATHS: dict[str, JsonPath] = {}
_NO_CONTEXT = FunctionContext(list, [], frozenset())


def compile_path(expr: str) -> JsonPath:
    jp = _PATHS.get(expr)
    if jp is None:
        jp = _PATHS[expr] = parse_path(expr)
    return jp


def _decode(segment: Any) -> str:
    text = str(segment)
    return text.replace("~1", "/").replace("~0", "~") if "~" in text else text


def _raw_at(doc: Document, pointer: str) -> Any:
    value, _ = lookup(doc.data, split(pointer))
    return UNDEFINED if value is MISSING else value


def run(ws: Workspace, ruleset: Ruleset) -> list[Diagnostic]:
    """Diagnostics of the ruleset's JSONPath rules on the workspace's root document."""
    formats = document_formats(ruleset, ws.root.data)
    state = _Run(ws, ruleset, formats)
    active = [r for r in ruleset.rules.values() if runnable(r, formats)]
    state.run([r for r in active if r.resolved], resolve=True)
    state.run([r for r in active if not r.resolved], resolve=False)
    out = to_diagnostics(ws, list(state.findings.values()))
    if ruleset.formats and not formats:
        names = ", ".join(fmt.DISPLAY[f] for f in sorted(ruleset.formats, key=list(fmt.DISPLAY).index))
        root = ws.root
        span = positions.spans(root, [""], True)[""]
        message = f"The provided document does not match any of the registered formats [{names}]"
        out.append(Diagnostic("unrecognized-format", "unrecognized-format", Severity.WARN, message, root.uri, "", span))
    return out


def to_diagnostics(ws: Workspace, findings: list[Finding]) -> list[Diagnostic]:
    by_doc: defaultdict[int, list[Finding]] = defaultdict(list)
    docs: dict[int, Document] = {}
    for f in findings:
        by_doc[id(f.doc)].append(f)
        docs[id(f.doc)] = f.doc
    out: list[Diagnostic] = []
    for key, items in by_doc.items():
        doc = docs[key]
        spans = positions.spans(doc, (f.pointer for f in items), yaml_style=doc is ws.root or doc.syntax == "yaml")
        for f in items:
            name = f.rule.name
            if ignored_by_extension(doc, f.pointer, name, name):
                continue
            span = spans[f.pointer]
            if ignored_by_comment(doc, span.line, name, name):
                continue
            extra: dict[str, object] = {}
            if f.rule.documentation_url:
                extra["documentationUrl"] = f.rule.documentation_url
            out.append(Diagnostic(name, name, SEVERITY[f.severity], f.message, doc.uri, f.pointer, span, extra=extra))
    return out
