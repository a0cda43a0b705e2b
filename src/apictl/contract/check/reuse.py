"""The parts of `apictl mock` the pact check reuses, imported in one place.

A pact is checked with the reading of the description that `apictl mock`
serves: the same loader, operation model (2.0 and 3.x as one shape), router
(servers' base paths, templated segments), parameter styles, Ajv-style
coercion and error wording, and media-type matching. Keeping these imports
here lists the dependency once (tests/test_layering.py's ALLOWED_EXCEPTIONS);
should the pieces move to `specs/openapi/`, only this module changes."""

from __future__ import annotations

from apictl.mock import ajv
from apictl.mock.coerce import coerce, resolve, shape
from apictl.mock.model import Content, Operation, Param, Response
from apictl.mock.negotiate import essence, is_json, matches
from apictl.mock.params import MISSING, from_cookie, from_header, from_path, from_query, parse_cookies
from apictl.mock.router import Match, Router
from apictl.mock.spec import MockSpec, load_spec

__all__ = [
    "MISSING",
    "Content",
    "Match",
    "MockSpec",
    "Operation",
    "Param",
    "Response",
    "Router",
    "ajv",
    "coerce",
    "essence",
    "from_cookie",
    "from_header",
    "from_path",
    "from_query",
    "is_json",
    "load_spec",
    "matches",
    "parse_cookies",
    "resolve",
    "shape",
]
