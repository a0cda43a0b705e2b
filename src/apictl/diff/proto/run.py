"""`apictl diff OLD NEW` for protobuf: open both sides, choose the rules (apictl.yaml
`breaking:`/`rules:`, else the current version's buf.yaml `breaking:`, else buf's
default FILE category), diff, and build the `ReportContext` the renderers need."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from apictl import __version__
from apictl.core.config import Config, discover, load_config
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.errors import InputError
from apictl.core.registry import Rule
from apictl.diff.proto.config import BufBreaking, parse_breaking
from apictl.diff.proto.engine import ActiveRule, diff_proto, load_rules, select
from apictl.diff.proto.sides import ProtoSide, open_proto_side
from apictl.report import ReportContext, RuleInfo


@dataclass
class ProtoDiffRequest:
    old: str
    new: str
    config_file: Path | None = None
    no_config: bool = False
    disable: list[str] = field(default_factory=list)
    jobs: int = 0


@dataclass
class ProtoDiffOutcome:
    old: ProtoSide
    new: ProtoSide
    diagnostics: list[Diagnostic]
    config_fail_on: Severity | None

    def report_context(self, color: bool = False, width: int = 100) -> ReportContext:
        rules = {
            r.code: RuleInfo(r.code, r.name, r.summary, r.severity.label, f"https://apictl.dev/rules/{r.code}")
            for r in load_rules()
        }
        texts = {d.uri: d.text for side in (self.old, self.new) for d in side.docs}
        return ReportContext(
            tool_version=__version__,
            source=texts.get,
            rules=rules,
            color=color,
            width=width,
            files_checked=[d.uri for d in self.new.docs],
            title="apictl diff",
        )


def find_rule(rules: list[Rule], key: str) -> Rule | None:
    """A protobuf breaking rule by code, name or buf id."""
    k = key.strip()
    for r in rules:
        if k.upper() == r.code or k.lower() == r.name or k.upper() in r.buf:
            return r
    return None


def _check(side: ProtoSide) -> None:
    if side.errors:
        e = side.errors[0]
        where = e.uri + (f":{e.span.line}:{e.span.col}" if e.span else "")
        more = f" (and {len(side.errors) - 1} more compile errors)" if len(side.errors) > 1 else ""
        raise InputError(f"{where}: {e.message}{more}")
    if not side.docs:
        raise InputError("no .proto files to compare", uri=side.spec)


def active_rules(config: Config, new: ProtoSide, disable: list[str]) -> tuple[list[ActiveRule], BufBreaking]:
    rules = load_rules()
    where = str(config.path) if config.path else "apictl.yaml"
    breaking = parse_breaking(config.breaking, where) if config.breaking is not None else None
    breaking = breaking or new.breaking or BufBreaking()
    chosen = {r.code: (r, sev, opts) for r, sev, opts in select(rules, breaking)}
    for key, setting in config.rules.items():
        r = find_rule(rules, key)
        if r is None:
            continue
        if setting.severity is None:
            chosen.pop(r.code, None)
        else:
            chosen[r.code] = (r, setting.severity, {**r.options, **setting.options})
    for key in disable:
        r = find_rule(rules, key)
        if r is not None:
            chosen.pop(r.code, None)
    return list(chosen.values()), breaking


def run_proto(request: ProtoDiffRequest) -> ProtoDiffOutcome:
    """Raises ApictlError (exit 2) for unreadable or uncompilable inputs and bad configuration."""
    config = Config()
    if not request.no_config:
        path = request.config_file or discover(Path.cwd())
        if path is not None:
            config = load_config(path)
    old = open_proto_side(request.old, request.jobs)
    _check(old)
    new = open_proto_side(request.new, request.jobs, old.reuse)  # files unchanged since OLD are not recompiled
    _check(new)
    if request.old.endswith(".proto") and request.new.endswith(".proto") and len(old.docs) == len(new.docs) == 1:
        old.docs[0].name = new.docs[0].name  # two single files: compare them with each other
    active, breaking = active_rules(config, new, request.disable)
    found = diff_proto(old.docs, old.files, new.docs, new.files, active, breaking)
    return ProtoDiffOutcome(old, new, found, config.fail_on)
