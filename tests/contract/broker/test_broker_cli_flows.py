"""Broker command flows the broker's own contract cannot chain (its environment links are
placeholders): a scripted broker answers them on 127.0.0.1."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.cli.helpers import invoke
from tests.contract.servers import serve_function

MATRIX_UNKNOWN = {"matrix": [], "summary": {"deployable": None, "reason": "no verification yet", "unknown": 1}}
MATRIX_YES = {"matrix": [], "summary": {"deployable": True, "reason": "all verified", "unknown": 0}}


class Script:
    def __init__(self, answers: dict[tuple[str, str], list[Any]]) -> None:
        self.answers = answers
        self.seen: list[tuple[str, str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        base = f"http://{request.url.netloc.decode()}"
        body = json.loads(request.content) if request.content else None
        self.seen.append((request.method, request.url.raw_path.decode(), body))
        queue = self.answers.get((request.method, request.url.path), [])
        if not queue:
            return httpx.Response(404, json={"error": "unexpected"})
        answer = queue.pop(0) if len(queue) > 1 else queue[0]
        return httpx.Response(200, json=json.loads(json.dumps(answer).replace("BASE", base)))


def test_can_i_deploy_to_an_environment_retries_while_unknown() -> None:
    script = Script({("GET", "/matrix"): [MATRIX_UNKNOWN, MATRIX_YES]})
    with serve_function(script) as url:
        result = invoke(
            "contract", "can-i-deploy", "-a", "orders", "-e", "abc", "--to-environment", "production",
            "--retry-while-unknown", "3", "--retry-interval", "0", "--broker-url", url,
        )  # fmt: skip
    assert result.exit_code == 0 and "Computer says yes" in result.stdout and "all verified" in result.stdout
    queries = [path for _, path, _ in script.seen]
    assert queries == ["/matrix?q[][pacticipant]=orders&q[][version]=abc&environment=production&latestby=cvp"] * 2


def test_record_undeployment_finds_the_environment_and_the_deployment() -> None:
    environment = {"_links": {"pb:currently-deployed-deployed-versions": {"href": "BASE/environments/e1/deployed"}}}
    deployed = {
        "_embedded": {
            "deployedVersions": [
                {"applicationInstance": "blue", "_links": {"self": {"href": "BASE/deployed-versions/d1"}}},
                {"applicationInstance": "green", "_links": {"self": {"href": "BASE/deployed-versions/d2"}}},
            ]
        }
    }
    script = Script(
        {
            ("GET", "/"): [{"_links": {"pb:environments": {"href": "BASE/environments"}}}],
            ("GET", "/environments"): [{"_embedded": {"environments": [{"name": "production", "uuid": "e1"}]}}],
            ("GET", "/environments/e1"): [environment],
            ("GET", "/environments/e1/deployed"): [deployed],
            ("PATCH", "/deployed-versions/d2"): [
                {"currentlyDeployed": False, "_embedded": {"version": {"number": "7"}}}
            ],
        }
    )
    with serve_function(script) as url:
        args = ("contract", "record-undeployment", "-a", "orders", "--environment", "production")
        result = invoke(*args, "--application-instance", "green", "--broker-url", url)
        missing = invoke(*args, "--application-instance", "red", "--broker-url", url)
    assert (result.exit_code, result.stdout) == (0, "Recorded undeployment of orders version(s) 7 from production\n")
    assert ("PATCH", "/deployed-versions/d2", {"currentlyDeployed": False}) in script.seen
    assert not any(path == "/deployed-versions/d1" for _, path, _ in script.seen)
    assert missing.exit_code == 2 and "orders (instance 'red') is not currently deployed there" in missing.stderr


def test_describe_version() -> None:
    index = {
        "_links": {
            "pb:latest-version": {"href": "BASE/pacticipants/{pacticipant}/latest-version"},
            "pb:latest-tagged-version": {"href": "BASE/pacticipants/{pacticipant}/latest-version/{tag}"},
        }
    }
    script = Script(
        {
            ("GET", "/"): [index],
            ("GET", "/pacticipants/Condor/latest-version"): [{"number": "1.2.3"}],
            ("GET", "/pacticipants/Condor/latest-version/production"): [{"number": "1.2.0"}],
        }
    )
    with serve_function(script) as url:
        latest = invoke("contract", "describe-version", "-a", "Condor", "--broker-url", url)
        tagged = invoke(
            "contract", "describe-version", "-a", "Condor", "-l", "production", "-f", "json", "--broker-url", url
        )
        missing = invoke("contract", "describe-version", "-a", "Nobody", "--broker-url", url)
    assert (latest.exit_code, latest.stdout) == (0, "1.2.3\n")
    assert json.loads(tagged.stdout) == {"pacticipant": "Condor", "tag": "production", "number": "1.2.0"}
    assert (missing.exit_code, missing.stderr) == (1, "Nobody has no version in the broker\n")
