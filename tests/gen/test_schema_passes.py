"""The passes over bundled schemas before datamodel-code-generator: readOnly/writeOnly
shapes and shared duplicate inline objects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from apictl.gen.models import build_models, model_name
from apictl.gen.naming import Namer
from apictl.gen.schema_passes import share_duplicates, split_roles

R = "#/components/schemas/"


def _namer(schemas: dict[str, Any]) -> Namer:
    return Namer(schemas, sep="")


def test_split_roles_drops_read_only_from_requests_and_write_only_from_responses() -> None:
    schemas: dict[str, Any] = {
        "Id": {"type": "integer", "readOnly": True},
        "Pet": {
            "type": "object",
            "properties": {
                "id": {"$ref": R + "Id"},
                "created": {"type": "string", "readOnly": True},
                "secret": {"type": "string", "writeOnly": True},
                "name": {"type": "string"},
            },
            "required": ["id", "name", "secret"],
        },
        "Owner": {"type": "object", "properties": {"pets": {"type": "array", "items": {"$ref": R + "Pet"}}}},
        "Any": {"oneOf": [{"$ref": R + "Pet"}], "discriminator": {"propertyName": "k", "mapping": {"p": R + "Pet"}}},
        "Plain": {"type": "object", "properties": {"id": {"type": "integer"}}},
    }
    out, variants = split_roles(schemas, _namer(schemas))
    assert variants == {
        "Pet": ("PetRequest", "PetResponse"),
        "Owner": ("OwnerRequest", "OwnerResponse"),
        "Any": ("AnyRequest", "AnyResponse"),
    }
    assert list(out) == ["Id", "PetRequest", "PetResponse", "OwnerRequest", "OwnerResponse"] + [
        "AnyRequest",
        "AnyResponse",
        "Plain",
    ]
    assert out["PetRequest"] == {
        "type": "object",
        "properties": {"secret": {"type": "string"}, "name": {"type": "string"}},
        "required": ["name", "secret"],
    }
    assert out["PetResponse"]["required"] == ["id", "name"]
    assert set(out["PetResponse"]["properties"]) == {"id", "created", "name"}
    assert out["OwnerResponse"]["properties"]["pets"]["items"] == {"$ref": R + "PetResponse"}
    assert out["AnyRequest"]["oneOf"] == [{"$ref": R + "PetRequest"}]
    assert out["AnyRequest"]["discriminator"]["mapping"] == {"p": R + "PetRequest"}
    assert out["Plain"] is schemas["Plain"]


def test_split_roles_avoids_taken_names_and_leaves_unflagged_schemas_alone() -> None:
    schemas: dict[str, Any] = {
        "PetRequest": {"type": "object", "properties": {"a": {"type": "string"}}},
        "Pet": {"type": "object", "properties": {"id": {"type": "integer", "readOnly": True}}},
    }
    out, variants = split_roles(schemas, _namer(schemas))
    assert variants == {"Pet": ("PetRequest2", "PetResponse")}
    assert out["PetRequest"] is schemas["PetRequest"]
    assert split_roles({"A": schemas["PetRequest"]}, Namer()) == ({"A": schemas["PetRequest"]}, {})


def test_share_duplicates_names_each_repeated_inline_object_once() -> None:
    user = {"type": "object", "properties": {"login": {"type": "string"}}, "description": "A user."}
    label = {"type": "object", "properties": {"name": {"type": "string"}}}
    schemas: dict[str, Any] = {
        "Issue": {"type": "object", "properties": {"user": dict(user), "label": label}},
        "Pull": {"type": "object", "properties": {"author": dict(user), "items": {"type": "array", "items": user}}},
    }
    out = share_duplicates(schemas, _namer(schemas), model_name)
    assert list(out) == ["User", "Issue", "Pull"]
    assert out["User"] == user
    site = {"$ref": R + "User", "description": "A user."}
    assert out["Issue"]["properties"] == {"user": site, "label": label}  # `label` occurs once: stays inline
    assert out["Pull"]["properties"]["author"] == site
    assert out["Pull"]["properties"]["items"]["items"] == site


def test_share_duplicates_shares_nested_repeats_and_keeps_unique_trees() -> None:
    inner = {"type": "object", "properties": {"x": {"type": "integer"}}}
    outer = {"type": "object", "properties": {"inner": inner, "y": {"type": "string"}}}
    schemas: dict[str, Any] = {
        "A": {"type": "object", "properties": {"o": outer, "p": inner}},
        "B": {"type": "object", "properties": {"o": outer}},
        "Model": {"type": "object", "properties": {"z": {"type": "string"}}},
    }
    out = share_duplicates(schemas, _namer(schemas), model_name)
    assert out["O"] == {"type": "object", "properties": {"inner": {"$ref": R + "Inner"}, "y": {"type": "string"}}}
    assert out["Inner"] == inner
    assert out["A"]["properties"] == {"o": {"$ref": R + "O"}, "p": {"$ref": R + "Inner"}}
    unique = {"C": {"type": "object", "properties": {"o": outer}}}
    assert share_duplicates(unique, _namer(unique), model_name) is unique


def test_models_of_a_3_0_contract_keep_required_nullable_fields_nullable(tmp_path: Path) -> None:
    spec = tmp_path / "api.json"
    user = {"type": "object", "properties": {"login": {"type": "string"}}}
    nullable_user = {**user, "nullable": True}
    schemas = {
        "NullableUser": nullable_user,
        "Alert": {
            "type": "object",
            "properties": {
                "dismissed_by": {"$ref": R + "NullableUser"},
                "reason": {"type": "string", "nullable": True, "enum": ["spam", "other"]},
                "author": user,
                "editor": user,
            },
            "required": ["dismissed_by", "reason", "author"],
        },
    }
    doc = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}
    spec.write_text(json.dumps(doc))
    source = build_models(spec).source
    assert "dismissed_by: NullableUser | None\n" in source  # required, and null is a valid value
    assert "reason: Annotated[Literal['spam', 'other'] | None, Field(...)]" in source
    assert "author: Author\n" in source and "editor: Author | None = None\n" in source  # one shared class
    assert "class Author(BaseModel):" in source and "class Editor" not in source


def test_share_duplicates_keeps_all_of_members_inline() -> None:
    part = {"type": "object", "properties": {"x": {"type": "integer"}}}
    schemas: dict[str, Any] = {
        "A": {"allOf": [dict(part), {"type": "object", "properties": {"y": {"type": "string"}}}]},
        "B": {"type": "object", "properties": {"p": dict(part)}},
        "C": {"type": "object", "properties": {"q": dict(part)}},
    }
    out = share_duplicates(schemas, _namer(schemas), model_name)
    assert out["A"]["allOf"][0] == part  # a $ref there would make a base class, not merged fields
    assert out["B"]["properties"]["p"] == out["C"]["properties"]["q"] == {"$ref": R + "P"}
