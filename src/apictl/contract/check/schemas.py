"""Values checked against schemas, with errors worded as swagger-mock-validator
words them (Ajv's messages, which it passes through)."""

from __future__ import annotations

from functools import partial
from typing import Any

from apictl.contract.check.reuse import ajv
from apictl.specs.openapi.access import Located
from apictl.specs.openapi.jsonschema import REQUEST, SchemaValidators

SchemaProblem = tuple[tuple[str, ...], str]  # (instance path, message)


def problems(sv: SchemaValidators, schema: Located, instance: Any, mode: str) -> list[SchemaProblem]:
    root = sv.root(schema.value, schema.doc, schema.pointer, mode)
    if root is None or sv.quick_check(root, instance):
        return []
    validator = sv.validator(schema.value, schema.doc, schema.pointer, mode)
    if validator is None:
        return []
    out: list[SchemaProblem] = []
    for e in sv.problems(validator, instance):
        kind = type(e.kind).__name__
        if kind in ("AdditionalProperties", "UnevaluatedProperties"):
            names = e.kind.as_dict().get("unexpected") or []
            path = tuple(str(t) for t in e.instance_path)
            out.extend((path, f"must NOT have additional properties - {name}") for name in names)
            continue
        if kind == "FalseSchema" and e.instance_path:
            path = tuple(str(t) for t in e.instance_path)
            flag = "readOnly" if mode == REQUEST else "writeOnly"
            out.append((path, f"must NOT have {flag} property - {path[-1]}"))
            continue
        converted = ajv.convert(e, instance, partial(sv.subschema, root), partial(sv.subschema_validator, root))
        out.extend((c.path, c.message) for c in converted)
    # a property that fails its own schema is not "evaluated" for unevaluatedProperties:
    # report the failure, not also an unknown property
    failing = {path for path, message in out if not message.startswith("must NOT have additional properties - ")}
    kept = [
        (path, message)
        for path, message in out
        if not (
            message.startswith("must NOT have additional properties - ")
            and any(f[: len(path) + 1] == (*path, message.rsplit(" - ", 1)[1]) for f in failing)
        )
    ]
    return list(dict.fromkeys(kept))
