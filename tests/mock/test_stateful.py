"""--stateful: CRUD inferred from the contract, never breaking it."""

from __future__ import annotations

import pytest

from apictl.mock.mount import Mount
from apictl.mock.stateful import Store, merge_patch
from tests.mock.conftest import body_json, call, make_engine, violations


@pytest.fixture()
def crud():
    engine = make_engine("petstore.yaml", stateful=True)
    Store().attach(engine)
    return engine


def test_create_read_update_delete(crud) -> None:
    assert body_json(call(crud, "GET", "/pets")) == []
    created = call(crud, "POST", "/pets", body={"name": "Fido", "secret": "s3cret"})
    assert created.status == 201 and created.header("location") == "/pets/1"
    pet = body_json(created)
    assert pet["id"] == 1 and pet["name"] == "Fido" and "secret" not in pet
    assert violations(created) == []
    call(crud, "POST", "/pets", body={"name": "Tom", "tag": "cat"})
    assert [p["name"] for p in body_json(call(crud, "GET", "/pets"))] == ["Fido", "Tom"]
    assert [p["id"] for p in body_json(call(crud, "GET", "/pets?limit=1&offset=1"))] == [2]
    assert body_json(call(crud, "GET", "/pets/2"))["tag"] == "cat"
    patched = body_json(call(crud, "PATCH", "/pets/2", body={"tag": "lion"}))
    assert patched == {**patched, "id": 2, "name": "Tom", "tag": "lion"}
    replaced = body_json(call(crud, "PUT", "/pets/2", body={"name": "Tim"}))
    assert replaced["id"] == 2 and replaced["name"] == "Tim"
    assert call(crud, "DELETE", "/pets/2").status == 401  # the contract wants an API key
    assert call(crud, "DELETE", "/pets/2", {"X-API-Key": "k"}).status == 204
    missing = call(crud, "GET", "/pets/2")
    assert missing.status == 404 and body_json(missing) == {"message": "no such pet"}  # the contract's 404


def test_invalid_requests_are_not_stored(crud) -> None:
    assert call(crud, "POST", "/pets", body={"tag": "nameless"}).status == 422
    assert body_json(call(crud, "GET", "/pets")) == []


def test_paths_that_are_not_collections_are_mocked(crud) -> None:
    assert body_json(call(crud, "GET", "/pets/mine")) == [{"id": 7, "name": "Mine"}]


def test_admin_routes(crud) -> None:
    call(crud, "POST", "/pets", body={"name": "Fido"})
    state = body_json(call(crud, "GET", "/__apictl/state"))
    assert list(state["/v1/pets"]) == ["1"]
    assert call(crud, "POST", "/__apictl/reset").status == 204
    assert body_json(call(crud, "GET", "/pets")) == []
    assert call(crud, "GET", "/__apictl/unknown").status == 404


def test_merge_patch() -> None:
    assert merge_patch({"a": 1, "b": {"c": 2, "d": 3}}, {"a": None, "b": {"c": 5}}) == {"b": {"c": 5, "d": 3}}


def test_one_store_across_mounted_specs() -> None:
    store = Store()
    pets = make_engine("petstore.yaml", stateful=True)
    things = make_engine("swagger2.yaml", stateful=True)
    store.attach(pets)
    store.attach(things)
    mount = Mount([pets, things])
    call(mount, "POST", "/v1/pets", body={"name": "Fido"})
    assert len(body_json(call(mount, "GET", "/v1/pets"))) == 1
    assert call(mount, "GET", "/v2/things/1").status == 404  # a collection (it has POST): nothing stored yet
    assert list(body_json(call(mount, "GET", "/__apictl/state"))) == ["/v1/pets"]
