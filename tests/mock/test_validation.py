"""Request validation: parameter styles, coercion, bodies (JSON, form,
multipart, text), content types — with Prism's exact problem documents."""

from __future__ import annotations

import pytest

from tests.mock.conftest import body_json, call, make_engine, violations


@pytest.fixture(scope="module")
def params():
    return make_engine("params.yaml")


@pytest.fixture(scope="module")
def bodies():
    return make_engine("bodies.yaml")


def _validation(response) -> list[tuple[list[str], str]]:
    assert response.status == 422, response.body
    return [(v["location"], v["message"]) for v in body_json(response)["validation"]]


def test_problem_document_is_prisms(params) -> None:
    r = call(params, "GET", "/items/0?ids=1,x&flag=maybe&filter%5Bmin%5D=a&old=1", {"X-Rate": "11"})
    assert r.header("content-type") == "application/problem+json"
    doc = body_json(r)
    assert doc["type"] == "https://stoplight.io/prism/errors#UNPROCESSABLE_ENTITY"
    assert doc["title"] == "Invalid request"
    # the order Prism reports: headers, query, path; schema order within each
    assert _validation(r) == [
        (["header", "x-rate"], "Request header parameter x-rate must be <= 10"),
        (["query", "ids", "1"], "Request query parameter ids.1 must be integer"),
        (["query", "filter", "min"], "Request query parameter filter.min must be integer"),
        (["query", "flag"], "Request query parameter flag must be boolean"),
        (["query", "old"], "Query param old is deprecated"),
        (["path", "id"], "Request path parameter id must be >= 1"),
    ]
    assert doc["validation"][4]["severity"] == "Warning"


def test_styles_are_deserialised(params) -> None:
    ok = "/items/5?tags=x&tags=y&ids=1,2&pipes=a|b&filter%5Bmin%5D=1&flag=true"
    r = call(params, "GET", ok, {"X-Rate": "2.5", "Cookie": "session=beef"})
    assert r.status == 200 and violations(r) == []
    assert call(params, "GET", "/label/.1,2").status == 200
    assert _validation(call(params, "GET", "/label/.1,x")) == [
        (["path", "coords", "1"], "Request path parameter coords.1 must be integer")
    ]
    assert call(params, "GET", "/matrix/;x=1;y=2").status == 200
    assert _validation(call(params, "GET", "/matrix/;x=1;y=q")) == [
        (["path", "point", "y"], "Request path parameter point.y must be integer")
    ]
    assert _validation(call(params, "GET", "/files/toolongname.json")) == [
        (["path", "name"], "Request path parameter name must NOT have more than 5 characters")
    ]


def test_cookies_are_validated(params) -> None:
    assert _validation(call(params, "GET", "/items/1", {"Cookie": "a=b; session=XYZ"})) == [
        (["cookie", "session"], 'Request cookie parameter session must match pattern "^[a-f0-9]+$"')
    ]


def test_deprecated_parameter_is_only_a_warning(params) -> None:
    r = call(params, "GET", "/items/1?old=x")
    assert r.status == 200
    assert violations(r) == [
        {
            "location": ["request", "query", "old"],
            "severity": "Warning",
            "code": "deprecated",
            "message": "Query param old is deprecated",
        }
    ]


def test_json_body(bodies) -> None:
    assert call(bodies, "POST", "/json", body={"name": "Rex", "age": 3}).status == 201
    r = call(bodies, "POST", "/json", body={"name": "R", "tags": ["a", "a"], "kind": "cow", "x": 1})
    assert _validation(r) == [
        (["body"], "Request body must have required property 'age'"),
        (["body"], "Request body must NOT have additional properties; found 'x'"),
        (["body", "name"], "Request body property name must NOT have fewer than 2 characters"),
        (["body", "tags"], "Request body property tags must NOT have duplicate items (items ## 1 and 0 are identical)"),
        (["body", "kind"], "Request body property kind must be equal to one of the allowed values: cat, dog"),
    ]


def test_read_only_properties_are_not_required_in_requests(bodies) -> None:
    assert call(bodies, "POST", "/json", body={"name": "Rex", "age": 3, "id": 1}).status == 201


def test_malformed_json_is_a_400_not_a_crash(bodies) -> None:
    r = call(bodies, "POST", "/json", {"Content-Type": "application/json"}, b'{"name": ')
    assert r.status == 400
    assert body_json(r) == {"error": {"code": "invalid_json", "message": "Invalid JSON"}}  # as Prism


def test_missing_required_body(bodies) -> None:
    r = call(bodies, "POST", "/json", {"Content-Type": "application/json"})
    expected = {"severity": "Error", "code": "required", "message": "Body parameter is required"}
    assert body_json(r)["validation"] == [expected]


def test_form_fields_are_coerced(bodies) -> None:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert call(bodies, "POST", "/form", form, "count=3&colors=red&colors=blue&active=true").status == 200
    assert _validation(call(bodies, "POST", "/form", form, "count=9&colors=green")) == [
        (["body", "count"], "Request body property count must be <= 5"),
        (
            ["body", "colors", "0"],
            "Request body property colors.0 must be equal to one of the allowed values: red, blue",
        ),
    ]


def test_multipart(bodies) -> None:
    boundary = "XyZ"
    payload = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nHello\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\nbytes\r\n--{boundary}--\r\n"
    )
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    assert call(bodies, "POST", "/form", headers, payload).status == 200
    only_file = f'--{boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\nx\r\n--{boundary}--\r\n'
    assert _validation(call(bodies, "POST", "/form", headers, only_file)) == [
        (["body"], "Request body must have required property 'title'")
    ]


def test_unsupported_content_type_is_415(bodies) -> None:
    r = call(bodies, "POST", "/json", {"Content-Type": "application/xml"}, "<a/>")
    assert r.status == 415
    assert body_json(r)["title"] == "Invalid content type"
    assert body_json(r)["detail"] == "Supported content types: application/json"


def test_text_body(bodies) -> None:
    assert call(bodies, "PUT", "/text", {"Content-Type": "text/plain"}, "abc").status == 204
    assert _validation(call(bodies, "PUT", "/text", {"Content-Type": "text/plain"}, "abcd")) == [
        (["body"], "Request body must NOT have more than 3 characters")
    ]


def test_contract_422_response_is_used(petstore) -> None:
    r = call(petstore, "POST", "/pets", body={"tag": "no name"})
    assert r.status == 422 and body_json(r) == {"message": "invalid pet"}
    assert violations(r)[0]["message"] == "must have required property 'name'"


def test_validation_can_be_switched_off() -> None:
    engine = make_engine("bodies.yaml", validate_request=False)
    assert call(engine, "POST", "/json", body={"nope": 1}).status == 201
