"""Pydantic v2 models for a contract's schemas, through datamodel-code-generator.

The contract's schemas (every named component, plus every inline body,
response and parameter schema that is not a plain type) are bundled into one
synthetic OpenAPI document: every schema under a name we chose (PEP 8, unique,
never shadowing what the module imports), every `$ref` — also into other files
or into the middle of another schema — rewritten to such a name, text cleaned
and constructs the client must not validate (`pattern`: pydantic's regex engine
rejects lookarounds) dropped. datamodel-code-generator turns that into one
module; `ModelsModule` then tells generators the type to write for any schema
(`annotation`) and the class of a named one (`class_for`), choosing the
`…Request`/`…Response` variant where readOnly/writeOnly split a model.

This is the only module that imports datamodel_code_generator (lazily).
"""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.errors import InputError
from apictl.core.pointer import join, split
from apictl.core.refs import RefError, Workspace
from apictl.gen.ir import ApiIR, Operation, SchemaRef, build_ir
from apictl.gen.naming import RESERVED, Namer, ascii_words, clean_text, literal, pascal

# Keys the models never need; dropping them keeps hostile or unsupported text out.
DROPPED_KEYS = frozenset(
    {"example", "examples", "pattern", "patternProperties", "externalDocs", "xml", "$comment", "title", "$id"}
    | {"$schema", "$anchor", "$dynamicAnchor", "$dynamicRef", "$vocabulary", "contentSchema", "deprecated"}
)
SCHEMA_MAPS = ("properties", "$defs", "definitions", "dependentSchemas")
SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_VALUES = ("items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames")
SCHEMA_VALUES_31 = ("unevaluatedProperties", "unevaluatedItems")
# The JSON Schema / OpenAPI keywords copied as they are (the schema-valued ones are
# copied above); an allowlist, since the model generator interprets keys of its own.
COPIED_KEYS = frozenset(
    {"type", "enum", "const", "nullable", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"}
    | {"multipleOf", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems", "minProperties"}
    | {"maxProperties", "minContains", "maxContains", "contentEncoding", "contentMediaType", "summary"}
)
# Keys that do not change the Python type of a schema (constraints are the server's to check).
PLAIN_KEYS = frozenset(
    {"type", "format", "items", "description", "nullable", "default", "readOnly", "writeOnly", "minimum", "maximum"}
    | {"exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems"}
    | {"multipleOf", "contentEncoding", "contentMediaType", "summary"}
)
# Formats whose Python type the models use; others (uri, email…) stay plain strings:
# pydantic's types for them reject values real APIs send, and `email` needs an extra.
KEPT_FORMATS = frozenset({"date", "date-time", "time", "binary", "int32", "int64", "float", "double", "uuid"})
PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}


@dataclass
class ModelsModule:
    """The generated models (`source`) and the names generators refer to."""

    source: str
    names: dict[str, str]  # schema key ("uri#pointer") -> model name
    defined: frozenset[str]  # every top-level name in `source`
    inline: dict[str, str] = field(default_factory=dict)  # schema key -> annotation without a model
    module: str = "models"  # how annotations qualify model names
    root_uri: str = ""  # bare JSON pointers given to `class_for` are in this document

    @property
    def missing(self) -> list[str]:
        """Names we gave schemas that the generated module does not define (should be none)."""
        return sorted(n for n in set(self.names.values()) if self._variant(n, "request") not in self.defined)

    def class_for(self, ref: SchemaRef | str, role: str = "response") -> str:
        """The model name of a schema (a `SchemaRef`, a key "uri#pointer", or a JSON
        pointer into the root document); `role` picks the
        `…Request`/`…Response` variant when readOnly/writeOnly split the model."""
        key = ref.key if isinstance(ref, SchemaRef) else ref
        if not isinstance(ref, SchemaRef) and "#" not in key:
            key = f"{self.root_uri}#{key}"  # "/components/schemas/Pet"
        name = self.names.get(key)
        if name is None:
            raise KeyError(key)
        return self._variant(name, role)

    def _variant(self, name: str, role: str) -> str:
        if name in self.defined:
            return name
        suffixed = name + ("Request" if role == "request" else "Response")
        return suffixed if suffixed in self.defined else name

    def annotation(self, schema: SchemaRef | None, role: str = "response") -> str:
        """A type expression for `schema`, with model names qualified by `module`."""
        if schema is None:
            return "typing.Any"
        key = schema.key
        if key in self.names:
            return self._qualified(self.names[key], role)
        template = self.inline.get(key)
        if template is None:
            return "typing.Any"
        return _MODEL_SLOT.sub(lambda m: self._qualified(m.group(1), role), template)

    def _qualified(self, name: str, role: str) -> str:
        variant = self._variant(name, role)
        return f"{self.module}.{variant}" if variant in self.defined else "typing.Any"


_MODEL_SLOT = re.compile(r"\{M:([A-Za-z_][A-Za-z0-9_]*)\}")


def build_models(
    source: ApiIR | Workspace | Path | str,
    *,
    module: str = "models",
    keep_defaults: bool = False,
    extra: dict[str, SchemaRef] | None = None,
) -> ModelsModule:
    """Models for every schema the contract names or its operations use inline.

    Defaults are left out unless `keep_defaults` (a client sends only what the
    caller set; the server applies its defaults), which also keeps contracts'
    defaults that do not match their own type from breaking type checks.
    `extra` names more schemas generators need a type for (hint -> schema)."""
    ir = source if isinstance(source, ApiIR) else build_ir(source)
    bundle = _Bundler(ir, keep_defaults)
    bundle.collect(extra or {})
    text = _generate(bundle.document(), ir, bundle.splits)
    return ModelsModule(text, bundle.names, _top_level_names(text), bundle.inline, module, ir.doc.uri)


class _Bundler:
    """Names every schema that needs a model and copies it into one document."""

    def __init__(self, ir: ApiIR, keep_defaults: bool = False) -> None:
        self.ir = ir
        self.keep_defaults = keep_defaults
        self.splits = False  # some schema is readOnly/writeOnly: models need request/response shapes
        self.ws = ir.ws
        self.namer = Namer(sep="")
        self.names: dict[str, str] = {}  # key -> name
        self.values: dict[str, Any] = {}  # name -> copied schema
        self.pending: list[tuple[str, SchemaRef]] = []
        self.inline: dict[str, str] = {}  # key -> annotation template

    # -- what gets a model ----------------------------------------------------------
    def collect(self, extra: dict[str, SchemaRef]) -> None:
        for name, ref in self.ir.schemas.items():
            self._name(ref, name)
        for op in self.ir.operations:
            self._operation(op)
        for hint, ref in extra.items():
            self._use(ref, hint)
        while self.pending:
            name, ref = self.pending.pop(0)
            self.values[name] = self._copy(ref.value, ref)

    def _operation(self, op: Operation) -> None:
        stem = pascal(op.python_name, fallback="Operation")
        for p in op.parameters:
            self._use(p.schema, f"{stem}{pascal(p.name, fallback='Param')}")
        if op.request_body is not None:
            for i, media in enumerate(op.request_body.contents):
                self._use(media.schema, f"{stem}Body" + (str(i + 1) if i else ""))
        first_success = next((r.status for r in op.responses if r.status[:1] == "2"), None)
        for resp in op.responses:
            if resp.status == first_success:
                kind = "Result"
            else:
                kind = ("Error" if resp.is_error else "Result") + (
                    "Default" if resp.status == "default" else resp.status
                )
            for i, media in enumerate(resp.contents):
                self._use(media.schema, f"{stem}{kind}" + (str(i + 1) if i else ""))
            for h in resp.headers:
                self._use(h.schema, f"{stem}{pascal(h.name, fallback='Header')}Header")

    def _use(self, ref: SchemaRef | None, hint: str) -> None:
        """Name `ref` unless a plain annotation describes it."""
        if ref is None or ref.key in self.names or ref.key in self.inline:
            return
        target = self._target(ref)
        if target.key in self.names:
            self.names[ref.key] = self.names[target.key]
            return
        plain = self._plain(target.value, target, depth=0)
        if plain is not None:
            self.inline[ref.key] = plain
            return
        self.names[ref.key] = self._name(target, hint)

    def _plain(self, value: Any, where: SchemaRef, depth: int) -> str | None:
        """An annotation template for simple schemas (primitives, arrays of them or
        of named models, free-form objects); None when a model is needed."""
        if depth > 8 or not isinstance(value, dict):
            return "typing.Any" if value is True or value == {} else None
        if "$ref" in value:
            target = self._target(SchemaRef(value, where.doc, where.pointer))
            if target.value is value:
                return None
            name = self.names.get(target.key) or self._name(target, self._hint(target))
            return "{M:" + name + "}"
        if set(value) - PLAIN_KEYS - DROPPED_KEYS:
            if set(value) - PLAIN_KEYS - DROPPED_KEYS == {"enum"} and value.get("type") in ("string", "integer"):
                values = [v for v in value["enum"] if isinstance(v, (str, int)) and not isinstance(v, bool)]
                if values and len(values) == len(value["enum"]):
                    return "typing.Literal[" + ", ".join(literal(v) for v in values) + "]"
            return None
        types = value.get("type")
        type_list = types if isinstance(types, list) else [types] if isinstance(types, str) else []
        if not type_list:
            return "typing.Any" if set(value) <= {"description", "default"} else None
        parts: list[str] = []
        for t in type_list:
            if t == "array":
                items = value.get("items")
                inner = "typing.Any" if items is None else self._plain(items, _child(where, "items"), depth + 1)
                if inner is None:
                    return None
                parts.append(f"list[{inner}]")
            elif t == "object":
                parts.append("dict[str, typing.Any]")
            elif t == "string" and value.get("format") == "binary":
                parts.append("bytes")
            elif t in PRIMITIVES:
                parts.append(PRIMITIVES[t])
            else:
                return None
        if value.get("nullable") is True and "None" not in parts:
            parts.append("None")
        return " | ".join(dict.fromkeys(parts))

    def _hint(self, target: SchemaRef) -> str:
        tokens = split(target.pointer) if target.pointer else []
        if len(tokens) >= 3 and tokens[-2] in ("schemas", "definitions"):
            return str(tokens[-1])
        return str(tokens[-1]) if tokens else Path(target.doc.uri).stem

    def _name(self, target: SchemaRef, hint: str) -> str:
        if target.key in self.names:
            return self.names[target.key]
        name = self.namer.claim(model_name(hint))
        self.names[target.key] = name
        self.pending.append((name, target))
        return name

    def _target(self, ref: SchemaRef) -> SchemaRef:
        value = ref.value
        if _only_ref(value):
            try:
                t = self.ws.resolve(value["$ref"], ref.doc)
            except RefError as exc:
                raise InputError(f"broken $ref at {ref.pointer}: {exc}", uri=ref.doc.uri) from None
            return SchemaRef(t.value, t.doc, t.pointer)
        return ref

    # -- copying ------------------------------------------------------------------
    def _copy(self, value: Any, where: SchemaRef) -> Any:
        if value is True:
            return {}
        if value is False:
            return {"not": {}}
        if not isinstance(value, dict):
            return {}
        if "$ref" in value:
            target = self._target(SchemaRef({"$ref": value["$ref"]}, where.doc, where.pointer))
            name = self.names.get(target.key) or self._name(target, self._hint(target))
            ref = {"$ref": "#/components/schemas/" + name}
            rest = {k: v for k, v in value.items() if k != "$ref" and k not in DROPPED_KEYS and k != "description"}
            if rest and self.ir.version in ("oas3.1", "oas3.2"):  # 3.1: siblings of $ref apply too
                return {"allOf": [ref, self._copy(rest, where)]}
            return ref
        out: dict[str, Any] = {}
        for key, sub in value.items():
            if not isinstance(key, str) or key in DROPPED_KEYS or key.startswith("x-"):
                if key == "x-nullable" and sub is True:
                    out["nullable"] = True
                continue
            child = _child(where, key)
            if key in SCHEMA_MAPS and isinstance(sub, dict):
                out[key] = {str(k): self._copy(v, _child(child, k)) for k, v in sub.items()}
            elif key in SCHEMA_LISTS and isinstance(sub, list):
                out[key] = [self._copy(v, _child(child, i)) for i, v in enumerate(sub)]
            elif key in SCHEMA_VALUES or key in SCHEMA_VALUES_31:
                if isinstance(sub, list):  # 2019 tuple `items`
                    out[key] = [self._copy(v, _child(child, i)) for i, v in enumerate(sub)]
                elif isinstance(sub, (dict, bool)):
                    out[key] = self._copy(sub, child) if isinstance(sub, dict) else sub
            elif key == "description":
                text = "\n".join(line.rstrip() for line in clean_text(sub).split("\n"))
                if text:
                    out[key] = text
            elif key == "discriminator" and isinstance(sub, dict):
                out[key] = self._discriminator(sub, where)
            elif key == "format":
                if sub in KEPT_FORMATS:
                    out[key] = sub
            elif key == "default" and not self.keep_defaults:
                continue
            elif key == "type" and sub == "file":
                out["type"], out["format"] = "string", "binary"
            elif key in ("readOnly", "writeOnly"):
                if sub is True:
                    out[key] = True
                    self.splits = True
            elif key == "required" and isinstance(sub, list):
                out[key] = [r for r in sub if isinstance(r, str)]
            elif key in COPIED_KEYS:
                out[key] = sub
            # anything else is dropped: datamodel-code-generator reads keys of its own
            # (customTypePath, customBasePath, x-python-type…) that would import code
        return out

    def _discriminator(self, disc: dict[str, Any], where: SchemaRef) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if isinstance(disc.get("propertyName"), str):
            out["propertyName"] = disc["propertyName"]
        mapping = disc.get("mapping")
        if isinstance(mapping, dict):
            new: dict[str, str] = {}
            for k, ref in mapping.items():
                if not isinstance(ref, str):
                    continue
                if not ref.startswith(("#", ".", "/")) and "#" not in ref and "/" not in ref and "." not in ref:
                    ref = "#/components/schemas/" + ref  # a bare schema name
                target = self._target(SchemaRef({"$ref": ref}, where.doc, where.pointer))
                new[str(k)] = "#/components/schemas/" + (
                    self.names.get(target.key) or self._name(target, self._hint(target))
                )
            out["mapping"] = new
        return out

    def document(self) -> dict[str, Any]:
        openapi = "3.1.0" if self.ir.version in ("oas3.1", "oas3.2") else "3.0.3"
        return {
            "openapi": openapi,
            "info": {"title": "models", "version": "1"},
            "paths": {},
            "components": {"schemas": dict(self.values)},
        }


def model_name(hint: str) -> str:
    """A class name datamodel-code-generator keeps as it is: PascalCase letters and
    digits only (it rewrites underscores), never a name the module imports."""
    name = "".join(w[:1].upper() + w[1:] for w in ascii_words(hint)) or "Model"
    if name[0].isdigit():
        name = "Model" + name
    return name + "Model" if name in RESERVED else name


def _child(where: SchemaRef, token: str | int) -> SchemaRef:
    return SchemaRef(None, where.doc, join(where.pointer, token))


def _only_ref(value: Any) -> bool:
    """A `$ref` whose siblings are only annotations (so the target is the schema)."""
    return isinstance(value, dict) and "$ref" in value and set(value) <= {"$ref", "description", "summary", "title"}


def _generate(document: dict[str, Any], ir: ApiIR, splits: bool = True) -> str:
    if not document["components"]["schemas"]:
        return "from __future__ import annotations\n"
    try:
        import datamodel_code_generator as dcg
        from datamodel_code_generator.enums import DataModelType, InputFileType, ReadOnlyWriteOnlyModelType
        from datamodel_code_generator.format import PythonVersion
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise InputError(f"datamodel-code-generator is not installed: {exc}") from None
    try:
        with warnings.catch_warnings():  # its notes about the contract (unknown formats…) are not ours to print
            warnings.simplefilter("ignore")
            result = dcg.generate(
                document,
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                formatters=[],
                use_annotated=True,
                field_constraints=True,
                disable_timestamp=True,
                use_standard_collections=True,
                use_union_operator=True,
                use_type_alias=True,
                use_schema_description=True,
                use_field_description=True,
                capitalise_enum_members=True,
                set_default_enum_member=True,
                # the split costs ~20% of the run: only when some schema needs it
                read_only_write_only_model_type=ReadOnlyWriteOnlyModelType.RequestResponse if splits else None,
                custom_file_header="# Generated by apictl from the contract's schemas; do not edit.",
            )
    except Exception as exc:  # the generator's own errors: report, never a traceback
        raise InputError(f"cannot generate models: {type(exc).__name__}: {exc}", uri=ir.doc.uri) from None
    if not isinstance(result, str):
        raise InputError("cannot generate models: unexpected multi-module output", uri=ir.doc.uri)
    return result if result.endswith("\n") else result + "\n"


def _top_level_names(source: str) -> frozenset[str]:
    names: set[str] = set()
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return frozenset(names)


__all__ = ["ModelsModule", "build_models", "literal"]
