"""Security requirements checked the way Prism checks them: credentials must be
present and well-formed (a mock cannot verify them). A failing requirement
gives 401 with a `WWW-Authenticate` header naming the schemes that could have
been used."""

from __future__ import annotations

import re
from collections.abc import Mapping

from apictl.mock.model import SecurityScheme

_BASE64 = re.compile(r"^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{4}|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2}==)$")
_DIGEST_FIELDS = ("username", "realm", "nonce", "uri", "response")
BASIC_CHALLENGE = 'Basic realm="*"'
DIGEST_CHALLENGE = 'Digest realm="*", nonce="abc123"'


def _authorization(headers: Mapping[str, str]) -> tuple[str, str] | None:
    value = headers.get("authorization")
    if value is None:
        return None
    scheme, _, token = value.strip().partition(" ")
    return scheme.lower(), token.strip()


def _check(
    scheme: SecurityScheme, headers: Mapping[str, str], query: Mapping[str, list[str]], cookies: Mapping[str, str]
) -> tuple[bool, str | None]:
    """(satisfied, challenge to advertise when not)."""
    kind = scheme.kind
    if kind == "apiKey":
        name = scheme.param
        if scheme.location == "query":
            return name in query, None
        if scheme.location == "cookie":
            return name in cookies, None
        return name.lower() in headers, None
    if kind == "mutualTLS":
        return True, None
    auth = _authorization(headers)
    if kind == "basic":
        if auth is None or auth[0] != "basic":
            return False, BASIC_CHALLENGE
        return bool(_BASE64.match(auth[1])), None
    if kind == "digest":
        if auth is None or auth[0] != "digest":
            return False, DIGEST_CHALLENGE
        return all(f + "=" in auth[1] for f in _DIGEST_FIELDS), None
    challenge = {"bearer": "Bearer", "oauth2": "OAuth2", "openIdConnect": "OpenID"}.get(kind)
    if challenge is not None:
        return auth is not None and auth[0] == "bearer" and bool(auth[1]), challenge
    # another HTTP scheme (e.g. HOBA, Mutual): its name must lead the header
    return auth is not None and auth[0] == scheme.name.lower(), None


def check(
    requirements: list[list[SecurityScheme]],
    headers: Mapping[str, str],
    query: Mapping[str, list[str]],
    cookies: Mapping[str, str],
) -> tuple[bool, str]:
    """(satisfied, WWW-Authenticate value). Satisfied when every scheme of one
    alternative is; otherwise the challenges of all failing schemes, in order."""
    if not requirements:
        return True, ""
    challenges: list[str] = []
    for group in requirements:
        ok = True
        for scheme in group:
            passed, challenge = _check(scheme, headers, query, cookies)
            if not passed:
                ok = False
                if challenge and challenge not in challenges:
                    challenges.append(challenge)
        if ok:
            return True, ""
    return False, ",".join(challenges)
