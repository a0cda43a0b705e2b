"""Security requirements: 401 with WWW-Authenticate, as Prism checks them."""

from __future__ import annotations

import pytest

from tests.mock.conftest import body_json, call, make_engine, violations


@pytest.fixture(scope="module")
def secured():
    return make_engine("security.yaml")


def test_missing_credentials_challenge(secured) -> None:
    r = call(secured, "GET", "/default")
    assert r.status == 401
    assert r.header("www-authenticate") == 'Basic realm="*"'
    assert body_json(r) == {
        "type": "https://stoplight.io/prism/errors#UNAUTHORIZED",
        "title": "Invalid security scheme used",
        "status": 401,
        "detail": (
            "Your request does not fullfil the security requirements and no HTTP unauthorized response was found "
            "in the spec, so Prism is generating this error for you."
        ),
        "headers": {"WWW-Authenticate": 'Basic realm="*"'},
    }
    assert violations(r) == [
        {"location": ["request"], "severity": "Error", "code": 401, "message": "Invalid security scheme used"}
    ]


@pytest.mark.parametrize(
    ("path", "headers", "status", "challenge"),
    [
        ("/default?api_key=1", {}, 200, None),
        ("/default", {"Authorization": "Basic dXNlcjpwdw=="}, 200, None),
        ("/default", {"Authorization": "Basic not-base64!"}, 401, None),
        ("/bearer", {"Authorization": "Bearer token"}, 200, None),
        ("/bearer", {"Authorization": "Basic abc"}, 401, "Bearer"),
        ("/both", {"Cookie": "sid=1"}, 401, "OAuth2"),
        ("/both", {"Cookie": "sid=1", "Authorization": "Bearer t"}, 200, None),
        ("/open", {}, 200, None),
    ],
)
def test_schemes(secured, path: str, headers: dict[str, str], status: int, challenge: str | None) -> None:
    r = call(secured, "GET", path, headers)
    assert r.status == status
    assert r.header("www-authenticate") == challenge


def test_contract_401_response_is_used(secured) -> None:
    r = call(secured, "GET", "/own401")
    assert r.status == 401 and body_json(r) == {"error": "denied"}
