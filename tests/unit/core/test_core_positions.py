"""`Document.span(pointer)`: 1-based line/column of a node, for JSON and YAML.

Expected positions are computed from the text itself (`_at`), in characters,
so the tests read as "the span starts where `"b"` is written"."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.core.diagnostic import Span
from apictl.core.document import Document
from apictl.core.loader import load_file, parse_text


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """(line, column) of the nth occurrence of `needle`, counting characters."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    line = text.count("\n", 0, i) + 1
    return line, i - (text.rfind("\n", 0, i) + 1) + 1


def _start(doc: Document, pointer: str) -> tuple[int, int]:
    span = doc.span(pointer)
    return span.line, span.col


JSON_TEXT = """{
  "openapi": "3.1.0",
  "info": {"title": "Café ✓ 𝄞", "version": "1.0.0"},
  "paths": {
    "/pets/{id}": {
      "get": {
        "parameters": [
          {"name": "id", "in": "path"},
          {"name": "q~x", "in": "query"}
        ]
      }
    }
  },
  "x-odd": {"a/b": 1, "c~d": [10, 20, {"deep": true}]}
}
"""

YAML_TEXT = """openapi: 3.1.0
info:
  title: Café ✓ 𝄞
  version: 1.0.0
paths:
  /pets/{id}:
    get:
      parameters:
        - name: id
          in: path
        - {name: 'q~x', in: query}
x-odd:
  a/b: 1
  c~d: [10, 20, {deep: true}]
  long: |
    line one
    line two
"""


@pytest.fixture(params=["json", "yaml"])
def doc(request: pytest.FixtureRequest) -> Document:
    if request.param == "json":
        return parse_text(JSON_TEXT, "api.json")
    return parse_text(YAML_TEXT, "api.yaml")


def _key(doc: Document, name: str) -> str:
    return f'"{name}"' if doc.syntax == "json" else name


def test_top_level_key(doc: Document) -> None:
    assert _start(doc, "/info") == _at(doc.text, _key(doc, "info"))


def test_root_is_the_start_of_the_document(doc: Document) -> None:
    assert _start(doc, "") == (1, 1)


def test_nested_key(doc: Document) -> None:
    assert _start(doc, "/info/version") == _at(doc.text, _key(doc, "version"))


def test_key_after_non_ascii_text_counts_characters(doc: Document) -> None:
    # "Café ✓ 𝄞" holds 2- 3- and 4-byte characters (and a surrogate pair in UTF-16)
    line, col = _start(doc, "/info/version")
    if doc.syntax == "json":
        assert (line, col) == (3, 33)  # 32 characters before it (38 UTF-8 bytes, 33 UTF-16 units)
    else:
        assert (line, col) == (4, 3)


def test_scalar_span_covers_the_value(doc: Document) -> None:
    span = doc.span("/info/title")
    assert (span.line, span.col) == _at(doc.text, _key(doc, "title"))
    end_of_value = _at(doc.text, "𝄞")
    expected_end = end_of_value[1] + (1 if doc.syntax == "json" else 0)  # JSON: the closing quote
    assert (span.end_line, span.end_col) == (end_of_value[0], expected_end)


def test_escaped_tokens(doc: Document) -> None:
    # "/" in a key is ~1, "~" is ~0
    assert _start(doc, "/paths/~1pets~1{id}/get") == _at(doc.text, _key(doc, "get"))
    assert _start(doc, "/x-odd/a~1b") == _at(doc.text, _key(doc, "a/b"))
    assert _start(doc, "/x-odd/c~0d") == _at(doc.text, _key(doc, "c~d"))


def test_array_items(doc: Document) -> None:
    params = "/paths/~1pets~1{id}/get/parameters"
    first = _start(doc, f"{params}/0")
    second = _start(doc, f"{params}/1")
    if doc.syntax == "json":
        assert first == _at(doc.text, '{"name": "id"')
        assert second == _at(doc.text, '{"name": "q~x"')
    else:
        assert first == _at(doc.text, "name: id")
        assert second == _at(doc.text, "{name: 'q~x'")
    assert _start(doc, f"{params}/1/in") == _at(doc.text, '"in"' if doc.syntax == "json" else "in:", 1)


def test_items_of_a_nested_flow_array(doc: Document) -> None:
    assert _start(doc, "/x-odd/c~0d/1") == _at(doc.text, "20")
    assert _start(doc, "/x-odd/c~0d/2/deep") == _at(doc.text, _key(doc, "deep"))


@pytest.mark.parametrize(
    ("missing", "ancestor"),
    [
        ("/info/contact", "/info"),
        ("/info/contact/email", "/info"),
        ("/paths/~1pets~1{id}/get/parameters/7", "/paths/~1pets~1{id}/get/parameters"),
        ("/paths/~1pets~1{id}/get/parameters/0/schema/type", "/paths/~1pets~1{id}/get/parameters/0"),
        ("/x-odd/c~0d/2/deep/deeper", "/x-odd/c~0d/2/deep"),  # below a scalar
        ("/components", ""),
    ],
)
def test_missing_node_maps_to_nearest_ancestor(doc: Document, missing: str, ancestor: str) -> None:
    assert doc.span(missing) == doc.span(ancestor)


def test_invalid_pointer_maps_to_the_root(doc: Document) -> None:
    assert _start(doc, "/x-odd/bad~2escape") == _start(doc, "/x-odd")
    assert _start(doc, "no-leading-slash") == (1, 1)


def test_yaml_block_scalar_underlines_the_key() -> None:
    doc = parse_text(YAML_TEXT, "api.yaml")
    span = doc.span("/x-odd/long")
    assert (span.line, span.col) == _at(YAML_TEXT, "long:")
    assert span.end_line == span.line  # not the whole multi-line scalar


def test_container_value_underlines_the_key() -> None:
    doc = parse_text(JSON_TEXT, "api.json")
    span = doc.span("/info")
    assert (span.line, span.col) == _at(JSON_TEXT, '"info"')
    assert (span.end_line, span.end_col) == (span.line, span.col + len('"info"') - 1)


def test_spans_in_batch_match_single_lookups(doc: Document) -> None:
    pointers = ["/info/title", "/x-odd/c~0d/1", "/nope", "/paths/~1pets~1{id}/get/parameters/1/name"]
    fresh = parse_text(doc.text, doc.uri)
    batch = fresh.spans(pointers)
    assert batch == {p: doc.span(p) for p in pointers}


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_bom_at_start_is_not_a_column(tmp_path: Path, suffix: str) -> None:
    text = JSON_TEXT if suffix == ".json" else YAML_TEXT
    path = tmp_path / f"api{suffix}"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    doc = load_file(path, f"api{suffix}")
    assert _start(doc, "/openapi") == (
        _at(text, "openapi")[0],
        _at(text, "openapi")[1] - (1 if suffix == ".json" else 0),
    )
    assert _start(doc, "/info/version") == _at(text, _key(doc, "version"))


@pytest.mark.parametrize("syntax", ["json", "yaml"])
def test_bom_passed_to_parse_text(syntax: str) -> None:
    text = JSON_TEXT if syntax == "json" else YAML_TEXT
    doc = parse_text("\ufeff" + text, f"api.{syntax}")
    assert _start(doc, "/info/version") == _at(text, _key(doc, "version"))


def test_crlf_line_endings() -> None:
    text = YAML_TEXT.replace("\n", "\r\n")
    doc = parse_text(text, "api.yaml")
    assert _start(doc, "/info/version") == (4, 3)
    jdoc = parse_text(JSON_TEXT.replace("\n", "\r\n"), "api.json")
    assert _start(jdoc, "/paths/~1pets~1{id}/get") == (6, 7)


def test_span_type() -> None:
    doc = parse_text('{"a": 1}', "a.json")
    assert doc.span("/a") == Span(1, 2, 1, 7)  # from the key to the end of its scalar value
