"""`apictl contract check` through the real entry point: every --format, exit
codes 0/1/2, --fail-on, and each class of bad input (one line, exit 2)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.cli.helpers import assert_error_lines, first_error, invoke
from tests.contract.check.helpers import CASES, FIXTURES

SPEC = FIXTURES / "petstore.yaml"
BAD = FIXTURES / "bad"
FINDINGS = CASES / "request.body.incompatible" / "pact.json"
WARNINGS_ONLY = CASES / "request.query.unknown" / "pact.json"
CLEAN = CASES / "clean" / "pact.json"


def test_exit_codes() -> None:
    assert invoke("contract", "check", CLEAN, "--spec", SPEC).exit_code == 0
    assert invoke("contract", "check", FINDINGS, "--spec", SPEC).exit_code == 1
    assert invoke("contract", "check", WARNINGS_ONLY, "--spec", SPEC).exit_code == 0  # errors gate by default
    assert invoke("contract", "check", WARNINGS_ONLY, "--spec", SPEC, "--fail-on", "warn").exit_code == 1
    assert invoke("contract", "check", CLEAN, "--spec", SPEC, "--fail-on", "nope").exit_code == 2


def test_json_locates_findings_in_the_pact_and_the_spec() -> None:
    result = invoke("contract", "check", FINDINGS, "--spec", SPEC, "-f", "json")
    [d] = json.loads(result.stdout)["diagnostics"]
    assert d["code"] == "request.body.incompatible"
    assert d["file"] == str(FINDINGS)
    assert d["pointer"] == "/interactions/0/request/body/name"
    assert d["range"]["start"]["line"] > 1
    assert "petstore.yaml:" in d["message"]
    assert d["interaction"] == "bad pet"
    assert d["spec"]["file"] == str(SPEC) and d["spec"]["pointer"].endswith("/schema") and d["spec"]["line"] > 1


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "markdown"])
def test_every_format(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"report.{fmt}"
    result = invoke("contract", "check", FINDINGS, "--spec", SPEC, "-f", fmt, "-o", out)
    assert result.exit_code == 1
    text = out.read_text()
    assert "request.body.incompatible" in text or "request-body-incompatible" in text
    if fmt in ("json", "sarif"):
        data = json.loads(text)
        if fmt == "sarif":
            [run] = data["runs"]
            assert run["results"][0]["ruleId"] == "request.body.incompatible"
            [spec_at] = run["results"][0]["relatedLocations"]  # where the description says otherwise
            assert spec_at["physicalLocation"]["artifactLocation"]["uri"] == str(SPEC)
            assert spec_at["physicalLocation"]["region"]["startLine"] > 1
            rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
            assert "request.body.incompatible" in rules
    if fmt == "junit":
        assert ET.fromstring(text).iter("failure")


def test_pact_folder_and_several_pacts(tmp_path: Path) -> None:
    one = invoke("contract", "check", FINDINGS, "--spec", SPEC, "-f", "json")
    both = invoke("contract", "check", FINDINGS, WARNINGS_ONLY, "--spec", SPEC, "-f", "json")
    assert len(json.loads(both.stdout)["diagnostics"]) == len(json.loads(one.stdout)["diagnostics"]) + 1
    (tmp_path / "web-petstore.json").write_bytes(WARNINGS_ONLY.read_bytes())
    (tmp_path / "nested").mkdir()  # not searched: like stub, verify and publish (contract/sources.py)
    (tmp_path / "nested" / "other.json").write_bytes(FINDINGS.read_bytes())
    folder = invoke("contract", "check", tmp_path, "--spec", SPEC, "-f", "json")
    assert [d["code"] for d in json.loads(folder.stdout)["diagnostics"]] == ["request.query.unknown"]


@pytest.mark.parametrize(
    ("pact", "spec", "message"),
    [
        (BAD / "truncated.json", SPEC, "truncated.json:2:1: invalid JSON"),
        (BAD / "unknown-version.json", SPEC, "unknown-version.json:1:111: unknown pact specification version"),
        (BAD / "not-a-pact.json", SPEC, "not a pact file"),
        (BAD / "bad-interaction.json", SPEC, "'path' must be a string"),
        (Path("no-such-pact.json"), SPEC, "no-such-pact.json: no such file"),
        (BAD / "empty-dir", SPEC, "no pact files"),
        (CLEAN, BAD / "broken-spec.yaml", "broken-spec.yaml:3:1: invalid YAML"),
        (CLEAN, BAD / "not-openapi.yaml", "not an OpenAPI document"),
        (CLEAN, BAD / "broken-ref.yaml", "broken-ref.yaml:12:17: unresolvable $ref './missing.yaml#/Pet'"),
        (CLEAN, Path("no-such-spec.yaml"), "no-such-spec.yaml: OpenAPI description not found"),
        (CLEAN, FIXTURES, "not a file"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(pact: Path, spec: Path, message: str) -> None:
    result = invoke("contract", "check", pact, "--spec", spec)
    assert result.exit_code == 2
    assert_error_lines(result)
    assert message in first_error(result)


def test_hostile_values_are_shown_safely(tmp_path: Path) -> None:
    pact = {
        "consumer": {"name": "a"},
        "provider": {"name": "b"},
        "interactions": [
            {
                "description": "\x1b[31mred\x1b[0m",
                "request": {"method": "GET", "path": "/\x1b[2J\u202e"},
                "response": {"status": 200},
            }
        ],
        "metadata": {"pactSpecification": {"version": "2.0.0"}},
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(pact))
    result = invoke("contract", "check", path, "--spec", SPEC)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout


def test_choose_contract_by_provider_name() -> None:
    from apictl.contract.check.run import choose_contract

    contracts = ["api/orders/openapi.yaml", "api/inventory-service.yaml", "tests/contract/check/fixtures/petstore.yaml"]
    titles: dict[str, str] = {}
    assert choose_contract("orders", contracts, titles) == "api/orders/openapi.yaml"  # by folder
    assert choose_contract("Inventory", contracts, titles) == "api/inventory-service.yaml"  # by file, suffix aside
    assert choose_contract("petstore-api", contracts, titles) == "tests/contract/check/fixtures/petstore.yaml"
    assert choose_contract("billing", contracts, titles) is None
    assert choose_contract("anything", ["only.yaml"], titles) == "only.yaml"


def test_ref_lookalikes_are_not_references(tmp_path: Path) -> None:
    """A property named `$ref` (Kubernetes' JSONSchemaProps) and a `$ref` inside
    an example are not references: the description loads."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /pets:\n"
        "    get:\n"
        "      responses:\n"
        "        '200':\n"
        "          description: ok\n"
        "          content:\n"
        "            application/json:\n"
        "              schema: {$ref: '#/components/schemas/Props'}\n"
        "components:\n"
        "  schemas:\n"
        "    Props:\n"
        "      type: object\n"
        "      properties:\n"
        "        $ref: {type: string}\n"
        "      example:\n"
        "        $ref: '#/nowhere'\n"
    )
    result = invoke("contract", "check", CLEAN, "--spec", spec, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr


def test_routing_is_method_aware(tmp_path: Path) -> None:
    """DELETE /items/mine reaches /items/{id} (which has DELETE), not the literal
    /items/mine (which has only GET)."""
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths:\n"
        "  /items/mine:\n"
        "    get:\n"
        "      responses: {'200': {description: ok}}\n"
        "  /items/{id}:\n"
        "    parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n"
        "    delete:\n"
        "      responses: {'204': {description: gone}}\n"
    )
    pact = tmp_path / "pact.json"
    pact.write_text(
        json.dumps(
            {
                "consumer": {"name": "a"},
                "provider": {"name": "b"},
                "interactions": [
                    {
                        "description": "d",
                        "request": {"method": "DELETE", "path": "/items/mine"},
                        "response": {"status": 204},
                    }
                ],
                "metadata": {"pactSpecification": {"version": "2.0.0"}},
            }
        )
    )
    result = invoke("contract", "check", pact, "--spec", spec, "-f", "json")
    assert json.loads(result.stdout)["diagnostics"] == []


def test_pact_from_a_url() -> None:
    """A pact fetched over http (a broker's pact resource), served on 127.0.0.1."""
    import http.server
    import threading

    body = FINDINGS.read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            found = self.path == "/pacts/provider/petstore/consumer/web/latest"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body if found else b"{}")

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/pacts/provider/petstore/consumer/web"
        result = invoke("contract", "check", f"{base}/latest", "--spec", SPEC, "-f", "json")
        assert result.exit_code == 1
        [d] = json.loads(result.stdout)["diagnostics"]
        assert d["code"] == "request.body.incompatible" and d["file"] == f"{base}/latest"
        missing = invoke("contract", "check", f"{base}/nope", "--spec", SPEC)
        assert missing.exit_code == 2 and "HTTP 404" in first_error(missing)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
