"""The services of a compiled protobuf tree, as template data: every name is an
identifier protoc accepted (and `protoc.compile_tree` checked is no Python
keyword), every comment passes through `naming.docstring`, every message type is
`alias.Class` with its module imported under that alias."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apictl.gen.grpc.imports import relative_from
from apictl.gen.grpc.protoc import ProtoTree, document, module_of
from apictl.gen.naming import Namer, docstring, snake
from apictl.gen.pyimports import import_lines
from apictl.specs.proto.model import FILE_SERVICE, SERVICE_METHOD


@dataclass
class RpcMethod:
    name: str
    route: str  # "/acme.greet.v1.Greeter/SayHello"
    request: str  # "alias.HelloRequest"
    response: str
    client_streaming: bool
    server_streaming: bool
    doc: str  # a docstring literal for a body indented 8 spaces, or ""


@dataclass
class RpcService:
    name: str
    full_name: str
    proto: str  # the .proto file declaring it
    grpc_module: str  # "acme.greet.v1.greeter_pb2_grpc" (absolute inside the package)
    methods: list[RpcMethod] = field(default_factory=list)
    doc: str = ""  # a docstring literal for a body indented 4 spaces, or ""
    imports: dict[str, str] = field(default_factory=dict)  # module -> alias, for the message types
    local: set[str] = field(default_factory=set)  # the package's own modules (the rest are protobuf's)
    own: bool = True  # declared by the tree (not an import): server mode writes a servicer for it
    servicer_file: str = ""  # server mode: the user-owned module (snake case), unique in the package
    impl_class: str = ""


def message_classes(tree: ProtoTree) -> dict[str, tuple[str, str]]:
    """ ".pkg.Outer.Inner" -> (python module, "Outer.Inner") for every message of every file."""
    out: dict[str, tuple[str, str]] = {}

    def visit(messages: Any, prefix: str, path: str, module: str) -> None:
        for m in messages:
            out[f"{prefix}.{m.name}"] = (module, f"{path}{m.name}")
            visit(m.nested_type, f"{prefix}.{m.name}", f"{path}{m.name}.", module)

    for name, fd in tree.files.items():
        visit(fd.message_type, "." + fd.package if fd.package else "", "", module_of(name))
    return out


def package_imports(own: str, modules: dict[str, str], local: set[str]) -> tuple[list[str], list[str]]:
    """Import lines for `modules` (module -> alias) from module `own` of the package: (third-party
    lines for the runtime's well-known types, relative lines for the `local` modules)."""
    runtime = [(m.rsplit(".", 1)[0], m.rsplit(".", 1)[1], alias) for m, alias in modules.items() if m not in local]
    mine = [(*relative_from(own, m), alias) for m, alias in modules.items() if m in local]
    return import_lines(runtime), import_lines(mine)


def _imports(modules: list[str], taken: set[str]) -> dict[str, str]:
    """module -> alias: the module's own name where unique, else a longer one."""
    namer = Namer(taken)
    short = [m.rsplit(".", 1)[-1] for m in modules]
    return {
        m: namer.claim(s if short.count(s) == 1 else "_".join(m.split(".")))
        for m, s in sorted(zip(modules, short, strict=True))
    }


def services(tree: ProtoTree) -> list[RpcService]:
    """Every service of the files that get code (the tree's and imported ones), in file order."""
    classes = message_classes(tree)
    out: list[RpcService] = []
    files = Namer({"__init__", "server"})
    local = {module_of(t) for t in tree.targets}
    for name in tree.targets:
        doc = document(tree, name)
        fd = doc.fd
        used = sorted({classes[t][0] for s in fd.service for m in s.method for t in (m.input_type, m.output_type)})
        taken = {n for s in fd.service for n in (s.name, f"{s.name}Stub", f"{s.name}Servicer")}
        taken |= {f"add_{s.name}Servicer_to_server" for s in fd.service}
        imports = _imports(used, taken | {"grpc", "Any", "Iterator", "Sequence", "annotations"})
        for i, s in enumerate(fd.service):
            full = f"{fd.package}.{s.name}" if fd.package else s.name
            location = doc.location((FILE_SERVICE, i))
            svc = RpcService(
                name=s.name,
                full_name=full,
                proto=name,
                grpc_module=module_of(name) + "_grpc",
                doc=docstring(location.leading if location else None, " " * 4),
                imports=imports,
                local=local,
                own=name in tree.docs,
            )
            for j, m in enumerate(s.method):
                loc = doc.location((FILE_SERVICE, i, SERVICE_METHOD, j))
                req_mod, req_cls = classes[m.input_type]
                res_mod, res_cls = classes[m.output_type]
                svc.methods.append(
                    RpcMethod(
                        name=m.name,
                        route=f"/{full}/{m.name}",
                        request=f"{svc.imports[req_mod]}.{req_cls}",
                        response=f"{svc.imports[res_mod]}.{res_cls}",
                        client_streaming=bool(m.client_streaming),
                        server_streaming=bool(m.server_streaming),
                        doc=docstring(loc.leading if loc else None, " " * 8),
                    )
                )
            svc.servicer_file = files.claim(snake(s.name)) if svc.own else ""
            svc.impl_class = s.name + "Service" if not s.name.endswith("Service") else s.name + "Impl"
            out.append(svc)
    return out
