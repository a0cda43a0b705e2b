"""What the diff engine hands to breaking rules: one `Change` per difference
found between paired nodes, with where it happened (operation, request or
response, status, media type, property path) and both locations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from apictl.core.document import Document
from apictl.core.registry import Finding
from apictl.specs.openapi.access import Located

REQUEST_BODY = "request-body"
RESPONSE_BODY = "response-body"
PARAMETER = "parameter"
RESPONSE_HEADER = "response-header"
OPERATION = "operation"
DOCUMENT = "document"

# Change kinds: what the rules are dispatched on (`@rule(on=...)`).
OPERATION_REMOVED = "operation-removed"
OPERATION_ADDED = "operation-added"
OPERATION_CHANGED = "operation-changed"  # fields of the operation itself (operationId, deprecated, security)
PARAMETER_REMOVED = "parameter-removed"
PARAMETER_ADDED = "parameter-added"
PARAMETER_CHANGED = "parameter-changed"  # required / style of a paired parameter
REQUEST_BODY_CHANGED = "request-body-changed"  # added / removed / required
RESPONSE_REMOVED = "response-removed"
RESPONSE_ADDED = "response-added"
MEDIA_TYPE_REMOVED = "media-type-removed"
MEDIA_TYPE_ADDED = "media-type-added"
MEDIA_TYPE_RENAMED = "media-type-renamed"  # paired by a related name (detail: old, new, generalized…)
HEADER_REMOVED = "header-removed"
HEADER_CHANGED = "header-changed"
PROPERTY_REMOVED = "property-removed"
PROPERTY_ADDED = "property-added"
REQUIRED_CHANGED = "required-changed"
TYPE_CHANGED = "type-changed"
NULLABLE_CHANGED = "nullable-changed"
ENUM_CHANGED = "enum-changed"
LIMIT_CHANGED = "limit-changed"  # maxLength, minLength, maximum, minimum, maxItems, minItems
PATTERN_CHANGED = "pattern-changed"
SUBSCHEMAS_CHANGED = "subschemas-changed"  # oneOf / anyOf / allOf members added or removed
KEYWORD_CHANGED = (
    "keyword-changed"  # const, default, contains, if/then/else, discriminator… (detail: keyword, old, new)
)
DOCUMENT_CHANGED = "document-changed"  # document-level: global security, components, tags, servers, webhooks
TEXT_CHANGED = "text-changed"  # summary / description of the document, an operation, a parameter, a schema…


@dataclass(slots=True)
class Where:
    """The operation and the part of it a change is in."""

    method: str  # upper case
    path: str  # path template as written in the new (or, if removed, old) version
    operation_id: str = ""
    section: str = OPERATION  # REQUEST_BODY | RESPONSE_BODY | PARAMETER | RESPONSE_HEADER | OPERATION
    status: str = ""  # response status code
    media_type: str = ""
    param_in: str = ""
    param_name: str = ""

    @property
    def operation(self) -> str:
        return f"{self.method} {self.path}" if self.method else ""

    @property
    def is_request(self) -> bool:
        return self.section in (REQUEST_BODY, PARAMETER)

    @property
    def is_response(self) -> bool:
        return self.section in (RESPONSE_BODY, RESPONSE_HEADER)


@dataclass(slots=True)
class Change:
    kind: str
    where: Where
    old: Located | None  # the node in the previous version (None: added)
    new: Located | None  # the node in the current version (None: removed)
    old_parent: Located | None = None  # where an added node would have been in the previous version
    new_parent: Located | None = None  # where a removed node would be in the current version
    path: str = ""  # property path inside the body/parameter schema, oasdiff style ("items/name")
    detail: dict[str, Any] = field(default_factory=dict)

    @property
    def old_loc(self) -> Located | None:
        return self.old or self.old_parent

    @property
    def new_loc(self) -> Located | None:
        return self.new or self.new_parent


@dataclass(slots=True)
class BreakingFinding(Finding):
    """A finding of a breaking rule: the new location (`doc`/`pointer`) and the old one."""

    old_doc: Document | None = None
    old_pointer: str | None = None
    operation: str = ""
    check_id: str = ""  # the equivalent oasdiff check id, when there is one
    severity: str = ""  # overrides the rule's severity for this finding ("" = the rule's)
