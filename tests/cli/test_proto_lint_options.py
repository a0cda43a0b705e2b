"""Protobuf lint configuration beyond buf.yaml: buf rule ids in apictl.yaml `rules:`,
the opt-in `aip` preset (also beside a buf.yaml), and batched span lookup."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from apictl.specs.proto.compiler import Compiler
from apictl.specs.proto.model import path_of
from apictl.specs.proto.workspace import resolve_modules
from tests.cli.helpers import invoke, lint_json

BAD_NAMES = 'syntax = "proto3";\npackage acme.v1;\nmessage bad_name {}\nenum color { COLOR_UNSPECIFIED = 0; }\n'
LIBRARY = (
    'syntax = "proto3";\npackage acme.v1;\n'
    "message Book { string id = 1; }\n"
    "message GetBookRequest { string name = 1; }\n"
    "service LibraryService { rpc GetBook(GetBookRequest) returns (Book); }\n"
)
# google.api.resource, declared locally: protoc keeps the option as field 1053 of MessageOptions
RESOURCE_PROTO = (
    'syntax = "proto3";\npackage google.api;\nimport "google/protobuf/descriptor.proto";\n'
    "message ResourceDescriptor { string type = 1; repeated string pattern = 2; }\n"
    "extend google.protobuf.MessageOptions { ResourceDescriptor resource = 1053; }\n"
)


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text, encoding="utf-8")


def _codes(*args: str | Path) -> list[str]:
    _, report = lint_json(*args)
    return sorted(d["code"] for d in report["diagnostics"])


def test_buf_rule_ids_work_in_apictl_yaml(tmp_path: Path) -> None:
    _write(tmp_path, {"acme/v1/a.proto": BAD_NAMES})
    assert _codes("--no-config", tmp_path) == ["PB101", "PB104"]  # ENUM_PASCAL_CASE, MESSAGE_PASCAL_CASE
    config = tmp_path / "apictl.yaml"
    config.write_text("rules:\n  MESSAGE_PASCAL_CASE: off\n  ENUM_PASCAL_CASE: error\n", encoding="utf-8")
    _, report = lint_json("--config", config, tmp_path)
    assert [(d["code"], d["severity"]) for d in report["diagnostics"]] == [("PB101", "error")]


def test_unknown_rule_id_is_still_a_config_error(tmp_path: Path) -> None:
    _write(tmp_path, {"acme/v1/a.proto": BAD_NAMES})
    config = tmp_path / "apictl.yaml"
    config.write_text("rules:\n  MESSAGE_PASCAL_CAS: off\n", encoding="utf-8")
    result = invoke("lint", "--config", config, tmp_path)
    assert result.exit_code == 2
    assert "unknown rule 'MESSAGE_PASCAL_CAS'" in result.stderr


def test_aip_preset_is_opt_in(tmp_path: Path) -> None:
    _write(tmp_path, {"acme/v1/library.proto": LIBRARY})
    assert "PB506" not in _codes("--no-config", tmp_path)
    assert _codes("--no-config", "--preset", "aip", tmp_path) == ["PB506"]


def test_aip_preset_adds_to_a_buf_yaml_selection(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "buf.yaml": "version: v2\nlint:\n  use: [MINIMAL]\n",
            "acme/v1/library.proto": LIBRARY + "message bad_name {}\n",
            "apictl.yaml": "extends: [recommended, aip]\n",
        },
    )
    # buf.yaml picks MINIMAL (no MESSAGE_PASCAL_CASE); apictl.yaml adds the aip rules
    assert _codes("--config", tmp_path / "apictl.yaml", tmp_path) == ["PB506"]


def test_aip_resource_annotation_marks_a_resource(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "google/api/resource.proto": RESOURCE_PROTO,
            "acme/v1/shelf.proto": 'syntax = "proto3";\npackage acme.v1;\nimport "google/api/resource.proto";\n'
            'message Shelf {\n  option (google.api.resource) = {type: "x/Shelf"};\n  string id = 1;\n}\n'
            "message Note { string id = 1; }\n",
        },
    )
    _, report = lint_json("--no-config", "--preset", "aip", tmp_path)
    assert [(d["code"], d["range"]["start"]["line"]) for d in report["diagnostics"]] == [("PB506", 4)]


def test_batched_spans_match_single_lookups(tmp_path: Path) -> None:
    _write(tmp_path, {"acme/v1/library.proto": LIBRARY})
    [module] = resolve_modules([tmp_path])
    compiler = Compiler(module)
    compiled = compiler.run(*compiler.read())
    [doc] = compiled.docs
    wanted = [tuple(loc.path) for loc in doc.fd.source_code_info.location]
    wanted += [(4, 0, 2, 0, 99), (6, 0, 2, 0, 7, 7), (4, 9), ()]  # absent: nearest ancestor, else the file
    batched = doc.spans_at(wanted)  # before the full index exists: the scanning path
    assert doc._locations is None
    assert batched == {p: doc.nearest(p) for p in wanted}
    assert doc.spans(["/4/0/1", "/4/0/2/0/99"]) == {p: doc.nearest(path_of(p)) for p in ["/4/0/1", "/4/0/2/0/99"]}


BUF = Path(__file__).resolve().parents[2] / "bench/.cache/node/node_modules/@bufbuild/buf-linux-x64/bin/buf"
PROTOVALIDATE_FIXTURE = Path(__file__).resolve().parents[1] / "rules/fixtures/PB223"


@pytest.mark.skipif(not BUF.exists(), reason="buf not installed under bench/.cache")
def test_protovalidate_findings_match_buf(tmp_path: Path) -> None:
    """PROTOVALIDATE on a fixture with a subset of validate.proto: the same lines, columns
    and messages as `buf lint`."""
    tree = tmp_path / "tree"
    shutil.copytree(PROTOVALIDATE_FIXTURE, tree)
    (tree / "buf.yaml").write_text("version: v2\nlint:\n  use: [PROTOVALIDATE]\n", encoding="utf-8")
    proc = subprocess.run([str(BUF), "lint", "--error-format", "json"], cwd=tree, capture_output=True, text=True)
    theirs = set()
    for line in proc.stdout.splitlines():
        x = json.loads(line)
        theirs.add((x["path"], x["start_line"], x["start_column"], x["message"]))
    assert len(theirs) >= 9, proc.stderr
    _, report = lint_json("--no-config", tree)
    mine = {
        (
            Path(d["file"]).relative_to(tree).as_posix(),
            d["range"]["start"]["line"],
            d["range"]["start"]["column"],
            d["message"],
        )
        for d in report["diagnostics"]
        if d["code"] == "PB223"
    }
    assert mine == theirs


def test_broken_files_in_several_folders_each_report_and_the_rest_lints(tmp_path: Path) -> None:
    """A failing protoc chunk is halved until each broken file stands alone; the good
    files of every folder are still linted."""
    files = {
        f"acme/f{i}/v1/ok.proto": f'syntax = "proto3";\npackage acme.f{i}.v1;\nmessage bad_{i} {{}}\n' for i in range(5)
    }
    files["acme/f1/v1/broken.proto"] = 'syntax = "proto3";\npackage acme.f1.v1;\nmessage A { int32 x = 1 }\n'
    files["acme/f3/v1/broken.proto"] = 'syntax = "proto3";\npackage acme.f3.v1;\nmessage B { Nope x = 1; }\n'
    _write(tmp_path, files)
    result = invoke("lint", "--no-config", "--format", "json", tmp_path)
    assert result.exit_code == 2
    assert sum("broken.proto:3:" in line for line in result.stderr.splitlines()) == 2
    report = json.loads(result.stdout)
    assert sorted(Path(d["file"]).parent.parent.name for d in report["diagnostics"] if d["code"] == "PB104") == [
        f"f{i}" for i in range(5)
    ]


def test_inline_ignores_can_be_turned_off_natively(tmp_path: Path) -> None:
    """`inline_ignores: false` in apictl.yaml is buf's `disallow_comment_ignores` (and
    also switches off OpenAPI's `x-apictl-ignore` / `# apictl-ignore`)."""
    _write(
        tmp_path,
        {
            "acme/v1/a.proto": 'syntax = "proto3";\npackage acme.v1;\n// buf:lint:ignore MESSAGE_PASCAL_CASE\n'
            "message ok_name {}\n",
            "api.yaml": "openapi: 3.0.3\ninfo: {title: T, version: '1', x-apictl-ignore: [info-contact]}\npaths: {}\n",
        },
    )
    config = tmp_path / "apictl.yaml"
    config.write_text("rules: {}\n", encoding="utf-8")
    assert "PB104" not in _codes("--config", config, tmp_path)
    assert "OAS401" not in _codes("--config", config, tmp_path / "api.yaml")
    config.write_text("inline_ignores: false\n", encoding="utf-8")
    assert "PB104" in _codes("--config", config, tmp_path)
    assert "OAS401" in _codes("--config", config, tmp_path / "api.yaml")
    config.write_text("inline_ignores: no-thanks\n", encoding="utf-8")
    result = invoke("lint", "--config", config, tmp_path)
    assert result.exit_code == 2 and "`inline_ignores` must be true or false" in result.stderr
