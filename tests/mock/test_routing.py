"""Routing: concrete before templated paths, base paths, 404/405, HEAD."""

from __future__ import annotations

from apictl.mock.router import Router
from tests.mock.conftest import body_json, call, make_engine


def test_concrete_path_beats_template(petstore) -> None:
    assert body_json(call(petstore, "GET", "/pets/mine")) == [{"id": 7, "name": "Mine"}]
    assert body_json(call(petstore, "GET", "/pets/2"))["name"] == "Rex"


def test_server_base_path_is_an_optional_prefix(petstore) -> None:
    assert call(petstore, "GET", "/v1/pets/mine").status == 200
    assert call(petstore, "GET", "/pets/mine").status == 200
    assert call(petstore, "GET", "/v2/pets/mine").status == 404


def test_unknown_path_and_method_answer_prism_problems(petstore) -> None:
    missing = call(petstore, "GET", "/nope")
    assert missing.status == 404
    assert missing.header("content-type") == "application/problem+json"
    assert body_json(missing) == {
        "type": "https://stoplight.io/prism/errors#NO_PATH_MATCHED_ERROR",
        "title": "Route not resolved, no path matched",
        "status": 404,
        "detail": "The route /nope hasn't been found in the specification file",
    }
    wrong = call(petstore, "TRACE", "/pets")
    assert wrong.status == 405
    assert body_json(wrong)["detail"] == 'The route /pets has been matched, but it does not have "trace" method defined'


def test_head_needs_its_own_operation_and_has_no_body(petstore) -> None:
    assert call(petstore, "HEAD", "/pets").status == 405
    engine = make_engine("params.yaml")
    assert call(engine, "HEAD", "/items/1").status == 405


def test_partial_segment_templates_and_encoded_segments() -> None:
    router = Router(["/files/{name}.json", "/a b/{x}", "/users/{id}", "/users/{id}/pets/{pet}"])
    assert router.match("/files/report.json").params == {"name": "report"}
    assert router.match("/a%20b/c%2Fd").params == {"x": "c/d"}
    assert router.match("/users/7/pets/3").params == {"id": "7", "pet": "3"}
    assert router.match("/users/7/pets") is None
    assert router.match("/users//pets/3").params == {"id": "", "pet": "3"}


def test_more_literal_template_wins() -> None:
    router = Router(["/{a}/{b}", "/users/{id}"])
    assert router.match("/users/1").path == "/users/{id}"
