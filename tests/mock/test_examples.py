"""Static responses: examples, schema samples as Prism's sampler makes them,
serialisation (JSON as JavaScript writes it, XML, text), headers, --errors."""

from __future__ import annotations

from pathlib import Path

from apictl.mock.jsvalue import dumps
from apictl.mock.serialize import to_xml
from tests.mock.conftest import FIXTURES, body_json, call, make_engine, violations


def _spec(tmp_path: Path, text: str) -> str:
    (tmp_path / "spec.yaml").write_text(text)
    return str(tmp_path / "spec.yaml")


def _engine(tmp_path: Path, text: str, **options):
    from apictl.mock.engine import MockEngine
    from apictl.mock.spec import load_spec
    from apictl.mock.types import MockOptions

    return MockEngine(load_spec(Path(_spec(tmp_path, text))), MockOptions(**options))


def test_sample_follows_openapi_sampler(tmp_path: Path) -> None:
    engine = _engine(
        tmp_path,
        """
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /s:
    get:
      responses:
        '200':
          description: ok
          headers:
            X-Rate: {schema: {type: integer, minimum: 5}}
            X-Tags: {schema: {type: array, items: {type: string, enum: [a, b]}}}
          content:
            application/json:
              schema:
                type: object
                properties:
                  s: {type: string}
                  e: {type: string, format: email}
                  d: {type: string, format: date-time}
                  p: {type: string, pattern: '^[A-Z]{2}[0-9]+$'}
                  short: {type: string, maxLength: 3}
                  long: {type: string, minLength: 10}
                  i: {type: integer, minimum: 10, exclusiveMinimum: true}
                  n: {type: number, maximum: -5}
                  b: {type: boolean}
                  en: {type: string, enum: [x, y]}
                  def: {type: integer, default: 42}
                  arr: {type: array, minItems: 2, items: {type: integer}}
                  map: {type: object, additionalProperties: {type: string}}
                  secret: {type: string, writeOnly: true}
                  one: {oneOf: [{type: string}, {type: integer}]}
                  all: {allOf: [{type: object, properties: {a: {type: integer}}}, {properties: {b: {type: string}}}]}
                  n2: {type: string, nullable: true, example: null}
""",
    )
    r = call(engine, "GET", "/s")
    assert body_json(r) == {
        "s": "string",
        "e": "user@example.com",
        "d": "2019-08-24T14:15:22Z",
        "p": "AA0",
        "short": "str",
        "long": "stringstri",
        "i": 11,
        "n": -5,
        "b": True,
        "en": "x",
        "def": 42,
        "arr": [0, 0],
        "map": {"property1": "string", "property2": "string"},
        "one": "string",
        "all": {"a": 0, "b": "string"},
        "n2": None,
    }
    assert r.header("x-rate") == "5" and r.header("x-tags") == "a"


def test_circular_schemas_are_bounded(petstore) -> None:
    body = body_json(call(petstore, "GET", "/pets/1", {"Accept": "application/json", "Prefer": "example=rex"}))
    assert body["name"] == "Rex"
    sample = body_json(call(petstore, "POST", "/pets", body={"name": "x"}))
    owner = sample["owner"]
    assert owner["pets"][0]["owner"]["pets"] == [{}]  # two expansions, then {} — as Prism


def test_javascript_number_and_text_writing() -> None:
    assert dumps({"a": 1.0, "b": 0.5, "c": 1e21, "d": "é"}) == '{"a":1,"b":0.5,"c":1e+21,"d":"é"}'.encode()
    assert to_xml({"id": 1, "tags": ["a", "b"], "n": None}) == "<xml><id>1</id><tags>a</tags><tags>b</tags><n/></xml>"


def test_text_cannot_hold_objects(tmp_path: Path) -> None:
    engine = _engine(
        tmp_path,
        """
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /t:
    get:
      responses:
        '200':
          description: ok
          content:
            text/plain:
              example: {a: 1}
""",
    )
    r = call(engine, "GET", "/t")
    assert r.status == 500 and body_json(r)["title"] == "Cannot serialise complex objects as text"


def test_errors_flag_turns_response_violations_into_500(tmp_path: Path) -> None:
    text = """
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /bad:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: object, required: [id]}
              example: {name: x}
"""
    lenient = _engine(tmp_path, text)
    r = call(lenient, "GET", "/bad")
    assert r.status == 200
    assert violations(r)[0]["message"] == "must have required property 'id'"
    strict = _engine(tmp_path, text, errors=True)
    r = call(strict, "GET", "/bad")
    assert r.status == 500
    assert body_json(r)["validation"] == [
        {
            "location": ["response", "body"],
            "severity": "Error",
            "code": "required",
            "message": "Response body must have required property 'id'",
        }
    ]


def test_swagger2_produces_examples_and_default_response() -> None:
    engine = make_engine("swagger2.yaml")
    r = call(engine, "GET", "/v2/things/1")
    assert r.status == 200 and r.header("content-type") == "application/json"
    assert body_json(r) == {"id": 1, "name": "one"}
    assert call(engine, "GET", "/things/1", {"Accept": "text/plain"}).body == b"thing one"
    fallback = call(engine, "GET", "/things/1?__code=503")
    assert fallback.status == 503 and body_json(fallback) == {"code": 0, "message": "string"}
    assert (FIXTURES / "swagger2.yaml").exists()


def test_contains_reports_failing_items_first(tmp_path: Path) -> None:
    engine = _engine(
        tmp_path,
        """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /c:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {type: array, contains: {enum: [a, b]}, minContains: 3}
              example: [a, b, z]
""",
        errors=True,
    )
    assert body_json(call(engine, "GET", "/c"))["validation"] == [
        {
            "location": ["response", "body", "2"],
            "severity": "Error",
            "code": "enum",
            "message": "Response body property 2 must be equal to one of the allowed values: a, b",
        },
        {
            "location": ["response", "body"],
            "severity": "Error",
            "code": "contains",
            "message": "Response body must contain at least 3 valid item(s)",
        },
    ]


def test_extra_formats_are_opt_in(tmp_path: Path) -> None:
    from apictl.core.loader import load_file
    from apictl.core.refs import Workspace
    from apictl.specs.openapi.jsonschema import SchemaValidators

    spec = _spec(tmp_path, "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n")
    doc = load_file(Path(spec))
    ws = Workspace(doc)
    schema = {"type": "string", "format": "byte"}
    assert SchemaValidators(ws, "oas3.0").errors(schema, doc, "/x", "%") == []  # lint's behaviour is unchanged
    strict = SchemaValidators(ws, "oas3.0", formats={"byte": lambda v: v.isalnum()})
    assert len(strict.errors(schema, doc, "/x", "%")) == 1
