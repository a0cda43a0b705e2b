"""`apictl contract verify` as a library call: gather the pacts (files, folders or a broker's
pacts-for-verification), check they can be used, replay each against the provider, turn
the verifier's results into Diagnostics, and publish results to the broker when asked."""

from __future__ import annotations

import os
import re
import socket
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from apictl.contract.pact import Pact, load_pact
from apictl.contract.sources import fetch_pact, pact_paths, read_pact
from apictl.contract.verify.diagnostics import CODES, PactInteraction, results_diagnostics
from apictl.contract.verify.request import VerifyRequest
from apictl.core.diagnostic import Diagnostic, Severity
from apictl.core.errors import ApictlError, ConfigError, InputError

SKIPPED_CODE = CODES["message"].code


@dataclass(slots=True)
class VerifiedPact:
    uri: str
    consumer: str
    provider: str
    interactions: int
    diagnostics: list[Diagnostic] = field(default_factory=list)
    pending: bool = False
    published: str | None = None  # verification result URL
    notices: list[str] = field(default_factory=list)  # the broker's reasons for verifying this pact

    @property
    def failures(self) -> list[Diagnostic]:
        """Findings of the replay (not the message interactions left out, nor the pact's own defects)."""
        return [d for d in self.diagnostics if d.code.startswith("PV") and d.code != SKIPPED_CODE]

    @property
    def skipped(self) -> int:
        return sum(d.code == SKIPPED_CODE for d in self.diagnostics)


@dataclass(slots=True)
class VerifyOutcome:
    pacts: list[VerifiedPact] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # uri -> pact text (for source lines in reports)
    output: str = ""  # the verifier's own report, for --verbose
    publish_errors: list[str] = field(default_factory=list)  # results that could not be published

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for p in self.pacts for d in p.diagnostics]


@dataclass(slots=True)
class _Source:
    pact: Pact
    path: Path
    uri: str
    pending: bool = False
    broker_pact: dict[str, Any] | None = None  # as fetched (its links publish results)
    notices: list[str] = field(default_factory=list)


_STATE_FAILED = re.compile(r"Provider setup state change for '(.*)' has failed - MismatchResult::Error\(\"(.*?)\"")


def state_failures(output: str) -> dict[str, str]:
    """state -> why its set-up failed, from the verifier's log (e.g. "Invalid status code: 404")."""
    return {m.group(1): m.group(2) for m in _STATE_FAILED.finditer(output)}


def check_base_url(base_url: str, timeout: float) -> None:
    """Refuse a provider URL we cannot use or reach, before running anything."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"--base-url must be http(s)://host:port, got {base_url!r}")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        with socket.create_connection((parts.hostname, port), timeout=min(timeout, 5.0)):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc) or type(exc).__name__
        raise InputError(f"cannot reach the provider at {base_url}: {reason}") from None


def _interactions(pact: Pact) -> list[PactInteraction]:
    out = []
    for interaction in pact.interactions:
        response = getattr(interaction, "response", None)
        response_pointer = getattr(response, "pointer", "") or interaction.pointer + "/response"
        body_pointer = response_pointer + "/body" + ("/content" if pact.spec >= (4, 0) else "")
        out.append(
            PactInteraction(
                interaction.description,
                tuple(interaction.state_names),
                interaction.pointer,
                response_pointer,
                body_pointer,
            )
        )
    return out


def _local_sources(request: VerifyRequest) -> list[_Source]:
    for folder in request.pact_dirs:
        if not folder.is_dir():
            raise InputError("not a folder", uri=str(folder))
    paths = pact_paths([*request.pact_files, *request.pact_dirs])
    return [_Source(read_pact(path), path, str(path)) for path in paths]


def _broker_sources(request: VerifyRequest, workdir: Path) -> list[_Source]:
    from apictl.contract.broker.http import BrokerAuth, BrokerClient
    from apictl.contract.broker.pacts import pacts_for_verification

    assert request.broker is not None
    broker = request.broker
    auth = BrokerAuth.from_env(broker.token, broker.username, broker.password)
    sources = []
    with BrokerClient(broker.url, auth) as client:
        found = pacts_for_verification(
            client,
            request.provider,
            selectors=broker.selectors,
            provider_branch=request.branch,
            provider_tags=broker.provider_tags or request.provider_tags,
            include_pending=broker.include_pending,
            include_wip_since=broker.include_wip_since,
        )
        for index, item in enumerate(found):
            fetched, text = fetch_pact(client, item.url)  # credentials only if on the broker's origin
            path = workdir / f"pact-{index}.json"
            _write_atomically(path, text.encode("utf-8"))
            pact = load_pact(path, item.url)
            assert fetched.document is not None
            sources.append(_Source(pact, path, item.url, item.pending, fetched.document.data, list(item.notices)))
    return sources


def _contradictions(pact: Pact) -> list[Diagnostic]:
    """Examples that fail their own matchers: the consumer's pact is wrong, which should not fail
    the provider's build, so they are warnings here."""
    from dataclasses import replace

    from apictl.contract.examples import example_problems

    return [replace(d, severity=Severity.WARN) for d in example_problems(pact)]


def _http_only(source: _Source, target: Path) -> tuple[Path, list[Diagnostic]]:
    """The pact to replay: as it is, or (when it holds message interactions, which the HTTP
    verifier cannot replay) a copy with its HTTP interactions only, plus a warning per message."""
    import orjson

    from apictl.contract.pact import HTTP
    from apictl.contract.verify.diagnostics import skipped_message

    pact = source.pact
    others = [i for i in pact.interactions if i.kind != HTTP]
    if not others or pact.document is None:
        return source.path, []
    data = orjson.loads(pact.document.text)
    data.pop("messages", None)
    if isinstance(data.get("interactions"), list):
        data["interactions"] = [i for i in data["interactions"] if i.get("type", HTTP) == HTTP]
    _write_atomically(target, orjson.dumps(data))
    warnings = [
        skipped_message(pact.consumer, pact.provider, i.description, i.state_names, source.uri, i.pointer)
        for i in others
    ]
    return target, warnings


def _write_atomically(path: Path, content: bytes) -> None:
    """Never leave a 0-byte or half-written pact behind: write a sibling, then rename."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _validate(request: VerifyRequest) -> None:
    has_local = bool(request.pact_files or request.pact_dirs)
    if has_local == (request.broker is not None):
        raise ConfigError("give pacts with --pact / --pact-dir, or a broker with --broker-url (one of the two)")
    if request.publish:
        if request.broker is None:
            raise ConfigError("--publish needs --broker-url (results are published to the broker the pacts came from)")
        if not request.provider_version:
            raise ConfigError("--publish needs --provider-version (e.g. the git commit of the provider)")
    if request.state_hook and request.state_change_url:
        raise ConfigError("give either --state-change-url or --state-hook, not both")


def run(request: VerifyRequest) -> VerifyOutcome:
    """Verify; raises ApictlError (exit 2) for unusable input, returns findings otherwise."""
    from apictl.contract.verify.engine import verify_pact_file
    from apictl.contract.verify.hooks import load_hook

    _validate(request)
    hook = load_hook(request.state_hook) if request.state_hook else None
    check_base_url(request.base_url, request.timeout)
    outcome = VerifyOutcome()
    with tempfile.TemporaryDirectory(prefix="apictl-verify-") as tmp:
        sources = _broker_sources(request, Path(tmp)) if request.broker else _local_sources(request)
        sources = [s for s in sources if s.pact.provider == request.provider]
        if request.consumers:
            sources = [s for s in sources if s.pact.consumer in request.consumers]
        if not sources and request.fail_if_no_pacts:
            raise InputError(f"no pacts for provider {request.provider!r} to verify")
        for number, source in enumerate(sources):
            if hook is not None:
                hook.failures.clear()
            path, skipped = _http_only(source, Path(tmp) / f"http-{number}.json")
            run_ = verify_pact_file(
                path,
                provider=request.provider,
                base_url=request.base_url,
                state_change_url=request.state_change_url,
                state_hook=hook,
                state_teardown=request.state_teardown,
                headers=request.headers,
                timeout=request.timeout,
            )
            diagnostics = (
                skipped
                + _contradictions(source.pact)
                + results_diagnostics(
                    run_.results,
                    _interactions(source.pact),
                    uri=source.uri,
                    pending=source.pending,
                    state_failures={**state_failures(run_.output), **(hook.failures if hook else {})},
                )
            )
            _explain_request_errors(diagnostics, request.timeout)
            if source.pact.document is not None and diagnostics:
                spans = source.pact.document.spans({d.pointer for d in diagnostics})
                for d in diagnostics:
                    d.span = spans.get(d.pointer)
            verified = VerifiedPact(
                source.uri,
                source.pact.consumer,
                source.pact.provider,
                len(source.pact.interactions),
                diagnostics,
                source.pending,
                notices=source.notices,
            )
            outcome.pacts.append(verified)
            outcome.output += run_.output
            if source.pact.document is not None:
                outcome.sources[source.uri] = source.pact.document.text
            if request.publish and source.broker_pact is not None:
                try:
                    verified.published = _publish(request, source, verified)
                except ApictlError as exc:  # the verification stands; the report still goes out
                    outcome.publish_errors.append(f"{source.uri}: results not published: {exc}")
    return outcome


def _publish(request: VerifyRequest, source: _Source, verified: VerifiedPact) -> str | None:
    from apictl.contract.broker.http import BrokerAuth, BrokerClient
    from apictl.contract.broker.pacts import publish_verification_result

    assert request.broker is not None and request.provider_version is not None and source.broker_pact is not None
    broker = request.broker
    failed = {str(d.extra.get("interaction")) for d in verified.failures}
    tests = [
        {"interactionDescription": i.description, "success": i.description not in failed}
        for i in source.pact.interactions
    ]
    with BrokerClient(broker.url, BrokerAuth.from_env(broker.token, broker.username, broker.password)) as client:
        return publish_verification_result(
            client,
            source.broker_pact,
            provider=request.provider,
            provider_version=request.provider_version,
            success=not verified.failures,
            branch=request.branch,
            tags=request.provider_tags,
            build_url=request.build_url,
            test_results=tests,
        )


REQUEST_FAILED = "error sending request for url"  # the Rust core's words for a timeout or a dropped connection


def _explain_request_errors(diagnostics: list[Diagnostic], timeout: float) -> None:
    """The verifier says the same for a provider that hangs and one that drops the
    connection; name the bound, so a hanging provider reads as one."""
    for d in diagnostics:
        if d.code == "PV201" and REQUEST_FAILED in d.message:
            d.message += f" (no answer within --timeout {timeout:g} s, or the connection was dropped)"
