"""Postman collections served as contracts."""

from __future__ import annotations

import pytest

from apictl.specs.postman import infer_schema, is_collection, to_openapi
from tests.mock.conftest import body_json, call, make_engine


@pytest.fixture(scope="module")
def todos():
    return make_engine("collection.json")  # note the trailing comma: accepted, as Prism does


def test_conversion_shape() -> None:
    doc = to_openapi({"info": {"name": "x"}, "item": [{"request": {"method": "PUT", "url": "http://h/a/:b"}}]})
    op = doc["paths"]["/a/{b}"]["put"]
    assert op["parameters"] == [{"name": "b", "in": "path", "required": True, "schema": {"type": "string"}}]
    assert is_collection({"info": {}, "item": []}) and not is_collection({"openapi": "3.0.0", "info": {}, "item": []})
    assert infer_schema({"a": [1], "b": None}) == {
        "type": "object",
        "properties": {"a": {"type": "array", "items": {"type": "integer"}}, "b": {}},
    }


def test_saved_responses_are_served(todos) -> None:
    r = call(todos, "GET", "/todos?limit=3", {"X-Key": "k"})
    assert r.status == 200 and body_json(r) == [{"id": 1, "title": "a"}, {"id": 2, "title": "b"}]
    assert r.header("x-count") == "2"
    assert call(todos, "GET", "/todos", {"X-Key": "k", "Accept": "text/plain"}).body == b"a, b"
    assert body_json(call(todos, "GET", "/todos/9?__example=two", {"X-Key": "k"})) == {"id": 2, "title": "b"}
    assert call(todos, "GET", "/todos/9?__code=404", {"X-Key": "k"}).status == 404


def test_auth_is_inherited_and_overridden(todos) -> None:
    assert call(todos, "GET", "/todos").status == 401
    assert call(todos, "GET", "/health").status == 204
    denied = call(todos, "POST", "/todos", {"X-Key": "k"}, body={"title": "x"})
    assert denied.status == 401 and denied.header("www-authenticate") == "Bearer"


def test_request_body_schema_is_inferred(todos) -> None:
    ok = call(todos, "POST", "/todos", {"Authorization": "Bearer t"}, body={"title": "x", "done": True})
    assert ok.status == 201 and body_json(ok)["id"] == 3
    bad = call(todos, "POST", "/todos", {"Authorization": "Bearer t"}, body={"title": 5})
    assert bad.status == 422
    assert body_json(bad)["validation"][0]["message"] == "Request body property title must be string"
