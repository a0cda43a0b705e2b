"""Lint protobuf modules. Pure: returns `FileResult`s, prints nothing."""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import traceback
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.config import Config, RuleSetting, glob_match
from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.core.errors import ApictlError
from apictl.core.registry import OPT_IN_PRESETS, Finding, Rule
from apictl.lint.engine import FileResult, load_rules
from apictl.lint.proto.context import ProtoRuleContext
from apictl.lint.proto.presets import buf_selects, check_lint_ids, ignore_keys
from apictl.specs.proto.compiler import Compiled, Compiler, cache_dir
from apictl.specs.proto.image import is_image, read_image
from apictl.specs.proto.model import DescPath, Element, ProtoDocument, path_of, walk
from apictl.specs.proto.workspace import BufLint, Module, resolve_modules

FORMAT = "proto"
MODULE_KIND = "ProtoModule"
FILE_KIND = "ProtoFile"
ActiveRule = tuple[Rule, Severity, dict[str, Any]]
_SKIP = {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}


def is_proto_path(raw: str) -> bool:
    """A `.proto` file, a buf image, or a folder that holds `.proto` files."""
    p = Path(raw)
    if p.suffix == ".proto" or is_image(p):
        return True
    if p.is_dir():
        for _, dirs, names in os.walk(p):
            dirs[:] = [d for d in dirs if d not in _SKIP]
            if any(n.endswith(".proto") for n in names):
                return True
    return False


@dataclass
class ProtoRequest:
    paths: list[Path]
    config: Config
    includes: list[Path] = field(default_factory=list)
    jobs: int = 0
    source_lines: bool = True
    progress: Callable[[int, int], None] | None = None


def lint_proto(request: ProtoRequest) -> list[FileResult]:
    with _gc_paused():
        return _lint_proto(request)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic GC while linting: the run allocates millions of acyclic objects (descriptor
    views, findings) and each full collection walks all of them again (googleapis: 1.5-4 of
    ~8 CPU-s). Cycles left behind are collected when it is back on."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _lint_proto(request: ProtoRequest) -> list[FileResult]:
    results: list[FileResult] = []
    rules = [r for r in load_rules() if FORMAT in r.formats]
    images = [p for p in request.paths if is_image(p)]
    inputs = [p for p in request.paths if not is_image(p)]
    try:
        modules = resolve_modules(inputs, request.includes) if inputs else []
        for module in modules:
            if module.lint is not None:
                check_lint_ids(module.lint, rules)
    except ApictlError as exc:
        return [FileResult(exc.uri or "buf.yaml", error=str(exc))]
    for image in images:
        try:
            module, compiled = read_image(image)
        except ApictlError as exc:
            results.append(FileResult(exc.uri or str(image), error=str(exc)))
            continue
        results.extend(_lint_compiled(module, compiled, rules, request))
    cache = cache_dir()
    for module in modules:
        compiler = Compiler(module, cache, request.jobs)
        sources, errors = compiler.read()
        entry = _result_entry(cache, compiler.fingerprint(sources), module, request)
        cached = _load_results(entry, compiler)
        if cached is not None:
            results.extend(cached)
            continue
        compiled = compiler.run(sources, errors)
        module_results = _lint_compiled(module, compiled, rules, request)
        _store_results(entry, module_results, compiler.deps_of(compiled))
        results.extend(module_results)
    return results


_Packed = tuple[str, str | None, str | None, dict[str, dict[int, str]], list[tuple[Any, ...]]]


def _pack(r: FileResult) -> _Packed:
    """Plain tuples: unpickling 100k slotted dataclasses is several times slower."""
    diags = [
        (d.code, d.rule, int(d.severity), d.message, d.uri, d.pointer, astuple_span(d.span)) for d in r.diagnostics
    ]
    return (r.uri, r.error, r.kind, r.lines, diags)


def astuple_span(span: Span | None) -> tuple[int, int, int, int] | None:
    return (span.line, span.col, span.end_line, span.end_col) if span else None


_SEVERITY = {int(s): s for s in Severity}  # Severity(n) per finding cost ~1 s on googleapis


def _unpack(item: _Packed) -> FileResult:
    uri, error, kind, lines, diags = item
    out = [
        Diagnostic(code, rule, _SEVERITY[sev], msg, duri, ptr, Span(*span) if span else None)
        for code, rule, sev, msg, duri, ptr, span in diags
    ]
    return FileResult(uri, out, error=error, lines=lines, kind=kind)


def _code_stamp() -> str:
    """Changes whenever the protobuf front end or rules change (size + mtime of their sources)."""
    import apictl

    base = Path(apictl.__file__).parent
    parts = [apictl.__version__]
    for sub in ("specs/proto", "lint/proto", "lint/rules/proto"):
        for f in sorted((base / sub).glob("*.py")):
            st = f.stat()
            parts.append(f"{f.name}:{st.st_size}:{st.st_mtime_ns}")
    return "|".join(parts)


def _result_entry(cache: Path | None, fingerprint: str, module: Module, request: ProtoRequest) -> Path | None:
    """Where the lint results of an unchanged module under the same configuration live."""
    if cache is None:
        return None
    cfg = request.config
    h = hashlib.sha256()
    for part in (
        fingerprint,
        _code_stamp(),
        repr(cfg.extends),
        repr(sorted(cfg.rules.items())),
        repr(cfg.overrides),
        repr(cfg.inline_ignores),
        repr(cfg.base_dir),
        repr(module.lint),
        str(module.root),  # the descriptor fingerprint is location-independent; findings are not
        repr(request.source_lines),
        os.getcwd(),  # findings name files relative to it
    ):
        h.update(part.encode() + b"\0")
    key = h.hexdigest()
    return cache / "proto-lint" / key[:2] / f"{key}.pickle"


def _load_results(entry: Path | None, compiler: Compiler) -> list[FileResult] | None:
    if entry is None or not entry.is_file():
        return None
    try:
        data = pickle.loads(entry.read_bytes())
        if not compiler.deps_unchanged(data["deps"]):
            return None
        return [_unpack(item) for item in data["results"]]
    except Exception:  # a damaged entry is a miss
        return None


def _store_results(entry: Path | None, results: list[FileResult], deps: list[tuple[str, str]]) -> None:
    if entry is None or any(r.error for r in results):
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{os.getpid()}.tmp")
        packed = [_pack(r) for r in results]
        tmp.write_bytes(pickle.dumps({"deps": deps, "results": packed}, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, entry)
    except OSError:
        pass


def _lint_compiled(module: Module, compiled: Compiled, rules: list[Rule], request: ProtoRequest) -> list[FileResult]:
    results: list[FileResult] = []
    for err in compiled.errors:
        where = err.uri
        if err.span:
            where += f":{err.span.line}:{err.span.col}"
        results.append(FileResult(err.uri, error=f"{where}: {err.message}", kind=FORMAT))
    docs = compiled.docs
    if not docs:
        return results
    selector = _Selector(rules, request.config, module.lint)
    if request.config.overrides:
        per_doc = {id(d): selector.active(_rel(d, request.config)) for d in docs}
    else:  # one rule set for every file
        same = selector.active("")
        per_doc = {id(d): same for d in docs}
    running: dict[str, ActiveRule] = {}
    for active in per_doc.values():
        for code, item in active.items():
            running.setdefault(code, item)
    raw = run_rules(module, compiled, list(running.values()))
    lint = module.lint
    comment_ignores = (lint.comment_ignores if lint else True) and request.config.inline_ignores
    path_ignores = lint is not None and bool(lint.ignore or lint.ignore_only)
    has_ignore_comment: dict[int, bool] = {}
    kept: defaultdict[int, list[tuple[Rule, Severity, Finding, DescPath]]] = defaultdict(list)
    for rule, _, finding in raw:
        doc = finding.doc
        assert isinstance(doc, ProtoDocument)
        setting = per_doc.get(id(doc), {}).get(rule.code)
        if setting is None:
            continue
        if path_ignores and lint and any(lint.ignored(b, doc.name) for b in ignore_keys(rule)):
            continue
        path = path_of(finding.pointer)
        if comment_ignores:
            marked = has_ignore_comment.get(id(doc))
            if marked is None:
                marked = has_ignore_comment[id(doc)] = "lint:ignore" in doc.text
            if marked and _ignored_by_comment(doc, path, rule):
                continue
        kept[id(doc)].append((rule, setting[1], finding, path))
    by_doc: dict[int, list[Diagnostic]] = {}
    for doc in docs:
        items = kept.get(id(doc))
        if not items:
            continue
        spans = doc.spans_at(item[3] for item in items)
        by_doc[id(doc)] = [
            Diagnostic(rule.code, rule.name, severity, f.message, doc.uri, f.pointer, spans[path])
            for rule, severity, f, path in items
        ]
    for doc in docs:
        diags = by_doc.get(id(doc), [])
        seen: set[tuple[str, int, int, str]] = set()
        unique = []
        for d in sorted(diags, key=Diagnostic.sort_key):
            key = (d.code, d.line, d.col, d.message)
            if key not in seen:
                seen.add(key)
                unique.append(d)
        result = FileResult(doc.uri, unique, kind=FORMAT)
        if request.source_lines and unique:
            split = doc.text.splitlines()
            result.lines = {doc.uri: {d.line: split[d.line - 1] for d in unique if 0 < d.line <= len(split)}}
        results.append(result)
    return results


def _rel(doc: ProtoDocument, config: Config) -> str:
    if doc.path is None:
        return doc.name
    try:
        return doc.path.resolve().relative_to(config.base_dir.resolve()).as_posix()
    except ValueError:
        return doc.path.as_posix()


class _Selector:
    """Which rules run on a file: buf.yaml's `lint:` section when present (`use`,
    `except`, options), else apictl's presets; apictl.yaml `rules:` and `overrides:`
    apply on top either way."""

    def __init__(self, rules: list[Rule], config: Config, lint: BufLint | None) -> None:
        self.rules = rules
        self.config = config
        self.lint = lint
        self._memo: dict[tuple[int, ...], dict[str, ActiveRule]] = {}

    def active(self, rel_path: str) -> dict[str, ActiveRule]:
        matching = tuple(
            i for i, o in enumerate(self.config.overrides) if any(glob_match(g, rel_path) for g in o.files)
        )
        known = self._memo.get(matching)
        if known is None:
            known = self._memo[matching] = self._compute(matching)
        return known

    def _compute(self, overrides: tuple[int, ...]) -> dict[str, ActiveRule]:
        lint = self.lint
        if lint is not None:
            chosen = {
                r.code: (r, r.severity, {**r.options, **_known(r, lint.options)})
                for r in self.rules
                if buf_selects(r, lint.use, lint.except_) and r.status != "deprecated"
            }
            # buf.yaml picks buf's rules; apictl's opt-in presets (e.g. `aip`) still add theirs
            opt_in = [p for p in self.config.extends if p in OPT_IN_PRESETS]
            for extra in self.rules:
                if extra.preset in opt_in and extra.status != "deprecated":
                    chosen.setdefault(extra.code, (extra, extra.severity, dict(extra.options)))
        else:
            chosen = {
                r.code: (r, r.severity, dict(r.options))
                for r in self.rules
                if any(r.in_preset(p) for p in self.config.extends) and r.status != "deprecated"
            }
        layers: list[dict[str, RuleSetting]] = [self.config.rules] + [self.config.overrides[i].rules for i in overrides]
        from apictl.core.registry import find

        for layer in layers:
            for key, setting in layer.items():
                r = find(key)
                if r is None or FORMAT not in r.formats:
                    continue
                if setting.severity is None:
                    chosen.pop(r.code, None)
                else:
                    options = {**(chosen[r.code][2] if r.code in chosen else r.options), **setting.options}
                    chosen[r.code] = (r, setting.severity, options)
        return chosen


def _known(rule: Rule, options: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in options.items() if k in rule.options}


def _ignored_by_comment(doc: ProtoDocument, path: tuple[int, ...], rule: Rule) -> bool:
    """`// buf:lint:ignore RULE_ID` (or apictl's code/name) in the leading comment of
    the reported element or of an element enclosing it."""
    ids = {*rule.buf, rule.code, rule.name}
    p = path
    locations = doc.locations
    while True:
        loc = locations.get(p)
        leading = loc.leading_comments if loc is not None else ""
        if "lint:ignore" in leading:
            for line in leading.splitlines():
                words = line.strip().split()
                if len(words) >= 2 and words[0] in ("buf:lint:ignore", "apictl:lint:ignore") and words[1] in ids:
                    return True
        if not p:
            return False
        p = p[:-1]


def run_rules(module: Module, compiled: Compiled, active: Iterable[ActiveRule]) -> list[tuple[Rule, Severity, Finding]]:
    by_kind: defaultdict[str, list[ActiveRule]] = defaultdict(list)
    for item in active:
        by_kind[item[0].on].append(item)
    elements: defaultdict[str, list[Element]] = defaultdict(list)
    for doc in compiled.docs:
        for el in walk(doc):
            elements[el.kind].append(el)
    ctx = ProtoRuleContext(module, compiled.docs, compiled.files, elements=dict(elements))
    out: list[tuple[Rule, Severity, Finding]] = []

    def crashed(rule: Rule, exc: Exception, subject: Any, doc: ProtoDocument) -> None:
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        msg = (
            f"internal error in rule {rule.code} ({type(exc).__name__}: {exc} "
            f"at {Path(tb.filename).name}:{tb.lineno}); please report it"
        )
        out.append((rule, Severity.ERROR, Finding(doc, getattr(subject, "pointer", ""), msg)))

    def call_each(item: ActiveRule, subjects: Iterable[tuple[Any, ProtoDocument]]) -> None:
        """One rule over many subjects: options set once, the loop kept tight (googleapis:
        ~750k calls)."""
        rule, severity, opts = item
        ctx.options = opts
        check, append = rule.check, out.append
        for subject, doc in subjects:
            try:
                for finding in check(subject, ctx) or ():
                    append((rule, severity, finding))
            except Exception as exc:  # a rule bug must not lose the other findings
                crashed(rule, exc, subject, doc)

    if compiled.docs:
        for item in by_kind.get(MODULE_KIND, ()):
            call_each(item, [(compiled.docs, compiled.docs[0])])
    for item in by_kind.get(FILE_KIND, ()):
        call_each(item, [(doc, doc) for doc in compiled.docs])
    for kind, items in by_kind.items():
        if kind in (MODULE_KIND, FILE_KIND):
            continue
        subjects = [(el, el.doc) for el in elements.get(kind, ())]
        for item in items:
            call_each(item, subjects)
    return out
