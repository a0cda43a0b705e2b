"""`apictl lint` on protobuf: dispatch, bad input (one located line, exit 2, no
traceback), buf.yaml configuration, comment ignores, buf images, the cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import assert_error_lines, invoke, lint_json

GOOD = 'syntax = "proto3";\n\npackage acme.v1;\n\n// User is a person.\nmessage User {\n  string name = 1;\n}\n'


def _tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return root


def _errors(stderr: str, root: Path) -> list[str]:
    """Error lines with the tree's location removed, however it is displayed
    (absolute, or relative to the working folder when that is close by)."""
    prefixes = (str(root) + "/", os.path.relpath(root) + "/")
    out = []
    for line in stderr.splitlines():
        for prefix in prefixes:
            line = line.replace(prefix, "")
        out.append(line)
    return sorted(out)


def test_clean_tree_exits_0(tmp_path: Path) -> None:
    _tree(tmp_path, {"acme/v1/user.proto": GOOD})
    result = invoke("lint", "--no-config", tmp_path)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_findings_exit_1_with_buf_positions(tmp_path: Path) -> None:
    _tree(tmp_path, {"acme/v1/user.proto": GOOD.replace("string name", "string displayName")})
    result, report = lint_json("--no-config", tmp_path)
    assert result.exit_code == 1
    [d] = report["diagnostics"]
    assert (d["code"], d["range"]["start"], d["pointer"]) == ("PB103", {"line": 7, "column": 10}, "/4/0/2/0/1")


def test_bad_input_every_file_reports_its_own_errors(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "acme/v1/syntax.proto": 'syntax = "proto3";\npackage acme.v1;\nmessage A { int32 x = 1 }\n',
            "acme/v1/unknown.proto": 'syntax = "proto3";\npackage acme.v1;\nmessage B { Nope x = 1; }\n',
            "acme/v1/missing.proto": 'syntax = "proto3";\npackage acme.v1;\nimport "nowhere/x.proto";\n',
            "acme/v1/latin1.proto": b'syntax = "proto3";\npackage acme.v1;\n// caf\xe9\n',
            "acme/v1/fine.proto": GOOD,
        },
    )
    result = invoke("lint", "--no-config", tmp_path)
    assert result.exit_code == 2
    assert_error_lines(result)
    errors = _errors(result.stderr, tmp_path)
    assert errors == [
        "apictl: error: acme/v1/latin1.proto:3:7: invalid UTF-8 (byte 0xe9); protobuf files must be UTF-8",
        'apictl: error: acme/v1/missing.proto:3:1: Import "nowhere/x.proto" was not found or had errors.',
        'apictl: error: acme/v1/syntax.proto:3:25: Expected ";".',
        'apictl: error: acme/v1/unknown.proto:3:13: "Nope" is not defined.',
        "apictl: error: nowhere/x.proto: File not found.",
    ]


def test_buf_yaml_v2_use_except_ignore_and_options(tmp_path: Path) -> None:
    bad = 'syntax = "proto3";\npackage acme.v1;\nenum Color {\n  COLOR_NONE = 0;\n}\nservice users_s {}\nmessage m {}\n'
    _tree(
        tmp_path,
        {
            "buf.yaml": "version: v2\nlint:\n  use: [STANDARD]\n  except: [MESSAGE_PASCAL_CASE]\n"
            "  enum_zero_value_suffix: _NONE\n  service_suffix: s\n  ignore_only:\n    SERVICE_PASCAL_CASE: [acme]\n",
            "acme/v1/a.proto": bad,
            "acme/v1/b.proto": bad.replace("Color", "Shade").replace("users_s", "other_s").replace(" m ", " n "),
        },
    )
    result, report = lint_json("--no-config", tmp_path)
    # PB104 (MESSAGE_PASCAL_CASE) is excepted, PB110 satisfied by `_NONE`, PB115 by the suffix `s`,
    # PB108 (SERVICE_PASCAL_CASE) ignored under acme/; b.proto's COLOR_NONE lacks the SHADE_ prefix
    assert [(d["code"], Path(d["file"]).name) for d in report["diagnostics"]] == [("PB109", "b.proto")]


def test_buf_yaml_v1_ignore_and_comment_ignores(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "buf.yaml": "version: v1\nlint:\n  use: [DEFAULT]\n  ignore: [vendor]\n  allow_comment_ignores: true\n",
            "vendor/x/v1/x.proto": 'syntax = "proto3";\npackage x.v1;\nmessage bad_name {}\n',
            "acme/v1/a.proto": 'syntax = "proto3";\npackage acme.v1;\n// buf:lint:ignore MESSAGE_PASCAL_CASE\n'
            "message ok_name {}\nmessage bad_name {}\n",
        },
    )
    result, report = lint_json("--no-config", tmp_path)
    assert [(d["code"], d["file"][-15:], d["range"]["start"]["line"]) for d in report["diagnostics"]] == [
        ("PB104", "acme/v1/a.proto", 5)
    ]


def test_comment_ignores_can_be_disallowed(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "buf.yaml": "version: v2\nlint:\n  use: [MESSAGE_PASCAL_CASE]\n  disallow_comment_ignores: true\n",
            "acme/v1/a.proto": 'syntax = "proto3";\npackage acme.v1;\n// buf:lint:ignore MESSAGE_PASCAL_CASE\n'
            "message ok_name {}\n",
        },
    )
    _, report = lint_json("--no-config", tmp_path)
    assert [d["code"] for d in report["diagnostics"]] == ["PB104"]


def test_module_root_found_by_walking_up_to_buf_yaml(tmp_path: Path) -> None:
    _tree(
        tmp_path,
        {
            "proto/buf.yaml": "version: v1\n",
            "proto/acme/v1/a.proto": GOOD,
            "proto/acme/v1/b.proto": 'syntax = "proto3";\npackage acme.v1;\nimport "acme/v1/a.proto";\n'
            "message B { User u = 1; }\n",
        },
    )
    # a file deep inside the module: imports resolve against proto/, the package matches its folder
    result = invoke("lint", "--no-config", tmp_path / "proto/acme/v1/b.proto")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_buf_image_input(tmp_path: Path) -> None:
    _tree(tmp_path, {"acme/v1/user.proto": GOOD.replace("string name", "string Name")})
    image = tmp_path / "image.binpb"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "grpc_tools.protoc",
            f"-I{tmp_path}",
            "--include_source_info",
            "--include_imports",
            f"--descriptor_set_out={image}",
            "acme/v1/user.proto",
        ],
        check=True,
    )
    result, report = lint_json("--no-config", image)
    assert result.exit_code == 1
    assert [(d["code"], d["file"], d["range"]["start"]) for d in report["diagnostics"]] == [
        ("PB103", "acme/v1/user.proto", {"line": 7, "column": 10})
    ]


def test_not_an_image(tmp_path: Path) -> None:
    (tmp_path / "junk.binpb").write_bytes(b"\xff\xff\xff\xff")
    result = invoke("lint", "--no-config", tmp_path / "junk.binpb")
    assert result.exit_code == 2
    assert_error_lines(result)


def test_cache_reuses_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APICTL_CACHE_DIR", str(tmp_path / "cache"))
    src = _tree(tmp_path / "src", {"acme/v1/user.proto": GOOD.replace("message User", "message user")})
    first, report1 = lint_json("--no-config", src)
    assert list((tmp_path / "cache").rglob("*.pickle"))
    second, report2 = lint_json("--no-config", src)
    assert report1["diagnostics"] == report2["diagnostics"] and report1["diagnostics"]
    (src / "acme/v1/user.proto").write_text(GOOD, encoding="utf-8")  # a change is seen
    third, report3 = lint_json("--no-config", src)
    assert third.exit_code == 0 and report3["diagnostics"] == []


def test_openapi_and_proto_in_one_folder(tmp_path: Path) -> None:
    _tree(tmp_path, {"acme/v1/user.proto": GOOD.replace("message User", "message user")})
    (tmp_path / "openapi.yaml").write_text(
        "openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n", encoding="utf-8"
    )
    _, report = lint_json("--no-config", tmp_path)
    files = {d["file"].replace(str(tmp_path), "") for d in report["diagnostics"]}
    assert any(f.endswith("user.proto") for f in files)
    assert any(f.endswith("openapi.yaml") for f in files)


def test_proto_rules_listed_with_buf_alias() -> None:
    result = invoke("rules", "PB103")
    assert result.exit_code == 0
    assert "lower_snake_case" in result.stdout
