"""The `breaking:` section: categories, deprecated ids, ignores, unstable packages, v2 module paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.core.errors import ConfigError
from apictl.diff.proto.categories import BUF_CATEGORIES, expand
from apictl.diff.proto.config import is_unstable, parse_breaking, read_buf_breaking


def test_category_sizes_match_buf() -> None:
    sizes = {c: len(expand([c])) for c in ("FILE", "PACKAGE", "WIRE_JSON", "WIRE")}
    assert sizes == {"FILE": 51, "PACKAGE": 51, "WIRE_JSON": 22, "WIRE": 15}
    assert len(BUF_CATEGORIES) == 64
    assert expand(["FIELD_SAME_LABEL"]) == {
        "FIELD_SAME_CARDINALITY",
        "FIELD_WIRE_COMPATIBLE_CARDINALITY",
        "FIELD_WIRE_JSON_COMPATIBLE_CARDINALITY",
    }


def test_use_except_and_ignores() -> None:
    b = parse_breaking({"use": ["WIRE"], "except": ["RPC_NO_DELETE", "FIELD_SAME_DEFAULT"]}, "buf.yaml")
    assert "FIELD_SAME_DEFAULT" not in b.selected() and len(b.selected()) == 14
    b = parse_breaking({"ignore": ["a/b"], "ignore_only": {"FILE": ["c"]}}, "buf.yaml")
    assert b.ignored("FIELD_NO_DELETE", "a/b/x.proto", "p") and not b.ignored("FIELD_NO_DELETE", "a/bc.proto", "p")
    assert b.ignored("FIELD_NO_DELETE", "c/x.proto", "p") and not b.ignored(
        "FIELD_WIRE_COMPATIBLE_TYPE", "c/x.proto", "p"
    )


@pytest.mark.parametrize(
    ("package", "unstable"),
    [
        ("acme.v1", False),
        ("acme.v1alpha1", True),
        ("acme.v2beta", True),
        ("acme.v1test", True),
        ("acme.v1p1beta1", True),
        ("acme.beta", False),
        ("", False),
    ],
)
def test_unstable_packages(package: str, unstable: bool) -> None:
    assert is_unstable(package) is unstable


def test_bad_sections() -> None:
    sections: list[object] = [
        {"use": "NOPE"},
        {"uses": ["FILE"]},
        {"ignore_unstable_packages": "yes"},
        {"ignore_only": ["x"]},
        [],
    ]
    for section in sections:
        with pytest.raises(ConfigError):
            parse_breaking(section, "buf.yaml")


def test_v2_module_breaking_and_paths(tmp_path: Path) -> None:
    (tmp_path / "proto").mkdir()
    (tmp_path / "buf.yaml").write_text(
        "version: v2\nmodules:\n  - path: proto\n    breaking:\n      use: [WIRE]\n      ignore: [proto/legacy]\n",
        encoding="utf-8",
    )
    b = read_buf_breaking(tmp_path / "buf.yaml", tmp_path / "proto", "buf.yaml")
    assert b is not None and b.use == ["WIRE"] and b.ignore == ["legacy"]
    (tmp_path / "buf.yaml").write_text("version: v1\nlint:\n  use: [STANDARD]\n", encoding="utf-8")
    assert read_buf_breaking(tmp_path / "buf.yaml", tmp_path, "buf.yaml") is None
