"""The `apictl ci` pipeline: lint every contract, diff each OpenAPI contract and protobuf module
against the merge base, check pacts, and decide whether the merge is gated.

Steps return data; `apictl.cli.ci_cmd` prints and writes the reports.
"""

from __future__ import annotations

import glob
import os
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from apictl import __version__
from apictl.core.config import Config, discover, glob_match, load_config
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.errors import ApictlError, ConfigError, InputError
from apictl.report import ReportContext, RuleInfo

OPENAPI_SUFFIXES = (".yaml", ".yml", ".json")
DEFAULT_BASE = "origin/main"
_GIT_TIMEOUT_S = 60.0


@dataclass
class CiRequest:
    config_file: Path | None = None
    no_config: bool = False
    base: str | None = None  # git ref to compare with (its merge base with HEAD)
    fail_on: Severity | None = None
    contracts: list[str] = field(default_factory=list)  # overrides `ci.contracts` (relative to the cwd)
    diff: bool = True  # False: lint (and pacts) only
    env: Mapping[str, str] = field(default_factory=dict)  # GITHUB_BASE_REF / CI_MERGE_REQUEST_TARGET_BRANCH_NAME
    jobs: int = 0


@dataclass
class ContractDiff:
    """One OpenAPI contract (or protobuf module) compared with its merge-base version."""

    path: str
    # "compared" | "new" (not in the merge base: nothing can break) | "deleted" (in the merge base,
    # gone from the branch: every operation is removed) | "moved" (renamed: compared with its old path)
    status: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class PactStep:
    files: list[str] = field(default_factory=list)
    status: str = "none"  # "none" (no pacts) | "skipped" | "checked"
    note: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # unreadable pacts (exit 2)
    texts: dict[str, str] = field(default_factory=dict)  # uri -> text, for source lines


@dataclass
class CiOutcome:
    config: Config
    base: str | None
    merge_base: str | None
    contracts: list[str]
    lint: list[Diagnostic]
    diffs: list[ContractDiff]
    pacts: PactStep
    errors: list[str]
    fail_on: Severity
    breaking_categories: list[str]
    context: ReportContext

    @property
    def breaking(self) -> list[Diagnostic]:
        """Diff findings in a gating category (`wire`/`sdk` by default), at any severity."""
        return [d for c in self.diffs for d in c.diagnostics if d.category in self.breaking_categories]

    @property
    def other_changes(self) -> list[Diagnostic]:
        return [d for c in self.diffs for d in c.diagnostics if d.category not in self.breaking_categories]

    @property
    def gating(self) -> list[Diagnostic]:
        return [d for d in self.report_diagnostics if d.severity >= self.fail_on]

    @property
    def report_diagnostics(self) -> list[Diagnostic]:
        """What SARIF and JUnit carry: lint findings, breaking changes and pact findings."""
        return sorted([*self.lint, *self.breaking, *self.pacts.diagnostics], key=Diagnostic.sort_key)

    @property
    def exit_code(self) -> int:
        if self.errors:
            return 2
        return 1 if self.gating else 0


def run(request: CiRequest) -> CiOutcome:
    """Raises ApictlError for bad configuration and an unusable base ref (exit 2);
    unreadable contracts end up in `errors`."""
    cwd = Path.cwd()
    config = _config(request)
    from apictl.lint.run import RunRequest
    from apictl.lint.run import run as run_lint

    patterns = request.contracts or [_rebase(p, config.base_dir, cwd) for p in config.ci.contracts]
    if not patterns:
        patterns = [_rebase(".", config.base_dir, cwd)]
    no_config = config.path is None
    linted = run_lint(
        RunRequest(paths=patterns, config_file=config.path, no_config=no_config, jobs=request.jobs, source_lines=False)
    )
    errors = list(linted.errors)
    fail_on = request.fail_on or config.ci.fail_on or config.fail_on or Severity.WARN
    rules: dict[str, RuleInfo] = {}
    sources: list[Callable[[str], str | None]] = []
    lint_ctx = linted.report_context()
    rules.update(lint_ctx.rules)
    sources.append(lint_ctx.source)

    base: str | None = None
    merge_base: str | None = None
    diffs: list[ContractDiff] = []
    openapi = [f for f in linted.files if Path(f).suffix.lower() in OPENAPI_SUFFIXES]
    deleted: list[str] = []
    if request.diff:
        from apictl.diff.run import DiffRequest
        from apictl.diff.run import run as run_diff

        base = request.base or config.ci.base or _base_from_env(request.env) or DEFAULT_BASE
        if openapi:
            merge_base = find_merge_base(base, cwd)
        else:  # no OpenAPI contract left: compare only if there is a base (contracts may have been deleted)
            try:
                merge_base = find_merge_base(base, cwd)
            except InputError:
                base = None
        present = {_cwd_relative(f, cwd) for f in openapi}
        renamed = _renamed(merge_base, cwd) if merge_base is not None else {}
        if merge_base is not None:
            deleted = _deleted_contracts(merge_base, patterns, present, set(renamed.values()), cwd)
        jobs = [(path, _cwd_relative(path, cwd), False) for path in openapi] + [(p, p, True) for p in deleted]
        for path, rel, gone in jobs:
            assert merge_base is not None
            old_rel = rel if gone or _exists_at(merge_base, rel, cwd) else renamed.get(rel)
            if old_rel is None:
                diffs.append(ContractDiff(path, "new"))
                continue
            status = "deleted" if gone else "compared" if old_rel == rel else "moved"
            try:
                req = DiffRequest(f"{merge_base}:{old_rel}", rel, config.path, no_config, deleted=gone)
                outcome = run_diff(req)
            except ApictlError as exc:
                errors.append(f"diff of {path} against {base}: {exc}")
                continue
            diffs.append(ContractDiff(path, status, outcome.diagnostics))
            ctx = outcome.report_context()
            rules.update(ctx.rules)
            sources.append(ctx.source)
        if merge_base is not None:
            protos = [f for f in linted.files if Path(f).suffix.lower() == ".proto"]
            for diff in _proto_diffs(protos, merge_base, config, no_config, cwd, errors):
                diffs.append(diff.contract)
                rules.update(diff.rules)
                sources.append(diff.source)
    if deleted:  # a pattern or a file that only deleted contracts matched is not an error: they are reported
        reported = [f"{p}: no files match" for p in patterns if any(_matches(d, p) for d in deleted)]
        reported += [f"{d}: no such file" for d in deleted]
        errors = [e for e in errors if not e.startswith(tuple(reported))]
    if not linted.files and not deleted and not errors:
        errors.append(f"no contracts found in {', '.join(patterns)} (set `ci.contracts` in apictl.yaml)")

    pact_files = sorted(
        {m for p in config.ci.pacts for m in glob.glob(_rebase(p, config.base_dir, cwd), recursive=True)}
    )
    pacts = check_pacts(pact_files, openapi)
    errors.extend(pacts.errors)
    sources.append(pacts.texts.get)
    if pacts.status == "checked":
        from apictl.contract import examples
        from apictl.contract.check.codes import CODES

        rules.update({c.code: RuleInfo(c.code, c.rule, c.summary, c.severity.label) for c in CODES.values()})
        rules[examples.CODE] = RuleInfo(examples.CODE, examples.RULE, examples.SUMMARY, "error")

    def source(uri: str) -> str | None:
        return next((text for get in sources if (text := get(uri)) is not None), None)

    context = ReportContext(
        tool_version=__version__, source=source, rules=rules, files_checked=linted.files, title="apictl ci"
    )
    return CiOutcome(
        config=config,
        base=base,
        merge_base=merge_base,
        contracts=linted.files,
        lint=linted.diagnostics,
        diffs=diffs,
        pacts=pacts,
        errors=errors,
        fail_on=fail_on,
        breaking_categories=list(config.ci.breaking),
        context=context,
    )


@dataclass
class _ProtoDiff:
    contract: ContractDiff
    rules: Mapping[str, RuleInfo]
    source: Callable[[str], str | None]


def _proto_diffs(
    protos: list[str], merge_base: str, config: Config, no_config: bool, cwd: Path, errors: list[str]
) -> list[_ProtoDiff]:
    """Each protobuf module with linted files, compared with the module at the merge base
    (`apictl diff MERGE_BASE:ROOT ROOT`, buf's breaking rules; a module new in the branch
    has nothing to break)."""
    if not protos:
        return []
    from apictl.diff.proto.run import ProtoDiffRequest, run_proto
    from apictl.specs.proto.workspace import resolve_modules

    out: list[_ProtoDiff] = []
    for module in resolve_modules([Path(f) for f in protos]):
        rel = _cwd_relative(str(module.root), cwd)
        if not _exists_at(merge_base, rel, cwd):
            out.append(_ProtoDiff(ContractDiff(rel, "new"), {}, lambda _uri: None))
            continue
        try:
            outcome = run_proto(ProtoDiffRequest(f"{merge_base}:{rel}", rel, config.path, no_config))
        except ApictlError as exc:
            errors.append(f"diff of {rel} against {merge_base[:12]}: {exc}")
            continue
        ctx = outcome.report_context()
        out.append(_ProtoDiff(ContractDiff(rel, "compared", outcome.diagnostics), ctx.rules, ctx.source))
    return out


def check_pacts(pacts: list[str], openapi: list[str]) -> PactStep:
    """`apictl contract check` for every pact, against the OpenAPI contract its
    provider names (the only contract, or the one whose file, folder or title is
    the provider's name)."""
    if not pacts:
        return PactStep()
    n = f"{len(pacts)} pact file{'s' if len(pacts) != 1 else ''}"
    if not openapi:
        return PactStep(pacts, "skipped", f"{n} found, not checked: no OpenAPI contract to check them against")
    from apictl.contract.check.run import check_against

    result = check_against(pacts, openapi)
    checked = len(result.pairs)
    against = sorted({spec for _pact, spec in result.pairs})
    note = f"{checked} of {n} checked against {', '.join(against) or 'no contract'}"
    if result.unmatched:
        note += f"; no contract named after the provider of {', '.join(result.unmatched)}"
    return PactStep(
        pacts,
        "checked" if checked else "skipped",
        note,
        result.diagnostics,
        errors=result.errors,
        texts=result.texts,
    )


def _config(request: CiRequest) -> Config:
    if request.no_config:
        return Config()
    if request.config_file is not None:
        if request.config_file.is_dir():
            raise ConfigError("is a directory, expected a config file", uri=str(request.config_file))
        if not request.config_file.is_file():
            raise ConfigError("config file not found", uri=str(request.config_file))
        return load_config(request.config_file)
    found = discover(Path.cwd())
    return load_config(found) if found else Config()


def _rebase(pattern: str, base_dir: Path, cwd: Path) -> str:
    """A glob written relative to the config file's folder, as a path relative to the cwd."""
    if os.path.isabs(pattern):
        return pattern
    if base_dir.resolve() == cwd.resolve():
        return pattern
    return os.path.relpath(os.path.join(base_dir, pattern), cwd)


def _cwd_relative(path: str, cwd: Path) -> str:
    return os.path.relpath(path, cwd) if os.path.isabs(path) else path


def _base_from_env(env: Mapping[str, str]) -> str | None:
    """The target branch of a GitHub pull request or a GitLab merge request."""
    for key in ("GITHUB_BASE_REF", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"):
        if env.get(key):
            return f"origin/{env[key]}"
    return None


def _git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=_GIT_TIMEOUT_S, check=False
        )
    except FileNotFoundError:
        raise InputError("git is not installed (needed to compare with the base; use --no-diff)") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git {' '.join(args)} timed out") from None


def find_merge_base(base: str, cwd: Path) -> str:
    """`git merge-base BASE HEAD`, with errors that say what to do."""
    inside = _git(cwd, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0:
        raise InputError("not inside a git repository: cannot compare with a base (use --no-diff)")
    known = _git(cwd, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}")
    if known.returncode != 0:
        raise InputError(
            f"unknown git revision {base!r} for --base (fetch it first, e.g. `git fetch origin main`; "
            "with actions/checkout use fetch-depth: 0)"
        )
    found = _git(cwd, "merge-base", known.stdout.strip(), "HEAD")
    if found.returncode != 0:
        raise InputError(
            f"no merge base between {base} and HEAD (a shallow clone? fetch more history, e.g. fetch-depth: 0)"
        )
    return found.stdout.strip()


def _renamed(commit: str, cwd: Path) -> dict[str, str]:
    """Files git sees as renamed since `commit` (new path -> old path, relative to the cwd)."""
    done = _git(cwd, "diff", "--name-status", "-M", "--relative", "--diff-filter=R", commit, "--", ".")
    out: dict[str, str] = {}
    for line in done.stdout.splitlines() if done.returncode == 0 else ():
        parts = line.split("\t")
        if len(parts) == 3 and Path(parts[2]).suffix.lower() in OPENAPI_SUFFIXES:
            out[parts[2]] = parts[1]
    return out


def _deleted_contracts(commit: str, patterns: list[str], present: set[str], moved: set[str], cwd: Path) -> list[str]:
    """OpenAPI root documents that the contract patterns matched in `commit` and that are gone now
    (renamed ones excepted: they are compared under their new path)."""
    listed = _git(cwd, "ls-tree", "-r", "--name-only", commit, "--", ".")
    if listed.returncode != 0:
        return []
    out = []
    for rel in listed.stdout.splitlines():
        if Path(rel).suffix.lower() not in OPENAPI_SUFFIXES or rel in present or rel in moved:
            continue
        if (cwd / rel).exists() or not any(_matches(rel, p) for p in patterns):
            continue
        blob = _git(cwd, "cat-file", "-p", f"{commit}:./{rel}")
        head = blob.stdout[:65536] if blob.returncode == 0 else ""
        if any(marker in head for marker in ("openapi:", '"openapi"', "swagger:", '"swagger"')):
            out.append(rel)
    return sorted(out)


def _matches(rel: str, pattern: str) -> bool:
    """Whether a path (relative to the cwd) is one of the contracts a `ci.contracts` entry names:
    the file itself, a file under the folder, or a glob match."""
    p = pattern.removeprefix("./").rstrip("/")
    if p in ("", "."):
        return True
    if any(c in p for c in "*?["):
        return glob_match(p, rel)  # as the live side's glob: `*` within a folder, `**` across
    return rel == p or rel.startswith(p + "/")


def _exists_at(commit: str, rel: str, cwd: Path) -> bool:
    spec = f"{commit}:./{Path(rel).as_posix()}"
    return _git(cwd, "cat-file", "-e", spec).returncode == 0
