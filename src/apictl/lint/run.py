"""Lint a set of paths: expand files/folders/globs, load configuration, lint
each file (in parallel worker processes when there are several), and gather
the results for reporting."""

from __future__ import annotations

import glob
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from apictl import __version__
from apictl.core.config import Config, RuleSetting, discover, load_config, parse_presets
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.errors import ConfigError
from apictl.core.registry import find
from apictl.lint.engine import FileResult, LintOptions, lint_file, load_rules
from apictl.report import ReportContext, RuleInfo

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
_SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".mypy_cache"}
_ROOT_MARKER = re.compile(r"""^\s*["']?(openapi|swagger)["']?\s*:""", re.MULTILINE)


@dataclass
class RunRequest:
    paths: list[str]
    preset: str | None = None
    config_file: Path | None = None
    no_config: bool = False
    disable: list[str] = field(default_factory=list)
    ref_root: Path | None = None
    allow_remote: bool = False
    jobs: int = 0
    source_lines: bool = True  # the text format shows source lines; the others don't need them
    progress: Callable[[int, int], None] | None = None
    proto_paths: list[Path] = field(default_factory=list)  # extra protobuf import roots (-I)
    ruleset: str | None = None  # --ruleset: a Spectral ruleset file (or spectral:oas); replaces presets


@dataclass
class RunOutcome:
    files: list[str]
    diagnostics: list[Diagnostic]
    errors: list[str]
    lines: dict[str, dict[int, str]]
    config_fail_on: Severity | None
    warnings: list[str] = field(default_factory=list)  # e.g. ruleset rules that cannot run
    ruleset_rules: dict[str, RuleInfo] = field(default_factory=dict)  # a Spectral ruleset's rules, by name
    unreadable: int = 0  # inputs (files, patterns, configs) whose errors are in `errors`

    def report_context(self, color: bool = False, width: int = 100) -> ReportContext:
        rules = {
            r.code: RuleInfo(r.code, r.name, r.summary, r.severity.label, f"https://apictl.dev/rules/{r.code}")
            for r in load_rules()
        }
        rules.update(self.ruleset_rules)
        lines = self.lines

        def source(uri: str) -> str | None:
            known = lines.get(uri)
            if not known:
                return None
            return "\n".join(known.get(n, "") for n in range(1, max(known) + 1))

        return ReportContext(
            tool_version=__version__,
            source=source,
            rules=rules,
            color=color,
            width=width,
            files_checked=self.files,
            unreadable=self.unreadable,
        )


def _looks_like_root(path: Path) -> bool:
    """In a folder, lint only root documents, not the fragments they reference."""
    try:
        with path.open("rb") as fh:
            head = fh.read(65536).decode("utf-8", "replace")
    except OSError:
        return True
    return bool(_ROOT_MARKER.search(head)) or '"openapi"' in head or '"swagger"' in head


def expand(paths: list[str], config: Config) -> tuple[list[Path], list[str]]:
    files: list[Path] = []
    errors: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for folder, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
                for name in sorted(names):
                    f = Path(folder) / name
                    if (
                        f.suffix.lower() in SPEC_SUFFIXES
                        and not config.excluded(_rel(f, config))
                        and _looks_like_root(f)
                    ):
                        found.append(f)
            files.extend(found)
        elif p.exists() or not glob.has_magic(raw):
            files.append(p)  # a missing file is reported by the loader
        else:
            matched = sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file())
            if not matched:
                errors.append(f"{raw}: no files match this pattern")
            # Like a folder, a pattern stands for "the API documents in here": skip fragments.
            files.extend(f for f in matched if not config.excluded(_rel(f, config)) and _looks_like_root(f))
    unique: dict[Path, None] = {}
    for f in files:
        unique.setdefault(f, None)
    return list(unique), errors


def _rel(path: Path, config: Config) -> str:
    try:
        return path.resolve().relative_to(config.base_dir).as_posix()
    except ValueError:
        return path.as_posix()


def make_config(request: RunRequest) -> Config:
    if request.no_config:
        config = Config()
    elif request.config_file is not None:
        if request.config_file.is_dir():
            raise ConfigError("is a directory, expected a config file", uri=str(request.config_file))
        if not request.config_file.is_file():
            raise ConfigError("config file not found", uri=str(request.config_file))
        config = load_config(request.config_file)
    else:
        found = discover(Path.cwd())
        config = load_config(found) if found else Config()
    if request.ruleset is not None:
        config.ruleset = request.ruleset if request.ruleset == "spectral:oas" else str(Path(request.ruleset).resolve())
        config.extends = []  # the ruleset decides; --preset adds apictl's presets back
    if request.preset is not None:
        config.extends = parse_presets(request.preset, None)
    load_rules()
    for name in request.disable:
        if find(name) is None:  # name the option, not "configuration", as the culprit
            raise ConfigError(f"unknown rule {name!r} in --disable (see `apictl rules`)")
        config.rules[name] = RuleSetting(None)
    config.validate_rule_keys()
    return config


def _ruleset_info(config: Config) -> tuple[list[str], dict[str, RuleInfo]]:
    """Load (and so check) the Spectral ruleset once, before linting: a bad one is a
    ConfigError. Returns its warnings and its rules as reports describe them."""
    if config.ruleset is None:
        return [], {}
    from apictl.lint.spectral import load_ruleset

    loaded = load_ruleset(config.ruleset, config.base_dir)
    labels = {0: "error", 1: "warn", 2: "info", 3: "hint"}
    infos = {
        r.name: RuleInfo(r.name, r.name, r.description or r.name, labels.get(r.severity, "warn"), r.documentation_url)
        for r in loaded.ruleset.rules.values()
        if not r.builtin
    }
    return list(loaded.warnings), infos


def _lint_one(args: tuple[Path, Config, LintOptions]) -> FileResult:
    return lint_file(*args)


def _split_proto(paths: list[str], config: Config) -> tuple[list[str], list[Path]]:
    """Protobuf inputs (`.proto` files and globs, buf images, folders holding
    `.proto` files) go to the protobuf engine; a folder goes to both engines."""
    from apictl.lint.proto.engine import is_proto_path
    from apictl.specs.proto.image import is_image

    others: list[str] = []
    proto: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if glob.has_magic(raw) and not p.exists() and (raw.endswith(".proto") or is_image(p)):
            proto.extend(sorted(Path(m) for m in glob.glob(raw, recursive=True) if Path(m).is_file()))
        elif p.is_file() and (p.suffix == ".proto" or is_image(p)):
            proto.append(p)
        else:
            if p.is_dir() and is_proto_path(raw):
                proto.append(p)
            others.append(raw)
    return others, [f for f in proto if f.is_dir() or not config.excluded(_rel(f, config))]


def run(request: RunRequest) -> RunOutcome:
    config = make_config(request)
    warnings, ruleset_rules = _ruleset_info(config)
    oas_paths, proto_inputs = _split_proto(request.paths, config)
    files, errors = expand(oas_paths, config) if oas_paths else ([], [])
    options = LintOptions(
        ref_root=request.ref_root, allow_remote=request.allow_remote, source_lines=request.source_lines
    )
    jobs = request.jobs or (os.cpu_count() or 1)
    results: list[FileResult] = []
    work = [(f, config, options) for f in files]
    if len(files) > 1 and jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            for i, result in enumerate(
                pool.map(_lint_one, work, chunksize=max(1, min(16, len(files) // (jobs * 8) or 1)))
            ):
                results.append(result)
                if request.progress:
                    request.progress(i + 1, len(files))
    else:
        for i, item in enumerate(work):
            results.append(_lint_one(item))
            if request.progress:
                request.progress(i + 1, len(files))
    if proto_inputs:
        from apictl.lint.proto.engine import ProtoRequest, lint_proto

        results.extend(
            lint_proto(ProtoRequest(proto_inputs, config, request.proto_paths, request.jobs, request.source_lines))
        )
    diagnostics: list[Diagnostic] = []
    lines: dict[str, dict[int, str]] = {}
    for r in results:
        if r.error:
            errors.append(r.error)
        diagnostics.extend(r.diagnostics)
        for uri, known in r.lines.items():
            lines.setdefault(uri, {}).update(known)
    diagnostics.sort(key=Diagnostic.sort_key)
    # The files actually linted, named as their diagnostics name them (a file
    # that could not be loaded is an error on stderr, not a clean file).
    linted = [r.uri for r in results if r.error is None]
    # unmatched patterns plus each file with errors once (a .proto file can have several)
    unreadable = len(errors) - sum(1 for r in results if r.error) + len({r.uri for r in results if r.error})
    return RunOutcome(
        linted, diagnostics, errors, lines, config.fail_on, warnings, ruleset_rules, unreadable=unreadable
    )
