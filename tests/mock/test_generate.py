"""Dynamic data (-d): valid against its schema, reproducible with --seed."""

from __future__ import annotations

import random
import re

import pytest

from apictl.core import regexgen
from tests.mock.conftest import body_json, call, make_engine, violations


@pytest.mark.parametrize("path", ["/things", "/shapes", "/tree"])
def test_generated_data_is_valid(path: str) -> None:
    engine = make_engine("dynamic.yaml", dynamic=True, seed=1)
    for i in range(30):
        engine.options = engine.options.__class__(dynamic=True, seed=i)
        r = call(engine, "GET", path)
        assert r.status == 200
        assert violations(r) == [], body_json(r)


def test_formats_bounds_and_write_only() -> None:
    engine = make_engine("dynamic.yaml", dynamic=True)
    for _ in range(20):
        thing = body_json(call(engine, "GET", "/things"))
        assert "secret" not in thing
        assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}", thing["id"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z", thing["when"])
        assert re.fullmatch(r"[A-Z]{3}-\d{2,4}(x|y)?", thing["code"])
        assert thing["score"] in (12, 15, 18)
        assert 0 < thing["ratio"] <= 1
        assert 2 <= len(thing["tags"]) <= 4 and len(set(thing["tags"])) == len(thing["tags"])
        assert "@" in thing["email"]


def test_discriminator_names_the_branch() -> None:
    engine = make_engine("dynamic.yaml", dynamic=True, seed=3)
    for shape in body_json(call(engine, "GET", "/shapes")):
        assert shape["kind"] in ("circle", "square")
        assert ("radius" in shape) == (shape["kind"] == "circle")


def test_seed_makes_responses_reproducible() -> None:
    a = make_engine("dynamic.yaml", dynamic=True, seed=42)
    b = make_engine("dynamic.yaml", dynamic=True, seed=42)
    assert call(a, "GET", "/things").body == call(b, "GET", "/things").body
    c = make_engine("dynamic.yaml", dynamic=True, seed=43)
    assert call(a, "GET", "/things").body != call(c, "GET", "/things").body


def test_fill_properties() -> None:
    filled = body_json(call(make_engine("dynamic.yaml", dynamic=True, seed=5), "GET", "/things"))
    assert filled["extra"] and all(isinstance(v, int) for v in filled["extra"].values())
    bare = body_json(call(make_engine("dynamic.yaml", dynamic=True, seed=5, fill_properties=False), "GET", "/things"))
    assert bare["extra"] == {}


def test_prefer_dynamic_per_request(petstore) -> None:
    static = body_json(call(petstore, "GET", "/pets/1"))
    assert static["name"] == "Rex"
    dynamic = call(petstore, "GET", "/pets/1", {"Prefer": "dynamic=true"})
    assert dynamic.status == 200 and violations(dynamic) == []


@pytest.mark.parametrize(
    "pattern",
    [
        r"^[A-Z]{2}\d+$",
        r"^(foo|bar)-[a-f0-9]{8}$",
        r"^\w+@\w+\.(com|org)$",
        r"^[^\s]{3,5}$",
        r"^(\d{3})-\1$",
        r"^(?:ab)+c?$",
        r"^\u00e9[.]x*$",
        r"^[\w.-]+$",
    ],
)
def test_regex_generator(pattern: str) -> None:
    compiled = re.compile(pattern)
    assert compiled.search(regexgen.generate(pattern))
    rng = random.Random(0)
    for _ in range(50):
        assert compiled.search(regexgen.generate(pattern, rng))


def test_regex_generator_refuses_what_it_cannot_do() -> None:
    with pytest.raises(regexgen.PatternError):
        regexgen.generate(r"^\p{L}+$")
    with pytest.raises(regexgen.PatternError):
        regexgen.generate("(unclosed")
