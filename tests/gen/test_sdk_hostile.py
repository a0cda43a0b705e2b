"""Hostile contracts: names that are keywords, builtins, duplicates after
normalisation, paths or digits; text with `\"\"\"`, `*/`, `{{`, backslashes, bare
CRs and code. The generated package must stay valid (ruff, mypy --strict,
import), hold no injected code — checked on the AST, including code that would
only run inside an operation — and be written only inside --out."""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from tests.gen.sdk_helpers import EXAMPLES, FIXTURES, generate, run_mypy, run_ruff

HOSTILE = FIXTURES / "hostile.yaml"
PACKAGE = "hostile_client"
# every import the generated code may make
ALLOWED_IMPORTS = {
    "__future__",
    "asyncio",
    "base64",
    "collections.abc",
    "dataclasses",
    "datetime",
    "email.utils",
    "enum",
    "functools",
    "httpx",
    "json",
    "pydantic",
    "random",
    "re",
    "time",
    "typing",
    "typing_extensions",
    "urllib.parse",
}
FORBIDDEN_FUNCTIONS = {"eval", "exec", "__import__", "compile", "open", "breakpoint", "input"}
FORBIDDEN_METHODS = {"system", "popen", "spawnl", "exec_module", "call", "run", "check_output"}


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    generate(HOSTILE, base / "out", PACKAGE)
    return base


@pytest.fixture(scope="module")
def package(tree: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(tree / "out"))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(tree / "out"))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_writes_only_inside_out(tree: Path) -> None:
    assert [p.name for p in tree.iterdir()] == ["out"]
    files = sorted(p.relative_to(tree / "out").as_posix() for p in (tree / "out").rglob("*") if p.is_file())
    assert all(f.startswith((f"{PACKAGE}/", "README.md", "pyproject.toml", ".apictl")) for f in files), files
    assert not any(".." in f or "etc/" in f for f in files)


def _python_files(tree: Path) -> list[Path]:
    return sorted((tree / "out" / PACKAGE).rglob("*.py"))


def test_no_injected_code_in_the_ast(tree: Path) -> None:
    for path in _python_files(tree):
        module = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(module):
            if isinstance(node, ast.Import):
                assert {a.name for a in node.names} <= ALLOWED_IMPORTS, (path, ast.unparse(node))
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                assert node.module in ALLOWED_IMPORTS, (path, ast.unparse(node))
            elif isinstance(node, ast.Call):
                func = node.func
                assert not (isinstance(func, ast.Name) and func.id in FORBIDDEN_FUNCTIONS), (path, ast.unparse(node))
                assert not (isinstance(func, ast.Attribute) and func.attr in FORBIDDEN_METHODS), (
                    path,
                    ast.unparse(node),
                )
            elif isinstance(node, ast.Name):
                assert node.id != "os", (path, node.lineno)
        # the contract's text only ever appears inside string constants
        for node in ast.walk(module):
            names = {
                ast.Name: lambda n: n.id,
                ast.Attribute: lambda n: n.attr,
                ast.FunctionDef: lambda n: n.name,
                ast.ClassDef: lambda n: n.name,
                ast.arg: lambda n: n.arg,
            }
            get = names.get(type(node))
            if get is not None:
                assert get(node).isidentifier() and "(" not in get(node), (path, get(node))


def test_pyproject_is_valid_toml(tree: Path) -> None:
    import tomllib

    project = tomllib.loads((tree / "out" / "pyproject.toml").read_text())["project"]
    assert project["version"] == "0.1.0"  # the contract's version is not a valid package version


def test_hostile_package_imports_and_calls_safely(package: ModuleType) -> None:
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"def": "x", "kind": "a\\b"})

    client = package.Client("https://api.test", transport=httpx.MockTransport(answer))
    api = client.etc
    result = api.import_("a/b", class_="*/", self_=1, timeout_=2, p_2fa="x", for_="y", body_2="b", rt_="r", models_="m")
    assert result.def_ == "x"
    url = sent[0].url
    assert url.raw_path.startswith(b"/a'%22%5C/a%2Fb/*/")  # the path key kept as data, the value escaped
    assert url.params["class"] == "*/" and url.params["timeout"] == "2" and url.params["self"] == "1"


@pytest.mark.parametrize(("value", "segment"), [("..", b"/%2E%2E/"), (".", b"/%2E/"), ("../..", b"/..%2F..")])
def test_dot_segment_values_stay_data(package: ModuleType, value: str, segment: bytes) -> None:
    """httpx removes `.`/`..` segments: a path value `..` must not reach the parent path."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"def": "x"})

    package.Client("https://api.test/base", transport=httpx.MockTransport(answer)).etc.import_(value)
    assert sent[0].url.raw_path.startswith(b"/base/a'%22%5C" + segment), sent[0].url.raw_path


def test_hostile_names_are_unique_identifiers(package: ModuleType) -> None:
    client_api = importlib.import_module(f"{PACKAGE}.api.class_")
    methods = [m for m in vars(client_api.ClassApi) if not m.startswith("_")]
    assert methods == ["get_dup", "get_dup_3"]
    other = importlib.import_module(f"{PACKAGE}.api.client")
    assert [m for m in vars(other.ClientApi) if not m.startswith("_")] == ["get_dup_2", "n_1st_os_system_pwned"]


def test_ruff_and_mypy_on_hostile_and_other_inputs(tree: Path, tmp_path: Path) -> None:
    others = {
        "swagger_client": EXAMPLES / "legacy-swagger2" / "swagger.json",
        "bookstore_client": EXAMPLES / "bookstore-multifile" / "openapi.yaml",
        "schemas_only_client": FIXTURES / "no_operations.yaml",
    }
    folders = [tree / "out"]
    for name, spec in others.items():
        generate(spec, tmp_path / name, name)
        folders.append(tmp_path / name)
    for folder in folders:
        result = run_ruff(folder)
        assert result.returncode == 0, result.stdout + result.stderr
    result = run_mypy(folders, [PACKAGE, *others], tmp_path / "mypy-cache")
    assert result.returncode == 0, result.stdout + result.stderr
