"""gRPC stubs from protobuf (`gen server|sdk PROTO_DIR --lang python`): the generated
package imports from anywhere, serves and answers through its client, type-checks
with mypy --strict, keeps the user's servicers, and hostile comments stay text."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from apictl.gen.grpc import generate_grpc, plan_grpc
from apictl.specs.proto.compiler import wkt_include
from tests.cli.helpers import ROOT, first_error, invoke
from tests.golden import assert_golden

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
BAD = HERE / "bad"
PACKAGE = "acme_grpc"

IMPLEMENTATION = '''\
"""The test's implementation of acme.greet.v1.Greeter."""

from __future__ import annotations

from collections.abc import Iterator

import grpc

from ..acme.common.v1 import money_pb2
from ..acme.greet.v1 import greeter_pb2, greeter_pb2_grpc


class GreeterService(greeter_pb2_grpc.GreeterServicer):
    def SayHello(self, request: greeter_pb2.HelloRequest, context: grpc.ServicerContext) -> greeter_pb2.HelloReply:
        reply = greeter_pb2.HelloReply(message=f"hello {request.name} ({request.tip.units} {request.tip.currency})")
        reply.at.FromSeconds(42)
        return reply

    def LotsOfReplies(
        self, request: greeter_pb2.HelloRequest, context: grpc.ServicerContext
    ) -> Iterator[greeter_pb2.HelloReply]:
        for i in range(3):
            yield greeter_pb2.HelloReply(message=f"{i}:{request.name}")

    def LotsOfGreetings(
        self, request_iterator: Iterator[greeter_pb2.HelloRequest], context: grpc.ServicerContext
    ) -> greeter_pb2.HelloReply:
        return greeter_pb2.HelloReply(message="+".join(r.name for r in request_iterator))

    def Round(self, request: money_pb2.Money.Rounding, context: grpc.ServicerContext) -> money_pb2.Money:
        return money_pb2.Money(currency="EUR", units=request.digits)
'''

CLIENT = """
import json, sys
import grpc
from acme_grpc.server import create_server
from acme_grpc.acme.common.v1 import money_pb2
from acme_grpc.acme.greet.v1 import greeter_pb2, greeter_pb2_grpc
from google.protobuf import empty_pb2

server, port = create_server("127.0.0.1:0")
server.start()
out = {}
try:
    with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
        stub = greeter_pb2_grpc.GreeterStub(channel)
        req = greeter_pb2.HelloRequest(name="ada", tip={"currency": "EUR", "units": 5})
        reply = stub.SayHello(req, timeout=10)
        out["unary"] = [reply.message, reply.at.seconds]
        out["server_stream"] = [r.message for r in stub.LotsOfReplies(req, timeout=10)]
        names = (greeter_pb2.HelloRequest(name=n) for n in ["a", "b", "c"])
        out["client_stream"] = stub.LotsOfGreetings(names, timeout=10).message
        out["nested"] = stub.Round(money_pb2.Money.Rounding(digits=2), timeout=10).units
        for name, call in [("chat", lambda: list(stub.Chat(iter([req]), timeout=10))),
                           ("ping", lambda: stub.Ping(empty_pb2.Empty(), timeout=10))]:
            try:
                call()
                out[name] = "answered"
            except grpc.RpcError as exc:
                out[name] = [exc.code().name, exc.details()]
    out["module"] = greeter_pb2.HelloRequest.__module__
finally:
    server.stop(None)
json.dump(out, sys.stdout)
"""


def _unary_probe(package: str, module: str, names: str, stub: str, call: str) -> str:
    """A script: serve `package` on a free port, make one unary call, print its status code name."""
    return f"""
import json, sys
import grpc
from {package}.server import create_server
from {package}.{module} import {names}

server, port = create_server("127.0.0.1:0")
server.start()
try:
    with grpc.insecure_channel(f"127.0.0.1:{{port}}") as channel:
        try:
            {stub}(channel).{call}
            out = ["OK", ""]
        except grpc.RpcError as exc:
            out = [exc.code().name, exc.details()]
finally:
    server.stop(None)
json.dump(out, sys.stdout)
"""


UNIMPLEMENTED_PROBE = _unary_probe(
    PACKAGE,
    "acme.greet.v1",
    "greeter_pb2, greeter_pb2_grpc",
    "greeter_pb2_grpc.GreeterStub",
    "SayHello(greeter_pb2.HelloRequest(), timeout=10)",
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("grpc") / "project"
    generate_grpc(FIXTURES, out, mode="server", package_name=PACKAGE)
    return out


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_layout_is_one_package(generated: Path) -> None:
    files = sorted(p.relative_to(generated).as_posix() for p in generated.rglob("*") if p.is_file())
    assert_golden("gen/grpc/layout.txt", "\n".join(files) + "\n")
    # protoc's absolute `from acme.common.v1 import money_pb2` became relative
    pb2 = (generated / PACKAGE / "acme/greet/v1/greeter_pb2.py").read_text()
    assert "from ...common.v1 import money_pb2 as acme_dot_common_dot_v1_dot_money__pb2" in pb2
    assert f"'{PACKAGE}.acme.greet.v1.greeter_pb2'" in pb2  # the module name protobuf records for pickling
    assert "from acme." not in pb2


def test_apictl_written_files_match_golden(generated: Path) -> None:
    for rel in [
        "acme/greet/v1/greeter_pb2_grpc.pyi",
        "servicers/greeter.py",
        "server.py",
    ]:
        assert_golden(f"gen/grpc/{rel.replace('/', '__')}.txt", (generated / PACKAGE / rel).read_text())
    assert_golden("gen/grpc/README.md", (generated / "README.md").read_text())


def test_serves_and_answers_through_the_client(generated: Path, tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(generated, project)
    (project / PACKAGE / "servicers" / "greeter.py").write_text(IMPLEMENTATION)
    # regeneration keeps the implementation (user-owned) and rewrites the rest
    generate_grpc(FIXTURES, project, mode="server", package_name=PACKAGE)
    assert (project / PACKAGE / "servicers" / "greeter.py").read_text() == IMPLEMENTATION
    proc = _run(project, "-c", CLIENT)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["unary"] == ["hello ada (5 EUR)", 42]
    assert out["server_stream"] == ["0:ada", "1:ada", "2:ada"]
    assert out["client_stream"] == "a+b+c"
    assert out["nested"] == 2
    # not implemented by the test: the base servicer's UNIMPLEMENTED
    assert out["chat"][0] == out["ping"][0] == "UNIMPLEMENTED"
    assert out["module"] == f"{PACKAGE}.acme.greet.v1.greeter_pb2"
    assert not list(project.rglob("PWNED*")), "a .proto comment ran as code"


def test_unimplemented_skeleton_answers_unimplemented(generated: Path) -> None:
    proc = _run(generated, "-c", UNIMPLEMENTED_PROBE)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == ["UNIMPLEMENTED", "not implemented yet: /acme.greet.v1.Greeter/SayHello"]


def test_output_passes_mypy_strict_and_ruff(generated: Path, tmp_path: Path) -> None:
    pytest.importorskip("mypy")
    cache = tmp_path / "mypy-cache"
    mypy = _run(generated, "-m", "mypy", "--strict", "--cache-dir", str(cache), PACKAGE)
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    ruff = _run(generated, "-m", "ruff", "check", "--no-cache", ".")
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


def test_hostile_comments_stay_docstrings(generated: Path) -> None:
    """Every comment became a docstring or nothing: no call anywhere in apictl's stubs."""
    for path in generated.rglob("*.pyi"):
        tree = ast.parse(path.read_text())
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)]
        assert calls == [], f"{path}: calls in a stub"
    for path in generated.rglob("*.py"):
        assert "PWNED" not in "".join(
            ast.unparse(n) for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Call)
        ), path


def test_deterministic(generated: Path) -> None:
    again = plan_grpc(FIXTURES, mode="server", package_name=PACKAGE)
    for f in again:
        if not f.user_owned:
            assert (generated / f.path).read_bytes() == f.data(), f.path


def test_client_mode_has_no_server_files(tmp_path: Path) -> None:
    out = tmp_path / "c"
    result = invoke("gen", "sdk", FIXTURES, "--lang", "python", "--out", out, "--package-name", "acme_client")
    assert result.exit_code == 0, result.stderr
    pkg = tmp_path / "c" / "acme_client"
    assert (pkg / "acme/greet/v1/greeter_pb2_grpc.pyi").is_file()
    assert not (pkg / "server.py").exists() and not (pkg / "servicers").exists()


def test_client_mode_check_writes_nothing(tmp_path: Path) -> None:
    args = ("gen", "sdk", FIXTURES, "--lang", "python", "--out", tmp_path / "c", "--package-name", "acme_client")
    result = invoke(*args, "--check")
    assert result.exit_code == 1 and "would change: acme_client/__init__.py" in result.stdout
    assert not (tmp_path / "c").exists()
    assert invoke(*args).exit_code == 0
    assert invoke(*args, "--check").exit_code == 0


@pytest.mark.parametrize("command", ["sdk", "server"])
def test_ref_root_with_protobuf_exits_2(command: str, tmp_path: Path) -> None:
    result = invoke("gen", command, FIXTURES, "--out", tmp_path / "o", "--ref-root", FIXTURES)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "--ref-root applies to OpenAPI contracts only" in first_error(result)
    assert not (tmp_path / "o").exists()


def test_gen_server_cli(tmp_path: Path) -> None:
    result = invoke("gen", "server", FIXTURES, "--lang", "python", "--out", tmp_path / "s", "--package-name", PACKAGE)
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "s" / PACKAGE / "servicers" / "greeter.py").is_file()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("syntax", "syntax/broken.proto:5:9: Expected message name."),
        ("keyword_service", "keyword_service/k.proto:5:9: service name 'None' is a Python keyword"),
        ("keyword_method", "keyword_method/k.proto:6:7: method name 'lambda' is a Python keyword"),
        ("keyword_folder", "path segment 'import' of 'import/v1/x.proto' is a Python keyword"),
        ("empty", "no .proto files found"),
    ],
)
def test_bad_input_exits_2(case: str, expected: str, tmp_path: Path) -> None:
    source = BAD / case
    if case == "empty":
        source = tmp_path / "empty"
        source.mkdir()
    result = invoke("gen", "server", source, "--lang", "python", "--out", tmp_path / "o")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert expected in first_error(result)
    assert not (tmp_path / "o").exists()


def test_bad_package_name_exits_2(tmp_path: Path) -> None:
    result = invoke("gen", "server", FIXTURES, "--lang", "python", "--out", tmp_path / "o", "--package-name", "class")
    assert result.exit_code == 2
    assert "--package-name" in first_error(result)


def test_check_and_template_override(generated: Path, tmp_path: Path) -> None:
    project = tmp_path / "p"
    shutil.copytree(generated, project)
    args: list[str | Path] = [
        "gen",
        "server",
        FIXTURES,
        "--lang",
        "python",
        "--out",
        project,
        "--package-name",
        PACKAGE,
    ]
    assert invoke(*args, "--check").exit_code == 0
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "README.md.jinja").write_text("# {{ package }} ({{ mode }}, house style)\n")
    result = invoke(*args, "--check", "--templates", templates)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == ["would change: README.md"]
    assert invoke(*args, "--templates", templates).exit_code == 0
    assert (project / "README.md").read_text() == f"# {PACKAGE} (server, house style)\n"


GOOGLE_PROTOS = ROOT / "bench" / ".cache" / "node" / "node_modules" / "google-proto-files"

PUBSUB_PROBE = _unary_probe(
    "pubsub_grpc",
    "google.pubsub.v1",
    "pubsub_pb2, pubsub_pb2_grpc",
    "pubsub_pb2_grpc.PublisherStub",
    'GetTopic(pubsub_pb2.GetTopicRequest(topic="t"), timeout=10)',
)


def test_real_world_googleapis_pubsub(tmp_path: Path) -> None:
    """google/pubsub/v1 from npm google-proto-files (buf.yaml module root, google/api imports):
    generated with its imports, type-checks, serves."""
    source = GOOGLE_PROTOS / "google" / "pubsub" / "v1"
    if not source.is_dir():
        pytest.skip("bench/.cache lacks google-proto-files")
    out = tmp_path / "pubsub"
    generate_grpc(source, out, mode="server", package_name="pubsub_grpc")
    pkg = out / "pubsub_grpc"
    assert sorted(p.name for p in (pkg / "servicers").glob("*.py")) == [
        "__init__.py",
        "publisher.py",
        "schema_service.py",
        "subscriber.py",
    ]
    assert (pkg / "google" / "api" / "annotations_pb2.py").is_file()  # imports generated too
    assert not (pkg / "google" / "protobuf").exists()  # well-known types come from protobuf
    mypy = _run(out, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy-cache"), "pubsub_grpc")
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr
    ruff = _run(out, "-m", "ruff", "check", "--no-cache", ".")
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr
    proc = _run(out, "-c", PUBSUB_PROBE)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)[0] == "UNIMPLEMENTED"


def test_imported_services_get_typed_stubs_not_servicers(tmp_path: Path) -> None:
    """buf.work.yaml workspace: the API imports a service from another module; its stubs are
    generated and typed (a client needs them), its servicer is not the user's to write."""
    out = tmp_path / "shop"
    generate_grpc(HERE / "workspace" / "api", out, mode="server", package_name="shop_grpc")
    pkg = out / "shop_grpc"
    assert (pkg / "ops" / "v1" / "ops_pb2_grpc.pyi").is_file()
    assert sorted(p.name for p in (pkg / "servicers").glob("*.py")) == ["__init__.py", "shop.py"]
    assert "Operations" not in (pkg / "server.py").read_text()
    mypy = _run(out, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "mypy-cache"), "shop_grpc")
    assert mypy.returncode == 0, mypy.stdout + mypy.stderr


def test_buf_image_input_generates_the_same_modules(generated: Path, tmp_path: Path) -> None:
    """A buf image / protoc descriptor set (`buf build -o x.binpb`) is input like the sources."""
    image = tmp_path / "api.binpb"
    code = (
        "import sys\nfrom grpc_tools import _protoc_compiler as c\n"
        "sys.exit(c.run_main([a.encode() for a in sys.argv[1:]]))"
    )
    names = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*.proto"))
    wkt = f"-I{wkt_include()}"
    args = [
        "protoc",
        f"-I{FIXTURES}",
        wkt,
        "--include_imports",
        "--include_source_info",
        f"--descriptor_set_out={image}",
    ]
    subprocess.run([sys.executable, "-c", code, *args, *names], check=True, capture_output=True)
    out = tmp_path / "from-image"
    result = invoke("gen", "server", image, "--lang", "python", "--out", out, "--package-name", PACKAGE)
    assert result.exit_code == 0, result.stderr
    for rel in ("acme/greet/v1/greeter_pb2.py", "acme/greet/v1/greeter_pb2_grpc.pyi", "servicers/greeter.py"):
        assert (out / PACKAGE / rel).read_text() == (generated / PACKAGE / rel).read_text(), rel
