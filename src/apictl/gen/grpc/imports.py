"""Make protoc's output an importable package.

protoc writes absolute imports rooted at the import path (`from acme.common.v1
import money_pb2`), which only work when the output folder itself is on
`sys.path` — and then clash with any other `acme` package. Inside a package they
become relative (`from ..common.v1 import money_pb2`), so the package can live
anywhere, even vendored inside another one. The module name that protobuf
records for pickling (`BuildTopDescriptorsAndMessages(..., 'acme.greet.v1.x_pb2')`)
gets the package prefix, so messages pickle and unpickle under their real name.
"""

from __future__ import annotations

import ast
import re

_FROM = re.compile(r"^(?P<indent>[ \t]*)from (?P<pkg>[\w.]+) import (?P<mod>\w+)(?P<alias> as \w+)?[ \t]*$", re.M)
_IMPORT = re.compile(r"^(?P<indent>[ \t]*)import (?P<mod>[\w.]+)(?P<alias> as \w+)?[ \t]*$", re.M)
_MODULE_NAME = re.compile(r"(BuildTopDescriptorsAndMessages\(DESCRIPTOR, ')(?P<mod>[\w.]+)(')")


def dotted(path: str) -> str:
    """`acme/greet/v1/greeter_pb2.pyi` -> `acme.greet.v1.greeter_pb2`."""
    return path.rsplit(".", 1)[0].replace("/", ".")


def relative_from(own_module: str, target_module: str) -> tuple[str, str]:
    """(`from` part, imported name) to reach `target_module` from `own_module` relatively."""
    own = own_module.split(".")[:-1]
    *target, name = target_module.split(".")
    common = 0
    while common < min(len(own), len(target)) and own[common] == target[common]:
        common += 1
    return "." * (len(own) - common + 1) + ".".join(target[common:]), name


def rewrite(files: dict[str, str], package: str) -> dict[str, str]:
    """Every generated module's imports of generated modules made relative; see the module docs."""
    generated = {dotted(p) for p in files}
    out: dict[str, str] = {}
    for path, text in files.items():
        own = dotted(path)

        def from_import(m: re.Match[str], own: str = own) -> str:
            target = f"{m['pkg']}.{m['mod']}"
            if target not in generated:
                return m[0]
            where, name = relative_from(own, target)
            return f"{m['indent']}from {where} import {name}{m['alias'] or ''}"

        def plain_import(m: re.Match[str], own: str = own) -> str:
            if m["mod"] not in generated:
                return m[0]
            where, name = relative_from(own, m["mod"])
            return f"{m['indent']}from {where} import {name}{m['alias'] or ''}"

        text = _FROM.sub(from_import, text)
        text = _IMPORT.sub(plain_import, text)
        text = _MODULE_NAME.sub(lambda m: f"{m[1]}{package}.{m['mod']}{m[3]}", text)
        out[path] = text
    return out


def absolute_imports_left(files: dict[str, str]) -> list[str]:
    """`path: module` for each import that still reaches a generated module absolutely
    (a check on `rewrite`, which works on text); [] when the package is self-contained."""
    generated = {dotted(p) for p in files}
    found: list[str] = []
    for path, text in sorted(files.items()):
        for node in ast.walk(ast.parse(text, path)):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            found.extend(f"{path}: {n}" for n in names if n in generated)
    return found
