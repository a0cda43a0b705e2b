"""Generators fill in responses: each kind produces a value of its shape."""

from __future__ import annotations

import random
import re
import uuid
from typing import Any

import pytest

from apictl.contract.generators import GenerationContext, apply_generators, generate
from apictl.contract.rules import Generators


def _ctx(**params: Any) -> GenerationContext:
    return GenerationContext(params, "http://127.0.0.1:8080", random.Random(7))


@pytest.mark.parametrize(
    ("generator", "check"),
    [
        ({"type": "RandomInt", "min": 5, "max": 6}, lambda v: v in (5, 6)),
        ({"type": "RandomDecimal", "digits": 6}, lambda v: isinstance(v, float) and len(str(v)) == 7),
        ({"type": "RandomHexadecimal", "digits": 8}, lambda v: re.fullmatch("[0-9a-f]{8}", v)),
        ({"type": "RandomString", "size": 12}, lambda v: re.fullmatch("[A-Za-z0-9]{12}", v)),
        ({"type": "RandomBoolean"}, lambda v: isinstance(v, bool)),
        ({"type": "Regex", "regex": "[A-Z]{3}-\\d{2}"}, lambda v: re.fullmatch("[A-Z]{3}-\\d{2}", v)),
        ({"type": "Uuid"}, lambda v: str(uuid.UUID(v)) == v),
        ({"type": "Uuid", "format": "simple"}, lambda v: re.fullmatch("[0-9a-f]{32}", v)),
        ({"type": "Uuid", "format": "upper-case-hyphenated"}, lambda v: v == v.upper() and len(v) == 36),
        ({"type": "Uuid", "format": "URN"}, lambda v: v.startswith("urn:uuid:")),
        ({"type": "Date", "format": "yyyy-MM-dd"}, lambda v: re.fullmatch(r"\d{4}-\d{2}-\d{2}", v)),
        ({"type": "Time", "format": "HH:mm"}, lambda v: re.fullmatch(r"\d{2}:\d{2}", v)),
        ({"type": "DateTime"}, lambda v: re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}", v)),
        ({"type": "DateTime", "format": "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"}, lambda v: re.fullmatch(r".{19}\.\d{3}.+", v)),
        ({"type": "ProviderState", "expression": "${id}", "dataType": "INTEGER"}, lambda v: v == 42),
        ({"type": "ProviderState", "expression": "/items/${id}"}, lambda v: v == "/items/42"),
        ({"type": "ProviderState", "expression": "${missing}"}, lambda v: v == "example"),
        (
            {"type": "MockServerURL", "example": "http://localhost:1234/items/1", "regex": ".*(/items/\\d+)$"},
            lambda v: v == "http://127.0.0.1:8080/items/1",
        ),
    ],
)
def test_generator(generator: dict[str, Any], check: Any) -> None:
    value = generate(generator, "example", _ctx(id="42"))
    assert check(value), value


def test_status_header_and_body_generators() -> None:
    generators = Generators(
        {
            "status": {"": {"type": "RandomInt", "min": 201, "max": 201}},
            "header": {"X-Request-Id": {"type": "Uuid"}},
            "body": {"$.items[*].id": {"type": "RandomInt", "min": 1, "max": 3}, "$.next": {"type": "RandomBoolean"}},
        }
    )
    body = {"items": [{"id": 100}, {"id": 200}], "next": "x"}
    status, headers, out = apply_generators(200, [("x-request-id", "abc"), ("a", "b")], body, generators, _ctx())
    assert status == 201
    assert headers[1] == ("a", "b") and str(uuid.UUID(headers[0][1])) == headers[0][1]
    assert all(1 <= item["id"] <= 3 for item in out["items"]) and isinstance(out["next"], bool)
