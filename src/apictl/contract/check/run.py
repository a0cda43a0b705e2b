"""Pact files checked against one OpenAPI description: `run(CheckRequest)`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from apictl.contract.check.findings import Findings
from apictl.contract.check.interaction import InteractionCheck, check_bodies
from apictl.contract.check.spec import CheckOptions, ProviderSpec, load_provider
from apictl.contract.pact import HttpInteraction, Pact
from apictl.contract.sources import read_pact
from apictl.core.diagnostic import Diagnostic
from apictl.core.errors import InputError

if TYPE_CHECKING:
    from apictl.contract.broker.http import BrokerAuth


@dataclass
class CheckRequest:
    pacts: list[str]  # files, folders (their *.json) or URLs: see contract/sources.py
    spec: str
    options: CheckOptions = field(default_factory=CheckOptions)
    ref_root: Path | None = None
    loaded: list[Pact] | None = None  # pacts already read: `pacts` is ignored
    broker_url: str | None = None  # the origin `auth` is sent to, for pact URLs
    auth: BrokerAuth | None = None


@dataclass
class CheckOutcome:
    diagnostics: list[Diagnostic]
    texts: dict[str, str]  # uri -> text, for source lines in reports
    files: list[str]  # pact files checked, then the description
    interactions: int = 0


def run(request: CheckRequest) -> CheckOutcome:
    """Raises InputError (exit 2) for unreadable pacts or descriptions."""
    from apictl.contract.sources import load_pacts

    pacts = (
        request.loaded if request.loaded is not None else load_pacts(request.pacts, request.broker_url, request.auth)
    )
    spec_path = Path(request.spec)
    if not spec_path.is_file():
        raise InputError("OpenAPI description not found" if not spec_path.exists() else "not a file", uri=request.spec)
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
    check_bodies(provider, findings)
    from apictl.contract.examples import example_problems

    # an example that fails its own matcher makes the pact wrong whatever the provider says
    return sorted(findings.diagnostics() + example_problems(pact), key=Diagnostic.sort_key), checked


@dataclass
class PactsAgainstContracts:
    """What `apictl ci` gets back: findings, and what could not be checked."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # unreadable pacts or descriptions (exit 2)
    unmatched: list[str] = field(default_factory=list)  # pacts whose provider names no contract
    pairs: list[tuple[str, str]] = field(default_factory=list)  # (pact, description) checked
    texts: dict[str, str] = field(default_factory=dict)


def check_against(pacts: list[str], contracts: list[str], options: CheckOptions | None = None) -> PactsAgainstContracts:
    """Each pact checked against the contract its provider names (see
    `choose_contract`); errors are collected, not raised."""
    from apictl.core.errors import ApictlError

    out = PactsAgainstContracts()
    providers: dict[str, ProviderSpec] = {}
    titles: dict[str, str] = {}
    for file in pacts:
        try:
            pact = read_pact(Path(file))
        except ApictlError as exc:
            out.errors.append(f"pact {exc}")
            continue
        contract = choose_contract(pact.provider, contracts, titles)
        if contract is None:
            out.unmatched.append(pact.uri)
            continue
        provider = providers.get(contract)
        if provider is None:
            try:
                provider = providers[contract] = load_provider(Path(contract), options or CheckOptions())
            except ApictlError as exc:
                out.errors.append(f"contract check against {exc}")
                continue
            out.texts.update({d.uri: d.text for d in provider.mock.ws.docs.values()})
        found, _n = check_pact(pact, provider)
        out.diagnostics.extend(found)
        out.pairs.append((pact.uri, provider.uri))
        if pact.document is not None:
            out.texts[pact.uri] = pact.document.text
    return out


def choose_contract(provider: str, contracts: list[str], titles: dict[str, str]) -> str | None:
    """The contract a pact's provider name refers to: the only one; else the one
    whose file name, folder name or `info.title` is the provider's name (case,
    punctuation and a trailing api/service/provider aside)."""
    if len(contracts) == 1:
        return contracts[0]
    want = _name(provider)
    for contract in contracts:
        path = Path(contract)
        if want in (_name(path.stem), _name(path.parent.name)):
            return contract
    for contract in contracts:
        if contract not in titles:
            titles[contract] = _title(contract)
        if want and want == _name(titles[contract]):
            return contract
    return None


def _name(text: str) -> str:
    name = "".join(ch for ch in text.lower() if ch.isalnum())
    for suffix in ("openapi", "service", "provider", "api"):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


def _title(contract: str) -> str:
    from apictl.core.errors import ApictlError
    from apictl.core.loader import load_file

    try:
        data = load_file(Path(contract)).data
    except ApictlError:
        return ""
    info = data.get("info") if isinstance(data, dict) else None
    title = info.get("title") if isinstance(info, dict) else None
    return title if isinstance(title, str) else ""
