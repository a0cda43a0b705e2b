"""Pact files checked against one OpenAPI description: `run(CheckRequest)`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from apictl.contract.check.findings import Findings
from apictl.contract.check.interaction import InteractionCheck
from apictl.contract.check.spec import CheckOptions, ProviderSpec, load_provider
from apictl.contract.pact import HttpInteraction, Pact, load_pact
from apictl.core.diagnostic import Diagnostic
from apictl.core.errors import InputError
from apictl.core.loader import display_path


@dataclass
class CheckRequest:
    pacts: list[str]  # files or folders (their *.json)
    spec: str
    options: CheckOptions = field(default_factory=CheckOptions)
    ref_root: Path | None = None


@dataclass
class CheckOutcome:
    diagnostics: list[Diagnostic]
    texts: dict[str, str]  # uri -> text, for source lines in reports
    files: list[str]  # pact files checked, then the description
    interactions: int = 0


def pact_files(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.json") if p.is_file())
            if not found:
                raise InputError("no pact files (*.json) in this folder", uri=display_path(path))
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise InputError("pact file not found", uri=display_path(path))
    return list(dict.fromkeys(out))


def run(request: CheckRequest) -> CheckOutcome:
    """Raises InputError (exit 2) for unreadable pacts or descriptions."""
    files = pact_files(request.pacts)
    spec_path = Path(request.spec)
    if not spec_path.is_file():
        raise InputError("OpenAPI description not found" if not spec_path.exists() else "not a file", uri=request.spec)
    pacts = [load_pact(f) for f in files]
    provider = load_provider(spec_path, request.options, request.ref_root)
    diagnostics: list[Diagnostic] = []
    texts: dict[str, str] = {d.uri: d.text for d in provider.mock.ws.docs.values()}
    count = 0
    for pact in pacts:
        found, n = check_pact(pact, provider)
        diagnostics.extend(found)
        count += n
        if pact.document is not None:
            texts[pact.uri] = pact.document.text
    return CheckOutcome(diagnostics, texts, [p.uri for p in pacts] + [provider.uri], count)


def check_pact(pact: Pact, provider: ProviderSpec) -> tuple[list[Diagnostic], int]:
    """The findings of one pact, and how many interactions were checked."""
    from apictl.contract.check.matchers import check_matchers

    assert pact.document is not None
    findings = Findings(pact.document)
    checked = 0
    for interaction in pact.interactions:
        if not isinstance(interaction, HttpInteraction):
            findings.add(
                "interaction.unchecked",
                f"{interaction.kind} interaction not checked: an OpenAPI description has no operation for messages",
                interaction.pointer,
                None,
                interaction.description,
            )
            continue
        checked += 1
        check = InteractionCheck(provider, findings, interaction)
        op = check.run()
        if op is not None:
            check_matchers(check, op, check.response_found)
    return findings.diagnostics(), checked
