"""Every class of bad input ends in a one-line error (exit 2) or a located
finding (exit 1) — never a traceback, a hang, or a network request.

Fixtures are data files under tests/fixtures/bad/; the big ones (deep nesting)
are generated in tmp_path. Error messages are compared with relative paths
only (absolute ones are replaced by a placeholder before comparing).
"""

from __future__ import annotations

import socket
import sys
import time
from pathlib import Path

import pytest

from tests.cli.helpers import BAD, CONFIG, FIXTURES, assert_error_lines, first_error, invoke, lint_json

# ---------------------------------------------------------------- unreadable input


def test_missing_file() -> None:
    result = invoke("lint", "--no-config", BAD / "no-such-file.yaml")
    assert result.exit_code == 2
    assert first_error(result) == "apictl: error: tests/fixtures/bad/no-such-file.yaml: no such file"


def test_empty_file() -> None:
    result = invoke("lint", "--no-config", BAD / "empty.yaml")
    assert result.exit_code == 2
    assert first_error(result) == "apictl: error: tests/fixtures/bad/empty.yaml: empty file"


def test_whitespace_only_file() -> None:
    result = invoke("lint", "--no-config", BAD / "whitespace-only.yaml")
    assert result.exit_code == 2
    assert first_error(result) == "apictl: error: tests/fixtures/bad/whitespace-only.yaml: empty file"


def test_binary_file() -> None:
    result = invoke("lint", "--no-config", BAD / "binary.yaml")
    assert result.exit_code == 2
    assert first_error(result) == (
        "apictl: error: tests/fixtures/bad/binary.yaml: binary file (contains NUL bytes); expected YAML or JSON text"
    )


def test_non_utf8_text_is_located() -> None:
    # line 3 is "  title: Caf\xe9 API": the bad byte is the 13th character
    result = invoke("lint", "--no-config", BAD / "latin1.yaml")
    assert result.exit_code == 2
    assert first_error(result) == "apictl: error: tests/fixtures/bad/latin1.yaml:3:13: not UTF-8 text (byte 0xe9)"


def test_non_utf8_column_counts_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("api.yaml").write_bytes("openapi: 3.0.3\ninfo: {title: 'h\u00e9\u2713', x: caf".encode() + b"\xe9}\n")
    result = invoke("lint", "--no-config", "api.yaml")
    assert result.exit_code == 2
    # `info: {title: 'hé✓', x: caf` is 27 characters (31 bytes)
    assert first_error(result) == "apictl: error: api.yaml:2:28: not UTF-8 text (byte 0xe9)"


# ---------------------------------------------------------------- unparsable input


def test_invalid_yaml_is_located() -> None:
    result = invoke("lint", "--no-config", BAD / "invalid-yaml.yaml")
    assert result.exit_code == 2
    assert first_error(result) == (
        "apictl: error: tests/fixtures/bad/invalid-yaml.yaml:5:6: "
        "invalid YAML: while parsing a flow sequence did not find expected ',' or ']'"
    )
    assert_error_lines(result)


def test_invalid_json_is_located() -> None:
    result = invoke("lint", "--no-config", BAD / "invalid-json.json")
    assert result.exit_code == 2
    assert first_error(result) == (
        "apictl: error: tests/fixtures/bad/invalid-json.json:3:47: invalid JSON: trailing comma is not allowed"
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("plain-mapping.yaml", "not an OpenAPI document: no 'openapi' or 'swagger' version field at the top level"),
        ("list.yaml", "not an OpenAPI document: the top level is a list, expected a mapping"),
        ("scalar.yaml", "not an OpenAPI document: the top level is a str, expected a mapping"),
    ],
)
def test_not_an_openapi_document(name: str, message: str) -> None:
    result = invoke("lint", "--no-config", BAD / name)
    assert result.exit_code == 2
    assert first_error(result) == f"apictl: error: tests/fixtures/bad/{name}: {message}"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("openapi-4.yaml", "unsupported OpenAPI version '4.0.0' (supported: 2.0, 3.0.x, 3.1.x, 3.2.x)"),
        ("swagger-1.2.yaml", "unsupported Swagger version '1.2' (supported: 2.0)"),
    ],
)
def test_unknown_version(name: str, message: str) -> None:
    result = invoke("lint", "--no-config", BAD / name)
    assert result.exit_code == 2
    assert first_error(result) == f"apictl: error: tests/fixtures/bad/{name}: {message}"


def test_yaml_alias_bomb_is_refused_fast() -> None:
    started = time.perf_counter()
    result = invoke("lint", "--no-config", BAD / "alias-bomb.yaml")
    elapsed = time.perf_counter() - started
    assert result.exit_code == 2
    assert "refusing a possible alias bomb" in first_error(result)
    assert first_error(result).startswith("apictl: error: tests/fixtures/bad/alias-bomb.yaml: YAML aliases expand")
    assert elapsed < 5, f"alias bomb took {elapsed:.1f}s"


def test_deep_nesting_yaml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("deep.yaml").write_text("openapi: 3.0.3\nx-deep: " + "[" * 10_000 + "]" * 10_000 + "\n")
    result = invoke("lint", "--no-config", "deep.yaml")
    assert result.exit_code == 2
    assert (
        first_error(result) == "apictl: error: deep.yaml:2:1008: invalid YAML: document nests deeper than 1000 levels"
    )


def test_deep_nesting_yaml_block_style(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    body = "".join(" " * i + f"k{i}:\n" for i in range(1, 10_000))
    Path("deep.yaml").write_text("openapi: 3.0.3\nx-deep:\n" + body + " " * 10_000 + "v: 1\n")
    result = invoke("lint", "--no-config", "deep.yaml")
    assert result.exit_code == 2
    assert "document nests deeper than 1000 levels" in first_error(result)
    assert first_error(result).startswith("apictl: error: deep.yaml:")


def test_deep_nesting_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("deep.json").write_text('{"openapi": "3.0.3", "x-deep": ' + "[" * 10_000 + "]" * 10_000 + "}")
    result = invoke("lint", "--no-config", "deep.json")
    assert result.exit_code == 2
    assert first_error(result) == "apictl: error: deep.json: document nests deeper than 1024 levels"


def test_deep_nesting_json_objects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("deep.json").write_text('{"openapi": "3.0.3", "x": ' + '{"a": ' * 10_000 + "1" + "}" * 10_000 + "}")
    result = invoke("lint", "--no-config", "deep.json")
    assert result.exit_code == 2
    assert "nests deeper than" in first_error(result)


def test_deep_but_allowed_nesting_at_an_invalid_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("api.json").write_text(
        '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "deep": '
        + "[" * 300
        + "]" * 300
        + "}"
    )
    result, report = lint_json("--no-config", "--preset", "minimal", "api.json")
    assert result.exit_code == 1
    assert [d["message"] for d in report["diagnostics"]] == ["unexpected property `deep`"]


# ---------------------------------------------------------------- $ref problems (findings, exit 1)


def test_broken_refs_are_findings_and_linting_continues() -> None:
    result, report = lint_json("--no-config", BAD / "refs" / "broken.yaml")
    assert result.exit_code == 1
    assert result.stderr == ""
    unresolved = {d["range"]["start"]["line"]: d["message"] for d in report["diagnostics"] if d["code"] == "OAS201"}
    assert unresolved == {
        11: "cannot load $ref 'missing-file.yaml': tests/fixtures/bad/refs/missing-file.yaml: no such file",
        13: "$ref target not found: '#/components/responses/Nope' (no 'Nope' under '#/components/responses')",
        15: "invalid $ref '#/components/responses/Bad~2Escape': invalid escape in JSON pointer token "
        "'Bad~2Escape' ('~' must be followed by 0 or 1)",
    }
    # the other rules still ran: the duplicate operationId below the broken refs is reported
    assert any(d["code"] == "OAS202" and d["range"]["start"]["line"] == 17 for d in report["diagnostics"])


def test_circular_refs_terminate() -> None:
    started = time.perf_counter()
    result, report = lint_json("--no-config", BAD / "refs" / "circular.yaml")
    assert time.perf_counter() - started < 10
    assert result.exit_code == 1
    loops = sorted((d["range"]["start"]["line"], d["message"]) for d in report["diagnostics"] if d["code"] == "OAS201")
    # A -> B -> A through properties is legal: only the pure chain Loop1 <-> Loop2 is reported,
    # at its use (line 25) and at both members of the loop.
    assert loops == [
        (25, "circular $ref chain: '#/components/schemas/Loop1' never reaches a value"),
        (41, "circular $ref chain: '#/components/schemas/Loop2' never reaches a value"),
        (43, "circular $ref chain: '#/components/schemas/Loop1' never reaches a value"),
    ]


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record (and refuse) any attempt to open a connection or import httpx."""
    attempts: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def fn(*args: object, **kwargs: object) -> None:
            attempts.append(f"{name}{args!r}")
            raise AssertionError(f"network access attempted: {name}")

        return fn

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    monkeypatch.setitem(sys.modules, "httpx", None)  # `import httpx` now fails
    import apictl.core.refs

    monkeypatch.setattr(apictl.core.refs, "_fetch", refuse("refs._fetch"))
    return attempts


def test_remote_ref_without_allow_remote_makes_no_request(no_network: list[str]) -> None:
    result, report = lint_json("--no-config", BAD / "refs" / "remote.yaml")
    assert no_network == []
    assert result.exit_code == 1
    messages = [d["message"] for d in report["diagnostics"] if d["code"] == "OAS201"]
    assert messages == [
        "remote $ref 'https://example.com/api/common.yaml' not fetched: network access is off "
        "(pass --allow-remote to allow it)"
    ]


def test_ref_escaping_the_root_folder() -> None:
    result, report = lint_json("--no-config", BAD / "refs" / "escape" / "nested" / "api.yaml")
    assert result.exit_code == 1
    from tests.cli.helpers import ROOT

    messages = [d["message"].replace(str(ROOT), "<ROOT>") for d in report["diagnostics"] if d["code"] == "OAS201"]
    assert messages == [
        "$ref '../outside.yaml' points outside the root folder tests/fixtures/bad/refs/escape/nested "
        "(widen it with --ref-root, or `refs: {root: …}` in apictl.yaml)"
    ]
    # widening the root lets it resolve
    result, report = lint_json(
        "--no-config", "--ref-root", BAD / "refs" / "escape", BAD / "refs/escape/nested/api.yaml"
    )
    assert [d for d in report["diagnostics"] if d["code"] == "OAS201"] == []


def test_ref_escaping_through_a_symlink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "outside.yaml").write_text("Ok:\n  description: ok\n")
    project = tmp_path / "project"
    project.mkdir()
    try:
        (project / "link.yaml").symlink_to(tmp_path / "outside.yaml")
    except OSError:
        pytest.skip("symlinks not available")
    (project / "api.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n"
        "        '200': {$ref: 'link.yaml#/Ok'}\n"
    )
    monkeypatch.chdir(project)
    result, report = lint_json("--no-config", "api.yaml")
    messages = [d["message"] for d in report["diagnostics"] if d["code"] == "OAS201"]
    assert len(messages) == 1 and "points outside the root folder" in messages[0]


# ---------------------------------------------------------------- paths and options


def test_directory_where_a_file_is_expected() -> None:
    # as --config
    result = invoke("lint", "--config", BAD / "refs", FIXTURES / "no-contact.yaml")
    assert result.exit_code == 2
    assert first_error(result) == "apictl: error: tests/fixtures/bad/refs: is a directory, expected a config file"
    # as the target of a $ref
    result, report = lint_json("--no-config", BAD / "refs" / "dir-target" / "api.yaml")
    assert result.exit_code == 1
    assert [d["message"] for d in report["diagnostics"] if d["code"] == "OAS201"] == [
        "cannot load $ref 'responses/': tests/fixtures/bad/refs/dir-target/responses: is a directory, expected a file"
    ]


def test_directory_as_output(tmp_path: Path) -> None:
    out = tmp_path / "report"
    out.mkdir()
    result = invoke("lint", "--no-config", "-o", out, FIXTURES / "no-contact.yaml")
    assert result.exit_code == 2
    assert first_error(result).startswith(f"apictl: error: {out}: cannot write the report: ")
    assert list(tmp_path.iterdir()) == [out] and list(out.iterdir()) == []


def test_glob_matching_nothing() -> None:
    result = invoke("lint", "--no-config", "tests/fixtures/bad/*.nothing")
    assert result.exit_code == 2
    assert first_error(result) == "apictl: error: tests/fixtures/bad/*.nothing: no files match this pattern"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "unknown --format 'xml' (choose from text, json, sarif, github, junit)"),
        (["--fail-on", "fatal"], "unknown --fail-on 'fatal' (choose from error, warn, info, hint)"),
        (["--preset", "strict"], "unknown preset 'strict' (choose from minimal, recommended, all, scale-ready, aip)"),
        (["--disable", "no-such-rule"], "unknown rule 'no-such-rule' in --disable (see `apictl rules`)"),
    ],
)
def test_unknown_option_values(args: list[str], message: str) -> None:
    result = invoke("lint", "--no-config", *args, FIXTURES / "no-contact.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"apictl: error: {message}"]
    assert result.stdout == ""


def test_unknown_option_is_a_usage_error() -> None:
    result = invoke("lint", "--no-such-option", FIXTURES / "no-contact.yaml")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


# ---------------------------------------------------------------- invalid configuration


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("invalid-yaml.yaml", ":3:1: invalid YAML: while parsing a flow mapping did not find expected ',' or '}'"),
        (
            "unknown-key.yaml",
            ": unknown key(s) ['rulez'] "
            "(allowed: ['breaking', 'ci', 'exclude', 'extends', 'fail_on', 'inline_ignores', "
            "'overrides', 'refs', 'rules', 'ruleset'])",
        ),
        ("unknown-rule.yaml", ": unknown rule 'no-such-rule' (see `apictl rules`)"),
        ("bad-severity.yaml", ": unknown severity 'loud' (expected error, warn, info or hint)"),
    ],
)
def test_invalid_config_file(name: str, message: str) -> None:
    result = invoke("lint", "--config", CONFIG / name, FIXTURES / "no-contact.yaml")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"apictl: error: tests/fixtures/config/{name}{message}"]
    assert result.stdout == ""


def test_invalid_discovered_config_names_it_relatively(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "apictl.yaml").write_text("rulez: {}\n")
    (tmp_path / "specs").mkdir()
    monkeypatch.chdir(tmp_path / "specs")
    result = invoke("lint", ".")
    assert result.exit_code == 2
    assert first_error(result).startswith("apictl: error: ../apictl.yaml: unknown key(s) ['rulez']")


def test_missing_config_file() -> None:
    result = invoke("lint", "--config", CONFIG / "nope.yaml", FIXTURES / "no-contact.yaml")
    assert result.exit_code == 2
    assert first_error(result) == "apictl: error: tests/fixtures/config/nope.yaml: config file not found"


# ---------------------------------------------------------------- several files, one broken


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_one_broken_file_among_several(jobs: str) -> None:
    result = invoke(
        "lint",
        "--no-config",
        "-j",
        jobs,
        "--format",
        "github",
        FIXTURES / "no-contact.yaml",
        BAD / "invalid-yaml.yaml",
        BAD / "refs" / "broken.yaml",
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "apictl: error: tests/fixtures/bad/invalid-yaml.yaml:5:6: "
        "invalid YAML: while parsing a flow sequence did not find expected ',' or ']'"
    ]
    # the other files were linted and their findings printed
    assert "file=tests/cli/fixtures/no-contact.yaml," in result.stdout
    assert "file=tests/fixtures/bad/refs/broken.yaml,line=13," in result.stdout
    assert "invalid-yaml" not in result.stdout


def test_every_bad_file_at_once() -> None:
    """A folder of broken files: one error line each, no traceback, exit 2."""
    result = invoke("lint", "--no-config", "-j", "1", BAD)
    assert result.exit_code == 2
    assert_error_lines(result)
    # plain-mapping/list/scalar have no version marker and are skipped as fragments in a folder
    for name in (
        "binary.yaml",
        "invalid-json.json",
        "latin1.yaml",
        "openapi-4.yaml",
        "swagger-1.2.yaml",
        "alias-bomb.yaml",
    ):
        assert f"tests/fixtures/bad/{name}" in result.stderr, name
