"""`apictl gen sdk` through the real entry point: output, --check, and one-line
errors with exit 2 for every class of bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import BAD, assert_error_lines, invoke
from tests.gen.sdk_helpers import EXAMPLES, FIXTURES, ROOT

PETSTORE = EXAMPLES / "petstore" / "openapi.yaml"


def test_writes_a_package_then_check_is_clean(tmp_path: Path) -> None:
    result = invoke("gen", "sdk", PETSTORE, "--out", tmp_path / "sdk", "--package-name", "pets")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "sdk" / "pets" / "client.py").is_file()
    assert invoke("gen", "sdk", PETSTORE, "--out", tmp_path / "sdk", "--package-name", "pets", "--check").exit_code == 0
    (tmp_path / "sdk" / "pets" / "client.py").write_text("# edited\n")
    check = invoke("gen", "sdk", PETSTORE, "--out", tmp_path / "sdk", "--package-name", "pets", "--check")
    assert check.exit_code == 1 and "pets/client.py" in check.stdout


def test_user_templates_override_shipped_ones(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "README.md.jinja").write_text("# {{ title | comment }} by us\n")
    result = invoke("gen", "sdk", PETSTORE, "--out", tmp_path / "sdk", "--templates", templates)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "sdk" / "README.md").read_text() == "# Petstore by us\n"


def test_example_override_in_templates_folder(tmp_path: Path) -> None:
    example = ROOT / "templates" / "python_sdk"
    assert invoke("gen", "sdk", PETSTORE, "--out", tmp_path / "sdk", "--templates", example).exit_code == 0
    readme = (tmp_path / "sdk" / "README.md").read_text()
    assert (
        readme.startswith("# Petstore client\n") and "- `client.pets`: `list_pets`, `create_pet`, `get_pet`" in readme
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((Path("nope.yaml"),), "nope.yaml: no such file"),
        ((BAD / "invalid-yaml.yaml",), "invalid-yaml.yaml"),
        ((BAD / "invalid-json.json",), "invalid JSON"),
        ((BAD / "binary.yaml",), "binary file"),
        ((BAD / "empty.yaml",), "empty"),
        ((BAD / "scalar.yaml",), "not an OpenAPI document"),
        ((BAD / "openapi-4.yaml",), "unsupported OpenAPI version"),
        ((BAD / "alias-bomb.yaml",), "alias-bomb.yaml"),
        ((FIXTURES / "bad" / "broken-ref.yaml",), "$ref target not found"),
        ((FIXTURES / "bad" / "escaping-ref.yaml",), "outside the root folder"),
        ((FIXTURES / "bad" / "paths-list.yaml",), "paths-list.yaml:3:1: not a valid OpenAPI 3.0 document: `/paths`"),
        ((PETSTORE, "--lang", "go"), "unsupported --lang 'go'"),
        ((PETSTORE, "--package-name", "../evil"), "invalid --package-name"),
        ((PETSTORE, "--package-name", "class"), "invalid --package-name"),
        ((PETSTORE, "--templates", Path("no-such-folder")), "--templates must be a folder"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path: Path, args: tuple[str | Path, ...], message: str) -> None:
    result = invoke("gen", "sdk", *args, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert_error_lines(result)
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_output_that_is_a_file_exits_2(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = invoke("gen", "sdk", PETSTORE, "--out", tmp_path / "file")
    assert result.exit_code == 2
    assert_error_lines(result)


def test_generator_notes_do_not_reach_stderr(tmp_path: Path) -> None:
    result = invoke("gen", "sdk", FIXTURES / "no_operations.yaml", "--out", tmp_path / "sdk")
    assert result.exit_code == 0 and result.stderr == ""
    assert "Money" in (tmp_path / "sdk" / "only_schemas_client" / "models.py").read_text()


BAD_TEMPLATES = FIXTURES / "bad_templates"


@pytest.mark.parametrize("command", ["sdk", "server"])
@pytest.mark.parametrize(
    ("folder", "where", "message"),
    [
        ("syntax", "README.md.jinja:2: template error:", "Expected an expression"),
        ("undefined", "README.md.jinja:2: template error:", "'nosuchvar' is undefined"),
        ("filter", "README.md.jinja:1: template error:", "No filter named 'nofilter'"),
        ("broken_python", "client.py.jinja: generated", "is not valid Python"),
    ],
)
def test_broken_user_templates_exit_2_naming_the_template(
    tmp_path: Path, command: str, folder: str, where: str, message: str
) -> None:
    if command == "server" and folder == "broken_python":
        (tmp_path / "tpl").mkdir()
        (tmp_path / "tpl" / "app.py.jinja").write_text("x = (\n")
        templates, where = tmp_path / "tpl", "app.py.jinja: generated"
    else:
        templates = BAD_TEMPLATES / folder
    result = invoke("gen", command, PETSTORE, "--out", tmp_path / "out", "--templates", templates)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert_error_lines(result)
    assert where in result.stderr and message in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["sdk", "server"])
@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("openapi-only.yaml", 'openapi-only.yaml:1:1: not a valid OpenAPI 3.0 document: the document: "info" is a'),
        ("info-scalar.yaml", "info-scalar.yaml:2:1: not a valid OpenAPI 3.0 document: `/info`: 5 is not of type"),
        ("no-description.yaml", "no-description.yaml:7:9: not a valid OpenAPI 3.0 document: `/paths/~1a/get/resp"),
    ],
)
def test_structurally_invalid_contracts_exit_2(tmp_path: Path, command: str, name: str, message: str) -> None:
    result = invoke("gen", command, FIXTURES / "bad" / name, "--out", tmp_path / "out")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert_error_lines(result)
    assert message in result.stderr, result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["sdk", "server"])
def test_refuses_a_folder_it_did_not_generate_unless_forced(tmp_path: Path, command: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "README.md").write_text("my project\n")
    (project / "pyproject.toml").write_text("[project]\nname = 'mine'\n")
    result = invoke("gen", command, PETSTORE, "--out", project)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert_error_lines(result)
    assert "not empty and apictl did not generate it" in result.stderr and "--force" in result.stderr
    assert sorted(p.name for p in project.iterdir()) == ["README.md", "pyproject.toml"]
    assert (project / "README.md").read_text() == "my project\n"
    forced = invoke("gen", command, PETSTORE, "--out", project, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert (project / ".apictl-generated").is_file()


def test_contract_text_cannot_freeze_generated_files(tmp_path: Path) -> None:
    """`apictl: user-owned` in the title or description is text, not the marker: the next
    run still rewrites README.md and __init__.py."""
    import yaml

    spec = tmp_path / "api.yaml"
    text = PETSTORE.read_text()
    data = yaml.safe_load(text)
    data["info"].update(title="apictl: user-owned", description="apictl: user-owned\n# apictl: user-owned")
    spec.write_text(yaml.safe_dump(data))
    out = tmp_path / "sdk"
    assert invoke("gen", "sdk", spec, "--out", out, "--package-name", "pets").exit_code == 0
    assert "apictl: user-owned" in (out / "README.md").read_text()
    spec.write_text(text)
    assert invoke("gen", "sdk", spec, "--out", out, "--package-name", "pets").exit_code == 0
    assert "apictl: user-owned" not in (out / "README.md").read_text()
    assert "apictl: user-owned" not in (out / "pets" / "__init__.py").read_text()
