"""Loading text into data: JSON semantics for YAML, bounded aliases and
nesting, located errors."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from apictl.core.errors import InputError
from apictl.core.loader import decode, display_path, load_file, parse_text
from apictl.core.yaml_tree import ALIAS_EXPANSION_MIN


def _error(text: str, uri: str = "x.yaml") -> InputError:
    with pytest.raises(InputError) as info:
        parse_text(text, uri)
    return info.value


def test_yaml_keeps_json_semantics() -> None:
    data = parse_text(
        "responses:\n  200: {description: ok}\n  default: {}\n"
        "date: 2024-01-02\nyes_: yes\nflag: true\nnum: 1.5\nint: 0x10\nnull_: ~\nversion: 1.0\n",
        "x.yaml",
    ).data
    assert list(data["responses"]) == ["200", "default"]  # keys stay the text written
    assert data["date"] == "2024-01-02"  # no datetime objects
    assert data["flag"] is True and data["num"] == 1.5 and data["int"] == 16 and data["null_"] is None
    assert data["yes_"] in ("yes", True)


def test_yaml_merge_keys() -> None:
    data = parse_text("base: &b {a: 1, b: 2}\nderived:\n  <<: *b\n  b: 3\n", "x.yaml").data
    assert data["derived"] == {"a": 1, "b": 3}


def test_shared_aliases_are_fine_below_the_limit() -> None:
    data = parse_text("a: &a {type: string}\nb: *a\nc: [*a, *a]\n", "x.yaml").data
    assert data["b"] == data["c"][1] == {"type": "string"}


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 12)]
    started = time.perf_counter()
    err = _error("\n".join(lines) + "\n")
    assert time.perf_counter() - started < 2
    assert "refusing a possible alias bomb" in err.message


def test_alias_expansion_limit_is_relative_to_the_written_size() -> None:
    # 10 x 10 x 10 x ... below the absolute minimum: accepted
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 4)]
    data = parse_text("\n".join(lines) + "\n", "x.yaml").data
    assert len(data["a3"]) == 10 and ALIAS_EXPANSION_MIN > 10**4


def test_recursive_alias() -> None:
    err = _error("a: &a [1, *a]\n")
    assert "recursive alias" in err.message and err.line == 1


def test_non_scalar_keys() -> None:
    err = _error("? [a, b]\n: c\n")
    assert (err.line, err.col) == (1, 3) and "mapping keys must be plain scalars" in err.message


def test_several_yaml_documents() -> None:
    err = _error("a: 1\n---\nb: 2\n")
    assert err.line == 2 and "expected a single document" in err.message


def test_comment_only_yaml_is_empty() -> None:
    assert _error("# nothing\n").message == "empty document"


@pytest.mark.xfail(
    strict=True,
    reason="known limitation: orjson (3.13 here) reads integers beyond 64 bits as floats "
    "(no error, so the stdlib fallback in loader.parse_json never runs)",
)
def test_json_big_integers_stay_exact() -> None:
    data = parse_text('{"n": 123456789012345678901234567890, "m": [-98765432109876543210], "s": "1"}', "x.json").data
    assert data["n"] == 123456789012345678901234567890 and isinstance(data["n"], int)
    assert data["m"] == [-98765432109876543210]


@pytest.mark.parametrize("big", ["123456789012345678901234567890", "1e999999"])
def test_json_stdlib_fallback_keeps_the_depth_limit(big: str) -> None:
    ok = '{"n": ' + big + ', "x": ' + "[" * 1023 + "]" * 1023 + "}"
    parse_text(ok, "x.json")  # 1024 levels, the root included: accepted
    deep = '{"n": ' + big + ', "x": ' + "[" * 15_000 + "]" * 15_000 + "}"
    assert _error(deep, "x.json").message == "document nests deeper than 1024 levels"


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [('{"a": 1,}', 1, 8), ('{\n  "a": tru\n}', 2, 8), ("[1, 2", 1, 6), ('{"a": NaN}', 1, 7)],
)
def test_json_errors_are_located(text: str, line: int, col: int) -> None:
    err = _error(text, "x.json")
    assert (err.line, err.col) == (line, col), str(err)
    assert err.message.startswith("invalid JSON: ")


def test_json_or_yaml_is_chosen_by_content() -> None:
    assert parse_text('  {"a": 1}', "x.yaml").syntax == "json"
    assert parse_text("a: 1", "x.json").syntax == "yaml"


@pytest.mark.parametrize(
    ("raw", "message", "where"),
    [
        (b"", "empty file", None),
        (b" \n\t\r\n", "empty file", None),
        (b"\xef\xbb\xbf\n", "empty file", None),
        (b"a: \x00", "binary file (contains NUL bytes); expected YAML or JSON text", None),
        (b"a: 1\nb: caf\xe9\n", "not UTF-8 text (byte 0xe9)", (2, 7)),
        (b"\xef\xbb\xbfb: caf\xe9\n", "not UTF-8 text (byte 0xe9)", (1, 7)),
        (b"a: '\xe2\x9c\x93\xff'\n", "not UTF-8 text (byte 0xff)", (1, 6)),
    ],
)
def test_decode_errors(raw: bytes, message: str, where: tuple[int, int] | None) -> None:
    with pytest.raises(InputError) as info:
        decode(raw, "x.yaml")
    assert info.value.message == message
    assert (info.value.line, info.value.col) == (where or (None, None))


def test_bom_is_removed() -> None:
    assert decode(b"\xef\xbb\xbfa: 1", "x.yaml") == "a: 1"


def test_load_file_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_file(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a directory"):
        load_file(tmp_path)


def test_display_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a")
    assert display_path(tmp_path / "a" / "b" / "x.yaml") == "b/x.yaml"
    assert display_path(tmp_path / "x.yaml") == "../x.yaml"
    assert display_path(Path("/")) == "/"  # far away: absolute
