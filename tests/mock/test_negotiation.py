"""Content negotiation (Accept with q-values and wildcards, 406) and response
selection (Prefer / __code, lowest 2xx, default, ranges)."""

from __future__ import annotations

from apictl.mock.negotiate import parse_accept, preferred
from tests.mock.conftest import body_json, call


def test_accept_ranking_follows_negotiator() -> None:
    offers = ["application/json", "application/xml", "text/plain"]
    assert preferred(offers, parse_accept("application/xml;q=0.9, application/json;q=0.8")) == [1, 0]
    assert preferred(offers, parse_accept("text/*, application/json;q=0.5")) == [2, 0]
    assert preferred(offers, parse_accept("*/*")) == [0, 1, 2]
    assert preferred(offers, parse_accept("application/*")) == [0, 1]
    assert preferred(offers, parse_accept("image/png")) == []
    assert preferred(offers, parse_accept("text/plain;q=0")) == []
    # parameters other than q do not have to match
    assert preferred(["application/vnd.a+json"], parse_accept("application/vnd.a+json; version=2")) == [0]


def test_xml_when_preferred_and_406_when_nothing_fits(petstore) -> None:
    xml = call(petstore, "GET", "/pets/1", {"Accept": "application/xml"})
    assert xml.status == 200 and xml.header("content-type") == "application/xml"
    assert xml.body.startswith(b"<xml><id>0</id><name>string</name>")
    refused = call(petstore, "GET", "/pets/1", {"Accept": "text/csv, image/*"})
    assert refused.status == 406
    assert body_json(refused)["detail"] == "Unable to find content for text/csv,image/*"


def test_prefer_code_example_and_query_spellings(petstore) -> None:
    assert body_json(call(petstore, "GET", "/pets/1", {"Prefer": "example=tom"}))["name"] == "Tom"
    assert body_json(call(petstore, "GET", "/pets/1?__example=tom"))["name"] == "Tom"
    not_found = call(petstore, "GET", "/pets/1", {"Prefer": "code=404"})
    assert not_found.status == 404 and body_json(not_found) == {"message": "no such pet"}
    missing = call(petstore, "GET", "/pets/1?__code=418")
    assert missing.status == 404
    assert body_json(missing)["detail"] == "Requested status code 418 is not defined in the document."
    no_example = call(petstore, "GET", "/pets/1", {"Prefer": "example=garfield"})
    assert body_json(no_example)["detail"] == (
        "Response for contentType: application/json and exampleKey: garfield does not exist."
    )


def test_prefer_delay(petstore) -> None:
    assert call(petstore, "GET", "/pets/mine", {"Prefer": "delay=250"}).delay == 0.25


def test_cors_preflight_and_headers(petstore) -> None:
    pre = call(petstore, "OPTIONS", "/pets", {"Origin": "https://app", "Access-Control-Request-Method": "POST"})
    assert pre.status == 204
    assert pre.header("access-control-allow-methods") == "POST"
    assert pre.header("access-control-allow-origin") == "https://app"
    assert call(petstore, "GET", "/pets/mine").header("access-control-allow-origin") == "*"
