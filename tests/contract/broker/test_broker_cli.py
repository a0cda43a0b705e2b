"""The broker commands through the real entry point, against the broker's own contract
served on 127.0.0.1 (a free port) by apictl's stub: its engine behind the ASGI adapter
`apictl contract stub` serves (see test_broker_contract.py)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from apictl.serve.asgi import AsgiApp
from tests.cli.helpers import invoke
from tests.contract.broker.test_broker_contract import INTERACTIONS, PACT_FILE, SHA, Served
from tests.contract.servers import serve_asgi, serve_function

pytestmark = pytest.mark.skipif(not PACT_FILE.is_file(), reason="peer suite pact-broker-contract not present")


@contextmanager
def broker(*indexes: int) -> Iterator[str]:
    served = Served(indexes)
    with serve_asgi(AsgiApp(served.handle)) as url:
        yield url
    assert served.mismatches == []
    assert sorted(set(served.matched)) == sorted(indexes)


def _run(url: str, *args: str) -> tuple[int, str, str]:
    result = invoke("contract", *args, "--broker-url", url)
    return result.exit_code, result.stdout, result.stderr


def test_publish(tmp_path: Path) -> None:
    pact = tmp_path / "Foo-Bar.json"
    pact.write_bytes(base64.b64decode(INTERACTIONS[48]["request"]["body"]["contracts"][0]["content"]))
    with broker(21, 48) as url:
        code, out, err = _run(
            url, "publish", str(pact), "--consumer-app-version", SHA, "--branch", "main", "--tag", "dev",
            "--build-url", "http://build", "--merge",
        )  # fmt: skip
    assert (code, out, err) == (0, "info: some message\n", "")


def test_publish_refuses_empty_and_malformed_pacts(tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_text("")
    (tmp_path / "bad.json").write_text('{"consumer": ')
    for name, words in (("empty.json", "is empty (0 bytes"), ("bad.json", "bad.json:1:")):
        code, _, err = _run("http://127.0.0.1:9", "publish", str(tmp_path / name), "--consumer-app-version", "1")
        assert code == 2 and words in err and err.count("\n") == 1


def test_can_i_deploy_yes() -> None:
    with broker(9) as url:
        code, out, _ = _run(url, "can-i-deploy", "--pacticipant", "Foo", "--version", "1.2.3")
    assert code == 0
    assert out.splitlines()[:2] == [
        "CONSUMER | C.VERSION | PROVIDER | P.VERSION | SUCCESS? | RESULT#",
        "Foo      | 4         | Bar      | 5         | true     | 1",
    ]
    assert "Computer says yes \\o/" in out and "some text" in out


def test_can_i_deploy_unknown_is_no_and_json() -> None:
    with broker(8) as url:
        code, out, _ = _run(
            url, "can-i-deploy", "-a", "Foo", "-e", "1.2.3", "-a", "Bar", "-e", "9.9.9", "--format", "json"
        )
    assert code == 1
    assert json.loads(out)["reason"] == "an error message" and json.loads(out)["deployable"] is None
    with broker(8) as url:
        code, _, _ = _run(url, "can-i-deploy", "-a", "Foo", "-e", "1.2.3", "-a", "Bar", "-e", "9.9.9", "--dry-run")
    assert code == 0


def test_can_i_deploy_with_tag_and_ignore() -> None:
    with broker(40) as url:
        code, out, _ = _run(
            url, "can-i-deploy", "-a", "Bar", "-e", "4.5.6", "-a", "Foo", "--all", "prod", "--ignore", "Foo@3.4.5"
        )
    assert code == 0
    assert "Foo      | 3.4.5     | Bar      | 4.5.6     | ignored  | 2" in out and "[info] some notice" in out


def test_can_i_deploy_broker_error_is_one_line() -> None:
    with broker(6) as url:
        code, _, err = _run(url, "can-i-deploy", "-a", "Wiffle", "-e", "1.2.3", "-a", "Meep", "-e", "9.9.9")
    assert code == 2
    query = "q[][pacticipant]=Wiffle&q[][version]=1.2.3&q[][pacticipant]=Meep&q[][version]=9.9.9&latestby=cvpv"
    assert err == f"apictl: error: broker: GET {url}/matrix?{query}: HTTP 400: an error message\n"


def test_record_deployment_and_release() -> None:
    args = ("--pacticipant", "Foo", "--version", SHA, "--environment", "test")
    with broker(16, 18, 49) as url:
        assert _run(url, "record-deployment", *args, "--application-instance", "blue")[:2] == (
            0,
            f"Recorded deployment of Foo version {SHA} to test\n",
        )
    with broker(16, 19, 50) as url:
        assert _run(url, "record-release", *args)[0] == 0
    with broker(16, 17, 20) as url:
        code, _, err = _run(url, "record-deployment", *args)
    assert code == 2 and "'test' is not available for recording a deployment of Foo" in err and "prod, dev" not in err
    assert "available: dev, prod" in err


def test_environments() -> None:
    with broker(12, 44) as url:
        code, out, _ = _run(url, "environments", "--format", "json")
    assert code == 0 and json.loads(out)[0]["name"] == "test"
    with broker(12, 38) as url:
        code, out, _ = _run(
            url, "create-environment", "--name", "test", "--display-name", "Test", "--no-production",
            "--contact-name", "Foo team", "--contact-email-address", "foo@bar.com",
        )  # fmt: skip
    assert (code, out) == (0, "Created environment test (ffe683ef-dcd7-4e4f-877d-f6eb3db8e86e)\n")


def test_tags_pacticipants_branches() -> None:
    with broker(62) as url:
        assert _run(url, "create-version-tag", "-a", "Condor", "-e", "1.3.0", "-t", "prod")[0] == 0
    with broker(11, 53, 54) as url:
        code, out, _ = _run(url, "create-or-update-pacticipant", "--name", "Foo", "--repository-url", "http://foo")
    assert (code, out) == (0, "Created Foo\n")
    with broker(15, 39) as url:
        assert _run(url, "delete-branch", "-a", "Foo", "--branch", "main")[:2] == (0, "Deleted branch main of Foo\n")


def test_webhook() -> None:
    with broker(10, 27) as url:
        code, out, _ = _run(
            url, "create-or-update-webhook", "https://webhook", "-X", "POST", "-H", "Foo: bar", "-H", "Bar: foo",
            "-d", '{"some": "body"}', "--user", "username:password", "--description", "a webhook",
            "--event", "contract_content_changed",
        )  # fmt: skip
    assert (code, out) == (0, "Created webhook a webhook /some-url\n")
    code, _, err = _run("http://127.0.0.1:9", "create-or-update-webhook", "https://x", "--event", "nope")
    assert code == 2 and "unknown --event nope" in err


def test_no_broker_and_auth_failures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PACT_BROKER_BASE_URL", raising=False)
    result = invoke("contract", "environments")
    assert result.exit_code == 2 and "no broker: give --broker-url" in result.stderr
    with serve_function(lambda request: httpx.Response(401, json={})) as url:
        code, _, err = _run(url, "environments", "--broker-token", "wrong")
    assert code == 2 and err.startswith(f"apictl: error: broker: GET {url}/: HTTP 401 (authentication failed: check")
    assert err.count("\n") == 1


def test_latest_pacts() -> None:
    # (describe-version: see test_broker_cli_flows.py; the contract's index links to a fixed port, 9999)
    with broker(45) as url:
        code, out, _ = _run(url, "list-latest-pact-versions")
    assert code == 0
    assert (
        out
        == "Condor\t1.3.0\tPricing Service\thttp://example.org/pacts/provider/Pricing%20Service/consumer/Condor/version/1.3.0\n"
    )
