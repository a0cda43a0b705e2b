"""Smoke test with real processes and sockets: `apictl contract stub` serves interactions of
the broker's contract on a free port; `apictl contract publish` and `can-i-deploy` talk to it."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.contract.broker.test_broker_contract import INTERACTIONS, PACT_FILE, SHA

pytestmark = pytest.mark.skipif(not PACT_FILE.is_file(), reason="peer suite pact-broker-contract not present")
APICTL = [sys.executable, "-m", "apictl"]


def test_publish_and_can_i_deploy_against_apictl_contract_stub(tmp_path: Path) -> None:
    pact = json.loads(PACT_FILE.read_text())
    pact["interactions"] = [INTERACTIONS[i] for i in (21, 48, 9)]  # index, publish, can-i-deploy
    served = tmp_path / "broker.json"
    served.write_text(json.dumps(pact))
    contract = tmp_path / "Foo-Bar.json"
    contract.write_bytes(base64.b64decode(INTERACTIONS[48]["request"]["body"]["contracts"][0]["content"]))
    stub = subprocess.Popen(
        [*APICTL, "contract", "stub", str(served), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert stub.stdout is not None and stub.stderr is not None
        first = stub.stdout.readline()
        assert "listening on http://127.0.0.1:" in first, first + (
            stub.stderr.read() if stub.poll() is not None else ""
        )
        url = first.split("listening on ", 1)[1].split()[0]
        publish = subprocess.run(
            [*APICTL, "contract", "publish", str(contract), "--consumer-app-version", SHA, "--branch", "main",
             "--tag", "dev", "--build-url", "http://build", "--merge", "--broker-url", url],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        deploy = subprocess.run(
            [*APICTL, "contract", "can-i-deploy", "-a", "Foo", "-e", "1.2.3", "--broker-url", url],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    finally:
        stub.terminate()
        stub.wait(10)
    assert (publish.returncode, publish.stdout, publish.stderr) == (0, "info: some message\n", "")
    assert deploy.returncode == 0 and "Computer says yes" in deploy.stdout
