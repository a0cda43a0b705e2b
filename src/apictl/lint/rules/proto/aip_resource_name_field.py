from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import AIP, LABEL_REPEATED, TYPE_STRING, is_resource, simple, standard_resource
from apictl.specs.proto.model import Message, Method


def _returned_by_get(message: Message, ctx: ProtoRuleContext) -> bool:
    for m in ctx.of_kind("ProtoMethod"):
        if isinstance(m, Method) and standard_resource(m, "Get") == message.name:
            if str(m.desc.output_type).lstrip(".") == message.full_name:
                return True
    return False


@rule(
    code="PB506",
    name="aip-resource-name-field",
    on="ProtoMessage",
    severity="warn",
    formats=PROTO,
    preset=AIP,
    category="naming",
)
def aip_resource_name_field(message: Message, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Resources should be identified by a `string name` field (AIP-122, AIP-123).

    ## What it does
    Reports a resource message — one annotated with `option (google.api.resource)`, or
    returned by the standard Get method of its name — that has no `string name` field
    (opt-in preset `aip`).

    ## Why is this bad?
    The resource name (`publishers/123/books/456`) is the one identifier every standard
    method, IAM policy, audit log and client library uses; a resource keyed by `id`,
    `uuid` or a composite of fields cannot be addressed uniformly.

    ## Example
    ```proto
    message Book {
      option (google.api.resource) = {type: "library.googleapis.com/Book" pattern: "books/{book}"};
      string id = 1;
    }
    ```

    ## Use instead
    ```proto
    message Book {
      option (google.api.resource) = {type: "library.googleapis.com/Book" pattern: "books/{book}"};
      string name = 1;
    }
    ```

    ## References
    - AIP-122 Resource names: https://google.aip.dev/122
    - AIP-123 Resource types: https://google.aip.dev/123
    - api-linter rule `core::0123::resource-name-field`
    """
    if message.is_map_entry or not (is_resource(message) or _returned_by_get(message, ctx)):
        return
    for i, f in enumerate(message.desc.field):
        if f.name == "name":
            if f.type != TYPE_STRING or f.label == LABEL_REPEATED:
                yield report(
                    message.doc,
                    (*message.path, 2, i),
                    f'Field "name" of resource "{message.name}" should be a `string` resource name (AIP-122).',
                )
            return
    shown = simple(message.full_name)
    yield report(message.doc, message.name_path, f'Resource "{shown}" should have a `string name` field (AIP-122).')
