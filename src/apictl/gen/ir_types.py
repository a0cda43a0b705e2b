"""The values of the operation IR (see `ir.py`, which builds them): plain
dataclasses, so generators and templates read them without knowing OpenAPI."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apictl.core.document import Document
from apictl.core.refs import Workspace

DEFAULT_STYLES = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})


@dataclass(frozen=True, slots=True)
class SchemaRef:
    """A schema and where it is written: `key` ("uri#pointer") identifies it."""

    value: Any
    doc: Document
    pointer: str

    @property
    def key(self) -> str:
        return f"{self.doc.uri}#{self.pointer}"


@dataclass(slots=True)
class Parameter:
    name: str  # as written in the contract
    location: str  # path | query | header | cookie
    python_name: str
    required: bool
    style: str
    explode: bool
    schema: SchemaRef | None
    description: str = ""
    deprecated: bool = False
    allow_reserved: bool = False
    media_type: str | None = None  # parameters with `content` are serialised as that media type
    default: Any = None
    has_default: bool = False


@dataclass(slots=True)
class MediaBody:
    media_type: str
    schema: SchemaRef | None
    encoding: dict[str, dict[str, Any]] = field(default_factory=dict)  # property -> Encoding Object


@dataclass(slots=True)
class RequestBody:
    required: bool
    contents: list[MediaBody]
    description: str = ""


@dataclass(slots=True)
class Header:
    name: str
    schema: SchemaRef | None
    required: bool = False
    description: str = ""


@dataclass(slots=True)
class Response:
    status: str  # "200", "2XX", "default"
    description: str
    contents: list[MediaBody]
    headers: list[Header] = field(default_factory=list)

    @property
    def is_success(self) -> bool:
        return self.status[:1] == "2"

    @property
    def is_error(self) -> bool:
        return self.status[:1] in ("4", "5") or self.status == "default"


@dataclass(slots=True)
class OAuthFlow:
    kind: str  # clientCredentials | authorizationCode | password | implicit | deviceAuthorization
    token_url: str = ""
    authorization_url: str = ""
    refresh_url: str = ""
    scopes: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class SecurityScheme:
    key: str  # the name in components/securitySchemes
    python_name: str
    type: str  # apiKey | http | oauth2 | openIdConnect | mutualTLS
    scheme: str = ""  # http: bearer | basic | digest …(lower case)
    name: str = ""  # apiKey: the header/query/cookie name
    location: str = ""  # apiKey: header | query | cookie
    bearer_format: str = ""
    flows: list[OAuthFlow] = field(default_factory=list)
    open_id_connect_url: str = ""
    description: str = ""


@dataclass(slots=True)
class ServerVariable:
    name: str
    default: str
    enum: list[str] = field(default_factory=list)
    description: str = ""


@dataclass(slots=True)
class Server:
    url: str
    description: str = ""
    variables: list[ServerVariable] = field(default_factory=list)


@dataclass(slots=True)
class Operation:
    method: str  # upper case
    path: str
    operation_id: str | None
    python_name: str  # unique across the API
    tag: str  # the group: first tag, or "default"
    tags: list[str]
    summary: str
    description: str
    deprecated: bool
    parameters: list[Parameter]
    request_body: RequestBody | None
    responses: list[Response]
    security: list[dict[str, list[str]]] | None  # None: the API's default applies
    pointer: str
    extensions: dict[str, Any] = field(default_factory=dict)

    @property
    def idempotent(self) -> bool:
        return self.method in IDEMPOTENT_METHODS


@dataclass(slots=True)
class Group:
    tag: str
    python_name: str  # module / attribute name
    class_name: str
    description: str
    operations: list[Operation]


@dataclass
class ApiIR:
    ws: Workspace
    version: str  # oas2 | oas3.0 | oas3.1 | oas3.2
    title: str
    api_version: str
    description: str
    operations: list[Operation]
    groups: list[Group]
    security_schemes: list[SecurityScheme]
    security: list[dict[str, list[str]]]  # the API's default requirements
    servers: list[Server]
    schemas: dict[str, SchemaRef]  # named reusable schemas (components/schemas or definitions)

    @property
    def doc(self) -> Document:
        return self.ws.root

    def scheme(self, key: str) -> SecurityScheme | None:
        return next((s for s in self.security_schemes if s.key == key), None)

    def security_for(self, op: Operation) -> list[dict[str, list[str]]]:
        return self.security if op.security is None else op.security
