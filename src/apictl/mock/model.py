"""The operations of a contract, as the mock needs them: one version-independent
shape built from OpenAPI 2.0 or 3.x (see `oas.py`) or a Postman collection.

Schemas stay where they are written (`Located`: value, document, pointer), so
validation and generation follow `$ref`s through the workspace and report
against the source."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apictl.specs.openapi.access import Located


@dataclass(slots=True)
class Param:
    name: str
    location: str  # path | query | header | cookie
    required: bool = False
    deprecated: bool = False
    style: str = "simple"
    explode: bool = False
    allow_reserved: bool = False
    schema: Located | None = None  # for 2.0: the parameter object itself
    content_type: str | None = None  # 3.x parameters with `content` (a serialised value)


@dataclass(slots=True)
class Encoding:
    """How one property of a form body is written (3.x Encoding Object)."""

    style: str | None = None
    explode: bool = True
    allow_reserved: bool = False
    content_type: str | None = None


@dataclass(slots=True)
class Content:
    """A payload of one media type: its schema and named examples."""

    media_type: str
    schema: Located | None = None
    examples: list[tuple[str, Any]] = field(default_factory=list)
    encodings: dict[str, Encoding] = field(default_factory=dict)


@dataclass(slots=True)
class RequestBody:
    required: bool
    contents: list[Content]


@dataclass(slots=True)
class Header:
    name: str
    required: bool = False
    schema: Located | None = None
    examples: list[Any] = field(default_factory=list)


@dataclass(slots=True)
class Response:
    code: str  # "200", "2XX" or "default"
    contents: list[Content] = field(default_factory=list)
    headers: list[Header] = field(default_factory=list)


@dataclass(slots=True)
class SecurityScheme:
    name: str
    kind: str  # basic | bearer | digest | http | apiKey | oauth2 | openIdConnect | mutualTLS
    location: str = "header"  # apiKey: header | query | cookie
    param: str = ""  # apiKey: the header/query/cookie name


@dataclass(slots=True)
class Operation:
    method: str  # upper case
    path: str  # the template, e.g. /pets/{id}
    operation_id: str | None = None
    params: list[Param] = field(default_factory=list)
    body: RequestBody | None = None
    responses: list[Response] = field(default_factory=list)
    security: list[list[SecurityScheme]] = field(default_factory=list)  # alternatives of all-required groups
    extensions: dict[str, Any] = field(default_factory=dict)  # x-* of the operation

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"
