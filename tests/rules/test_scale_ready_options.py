"""The `scale-ready` rules' options (tests/rules/test_catalogue.py covers
their defaults through fixtures), and the helpers they judge with."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from apictl.core.config import Config, RuleSetting
from apictl.core.diagnostic import Severity
from apictl.core.registry import find
from apictl.lint.engine import lint_file, load_rules
from apictl.lint.rules.oas.api_version_visible import VERSION_PATTERN, url_versioned
from apictl.lint.rules.oas.request_body_bounded import fixed_length_pattern

FIXTURES = Path("tests/rules/fixtures")
RULES = load_rules()


def _run(name: str, path: Path, **options: Any) -> list[str]:
    """Messages of one rule on one file, with options."""
    rule = find(name)
    assert rule is not None
    cfg = Config(extends=["all"])
    cfg.rules = {r.code: RuleSetting(None) for r in RULES if r.code != rule.code}
    cfg.rules[rule.code] = RuleSetting(Severity.WARN, options)
    result = lint_file(path, cfg)
    assert result.error is None, result.error
    return [d.message for d in result.diagnostics if d.code == rule.code]


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "openapi.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_pagination_names_are_configurable(tmp_path: Path) -> None:
    spec = _write(
        tmp_path,
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /pets:\n    get:\n"
        "      parameters: [{name: from, in: query, schema: {type: string}}]\n"
        "      responses:\n        '200':\n          description: ok\n"
        "          content: {application/json: {schema: {type: object, properties: {pets: {type: array}}}}}\n",
    )
    assert _run("collection-pagination", spec) == []  # `pets` is not a wrapper by default
    assert len(_run("collection-pagination", spec, collection_properties=["pets"])) == 1
    assert _run("collection-pagination", spec, collection_properties=["pets"], position_params=["from"]) == []


def test_rate_limit_scope_all(tmp_path: Path) -> None:
    path = FIXTURES / "OAS503.ok.yaml"
    assert _run("rate-limit-response", path) == []
    messages = _run("rate-limit-response", path, scope="all")
    assert [m.split(" documents")[0] for m in messages] == ["GET /pets"]


def test_rate_limit_headers_option() -> None:
    messages = _run("rate-limit-response", FIXTURES / "OAS503.ok.yaml", headers=["Retry-After"])
    assert len(messages) == 1 and "GET /owners" in messages[0]


def test_cache_headers_option() -> None:
    assert len(_run("get-cache-headers", FIXTURES / "OAS504.ok.yaml", headers=["ETag"])) == 1


def test_error_model_schemas_and_require_body() -> None:
    path = FIXTURES / "OAS506.yaml"
    default = _run("shared-error-model", path)
    assert any("LegacyError" in m for m in default) and any("no body" in m for m in default)
    relaxed = _run("shared-error-model", path, schemas=["LegacyError"], require_body=False)
    assert not any("LegacyError" in m for m in relaxed) and not any("no body" in m for m in relaxed)
    assert len(relaxed) == len(default) - 2


def test_error_model_without_a_majority(tmp_path: Path) -> None:
    body = "\n".join(
        f"        '{code}':\n          description: e\n"
        f"          content: {{application/json: {{schema: {{$ref: '#/components/schemas/E{code}'}}}}}}"
        for code in (400, 404, 409)
    )
    schemas = "\n".join(f"    E{code}: {{type: object}}" for code in (400, 404, 409))
    spec = _write(
        tmp_path,
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /pets:\n    get:\n      responses:\n"
        f"{body}\ncomponents:\n  schemas:\n{schemas}\n",
    )
    messages = _run("shared-error-model", spec)
    assert len(messages) == 2 and all("share no model" in m for m in messages)


def test_idempotency_headers_option() -> None:
    assert _run("idempotency-key", FIXTURES / "OAS507.yaml", headers=["X-Request-Id"]) == [
        "POST /pets creates a resource (`201`) but accepts no `X-Request-Id` header; a client whose request "
        "timed out cannot retry without risking a duplicate"
    ]


def test_version_options() -> None:
    assert _run("api-version-visible", FIXTURES / "OAS508.ok-params.yaml", params=[]) != []
    mixed = FIXTURES / "OAS508.mixed.yaml"
    assert _run("api-version-visible", mixed, unversioned_paths=["/health", "/owners/**"]) == []
    assert len(_run("api-version-visible", mixed, unversioned_paths=[])) == 2
    assert len(_run("api-version-visible", mixed, pattern="release-[0-9]+")) == 1  # no path versioned: API-level


def test_request_body_options() -> None:
    path = FIXTURES / "OAS510.yaml"
    everything = _run("request-body-bounded", path)
    arrays = _run("request-body-bounded", path, strings=False)
    strings = _run("request-body-bounded", path, arrays=False)
    assert arrays and strings and len(arrays) + len(strings) == len(everything)
    assert all("array" in m for m in arrays)
    fewer = _run("request-body-bounded", FIXTURES / "OAS510.ok.yaml", bounded_formats=["binary"])
    assert len(fewer) == 2  # `date` and `uuid` strings are no longer bounded


def test_accepted_allow_retry_after() -> None:
    path = FIXTURES / "OAS511.yaml"
    assert any("GET /stats" in m for m in _run("accepted-status-resource", path))
    assert not any("GET /stats" in m for m in _run("accepted-status-resource", path, allow_retry_after=True))


@pytest.mark.parametrize(
    ("pattern", "bounded"),
    [
        ("^[A-Z]{2}$", True),
        ("^\\d{4}-\\d{2}-\\d{2}$", True),
        ("^(?:abc|[0-9]{1,4})$", True),
        ("\\A[a-z]{3}\\z", True),
        ("^[a-z]+$", False),
        ("^[a-z]*$", False),
        ("^a{2,}$", False),
        ("[a-z]{2}", False),
        ("^[a-z]{2}", False),
        ("^a$|b", False),
        ("^[+*]{2}$", True),
        ("^\\+\\d{2}$", True),
        ("^[a-z]{2}\\$", False),
    ],
)
def test_fixed_length_pattern(pattern: str, bounded: bool) -> None:
    assert fixed_length_pattern(pattern) is bounded


@pytest.mark.parametrize(
    ("url", "versioned"),
    [
        ("https://api.example.org/v1", True),
        ("https://api.example.org/api/v2.1/", True),
        ("https://api.example.org/v1beta1", True),
        ("https://api.example.org/2024-01-01", True),
        ("https://api.example.org/v2024-01-01", True),
        ("https://api.example.org/rest/api/2", True),
        ("https://api.example.org/api-v3", True),
        ("https://v2.api.example.org", True),
        ("/v1", True),
        ("https://api.example.org", False),
        ("https://api.example.org/api", False),
        ("https://10.0.0.1:8080/api", False),
        ("https://api.example.org/pets-2", False),
        ("https://api2.example.org/", False),
    ],
)
def test_url_versioned(url: str, versioned: bool) -> None:
    assert url_versioned(url, re.compile(VERSION_PATTERN), {}) is versioned


def test_server_variables_and_path_templates() -> None:
    rx = re.compile(VERSION_PATTERN)
    assert url_versioned("https://api.example.org/{v}", rx, {"v": {"default": "v3"}})
    assert url_versioned("https://api.example.org/{apiVersion}", rx, {"apiVersion": {"default": "latest"}})
    assert not url_versioned("https://api.example.org/{base}", rx, {"base": {"default": "api"}})
    assert not url_versioned("/documents/{version}", rx, None)  # a path template's variable is data
