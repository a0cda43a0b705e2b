"""Diff two sides given on the command line: configuration, loading, rules, and
the `ReportContext` the renderers need."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from apictl import __version__
from apictl.core.config import Config, discover, load_config
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.diff.engine import diff, load_rules
from apictl.diff.sides import Side, empty_side, open_side
from apictl.report import ReportContext, RuleInfo


@dataclass
class DiffRequest:
    old: str
    new: str
    config_file: Path | None = None
    no_config: bool = False
    ref_root: Path | None = None
    allow_remote: bool = False
    today: date | None = None  # for tests: the day sunset dates are compared with
    disable: list[str] = field(default_factory=list)
    deleted: bool = False  # the contract was deleted: `new` names where it was, and has no operations


@dataclass
class DiffOutcome:
    old: Side
    new: Side
    diagnostics: list[Diagnostic]
    config_fail_on: Severity | None

    def report_context(self, color: bool = False, width: int = 100) -> ReportContext:
        rules = {
            r.code: RuleInfo(r.code, r.name, r.summary, r.severity.label, f"https://apictl.dev/rules/{r.code}")
            for r in load_rules()
        }
        texts = {d.uri: d.text for side in (self.old, self.new) for d in side.ws.docs.values()}
        return ReportContext(
            tool_version=__version__,
            source=texts.get,
            rules=rules,
            color=color,
            width=width,
            files_checked=[self.old.doc.uri, self.new.doc.uri],
            title="apictl diff",
        )


def run(request: DiffRequest) -> DiffOutcome:
    """Raises ApictlError (exit 2) for unreadable inputs and bad configuration."""
    config = Config()
    if not request.no_config:
        path = request.config_file or discover(Path.cwd())
        if path is not None:
            config = load_config(path)
    old = open_side(request.old, ref_root=request.ref_root, allow_remote=request.allow_remote)
    if request.deleted:
        new = empty_side(request.new, old)
    else:
        new = open_side(request.new, ref_root=request.ref_root, allow_remote=request.allow_remote)
    config.extends = [*config.extends, "minimal"]  # breaking rules are in every preset
    active = config.effective(load_rules(), new.doc.uri, new.version)
    off = {d.strip().upper() for d in request.disable} | {d.strip().lower() for d in request.disable}
    active = [a for a in active if a[0].code not in off and a[0].name not in off]
    return DiffOutcome(old, new, diff(old, new, active, request.today), config.fail_on)
