"""The work behind the broker commands (contract_broker_cmd.py): open a client, call the
broker, print the answer as text or JSON, turn broker errors into one line and exit 2."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from apictl.cli.common import EXIT_CLEAN, EXIT_FINDINGS, fail

if TYPE_CHECKING:
    from apictl.contract.broker.http import BrokerClient
    from apictl.contract.broker.matrix import MatrixResult


@dataclass(frozen=True, slots=True)
class BrokerOpts:
    url: str | None
    token: str | None
    username: str | None
    password: str | None
    timeout: float
    fmt: str


def broker_call(opts: BrokerOpts, action: Callable[[BrokerClient], int | None]) -> None:
    """Run `action` with a client; its return value (default 0) is the exit code."""
    if opts.fmt not in ("text", "json"):
        raise fail(f"unknown --format {opts.fmt!r} (choose from text, json)")
    if not opts.url:
        raise fail("no broker: give --broker-url or set PACT_BROKER_BASE_URL")
    from apictl.contract.broker.http import BrokerAuth, BrokerClient
    from apictl.core.errors import ApictlError

    try:
        auth = BrokerAuth.from_env(opts.token, opts.username, opts.password)
        with BrokerClient(opts.url, auth, timeout=opts.timeout) as client:
            code = action(client)
    except ApictlError as exc:
        raise fail(str(exc)) from None
    raise typer.Exit(code or EXIT_CLEAN)


def echo_json(opts: BrokerOpts, data: Any, text: str) -> int:
    if opts.fmt == "json":
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    else:
        typer.echo(text)
    return EXIT_CLEAN


def publish_pacts(
    client: BrokerClient,
    opts: BrokerOpts,
    paths: list[Path],
    version: str,
    branch: str | None,
    tags: list[str],
    build_url: str | None,
    merge: bool,
) -> int:
    from apictl.cli.contract_stub_run import report_contradictions
    from apictl.contract.broker.publish import Contract, publish_contracts
    from apictl.contract.sources import pact_paths, read_pact
    from apictl.core.errors import InputError

    contracts, pacts = [], []
    for path in pact_paths(paths):
        pact = read_pact(path)  # malformed pacts stop here, located
        pacts.append(pact)
        contracts.append(Contract(pact.consumer, pact.provider, path.read_bytes(), source=str(path)))
    report_contradictions(pacts, strict=False)  # the consumer's pact is wrong: say so, still publish
    consumers = {c.consumer for c in contracts}
    if len(consumers) != 1:
        raise InputError(f"publish one consumer's pacts at a time (found {', '.join(sorted(consumers))})")
    result = publish_contracts(
        client,
        pacticipant=contracts[0].consumer,
        version=version,
        contracts=contracts,
        branch=branch,
        tags=tags,
        build_url=build_url,
        merge=merge,
    )
    lines = [f"{level}: {message}" for level, message in result.logs] or [
        f"Published {len(contracts)} pact(s) for {result.pacticipant} version {result.version}"
    ]
    return echo_json(opts, asdict(result), "\n".join(lines))


@dataclass(frozen=True, slots=True)
class CanIDeploy:
    pacticipants: list[str]
    versions: list[str]
    latest: str | None
    all_tag: str | None
    to_environment: str | None
    to: str | None
    ignore: list[str]
    retry_while_unknown: int
    retry_interval: float
    dry_run: bool


def can_i_deploy_run(client: BrokerClient, opts: BrokerOpts, question: CanIDeploy) -> int:
    import time

    from apictl.contract.broker.matrix import MatrixQuery, Selector, query_matrix

    if len(question.versions) > len(question.pacticipants):
        raise fail("more --version than --pacticipant options (they pair up in order)")
    selectors = []
    for index, name in enumerate(question.pacticipants):
        if index < len(question.versions):
            selectors.append(Selector(name, question.versions[index]))
        elif question.all_tag:
            selectors.append(Selector(name, tag=question.all_tag))
        else:
            selectors.append(Selector(name, latest=True, tag=question.latest))
    ignore = [Selector(n, v or None) for n, _, v in (i.partition("@") for i in question.ignore)]
    query = MatrixQuery(selectors, to_tag=question.to, to_environment=question.to_environment, ignore=ignore)
    result = query_matrix(client, query)
    for _ in range(question.retry_while_unknown):
        if not result.unknown:
            break
        time.sleep(question.retry_interval)
        result = query_matrix(client, query)
    if opts.fmt == "json":
        typer.echo(json.dumps(asdict(result), indent=2, ensure_ascii=False))
    else:
        typer.echo(matrix_text(result))
    if question.dry_run:
        return EXIT_CLEAN
    return EXIT_CLEAN if result.deployable else EXIT_FINDINGS


def matrix_text(result: MatrixResult) -> str:
    header = ("CONSUMER", "C.VERSION", "PROVIDER", "P.VERSION", "SUCCESS?", "RESULT#")
    rows = [
        (
            r.consumer,
            r.consumer_version,
            r.provider,
            r.provider_version or "???",
            "ignored" if r.ignored else {True: "true", False: "false", None: "???"}[r.success],
            str(i + 1) if r.verification_url else "",
        )
        for i, r in enumerate(result.rows)
    ]
    widths = [max(len(row[c]) for row in [header, *rows]) for c in range(len(header))]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    results = [
        f"{i + 1}. {r.verification_url} ({'success' if r.success else 'failure'})"
        for i, r in enumerate(result.rows)
        if r.verification_url
    ]
    if results:
        lines += ["", "VERIFICATION RESULTS", "--------------------", *results]
    lines += ["", "Computer says yes \\o/" if result.deployable else "Computer says no ¯\\_(ツ)_/¯"]
    if result.reason:
        lines += ["", result.reason]
    lines += [f"[{kind}] {text}" for kind, text in result.notices]
    return "\n".join(lines)


def undeploy(client: BrokerClient, opts: BrokerOpts, pacticipant: str, environment: str, instance: str | None) -> int:
    from apictl.contract.broker.environments import find_environment, record_undeployment

    env = find_environment(client, environment)
    done = record_undeployment(client, env.url, pacticipant, instance)
    versions = ", ".join(d.version or "?" for d in done)
    return echo_json(
        opts,
        [asdict(d) for d in done],
        f"Recorded undeployment of {pacticipant} version(s) {versions} from {environment}",
    )


def show_environments(client: BrokerClient, opts: BrokerOpts) -> int:
    from apictl.contract.broker.environments import list_environments

    found = list_environments(client)
    text = "\n".join(
        f"{e.name}\t{e.display_name}\t{'production' if e.production else ''}\t{e.uuid}".rstrip() for e in found
    )
    return echo_json(opts, [asdict(e) for e in found], text or "no environments")


def upsert_pacticipant(
    client: BrokerClient, opts: BrokerOpts, name: str, repository_url: str | None, display_name: str | None
) -> int:
    from apictl.contract.broker.pacticipants import create_or_update_pacticipant

    found, created = create_or_update_pacticipant(
        client, name, repository_url=repository_url, display_name=display_name
    )
    return echo_json(opts, {**asdict(found), "created": created}, f"{'Created' if created else 'Updated'} {found.name}")


@dataclass(frozen=True, slots=True)
class WebhookArgs:
    url: str
    method: str
    headers: list[str]
    data: str | None
    user: str | None
    consumer: str | None
    consumer_label: str | None
    provider: str | None
    provider_label: str | None
    description: str | None
    events: list[str]
    uuid: str | None


def webhook_run(client: BrokerClient, opts: BrokerOpts, args: WebhookArgs) -> int:
    from apictl.contract.broker.webhooks import EVENTS, Webhook, create_webhook, put_webhook

    unknown = [e for e in args.events if e not in EVENTS]
    if unknown:
        raise fail(f"unknown --event {', '.join(unknown)} (choose from {', '.join(EVENTS)})")
    headers = {}
    for text in args.headers:
        name, sep, value = text.partition(":")
        if not sep or not name.strip():
            raise fail(f"--header {text!r}: expected 'Name: value'")
        headers[name.strip()] = value.strip()
    body: Any = None
    if args.data is not None:
        raw = _read_data(args.data)
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw
    username, _, password = (args.user or "").partition(":")
    webhook = Webhook(
        url=args.url,
        events=args.events,
        method=args.method.upper(),
        headers=headers,
        body=body,
        username=username or None,
        password=password or None,
        description=args.description,
        consumer=args.consumer,
        consumer_label=args.consumer_label,
        provider=args.provider,
        provider_label=args.provider_label,
    )
    result = put_webhook(client, args.uuid, webhook) if args.uuid else create_webhook(client, webhook)
    done = "Created" if result.created else "Updated"
    return echo_json(opts, asdict(result), f"{done} webhook {result.description or ''} {result.url or ''}".rstrip())


def _read_data(data: str) -> str:
    if not data.startswith("@"):
        return data
    try:
        return Path(data[1:]).read_text(encoding="utf-8") if data != "@-" else sys.stdin.read()
    except OSError as exc:
        raise fail(f"--data {data}: cannot read: {exc.strerror or exc}") from None


def show_latest_version(client: BrokerClient, opts: BrokerOpts, pacticipant: str, tag: str | None) -> int:
    from apictl.contract.broker.pacticipants import latest_version

    number = latest_version(client, pacticipant, tag)
    if number is None:
        which = f"with tag {tag!r} " if tag else ""
        typer.echo(f"{pacticipant} has no version {which}in the broker", err=True)
        return EXIT_FINDINGS
    return echo_json(opts, {"pacticipant": pacticipant, "tag": tag, "number": number}, number)


def show_latest_pacts(client: BrokerClient, opts: BrokerOpts) -> int:
    from apictl.contract.broker.pacts import latest_pacts

    found = latest_pacts(client)
    text = "\n".join(f"{p.consumer}\t{p.consumer_version or '?'}\t{p.provider}\t{p.url}" for p in found)
    return echo_json(opts, [asdict(p) for p in found], text or "no pacts")
