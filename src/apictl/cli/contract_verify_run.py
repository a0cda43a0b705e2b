"""The parts of `apictl contract verify` between argv and the engine: options to a
`VerifyRequest` (selectors, headers, broker source) and the outcome to a report."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from apictl.cli.common import fail

if TYPE_CHECKING:
    from apictl.contract.verify.request import VerifyRequest
    from apictl.contract.verify.run import VerifyOutcome


def _selectors(opts: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    selectors: list[dict[str, Any]] = []
    for text in opts["selector"] or []:
        try:
            value = json.loads(text)
        except ValueError as exc:
            raise fail(f"--consumer-version-selector {text!r}: not JSON ({exc})") from None
        if not isinstance(value, dict) or not value:
            raise fail(f'--consumer-version-selector {text!r}: must be a JSON object such as {{"branch": "main"}}')
        selectors.append(value)
    if opts["main_branch"]:
        selectors.append({"mainBranch": True})
    if opts["deployed_or_released"]:
        selectors.append({"deployedOrReleased": True})
    selectors.extend({"tag": tag, "latest": True} for tag in opts["consumer_tag"] or [])
    return tuple(selectors)


def _headers(values: list[str] | None) -> tuple[tuple[str, str], ...]:
    out = []
    for text in values or []:
        name, sep, value = text.partition(":")
        if not sep or not name.strip():
            raise fail(f"--header {text!r}: expected 'Name: value'")
        out.append((name.strip(), value.strip()))
    return tuple(out)


def build_request(opts: dict[str, Any]) -> VerifyRequest:
    from apictl.contract.verify.request import BrokerSource, VerifyRequest

    selectors = _selectors(opts)
    broker = None
    # PACT_BROKER_BASE_URL is often set for a whole CI job; it only chooses the source when no local pacts are given
    broker_url = opts["broker_url"] or (
        None if opts["pact"] or opts["pact_dir"] else os.environ.get("PACT_BROKER_BASE_URL")
    )
    if broker_url:
        broker = BrokerSource(
            url=broker_url,
            token=opts["broker_token"],
            username=opts["broker_username"],
            password=opts["broker_password"],
            selectors=selectors,
            include_pending=opts["include_pending"],
            include_wip_since=opts["include_wip_since"],
            provider_tags=tuple(opts["provider_tag"] or ()),
        )
    elif selectors or opts["include_pending"] or opts["include_wip_since"]:
        raise fail("consumer version selectors, --include-pending and --include-wip-since need --broker-url")
    if opts["timeout"] <= 0:
        raise fail("--timeout must be a positive number of seconds")
    return VerifyRequest(
        provider=opts["provider"],
        base_url=opts["base_url"],
        pact_files=[Path(p) for p in opts["pact"] or []],
        pact_dirs=[Path(p) for p in opts["pact_dir"] or []],
        broker=broker,
        state_change_url=opts["state_change_url"],
        state_hook=opts["state_hook"],
        state_teardown=opts["state_teardown"],
        consumers=tuple(opts["consumer"] or ()),
        headers=_headers(opts["header"]),
        timeout=opts["timeout"],
        publish=opts["publish"],
        provider_version=opts["provider_version"],
        branch=opts["branch"],
        provider_tags=tuple(opts["provider_tag"] or ()),
        build_url=opts["build_url"],
        fail_if_no_pacts=opts["fail_if_no_pacts"],
    )


def report(outcome: VerifyOutcome, fmt: str, color: bool) -> str:
    from apictl import __version__
    from apictl.contract import examples
    from apictl.contract.verify.diagnostics import CODES, OTHER
    from apictl.report import ReportContext, RuleInfo, render

    rules = {c.code: RuleInfo(c.code, c.rule, c.summary, "error") for c in (*CODES.values(), OTHER)}
    rules[examples.CODE] = RuleInfo(examples.CODE, examples.RULE, examples.SUMMARY, "warn")
    ctx = ReportContext(
        tool_version=__version__,
        source=outcome.sources.get,
        rules=rules,
        color=color,
        files_checked=[p.uri for p in outcome.pacts],
        title="apictl contract verify",
    )
    text = render(fmt, outcome.diagnostics, ctx)
    if fmt != "text":
        return text
    lines = []
    for pact in outcome.pacts:
        failed = len({str(d.extra.get("interaction")) for d in pact.failures})
        replayed = pact.interactions - pact.skipped
        status = "passed" if not pact.failures else f"{failed} of {replayed} interactions failed"
        if pact.skipped:
            status += f"; {pact.skipped} message interaction(s) not verified"
        pending = " (pending)" if pact.pending else ""
        published = f"; results published: {pact.published}" if pact.published else ""
        lines.append(f"{pact.consumer} → {pact.provider}{pending}: {pact.uri}: {status}{published}\n")
        lines.extend(f"  {notice}\n" for notice in pact.notices)
    if not outcome.pacts:
        lines.append("no pacts to verify\n")
    return "".join(lines) + "\n" + text
