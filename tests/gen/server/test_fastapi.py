"""FastAPI server stubs (`apictl gen server SPEC --framework fastapi`): golden tree for
the petstore, ruff + mypy --strict on the output, a real server (uvicorn on a free
port) that validates requests per the contract, answers 501 problem+json for what
is not implemented and serves what the user implemented; regeneration keeps the
user's handlers; hostile contracts stay inert; bad input exits 2."""

from __future__ import annotations

import ast
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from apictl.gen.ir import build_ir
from apictl.gen.server import generate_server, plan_server
from tests.cli.helpers import ROOT, first_error, invoke
from tests.golden import assert_golden

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
PETSTORE = ROOT / "examples" / "petstore" / "openapi.yaml"
KITCHEN_SINK = HERE.parent / "fixtures" / "kitchen_sink.yaml"
APIS_GURU = ROOT / "tests" / "fixtures" / "apis-guru"
PACKAGE = "petstore_server"

HANDLERS = '''\
"""apictl: user-owned. The test's implementation of PetsApi (create_pet is left out)."""

from __future__ import annotations

from fastapi import Response

from .. import models
from ..api import PetsApi
from ..problems import Problem

PETS = [models.Pet(id=1, name="Rex", tag="dog"), models.Pet(id=2, name="Tom"), models.Pet(id=3, name="Kit")]


class PetsHandlers(PetsApi):
    async def list_pets(self, *, limit: int = 20, after: int | None = None) -> list[models.Pet] | Response:
        return [p for p in PETS if after is None or p.id > after][:limit]

    async def get_pet(self, *, pet_id: int, if_none_match: str | None = None) -> models.Pet | Response:
        for pet in PETS:
            if pet.id == pet_id:
                if if_none_match == f"v{pet_id}":
                    return Response(status_code=304)
                return pet
        raise Problem(404, "Not Found", detail=f"no pet {pet_id}")
'''

CREDENTIALS = '''\
"""apictl: user-owned. The test's credential check."""


async def verify(scheme: str, credential: str) -> bool:
    return scheme == "bearer" and credential == "good"
'''
AUTH = {"Authorization": "Bearer good"}


@pytest.fixture(scope="module")
def petstore(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("fastapi") / "petstore"
    generate_server(PETSTORE, out, package_name=PACKAGE)
    return out


def _tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text() for p in sorted(root.rglob("*")) if p.is_file()}


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=180)


def _lint_and_typecheck(project: Path, tmp_path: Path) -> None:
    mypy = _run(project, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy-cache"), ".")
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    ruff = _run(project, "-m", "ruff", "check", "--no-cache", ".")
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


def test_petstore_golden_tree(petstore: Path) -> None:
    _assert_golden_tree("petstore", petstore)


def _assert_golden_tree(name: str, root: Path) -> None:
    tree = _tree(root)
    assert_golden(f"gen/server/{name}/FILES.txt", "\n".join(tree) + "\n")
    for path, text in tree.items():
        if path != ".apictl-generated":
            assert_golden(f"gen/server/{name}/{path}.txt", text)


def test_kitchen_sink_lints_and_type_checks(tmp_path: Path) -> None:
    """3.1 kitchen sink (shared with the SDK generator's tests, which keep changing it, so no
    golden here): unions with and without discriminators, readOnly/writeOnly, multipart, binary
    downloads, SSE, recursive schemas, reserved words, every kind of security scheme."""
    out = tmp_path / "kitchen_sink"
    generate_server(KITCHEN_SINK, out)
    _lint_and_typecheck(out, tmp_path)
    security = (out / "kitchen_sink_server" / "security.py").read_text()
    for entry in ['"bearer": ("http", "bearer")', '"apiKeyQuery": ("query", "api_key")', '"oauth": ("http", "bearer")']:
        assert entry in security


def test_deterministic(petstore: Path) -> None:
    again = plan_server(build_ir(PETSTORE), package_name=PACKAGE)
    assert {f.path: f.data() for f in again} == {
        path: text.encode() for path, text in _tree(petstore).items() if path != ".apictl-generated"
    }


def test_output_passes_ruff_and_mypy_strict(petstore: Path, tmp_path: Path) -> None:
    _lint_and_typecheck(petstore, tmp_path)


@pytest.fixture(scope="module")
def implemented(petstore: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("implemented") / "petstore"
    shutil.copytree(petstore, project)
    handlers = project / PACKAGE / "handlers" / "pets.py"
    handlers.write_text(HANDLERS)
    (project / PACKAGE / "handlers" / "helpers.py").write_text('"""A module of the user\'s own."""\n')
    (project / PACKAGE / "models.py").write_text("# edited by mistake\n")
    (project / PACKAGE / "credentials.py").write_text(CREDENTIALS)
    generate_server(PETSTORE, project, package_name=PACKAGE)  # regeneration
    return project


def test_regeneration_keeps_user_files_and_rewrites_generated(implemented: Path, petstore: Path) -> None:
    assert (implemented / PACKAGE / "handlers" / "pets.py").read_text() == HANDLERS
    assert (implemented / PACKAGE / "handlers" / "helpers.py").is_file()
    assert (implemented / PACKAGE / "credentials.py").read_text() == CREDENTIALS
    assert (implemented / PACKAGE / "models.py").read_text() == (petstore / PACKAGE / "models.py").read_text()
    result = invoke("gen", "server", PETSTORE, "--out", implemented, "--package-name", PACKAGE, "--check")
    assert result.exit_code == 0, result.stdout + result.stderr


def test_user_implementation_type_checks(implemented: Path, tmp_path: Path) -> None:
    _lint_and_typecheck(implemented, tmp_path)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(implemented: Path) -> Iterator[httpx.Client]:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(implemented)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", f"{PACKAGE}.app:app", "--host", "127.0.0.1", "--port", str(port)],
        cwd=implemented,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                    raise AssertionError(f"server did not start: {log}") from None
                time.sleep(0.1)
        with httpx.Client(base_url=base, headers=AUTH, timeout=10) as client:
            yield client
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert isinstance(body, dict) and body["status"] == status
    return body


def test_implemented_handlers_answer(server: httpx.Client) -> None:
    pets = server.get("/pets", params={"limit": 2})
    assert pets.status_code == 200
    assert pets.json() == [{"name": "Rex", "tag": "dog", "id": 1}, {"name": "Tom", "tag": None, "id": 2}]
    assert [p["id"] for p in server.get("/pets", params={"after": 1}).json()] == [2, 3]
    assert server.get("/pets/3").json()["name"] == "Kit"
    assert server.get("/pets/3", headers={"If-None-Match": "v3"}).status_code == 304
    assert _problem(server.get("/pets/9"), 404)["detail"] == "no pet 9"


def test_requests_are_validated_per_contract(server: httpx.Client) -> None:
    too_many = _problem(server.get("/pets", params={"limit": 101}), 422)
    assert too_many["errors"] == [
        {"in": "query.limit", "message": "Input should be less than or equal to 100", "type": "less_than_equal"}
    ]
    assert _problem(server.get("/pets", params={"limit": 0}), 422)["errors"][0]["in"] == "query.limit"
    assert _problem(server.get("/pets/abc"), 422)["errors"][0]["in"] == "path.pet_id"
    missing = _problem(server.post("/pets", json={"tag": "cat"}), 422)
    assert missing["errors"][0]["in"] == "body.name"
    too_long = server.post("/pets", json={"name": "x" * 101})
    assert _problem(too_long, 422)["errors"][0]["type"] == "string_too_long"
    header = server.get("/pets/1", headers={"If-None-Match": "x" * 257})
    assert _problem(header, 422)["errors"][0]["in"] == "header.If-None-Match"


def test_unimplemented_handler_answers_501_problem(server: httpx.Client) -> None:
    body = _problem(server.post("/pets", json={"name": "Bo"}), 501)
    assert body == {
        "type": "about:blank",
        "title": "Not Implemented",
        "status": 501,
        "detail": "POST /pets is not implemented yet",
    }


def test_security_requirements_are_checked(server: httpx.Client) -> None:
    anonymous = httpx.get(f"{server.base_url}/pets")
    assert _problem(anonymous, 401)["title"] == "Unauthorized"
    assert anonymous.headers["www-authenticate"] == "Bearer"
    assert _problem(server.get("/pets", headers={"Authorization": "Bearer bad"}), 401)
    assert _problem(httpx.get(f"{server.base_url}/pets", params={"limit": 101}), 401)  # security before validation


def test_unknown_route_is_a_problem(server: httpx.Client) -> None:
    assert _problem(server.get("/nope"), 404)["title"] == "Not Found"


def test_published_openapi_is_the_contract(server: httpx.Client) -> None:
    import yaml

    assert server.get("/openapi.json").json() == yaml.safe_load(PETSTORE.read_text())


# -- hostile contracts ---------------------------------------------------------------------------

# the calls generated code may make; anything else came from the contract
ALLOWED_CALLS = {
    "APIRouter",
    "Annotated",
    "Body",
    "Cookie",
    "Field",
    "FastAPI",
    "Header",
    "JSONResponse",
    "contract",
    "files",
    "joinpath",
    "loads",
    "read_bytes",
    "NotImplementedError",
    "Path",
    "Query",
    "Response",
    "create_router",
    "create_app",
    "problem_response",
    "super",
    "str",
    "isinstance",
    "join",
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "trace",
    "update",
    "__init__",
    "install",
    "add_exception_handler",
    "include_router",
    "errors",
    "body",
    "impl",
}


def _called_names(tree: ast.AST) -> set[str]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            while isinstance(func, ast.Call):
                func = func.func
            if isinstance(func, ast.Attribute):
                out.add(func.attr)
            elif isinstance(func, ast.Name):
                out.add(func.id)
    return out


def test_hostile_contract_stays_inert(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("gen", "server", FIXTURES / "hostile.yaml", "--out", out, "--package-name", "hostile")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing written outside --out
    api = ast.parse((out / "hostile" / "api.py").read_text())
    handlers = {n.name for n in ast.walk(api) if isinstance(n, ast.AsyncFunctionDef)}  # what routers call
    for path in (out / "hostile" / "handlers").glob("*.py"):  # the classes app.py instantiates
        handlers |= {n.name for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.ClassDef)}
    for path in (out / "hostile").rglob("*.py"):
        tree = ast.parse(path.read_text(), str(path))
        static = path.name in ("problems.py", "security.py", "credentials.py")  # no contract text but literals
        extra = set() if static else _called_names(tree) - ALLOWED_CALLS - handlers
        assert not extra, f"{path}: unexpected calls {sorted(extra)}"
        names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        assert not names & {"__import__", "os", "system", "exec", "eval", "open"}, path
    _lint_and_typecheck(out, tmp_path)
    # the app imports, routes a path with quotes, and nothing from the contract ran
    probe = (
        "from fastapi.testclient import TestClient\n"
        "from hostile.app import app\n"
        "r = TestClient(app).get('/a\\'b\"c/5', params={'if': 3})\n"
        "print(r.status_code, r.headers['content-type'])\n"
    )
    proc = _run(out, "-c", probe)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["501", "application/problem+json"]
    assert not list(tmp_path.rglob("PWNED*"))


# -- bad input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("missing.yaml", "missing.yaml: no such file or folder"),
        ("bad/malformed.yaml", "bad/malformed.yaml:4:1: invalid YAML"),
        ("bad/not_openapi.yaml", "bad/not_openapi.yaml: not an OpenAPI document"),
        ("bad/broken_ref.yaml", "bad/broken_ref.yaml: broken $ref at /paths/~1x/get/responses/200"),
    ],
)
def test_bad_input_exits_2(case: str, expected: str, tmp_path: Path) -> None:
    result = invoke("gen", "server", FIXTURES / case, "--out", tmp_path / "o")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert expected in first_error(result)
    assert len(result.stderr.splitlines()) == 1
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--framework", "flask"], "unsupported --framework 'flask'"),
        (["--lang", "go"], "unsupported --lang 'go'"),
        (["--package-name", "Not-Valid"], "invalid --package-name"),
        (["--templates", "nowhere"], "--templates must be a folder"),
    ],
)
def test_bad_options_exit_2(args: list[str], expected: str, tmp_path: Path) -> None:
    result = invoke("gen", "server", PETSTORE, "--out", tmp_path / "o", *args)
    assert result.exit_code == 2
    assert expected in first_error(result)


def test_templates_override(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "README.md.jinja").write_text("# {{ package }} (house style)\n")
    result = invoke("gen", "server", PETSTORE, "--out", tmp_path / "o", "--templates", templates)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "o" / "README.md").read_text() == "# petstore_server (house style)\n"


def test_check_reports_drift(petstore: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(petstore, project)
    (project / PACKAGE / "app.py").write_text("# stale\n")
    result = invoke("gen", "server", PETSTORE, "--out", project, "--package-name", PACKAGE, "--check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"would change: {PACKAGE}/app.py"]


@pytest.mark.slow
def test_apis_guru_sample_generates_and_imports(tmp_path: Path) -> None:
    """The 30 real-world contracts of the APIs.guru sample: every project is written and its
    app imports (every router, interface and handler module)."""
    specs = sorted(APIS_GURU.glob("*.json"))
    assert len(specs) >= 30
    failures = []
    for spec in specs:
        out = tmp_path / spec.stem.replace(".", "_")
        generate_server(spec, out, package_name="api")
        proc = _run(out, "-c", "import api.app; print(len(api.app.app.routes))")
        if proc.returncode != 0:
            failures.append(f"{spec.name}: {proc.stderr.strip().splitlines()[-1]}")
    assert failures == []


def test_contract_grows_after_handlers_are_written(implemented: Path, tmp_path: Path) -> None:
    """A new operation (and a new tag) after the handlers exist: regeneration keeps them, the
    new operation answers 501 until implemented, and everything still type-checks."""
    project = tmp_path / "petstore"
    shutil.copytree(implemented, project)
    grown = tmp_path / "grown.yaml"
    text = PETSTORE.read_text()
    extra = (
        "  /pets/{petId}/photo:\n"
        "    delete:\n"
        "      operationId: deletePhoto\n"
        "      tags: [photos]\n"
        "      parameters:\n"
        "        - {name: petId, in: path, required: true, schema: {type: integer}}\n"
        "      responses:\n"
        "        '204': {description: Deleted.}\n"
    )
    grown.write_text(text.replace("components:\n", extra + "components:\n", 1))
    assert invoke("gen", "server", grown, "--out", project, "--package-name", PACKAGE).exit_code == 0
    assert (project / PACKAGE / "handlers" / "pets.py").read_text() == HANDLERS
    assert (project / PACKAGE / "handlers" / "photos.py").is_file()
    _lint_and_typecheck(project, tmp_path)
    probe = (
        "from fastapi.testclient import TestClient\n"
        f"from {PACKAGE}.app import app\n"
        "c = TestClient(app, headers={'Authorization': 'Bearer good'})\n"
        "print(c.delete('/pets/1/photo').status_code, c.get('/pets/1').status_code)\n"
    )
    proc = _run(project, "-c", probe)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["501", "200"]
