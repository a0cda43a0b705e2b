"""Pact Broker commands on `apictl contract`: publish, can-i-deploy, record-deployment,
record-undeployment, record-release, environments, create-environment, create-version-tag,
create-or-update-pacticipant, delete-branch, create-or-update-webhook.

Names and options follow the official `pact-broker` CLI; the broker is given with
`--broker-url` or PACT_BROKER_BASE_URL, credentials with `--broker-token` /
`--broker-username`/`--broker-password` or their PACT_BROKER_* variables. Broker
errors are one line and exit 2; can-i-deploy exits 1 when the answer is no."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from apictl.cli.contract_broker_run import BrokerOpts, broker_call, echo_json
from apictl.cli.contract_cmd import contract_app

URL = typer.Option(None, "--broker-url", "-b", envvar="PACT_BROKER_BASE_URL", help="The broker's base URL.")
TOKEN = typer.Option(None, "--broker-token", "-k", help="Bearer token (or PACT_BROKER_TOKEN).")
USER = typer.Option(None, "--broker-username", "-u", help="Basic-auth user (or PACT_BROKER_USERNAME).")
PASSWORD = typer.Option(None, "--broker-password", "-p", help="Basic-auth password (or PACT_BROKER_PASSWORD).")
TIMEOUT = typer.Option(10.0, "--timeout", help="Seconds to wait for each broker response.")
FORMAT = typer.Option("text", "--format", "-f", help="Output: text or json.")
_KW = inspect.Parameter.KEYWORD_ONLY
BROKER_OPTIONS = [  # every broker command takes these, in this order (BrokerOpts' fields)
    inspect.Parameter("broker_url", _KW, default=URL, annotation=str),
    inspect.Parameter("broker_token", _KW, default=TOKEN, annotation=str),
    inspect.Parameter("broker_username", _KW, default=USER, annotation=str),
    inspect.Parameter("broker_password", _KW, default=PASSWORD, annotation=str),
    inspect.Parameter("timeout", _KW, default=TIMEOUT, annotation=float),
    inspect.Parameter("fmt", _KW, default=FORMAT, annotation=str),
]


def broker_command(name: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register `fn(opts, …own options)` as `apictl contract NAME`, with the broker options
    added to its signature and handed to it as one `BrokerOpts`."""

    def register(fn: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(fn, eval_str=True)
        own = [p for p in signature.parameters.values() if p.name != "opts"]

        @functools.wraps(fn)
        def command(**kwargs: Any) -> None:
            fn(BrokerOpts(*(kwargs.pop(p.name) for p in BROKER_OPTIONS)), **kwargs)

        setattr(command, "__signature__", signature.replace(parameters=[*own, *BROKER_OPTIONS]))  # noqa: B010
        contract_app.command(name)(command)
        return fn

    return register


PACTICIPANT = typer.Option(..., "--pacticipant", "-a", help="The application's name in the broker.")
VERSION = typer.Option(..., "--version", "-e", help="The application version (e.g. a git commit).")
ENVIRONMENT = typer.Option(..., "--environment", help="The environment's name (e.g. production).")
INSTANCE = typer.Option(None, "--application-instance", help="Which instance, when several run in one environment.")


@broker_command("publish")
def publish(
    opts: BrokerOpts,
    pacts: list[Path] = typer.Argument(..., help="Pact files or folders of pact files."),
    version: str = typer.Option(..., "--consumer-app-version", "-a", help="The consumer version (e.g. a git commit)."),
    branch: str = typer.Option(None, "--branch", help="The consumer's branch."),
    tag: list[str] = typer.Option(None, "--tag", "-t", help="Tag the consumer version; repeatable."),
    build_url: str = typer.Option(None, "--build-url", help="The CI build that made the pacts."),
    merge: bool = typer.Option(False, "--merge", help="Merge with a pact already published for this version."),
) -> None:
    """Publish pacts to the broker (one consumer version, its branch and tags)."""
    from apictl.cli.contract_broker_run import publish_pacts

    broker_call(opts, lambda client: publish_pacts(client, opts, pacts, version, branch, tag or [], build_url, merge))


@broker_command("can-i-deploy")
def can_i_deploy(
    opts: BrokerOpts,
    pacticipant: list[str] = typer.Option(..., "--pacticipant", "-a", help="Application name; repeatable."),
    version: list[str] = typer.Option(None, "--version", "-e", help="Its version; repeatable, paired in order."),
    latest: str = typer.Option(None, "--latest", "-l", help="Without --version: the latest version with this tag."),
    all_tag: str = typer.Option(None, "--all", help="Without --version: every version with this tag."),
    to_environment: str = typer.Option(None, "--to-environment", help="Can it go to this environment?"),
    to: str = typer.Option(None, "--to", help="Can it go alongside the latest versions with this tag?"),
    ignore: list[str] = typer.Option(None, "--ignore", help="NAME or NAME@VERSION to leave out; repeatable."),
    retry_while_unknown: int = typer.Option(
        0, "--retry-while-unknown", help="Retry this often while results are missing."
    ),
    retry_interval: float = typer.Option(10.0, "--retry-interval", help="Seconds between those retries."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Report, but always exit 0."),
) -> None:
    """Ask the broker's matrix whether versions can be deployed (exit 1 when not)."""
    from apictl.cli.contract_broker_run import CanIDeploy, can_i_deploy_run

    question = CanIDeploy(
        pacticipant,
        version or [],
        latest,
        all_tag,
        to_environment,
        to,
        ignore or [],
        retry_while_unknown,
        retry_interval,
        dry_run,
    )
    broker_call(opts, lambda client: can_i_deploy_run(client, opts, question))


@broker_command("record-deployment")
def record_deployment(
    opts: BrokerOpts,
    pacticipant: str = PACTICIPANT,
    version: str = VERSION,
    environment: str = ENVIRONMENT,
    application_instance: str = INSTANCE,
) -> None:
    """Record that a version is now deployed to an environment."""
    from apictl.contract.broker.environments import record_deployment as record

    broker_call(
        opts,
        lambda client: echo_json(
            opts,
            record(client, pacticipant, version, environment, application_instance),
            f"Recorded deployment of {pacticipant} version {version} to {environment}",
        ),
    )


@broker_command("record-undeployment")
def record_undeployment(
    opts: BrokerOpts,
    pacticipant: str = PACTICIPANT,
    environment: str = ENVIRONMENT,
    application_instance: str = INSTANCE,
) -> None:
    """Record that an application is no longer deployed to an environment."""
    from apictl.cli.contract_broker_run import undeploy

    broker_call(opts, lambda client: undeploy(client, opts, pacticipant, environment, application_instance))


@broker_command("record-release")
def record_release(
    opts: BrokerOpts,
    pacticipant: str = PACTICIPANT,
    version: str = VERSION,
    environment: str = ENVIRONMENT,
) -> None:
    """Record that a version was released to an environment (mobile apps, libraries)."""
    from apictl.contract.broker.environments import record_release as record

    broker_call(
        opts,
        lambda client: echo_json(
            opts,
            record(client, pacticipant, version, environment),
            f"Recorded release of {pacticipant} version {version} to {environment}",
        ),
    )


@broker_command("environments")
def list_environments(opts: BrokerOpts) -> None:
    """List the broker's environments."""
    from apictl.cli.contract_broker_run import show_environments

    broker_call(opts, lambda client: show_environments(client, opts))


@broker_command("create-environment")
def create_environment(
    opts: BrokerOpts,
    name: str = typer.Option(..., "--name", help="The environment's name."),
    display_name: str = typer.Option(None, "--display-name", help="A name for people."),
    production: bool = typer.Option(False, "--production/--no-production", help="Is it production?"),
    contact_name: str = typer.Option(None, "--contact-name", help="Who to contact about it (a team)."),
    contact_email: str = typer.Option(None, "--contact-email-address", help="That contact's email address."),
) -> None:
    """Create an environment."""
    from dataclasses import asdict

    from apictl.contract.broker.environments import create_environment as create

    contacts = []
    if contact_name or contact_email:
        contact: dict[str, object] = {"name": contact_name} if contact_name else {}
        if contact_email:
            contact["details"] = {"emailAddress": contact_email}
        contacts.append(contact)
    broker_call(
        opts,
        lambda client: echo_json(
            opts,
            asdict(env := create(client, name, display_name=display_name, production=production, contacts=contacts)),
            f"Created environment {env.name} ({env.uuid})",
        ),
    )


@broker_command("create-version-tag")
def create_version_tag(
    opts: BrokerOpts,
    pacticipant: str = PACTICIPANT,
    version: str = VERSION,
    tag: list[str] = typer.Option(..., "--tag", "-t", help="The tag; repeatable."),
) -> None:
    """Tag a pacticipant version (creating both if needed)."""
    from apictl.contract.broker.pacticipants import tag_version

    broker_call(
        opts,
        lambda client: echo_json(
            opts,
            {t: tag_version(client, pacticipant, version, t)[0] for t in tag},
            f"Tagged {pacticipant} version {version} with {', '.join(tag)}",
        ),
    )


@broker_command("create-or-update-pacticipant")
def create_or_update_pacticipant(
    opts: BrokerOpts,
    name: str = typer.Option(..., "--name", help="The pacticipant's name."),
    repository_url: str = typer.Option(None, "--repository-url", help="Its source repository."),
    display_name: str = typer.Option(None, "--display-name", help="A name for people."),
) -> None:
    """Create a pacticipant, or update its repository URL / display name."""
    from apictl.cli.contract_broker_run import upsert_pacticipant

    broker_call(opts, lambda client: upsert_pacticipant(client, opts, name, repository_url, display_name))


@broker_command("delete-branch")
def delete_branch(
    opts: BrokerOpts,
    pacticipant: str = PACTICIPANT,
    branch: str = typer.Option(..., "--branch", help="The branch to delete (its versions stay)."),
    error_when_not_found: bool = typer.Option(
        True, "--error-when-not-found/--no-error-when-not-found", help="Fail when the branch does not exist."
    ),
) -> None:
    """Delete a pacticipant's branch."""
    from apictl.contract.broker.pacticipants import delete_branch as delete

    broker_call(
        opts,
        lambda client: echo_json(
            opts,
            {"deleted": (done := delete(client, pacticipant, branch, missing_ok=not error_when_not_found))},
            f"Deleted branch {branch} of {pacticipant}" if done else f"{pacticipant} has no branch {branch}",
        ),
    )


@broker_command("create-or-update-webhook")
def create_or_update_webhook(
    opts: BrokerOpts,
    url: str = typer.Argument(..., help="The URL the broker calls."),
    request: str = typer.Option("POST", "--request", "-X", help="HTTP method of the call."),
    header: list[str] = typer.Option(None, "--header", "-H", help="'Name: value'; repeatable."),
    data: str = typer.Option(None, "--data", "-d", help="The body (JSON is sent as JSON); @FILE reads a file."),
    user: str = typer.Option(None, "--user", help="USER:PASSWORD for the call."),
    consumer: str = typer.Option(None, "--consumer", help="Only for pacts of this consumer."),
    consumer_label: str = typer.Option(None, "--consumer-label", help="Only for consumers with this label."),
    provider: str = typer.Option(None, "--provider", help="Only for pacts of this provider."),
    provider_label: str = typer.Option(None, "--provider-label", help="Only for providers with this label."),
    description: str = typer.Option(None, "--description", help="What the webhook is for."),
    event: list[str] = typer.Option(
        ..., "--event", help="contract_content_changed, contract_published, provider_verification_published, …"
    ),
    uuid: str = typer.Option(None, "--uuid", help="Create or replace the webhook with this UUID."),
) -> None:
    """Create a webhook (or create/replace one by --uuid)."""
    from apictl.cli.contract_broker_run import WebhookArgs, webhook_run

    args = WebhookArgs(
        url,
        request,
        header or [],
        data,
        user,
        consumer,
        consumer_label,
        provider,
        provider_label,
        description,
        event,
        uuid,
    )
    broker_call(opts, lambda client: webhook_run(client, opts, args))


@broker_command("describe-version")
def describe_version(
    opts: BrokerOpts,
    pacticipant: str = PACTICIPANT,
    latest: str = typer.Option(None, "--latest", "-l", help="The latest version with this tag (default: the latest)."),
) -> None:
    """Print the latest version of a pacticipant (with a tag); exit 1 when there is none."""
    from apictl.cli.contract_broker_run import show_latest_version

    broker_call(opts, lambda client: show_latest_version(client, opts, pacticipant, latest))


@broker_command("list-latest-pact-versions")
def list_latest_pact_versions(opts: BrokerOpts) -> None:
    """List the latest pact of every consumer/provider pair."""
    from apictl.cli.contract_broker_run import show_latest_pacts

    broker_call(opts, lambda client: show_latest_pacts(client, opts))
