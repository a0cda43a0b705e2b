"""The operation IR and the models built from it, for 2.0, 3.0 and 3.1 inputs."""

from __future__ import annotations

from pathlib import Path

from apictl.gen.ir import build_ir
from apictl.gen.models import build_models

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_kitchen_sink_ir() -> None:
    ir = build_ir(FIXTURES / "kitchen_sink.yaml")
    ops = {op.python_name: op for op in ir.operations}
    assert list(ops)[:3] == ["list_pets", "create_pet", "get_pet"]
    assert [g.class_name for g in ir.groups] == ["PetsApi", "ShapesApi", "FilesApi", "EventsApi", "DefaultApi"]
    get_pet = ops["get_pet"]
    assert [(p.name, p.location, p.python_name, p.required) for p in get_pet.parameters] == [
        ("petId", "path", "pet_id", True)
    ]
    tags = ops["list_pets"].parameters[2]
    assert (tags.style, tags.explode) == ("form", False)
    assert [r.status for r in ops["list_pets"].responses] == ["200", "4XX", "default"]
    assert ops["stream_events"].security == [] and ops["list_pets"].security is None
    assert ir.security_for(ops["list_pets"]) == [{"bearer": []}]
    assert [(s.python_name, s.type, s.scheme, s.location) for s in ir.security_schemes][:3] == [
        ("bearer", "http", "bearer", ""),
        ("basic", "http", "basic", ""),
        ("api_key_header", "apiKey", "", "header"),
    ]
    assert ir.scheme("oauth") is not None and ir.scheme("oauth").flows[0].kind == "clientCredentials"  # type: ignore[union-attr]
    server = ir.servers[0]
    assert [(v.name, v.default, v.enum) for v in server.variables] == [
        ("region", "eu", ["eu", "us"]),
        ("version", "v1", []),
    ]


def test_kitchen_sink_models() -> None:
    ir = build_ir(FIXTURES / "kitchen_sink.yaml")
    models = build_models(ir)
    ops = {op.python_name: op for op in ir.operations}
    body = ops["create_pet"].request_body
    assert body is not None
    assert models.annotation(body.contents[0].schema, "request") == "models.PetRequest"  # writeOnly/readOnly split
    assert models.annotation(ops["create_pet"].responses[0].contents[0].schema) == "models.PetResponse"
    assert models.annotation(ops["list_pets"].responses[0].contents[0].schema) == "list[models.PetResponse]"
    assert models.class_for(ir.schemas["Shape"]) == "Shape"
    assert models.class_for("/components/schemas/Pet", "request") == "PetRequest"
    assert models.class_for("/components/schemas/Pet") == "PetResponse"
    assert "discriminator='kind'" in models.source
    compile(models.source, "models.py", "exec")


def test_swagger2_ir() -> None:
    spec = EXAMPLES / "legacy-swagger2" / "swagger.json"
    ir = build_ir(spec)
    assert ir.version == "oas2" and ir.operations
    assert all(op.python_name.isidentifier() for op in ir.operations)
    compile(build_models(ir).source, "models.py", "exec")


def test_multifile_refs_are_bundled() -> None:
    ir = build_ir(EXAMPLES / "bookstore-multifile" / "openapi.yaml")
    models = build_models(ir)
    compile(models.source, "models.py", "exec")
    annotations = [
        models.annotation(c.schema) for op in ir.operations for r in op.responses for c in r.contents if c.schema
    ]
    assert annotations and "typing.Any" not in annotations
