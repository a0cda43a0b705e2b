"""apictl's broker client against the Pact Broker's own contract.

../shared/peer-suites/pact-broker-contract holds the official Pact Broker client's
consumer pact against the broker (67 interactions). Each scenario below sets up the
interactions one client operation needs (the provider states say which situation the
broker is in), serves them with apictl's own stub (`StubEngine`, as an httpx
transport), runs apictl's client and checks that every interaction was requested
exactly as the pact expects and that the client understood the answers. The last
test checks that the scenarios cover all 67; the test session's summary reports how
many of the 67 were requested and answered (tests/contract/conftest.py).
"""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from apictl.contract.broker import environments, matrix, pacticipants, pacts, publish, webhooks
from apictl.contract.broker.errors import BrokerError
from apictl.contract.broker.http import BrokerClient
from apictl.contract.broker.matrix import Selector
from apictl.contract.pact import load_pact
from apictl.contract.stub import StubEngine
from apictl.contract.transport import stub_transport
from apictl.serve.messages import Request, Response

PACT = Path(__file__).resolve().parents[3].parent / "shared/peer-suites/pact-broker-contract"
PACT_FILE = PACT / "pact-broker-client-v2--pact-broker.json"
pytestmark = pytest.mark.skipif(not PACT_FILE.is_file(), reason="peer suite pact-broker-contract not present")

INTERACTIONS: list[dict[str, Any]] = (
    json.loads(PACT_FILE.read_text()).get("interactions", []) if PACT_FILE.is_file() else []
)
UUID = "696c5f93-1b7f-44bc-8d03-59440fcaa9a0"
ENV_UUID = "16926ef3-590f-4e3f-838e-719717aa88c9"
SHA = "5556b8149bf8bac76bc30f50a8a2dd4c22c85f30"


@dataclass
class Served:
    """Interactions `indexes` of the broker's contract served by apictl's stub engine,
    recording which interaction answered each request and every request none matched
    (the stub's 500 report with the closest interactions' mismatches)."""

    indexes: tuple[int, ...]
    matched: list[int] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    engine: StubEngine = field(init=False)

    def __post_init__(self) -> None:
        pact = load_pact(PACT_FILE)
        chosen = [pact.interactions[i] for i in self.indexes]
        self.engine = StubEngine([dataclasses.replace(pact, interactions=chosen)])
        self._index = {entry.label: self.indexes[n] for n, entry in enumerate(self.engine.entries)}

    def observe(self, request: Request, response: Response) -> None:
        if response.operation in self._index:
            self.matched.append(self._index[response.operation])
        else:
            target = request.path + ("?" + request.query if request.query else "")
            self.mismatches.append(f"{request.method} {target}: {response.body.decode(errors='replace')[:3000]}")

    def handle(self, request: Request) -> Response:
        """The engine's answer, observed (the handler `apictl contract stub` serves)."""
        response = self.engine.handle(request)
        self.observe(request, response)
        return response


@dataclass(frozen=True)
class Scenario:
    name: str
    interactions: tuple[int, ...]  # indexes into the pact's interactions, in the order they are requested
    run: Callable[[BrokerClient], None]


def _webhook(**overrides: Any) -> webhooks.Webhook:
    fields: dict[str, Any] = {
        "url": "https://webhook",
        "events": ["contract_content_changed"],
        "method": "POST",
        "headers": {"Foo": "bar", "Bar": "foo"},
        "body": {"some": "body"},
        "username": "username",
        "password": "password",
        "description": "a webhook",
    }
    fields.update(overrides)
    return webhooks.Webhook(**fields)


def _matrix(*selectors: Selector, **options: Any) -> Callable[[BrokerClient], matrix.MatrixResult]:
    return lambda client: matrix.query_matrix(client, matrix.MatrixQuery(selectors, **options))


def _expect_deployable(result: matrix.MatrixResult) -> None:
    assert result.deployable is True and result.reason == "some text" and result.unknown == 1
    assert result.rows[0].consumer == "Foo" and result.rows[0].success is True
    assert result.rows[0].verification_url == "http://result"


def _raises(fn: Callable[[BrokerClient], object], status: int, *words: str) -> Callable[[BrokerClient], None]:
    def run(client: BrokerClient) -> None:
        with pytest.raises(BrokerError) as info:
            fn(client)
        assert info.value.status == status
        for word in words:
            assert word in str(info.value)

    return run


def _publish(client: BrokerClient) -> None:
    content = base64.b64decode(INTERACTIONS[48]["request"]["body"]["contracts"][0]["content"])
    contract = publish.Contract("Foo", "Bar", content)
    result = publish.publish_contracts(
        client,
        pacticipant="Foo",
        version=SHA,
        contracts=[contract],
        branch="main",
        tags=["dev"],
        build_url="http://build",
        merge=True,
    )
    assert (result.pacticipant, result.version) == ("Foo", SHA)
    assert result.contract_urls == ["http://some-pact"] and result.tags == ["dev"]
    assert result.logs == [("info", "some message")]


def _record_deployment(client: BrokerClient) -> None:
    answer = environments.record_deployment(client, "Foo", SHA, "test", application_instance="blue")
    assert answer == {"target": "blue"}


def _record_deployment_unavailable(client: BrokerClient) -> None:
    with pytest.raises(BrokerError, match=r"'test' is not available for recording a deployment .*prod"):
        environments.record_deployment(client, "Foo", SHA, "test")


def _record_release(client: BrokerClient) -> None:
    assert environments.record_release(client, "Foo", SHA, "test") == {}


def _list_environments(client: BrokerClient) -> None:
    [env] = environments.list_environments(client)
    assert (env.name, env.display_name, env.production) == ("test", "Test", False)
    assert env.uuid == "78e85fb2-9df1-48da-817e-c9bea6294e01" and env.contacts[0]["name"] == "Foo team"


def _find_environment(client: BrokerClient) -> None:
    env = environments.find_environment(client, "test")
    assert env.url.endswith("/href")
    with pytest.raises(BrokerError, match="no environment called 'prod'"):
        environments.find_environment(client, "prod")


def _create_environment(client: BrokerClient) -> None:
    env = environments.create_environment(
        client,
        "test",
        display_name="Test",
        production=False,
        contacts=[{"name": "Foo team", "details": {"emailAddress": "foo@bar.com"}}],
    )
    assert env.uuid == "ffe683ef-dcd7-4e4f-877d-f6eb3db8e86e" and env.name == "test"


def _undeploy(client: BrokerClient) -> None:
    done = environments.record_undeployment(client, client.path("/environments/{u}", u=ENV_UUID), "Foo", "customer-1")
    assert [(d.application_instance, d.version, d.currently_deployed) for d in done] == [("customer-1", "2", False)]
    assert done[0].url.endswith("/deployed-versions/ff3adecf-cfc5-4653-a4e3-f1861092f8e0")


def _pacticipant_created(client: BrokerClient) -> None:
    found, created = pacticipants.create_or_update_pacticipant(client, "Foo", repository_url="http://foo")
    assert created and found.name == "Foo" and found.repository_url == "http://foo"


def _pacticipant_updated(client: BrokerClient) -> None:
    found, created = pacticipants.create_or_update_pacticipant(client, "Foo", repository_url="http://foo")
    assert not created and found.url.endswith("/pacticipants/Foo")


def _get_pricing(client: BrokerClient) -> None:
    found = pacticipants.get_pacticipant(client, "Pricing Service")
    assert found is not None and found.latest_version == "1.3.0"
    assert found.repository_url == "git@git.realestate.com.au:business-systems/pricing-service"


def _list_pacticipants(client: BrokerClient) -> None:
    [condor] = pacticipants.list_pacticipants(client)
    assert (condor.name, condor.latest_version) == ("Condor", "1.3.0")


def _latest_pacts(client: BrokerClient) -> None:
    [ref] = pacts.latest_pacts(client)
    assert (ref.consumer, ref.provider, ref.consumer_version) == ("Condor", "Pricing Service", "1.3.0")
    assert ref.url.endswith("/consumer/Condor/version/1.3.0")


def _provider_pacts(tag: str | None) -> Callable[[BrokerClient], None]:
    def run(client: BrokerClient) -> None:
        [ref] = pacts.latest_pacts_for_provider(client, "Pricing Service", tag=tag)
        assert ref.consumer == "Condor" and ref.title == "Pact between Condor (v1.3.0) and Pricing Service"

    return run


def _get_pact(**kwargs: str) -> Callable[[BrokerClient], None]:
    def run(client: BrokerClient) -> None:
        fetched = pacts.get_pact(client, "Pricing Service", "Condor", **kwargs)
        assert fetched is not None and fetched.content["consumer"] == {"name": "Condor"}
        assert fetched.consumer_version == kwargs.get("version", "1.3.0" if not kwargs else None)

    return run


def _tag(created: bool) -> Callable[[BrokerClient], None]:
    def run(client: BrokerClient) -> None:
        url, new = pacticipants.tag_version(client, "Condor", "1.3.0", "prod")
        assert new is created and url.endswith("/pacticipants/Condor/versions/1.3.0/tags/prod")

    return run


def _create_webhook(webhook: webhooks.Webhook, *, uuid: str | None = None, created: bool = True) -> Callable[..., None]:
    def run(client: BrokerClient) -> None:
        if uuid:
            result = webhooks.put_webhook(client, uuid, webhook)
        else:
            result = webhooks.create_webhook(client, webhook)
        assert result.created is created and result.url == "/some-url" and result.description == "a webhook"

    return run


ALL_EVENTS = [
    "contract_content_changed",
    "contract_published",
    "provider_verification_published",
    "provider_verification_succeeded",
    "provider_verification_failed",
]
BOTH = {"consumer": "Condor", "provider": "Pricing Service"}

SCENARIOS = [
    Scenario("environment by url", (0, 46, 47), _undeploy),
    Scenario(
        "matrix two versions (name with space)",
        (1,),
        lambda c: _expect_deployable(_matrix(Selector("Foo Thing", "1.2.3"), Selector("Bar", "4.5.6"))(c)),
    ),
    Scenario(
        "matrix two versions",
        (2,),
        lambda c: _expect_deployable(_matrix(Selector("Foo", "1.2.3"), Selector("Bar", "4.5.6"))(c)),
    ),
    Scenario(
        "matrix latest prod of other",
        (3,),
        lambda c: _expect_deployable(_matrix(Selector("Foo", "1.2.3"), Selector("Bar", latest=True, tag="prod"))(c)),
    ),
    Scenario(
        "can-i-deploy --to prod",
        (4,),
        lambda c: _check_rows(_matrix(Selector("Foo", "1.2.3"), to_tag="prod")(c), [("Foo", "1.2.3", "Bar", "4.5.6")]),
    ),
    Scenario(
        "matrix latest of other",
        (5,),
        lambda c: _expect_deployable(_matrix(Selector("Foo", "1.2.4"), Selector("Bar", latest=True))(c)),
    ),
    Scenario(
        "matrix unknown pacticipant",
        (6,),
        _raises(_matrix(Selector("Wiffle", "1.2.3"), Selector("Meep", "9.9.9")), 400, "an error message"),
    ),
    Scenario("matrix all versions", (7,), lambda c: _check_count(_matrix(Selector("Foo"), Selector("Bar"))(c), 2)),
    Scenario(
        "matrix unknown version",
        (8,),
        lambda c: _check_reason(_matrix(Selector("Foo", "1.2.3"), Selector("Bar", "9.9.9"))(c)),
    ),
    Scenario("can-i-deploy one version", (9,), lambda c: _expect_deployable(_matrix(Selector("Foo", "1.2.3"))(c))),
    Scenario("create global webhook", (10, 27), _create_webhook(_webhook())),
    Scenario("create pacticipant", (11, 53, 54), _pacticipant_created),
    Scenario("create environment", (12, 38), _create_environment),
    Scenario(
        "latest tagged version",
        (13, 56),
        lambda c: _eq(pacticipants.latest_version(c, "Condor", "production"), "1.2.3"),
    ),
    Scenario("latest version", (14, 59), lambda c: _eq(pacticipants.latest_version(c, "Condor"), "1.2.3")),
    Scenario("delete branch", (15, 39), lambda c: _eq(pacticipants.delete_branch(c, "Foo", "main"), True)),
    Scenario("record deployment: environment unavailable", (16, 17, 20), _record_deployment_unavailable),
    Scenario("record deployment", (16, 18, 49), _record_deployment),
    Scenario("record release", (16, 19, 50), _record_release),
    Scenario("find environment", (12, 20), _find_environment),
    Scenario("publish contracts", (21, 48), _publish),
    Scenario("update webhook by uuid", (22, 65), _create_webhook(_webhook(**BOTH), uuid=UUID, created=False)),
    Scenario("create webhook with uuid", (22, 29), _create_webhook(_webhook(**BOTH), uuid=UUID)),
    Scenario("latest pacts for provider", (23,), _provider_pacts(None)),
    Scenario("latest tagged pacts for provider", (24,), _provider_pacts("prod")),
    Scenario(
        "successful matrix rows",
        (25,),
        lambda c: _expect_deployable(_matrix(Selector("Foo"), Selector("Bar"), success=True)(c)),
    ),
    Scenario("pact for a version", (26,), _get_pact(version="1.3.0")),
    Scenario(
        "webhook for unknown consumer",
        (28,),
        _raises(lambda c: webhooks.create_webhook(c, _webhook(**BOTH)), 404, "not found"),
    ),
    Scenario("webhook for consumer", (10, 30), _create_webhook(_webhook(consumer="Condor"))),
    Scenario("webhook for pair", (31,), _create_webhook(_webhook(**BOTH))),
    Scenario("webhook for consumer label", (10, 32), _create_webhook(_webhook(consumer_label="consumer_label"))),
    Scenario(
        "webhook for missing consumer",
        (10, 33),
        _raises(lambda c: webhooks.create_webhook(c, _webhook(consumer="Condor")), 400, "consumer.name: Some error"),
    ),
    Scenario("webhook for provider", (10, 34), _create_webhook(_webhook(provider="Pricing Service"))),
    Scenario("webhook for provider label", (10, 35), _create_webhook(_webhook(provider_label="provider_label"))),
    Scenario("webhook with a non-JSON body", (36,), _create_webhook(_webhook(body="<xml></xml>", **BOTH))),
    Scenario("webhook with every event", (37,), _create_webhook(_webhook(events=ALL_EVENTS, **BOTH))),
    Scenario(
        "can-i-deploy ignoring a version",
        (40,),
        lambda c: _check_ignored(
            _matrix(Selector("Bar", "4.5.6"), Selector("Foo", tag="prod"), ignore=[Selector("Foo", "3.4.5")])(c)
        ),
    ),
    Scenario("get pacticipant", (41,), _get_pricing),
    Scenario("get missing pacticipant", (42,), lambda c: _eq(pacticipants.get_pacticipant(c, "Pricing Service"), None)),
    Scenario("list pacticipants", (43,), _list_pacticipants),
    Scenario("list environments", (12, 44), _list_environments),
    Scenario("latest pacts", (45,), _latest_pacts),
    Scenario(
        "repository url of existing",
        (51,),
        lambda c: _eq(pacticipants.register_repository_url(c, "Pricing Service", _REPO), False),
    ),
    Scenario(
        "repository url of new",
        (52,),
        lambda c: _eq(pacticipants.register_repository_url(c, "Pricing Service", _REPO), True),
    ),
    Scenario("update pacticipant", (11, 55, 64), _pacticipant_updated),
    Scenario("latest pact", (57,), _get_pact()),
    Scenario("no latest pact", (58,), lambda c: _eq(pacts.get_pact(c, "Pricing Service", "Condor"), None)),
    Scenario("latest tagged pact", (60,), _get_pact(tag="prod")),
    Scenario("tag a version of a new pacticipant", (61,), _tag(True)),
    Scenario("tag a version", (62,), _tag(True)),
    Scenario("tag an already tagged version", (63,), _tag(False)),
    Scenario(
        "invalid webhook",
        (66,),
        _raises(lambda c: webhooks.create_webhook(c, _webhook(url=None, **BOTH)), 400, "request.url: Some error"),
    ),
]
_REPO = "git@git.realestate.com.au:business-systems/pricing-service"


def _eq(got: object, want: object) -> None:
    assert got == want


def _check_rows(result: matrix.MatrixResult, rows: list[tuple[str, str, str, str]]) -> None:
    assert [(r.consumer, r.consumer_version, r.provider, r.provider_version) for r in result.rows] == rows


def _check_count(result: matrix.MatrixResult, n: int) -> None:
    assert len(result.rows) == n and all(r.success for r in result.rows)


def _check_reason(result: matrix.MatrixResult) -> None:
    assert result.deployable is None and result.reason == "an error message" and result.rows == []


def _check_ignored(result: matrix.MatrixResult) -> None:
    assert result.deployable is True and result.ignored == 1 and result.notices == [("info", "some notice")]
    assert [(r.consumer_version, r.success, r.ignored) for r in result.rows] == [
        ("1.2.3", True, False),
        ("3.4.5", False, True),
    ]


def run_scenario(scenario: Scenario) -> Served:
    served = Served(scenario.interactions)
    transport = stub_transport(served.engine, on_answer=served.observe)
    with BrokerClient("http://broker.test", transport=transport, retries=0) as client:
        scenario.run(client)
    return served


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario: Scenario) -> None:
    stub = run_scenario(scenario)
    assert stub.mismatches == []
    assert sorted(set(stub.matched)) == sorted(scenario.interactions), "every set-up interaction is used"


def test_the_scenarios_exercise_all_67_interactions() -> None:
    assert len(INTERACTIONS) == 67
    covered = {i for s in SCENARIOS for i in s.interactions}
    assert sorted(set(range(67)) - covered) == []


def test_the_session_summary_reports_interactions_requested() -> None:
    from tests.contract.conftest import summary_lines

    ids = {f"tests/contract/broker/test_broker_contract.py::test_scenario[{s.name}]": True for s in SCENARIOS}
    assert summary_lines(ids) == [
        "pact-broker-contract: 67 of 67 interactions requested and answered as the pact expects "
        "(52 of 52 scenarios passed)"
    ]
    ids["tests/contract/broker/test_broker_contract.py::test_scenario[invalid webhook]"] = False  # only one uses 66
    assert "66 of 67 interactions" in summary_lines(ids)[0]
