"""Summaries of a `CiOutcome`: plain text for the log, Markdown for the job
summary / PR comment, and the SARIF and JUnit reports."""

from __future__ import annotations

from collections.abc import Sequence

from apictl.ci.pipeline import CiOutcome
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.report import render

MAX_LISTED = 50  # findings listed per section; the reports carry all of them


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _counts(found: Sequence[Diagnostic]) -> str:
    tally = {s: sum(d.severity == s for d in found) for s in Severity}
    parts = [
        _plural(tally[Severity.ERROR], "error"),
        _plural(tally[Severity.WARN], "warning"),
    ]
    rest = tally[Severity.INFO] + tally[Severity.HINT]
    if rest:
        parts.append(f"{rest} info")
    return ", ".join(parts)


def _where(d: Diagnostic) -> str:
    return f"{d.uri}:{d.line}:{d.col}"


def _old_where(d: Diagnostic, outcome: CiOutcome) -> str | None:
    if d.old_uri is None:
        return None
    line = d.old_span.line if d.old_span else 1
    uri = d.old_uri
    if outcome.merge_base and uri.startswith(outcome.merge_base + ":"):  # GIT_REF:path, shown with a short ref
        uri = outcome.merge_base[:12] + uri[len(outcome.merge_base) :]
    return f"{uri}:{line}"


def verdict(outcome: CiOutcome) -> str:
    if outcome.exit_code == 2:
        return "ERROR"
    return "FAILED" if outcome.exit_code == 1 else "PASSED"


def _headline(outcome: CiOutcome) -> str:
    gating = outcome.gating
    if outcome.exit_code == 2:
        return f"{_plural(len(outcome.errors), 'input error')} — fix them first"
    if gating:
        verb = "blocks" if len(gating) == 1 else "block"
        return f"{_plural(len(gating), 'finding')} at or above {outcome.fail_on.label} {verb} the merge"
    return f"no findings at or above {outcome.fail_on.label}"


def _base_line(outcome: CiOutcome) -> str:
    if outcome.merge_base is None:
        return "not compared (no OpenAPI contracts, or --no-diff)"
    return f"{outcome.base} (merge base {outcome.merge_base[:12]})"


def text(outcome: CiOutcome) -> str:
    """The readable summary printed on stdout."""
    out = [f"apictl ci: {verdict(outcome)} — {_headline(outcome)}", ""]
    out.append(f"contracts: {len(outcome.contracts)} ({', '.join(outcome.contracts) or 'none'})")
    out.append(f"base:      {_base_line(outcome)}")
    out.append(f"fail on:   {outcome.fail_on.label} (breaking categories: {', '.join(outcome.breaking_categories)})")
    for message in outcome.errors:
        out.append(f"error:     {message}")

    out += ["", f"Lint: {_counts(outcome.lint)}"]
    out += _text_list(outcome.lint, outcome)

    out += ["", f"Breaking changes: {_counts(outcome.breaking)}"]
    for c in outcome.diffs:
        if c.status == "new":
            out.append(f"  {c.path}: new in this branch, nothing to break")
        else:
            mine = [d for d in c.diagnostics if d.category in outcome.breaking_categories]
            other = len(c.diagnostics) - len(mine)
            note = {"deleted": " (deleted in this branch)", "moved": " (moved; compared with its old path)"}
            counts = f"{_plural(len(mine), 'breaking change')}, {_plural(other, 'other change')}"
            out.append(f"  {c.path}{note.get(c.status, '')}: {counts}")
    out += _text_list(outcome.breaking, outcome)

    out += ["", f"Contract check: {_pact_line(outcome)}"]
    out += _text_list(outcome.pacts.diagnostics, outcome)
    return "\n".join(out) + "\n"


def _pact_line(outcome: CiOutcome) -> str:
    p = outcome.pacts
    if p.status == "none":
        return "no pacts found"
    if p.status == "skipped":
        return f"skipped — {p.note}"
    return f"{p.note}: {_counts(p.diagnostics)}"


def _text_list(found: Sequence[Diagnostic], outcome: CiOutcome) -> list[str]:
    lines = []
    for d in found[:MAX_LISTED]:
        mark = "✖" if d.severity >= outcome.fail_on else "·"
        category = f" [{d.category}]" if d.category else ""
        lines.append(f"  {mark} {_where(d)}  {d.severity.label}  {d.code}{category}  {d.message}")
        old = _old_where(d, outcome)
        if old is not None:
            lines.append(f"      was {old}")
    if len(found) > MAX_LISTED:
        lines.append(f"  … and {len(found) - MAX_LISTED} more (see the SARIF / JUnit reports)")
    return lines


def markdown(outcome: CiOutcome) -> str:
    """For `$GITHUB_STEP_SUMMARY` or a merge-request comment."""
    icon = {"PASSED": "✅", "FAILED": "❌", "ERROR": "⚠️"}[verdict(outcome)]
    out = [f"## {icon} apictl ci: {verdict(outcome)}", "", _md(_headline(outcome)), ""]
    out += [
        "| step | result |",
        "|---|---|",
        f"| lint ({_plural(len(outcome.contracts), 'contract')}) | {_counts(outcome.lint)} |",
        f"| breaking changes vs {_md(_base_line(outcome))} | {_counts(outcome.breaking)}, "
        f"{_plural(len(outcome.other_changes), 'other change')} |",
        f"| contract check | {_md(_pact_line(outcome))} |",
        "",
    ]
    if outcome.errors:
        out += ["### Errors", ""] + [f"- {_md(m)}" for m in outcome.errors] + [""]
    if outcome.breaking:
        out += ["### Breaking changes", ""] + _md_list(outcome.breaking, outcome) + [""]
    new = [c.path for c in outcome.diffs if c.status == "new"]
    if new:
        out += ["New contracts (nothing to break): " + ", ".join(f"`{_md(p)}`" for p in new), ""]
    gone = [c.path for c in outcome.diffs if c.status == "deleted"]
    if gone:
        out += ["Deleted contracts (every operation removed): " + ", ".join(f"`{_md(p)}`" for p in gone), ""]
    if outcome.lint:
        out += ["### Lint findings", ""] + _md_list(outcome.lint, outcome) + [""]
    if outcome.pacts.diagnostics:
        out += ["### Contract check", ""] + _md_list(outcome.pacts.diagnostics, outcome) + [""]
    if outcome.other_changes:
        out += [
            "<details><summary>Other changes (not breaking)</summary>",
            "",
            *_md_list(outcome.other_changes, outcome),
            "",
            "</details>",
            "",
        ]
    return "\n".join(out)


def _md_list(found: Sequence[Diagnostic], outcome: CiOutcome) -> list[str]:
    lines = []
    for d in found[:MAX_LISTED]:
        label = f"**{d.severity.label}**" if d.severity >= outcome.fail_on else d.severity.label
        info = outcome.context.rules.get(d.code)
        code = f"[{d.code}]({info.help_uri})" if info is not None and info.help_uri else d.code
        category = f" `{d.category}`" if d.category else ""
        where = f"`{_md(_where(d))}`"
        old = _old_where(d, outcome)
        if old is not None:
            where += f", was `{_md(old)}`"
        lines.append(f"- {label}{category} {_md(d.message)} ({code} · {where})")
    if len(found) > MAX_LISTED:
        lines.append(f"- … and {len(found) - MAX_LISTED} more (see the SARIF / JUnit reports)")
    return lines


def _md(value: str) -> str:
    return " ".join(value.split()).replace("<", "&lt;").replace("|", "\\|")


def sarif(outcome: CiOutcome) -> str:
    """One SARIF run with the lint findings and the breaking changes (for code scanning)."""
    return render("sarif", outcome.report_diagnostics, outcome.context)


def junit(outcome: CiOutcome) -> str:
    return render("junit", outcome.report_diagnostics, outcome.context)


def github_annotations(outcome: CiOutcome) -> str:
    """GitHub workflow commands (`::error file=…`) for the same findings."""
    return render("github", outcome.report_diagnostics, outcome.context)
