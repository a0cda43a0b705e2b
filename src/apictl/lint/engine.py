"""Lint one OpenAPI file: load, detect, validate, walk once, dispatch to rules,
then turn findings into located `Diagnostic`s. Pure: returns values, prints
nothing."""

from __future__ import annotations

import traceback
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core import registry
from apictl.core.config import Config
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.document import Document
from apictl.core.errors import ApictlError
from apictl.core.loader import display_path, load_file
from apictl.core.refs import Workspace
from apictl.core.registry import Finding, Rule
from apictl.lint.context import RuleContext
from apictl.lint.ignores import ignored_by_comment, ignored_by_extension
from apictl.specs.openapi import model
from apictl.specs.openapi.version import detect
from apictl.specs.openapi.walker import Walker

RULES_PACKAGE = "apictl.lint.rules"
# Kinds whose nodes are kept for the `Root` rules that run after the walk.
COLLECTED = {model.OPERATION, model.PATH_ITEM, model.TAG, model.SECURITY_SCHEME, model.SERVER, model.PARAMETER}
ActiveRule = tuple[Rule, Severity, dict[str, Any]]


@dataclass
class LintOptions:
    ref_root: Path | None = None  # None: the linted file's folder
    allow_remote: bool = False
    allow_outside_root: bool = False
    source_lines: bool = True  # keep the lines diagnostics point at (only the text format shows them)


@dataclass
class FileResult:
    uri: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # the file could not be linted (exit 2)
    lines: dict[str, dict[int, str]] = field(default_factory=dict)  # source lines the diagnostics point at
    kind: str | None = None


def load_rules() -> list[Rule]:
    registry.load(RULES_PACKAGE)
    return registry.all_rules()


def lint_file(path: Path, config: Config, options: LintOptions | None = None) -> FileResult:
    options = options or LintOptions()
    uri = display_path(path)
    try:
        doc = load_file(path, uri)
        doc.kind = detect(doc.data, uri)
    except ApictlError as exc:
        return FileResult(uri, error=str(exc))
    rel = _relative(path, config.base_dir)
    ruleset = None
    builtins: list[ActiveRule] = []
    if config.ruleset is not None:  # a Spectral ruleset: its spectral:oas rules map to apictl's
        from apictl.lint import spectral

        try:
            ruleset = spectral.load_ruleset(config.ruleset, config.base_dir).for_file(path)
        except ApictlError as exc:
            return FileResult(uri, error=str(exc))
        builtins = spectral.builtin_rules(ruleset, doc.kind, spectral.document_formats(ruleset, doc.data))
    active = config.effective(load_rules(), rel, doc.kind, builtins)
    root_dir = None if options.allow_outside_root else (options.ref_root or config.ref_root or path.resolve().parent)
    ws = Workspace(doc, root_dir=root_dir, allow_remote=options.allow_remote or config.allow_remote)
    raw = run_rules(ws, doc.kind, active)
    diagnostics = to_diagnostics(raw, config.inline_ignores)
    if ruleset is not None:
        diagnostics = sorted(diagnostics + spectral.run(ws, ruleset), key=Diagnostic.sort_key)
    result = FileResult(uri, diagnostics, kind=doc.kind)
    if options.source_lines:
        result.lines = _source_lines(ws, diagnostics)
    return result


def _relative(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def run_rules(ws: Workspace, version: str, active: Iterable[ActiveRule]) -> list[tuple[Rule, Severity, Finding]]:
    by_kind: defaultdict[str, list[ActiveRule]] = defaultdict(list)
    for item in active:
        by_kind[item[0].on].append(item)
    ctx = RuleContext(ws=ws, version=version)
    out: list[tuple[Rule, Severity, Finding]] = []

    def call(item: ActiveRule, subject: Any) -> None:
        rule, severity, opts = item
        ctx.options = opts
        try:
            for finding in rule.check(subject, ctx) or ():
                out.append((rule, severity, finding))
        except Exception as exc:  # a rule bug must not lose the other findings
            where = getattr(subject, "pointer", "")
            doc = getattr(subject, "doc", ws.root)
            tb = traceback.extract_tb(exc.__traceback__)[-1]
            msg = (
                f"internal error in rule {rule.code} ({type(exc).__name__}: {exc} "
                f"at {Path(tb.filename).name}:{tb.lineno}); please report it"
            )
            out.append((rule, Severity.ERROR, Finding(doc, where, msg)))

    for item in by_kind.get(model.DOCUMENT, ()):
        call(item, ws.root)

    dispatch = {k: v for k, v in by_kind.items() if k not in (model.DOCUMENT, model.ROOT, model.REF)}

    def visit(node: model.Node) -> None:
        if node.kind in COLLECTED:
            ctx.nodes[node.kind].append(node)
        for item in dispatch.get(node.kind, ()):
            call(item, node)

    walker = Walker(ws, version, visit)
    ctx.root = walker.run()
    ctx.refs = walker.refs
    for item in by_kind.get(model.REF, ()):
        for site in walker.refs:
            call(item, site)
    for item in by_kind.get(model.ROOT, ()):
        call(item, ctx.root)
    return out


def to_diagnostics(raw: list[tuple[Rule, Severity, Finding]], inline_ignores: bool = True) -> list[Diagnostic]:
    by_doc: defaultdict[int, list[tuple[Rule, Severity, Finding]]] = defaultdict(list)
    docs: dict[int, Document] = {}
    for item in raw:
        doc = item[2].doc
        by_doc[id(doc)].append(item)
        docs[id(doc)] = doc
    out: list[Diagnostic] = []
    seen: set[tuple[str, str, str, str]] = set()
    for key, items in by_doc.items():
        doc = docs[key]
        spans = doc.spans(f.pointer for _, _, f in items)
        for rule, severity, f in items:
            if inline_ignores and ignored_by_extension(doc, f.pointer, rule.code, rule.name):
                continue
            span = spans[f.pointer]
            if inline_ignores and ignored_by_comment(doc, span.line, rule.code, rule.name):
                continue
            ident = (rule.code, doc.uri, f.pointer, f.message)
            if ident in seen:
                continue
            seen.add(ident)
            out.append(Diagnostic(rule.code, rule.name, severity, f.message, doc.uri, f.pointer, span))
    out.sort(key=Diagnostic.sort_key)
    return out


def _source_lines(ws: Workspace, diagnostics: list[Diagnostic]) -> dict[str, dict[int, str]]:
    wanted: defaultdict[str, set[int]] = defaultdict(set)
    for d in diagnostics:
        if d.span:
            wanted[d.uri].add(d.span.line)
    out: dict[str, dict[int, str]] = {}
    for doc in ws.docs.values():
        lines = wanted.get(doc.uri)
        if lines:
            split = doc.text.splitlines()
            out[doc.uri] = {n: split[n - 1] for n in lines if 0 < n <= len(split)}
    return out
