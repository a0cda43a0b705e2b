"""`$ref` resolution (`Workspace`) and positions reported through a `$ref`."""

from __future__ import annotations

from pathlib import Path

import pytest

import apictl.core.refs as refs
from apictl.core.config import Config, RuleSetting
from apictl.core.loader import load_file, parse_text
from apictl.core.refs import MAX_HOPS, RefError, Workspace
from apictl.lint.engine import lint_file


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


API = """openapi: 3.0.3
info: {title: t, version: '1'}
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '404':
          $ref: 'common/responses.yaml#/NotFound'
"""
RESPONSES = """# shared responses
NotFound:
  description: not found
  content:
    application/json:
      schema:
        $ref: 'errors.yaml#/Eror'
"""
ERRORS = "Error:\n  type: object\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    _write(tmp_path, {"api.yaml": API, "common/responses.yaml": RESPONSES, "common/errors.yaml": ERRORS})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _only_unresolved_refs() -> Config:
    cfg = Config(extends=["minimal"])
    cfg.rules = {"OAS200": RuleSetting(None), "OAS202": RuleSetting(None)}
    return cfg


def test_diagnostic_in_a_referenced_file_names_that_file_and_line(project: Path) -> None:
    result = lint_file(Path("api.yaml"), _only_unresolved_refs())
    assert result.error is None
    found = [(d.uri, d.line, d.col, d.message) for d in result.diagnostics if d.code == "OAS201"]
    assert found == [
        (
            "common/responses.yaml",
            7,
            9,
            "$ref target not found: 'errors.yaml#/Eror' (no 'Eror' under '#/' in common/errors.yaml)",
        ),
    ]
    # the report can show the source line of the other file
    assert result.lines["common/responses.yaml"][7] == "        $ref: 'errors.yaml#/Eror'"


def test_resolve_across_files(project: Path) -> None:
    doc = load_file(Path("api.yaml"))
    ws = Workspace(doc, root_dir=project)
    target = ws.resolve("common/responses.yaml#/NotFound", doc)
    assert target.doc.uri == "common/responses.yaml"
    assert target.pointer == "/NotFound"
    assert target.doc.span(target.pointer).line == 2
    assert target.doc.kind == "fragment"
    # a second resolution reuses the loaded document
    assert ws.resolve("common/responses.yaml#/NotFound/description", doc).doc is target.doc
    # relative to the referencing file, not to the working folder
    inner = ws.resolve("errors.yaml#/Error", target.doc)
    assert inner.doc.uri == "common/errors.yaml" and inner.value == {"type": "object"}


def test_whole_file_and_self_references(project: Path) -> None:
    doc = load_file(Path("api.yaml"))
    ws = Workspace(doc, root_dir=project)
    assert ws.resolve("common/errors.yaml", doc).value == {"Error": {"type": "object"}}
    assert ws.resolve("api.yaml#/info/title", doc).doc is doc  # the root document is not loaded twice
    assert ws.resolve("#/info/title", doc).value == "t"


def _ws(text: str) -> tuple[Workspace, object]:
    doc = parse_text(text, "mem.yaml")
    return Workspace(doc), doc


def test_escaped_and_percent_encoded_pointers() -> None:
    ws, doc = _ws("a/b: {c~d: {'e f': 1}}\n")
    assert ws.resolve("#/a~1b/c~0d/e%20f", doc).value == 1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("#/a/~2", "invalid $ref '#/a/~2': invalid escape in JSON pointer token '~2' ('~' must be followed by 0 or 1)"),
        ("#/a/x", "$ref target not found: '#/a/x' (no 'x' under '#/a')"),
        ("#/nope/x", "$ref target not found: '#/nope/x' (no 'nope' under '#/')"),
        ("#a", "unsupported $ref fragment '#a': only JSON pointers ('#/…') are supported"),
        ("ftp://h/x.yaml", "unsupported $ref scheme 'ftp' in 'ftp://h/x.yaml'"),
        ("other.yaml", "cannot resolve relative file $ref 'other.yaml' from mem.yaml"),
    ],
)
def test_ref_errors(ref: str, message: str) -> None:
    ws, doc = _ws("a: {b: 1}\n")
    with pytest.raises(RefError) as info:
        ws.resolve(ref, doc)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_non_string_ref() -> None:
    ws, doc = _ws("a: 1\n")
    with pytest.raises(RefError, match="must be a string"):
        ws.resolve(42, doc)  # type: ignore[arg-type]


def test_pure_reference_cycle_is_an_error_not_a_hang() -> None:
    ws, doc = _ws("A: {$ref: '#/B'}\nB: {$ref: '#/A'}\nC: {$ref: '#/C'}\n")
    with pytest.raises(RefError, match="circular"):
        ws.resolve("#/A", doc)  # type: ignore[arg-type]
    with pytest.raises(RefError, match="circular"):
        ws.resolve("#/C", doc)  # type: ignore[arg-type]


def test_long_chain_is_bounded() -> None:
    n = MAX_HOPS + 5
    text = "".join(f"r{i}: {{$ref: '#/r{i + 1}'}}\n" for i in range(n)) + f"r{n}: {{type: string}}\n"
    ws, doc = _ws(text)
    with pytest.raises(RefError, match=f"longer than {MAX_HOPS} hops"):
        ws.resolve("#/r0", doc)  # type: ignore[arg-type]
    assert ws.resolve(f"#/r{n - 10}", doc).value == {"type": "string"}  # type: ignore[arg-type]


def test_schema_cycle_through_properties_resolves() -> None:
    ws, doc = _ws("A: {properties: {b: {$ref: '#/B'}}}\nB: {properties: {a: {$ref: '#/A'}}}\n")
    target = ws.resolve("#/A", doc)  # type: ignore[arg-type]
    assert target.pointer == "/A"


def test_file_outside_root_is_refused(project: Path) -> None:
    doc = load_file(Path("api.yaml"))
    fragment = load_file(Path("common/responses.yaml"))
    ws = Workspace(doc, root_dir=project / "common")
    with pytest.raises(RefError, match="points outside the root folder"):
        ws.resolve("../api.yaml#/info", fragment)
    unrestricted = Workspace(doc, root_dir=None)
    assert unrestricted.resolve("../api.yaml#/info/title", fragment).value == "t"


def test_failed_load_is_reported_the_same_way_each_time(project: Path) -> None:
    doc = load_file(Path("api.yaml"))
    ws = Workspace(doc, root_dir=project)
    messages = set()
    for _ in range(3):
        with pytest.raises(RefError) as info:
            ws.resolve("missing.yaml#/x", doc)
        messages.add(str(info.value))
    assert messages == {"cannot load $ref 'missing.yaml': missing.yaml: no such file"}
    assert len(ws._failed) == 1


def test_remote_refused_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(url: str) -> str:
        raise AssertionError("fetched although allow_remote is off")

    monkeypatch.setattr(refs, "_fetch", fail)
    ws, doc = _ws("a: 1\n")
    with pytest.raises(RefError, match=r"network access is off \(pass --allow-remote"):
        ws.resolve("https://example.com/x.yaml#/a", doc)  # type: ignore[arg-type]


def test_remote_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    fetched: list[str] = []
    pages = {
        "https://example.com/specs/common.yaml": "Pet: {$ref: 'models/pet.yaml#/Pet'}\n",
        "https://example.com/specs/models/pet.yaml": "Pet:\n  type: object\n",
    }

    def fake_fetch(url: str) -> str:
        fetched.append(url)
        if url not in pages:
            raise RefError("HTTP 404")
        return pages[url]

    monkeypatch.setattr(refs, "_fetch", fake_fetch)
    doc = parse_text("a: 1\n", "mem.yaml")
    ws = Workspace(doc, allow_remote=True)
    target = ws.resolve("https://example.com/specs/common.yaml#/Pet", doc)
    # the relative $ref inside a remote document is resolved against its URL
    assert target.value == {"type": "object"}
    assert target.doc.uri == "https://example.com/specs/models/pet.yaml"
    assert target.doc.span("/Pet/type").line == 2
    ws.resolve("https://example.com/specs/common.yaml#/Pet", doc)
    assert fetched == ["https://example.com/specs/common.yaml", "https://example.com/specs/models/pet.yaml"]
    with pytest.raises(RefError, match="cannot load remote \\$ref 'https://example.com/nope.yaml': HTTP 404"):
        ws.resolve("https://example.com/nope.yaml#/x", doc)
