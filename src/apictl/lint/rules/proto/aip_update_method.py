from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import (
    AIP,
    FIELD_MASK,
    OPERATION,
    expect_field,
    expect_response,
    resource_field,
    standard_resource,
)
from apictl.specs.proto.model import Method


@rule(
    code="PB504",
    name="aip-update-method",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset=AIP,
    category="naming",
)
def aip_update_method(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Standard Update methods should take the resource and a field mask, and return the resource (AIP-134).

    ## What it does
    For an RPC named `Update<Resource>`: reports a request without a field holding the
    `<Resource>` message or without `google.protobuf.FieldMask update_mask`, and a
    response other than `<Resource>` or `google.longrunning.Operation` (opt-in preset `aip`).

    ## Why is this bad?
    Without a field mask an update replaces the whole resource, so an older client that
    does not know a newer field erases it on every write; the mask makes partial updates
    safe as the resource grows.

    ## Example
    ```proto
    rpc UpdateBook(UpdateBookRequest) returns (UpdateBookResponse);
    message UpdateBookRequest { Book book = 1; }
    ```

    ## Use instead
    ```proto
    rpc UpdateBook(UpdateBookRequest) returns (Book);
    message UpdateBookRequest { Book book = 1; google.protobuf.FieldMask update_mask = 2; }
    ```

    ## References
    - AIP-134 Standard methods: Update: https://google.aip.dev/134
    - api-linter rules `core::0134::request-resource-required`, `core::0134::request-mask-required`,
      `core::0134::response-message-name`
    """
    resource = standard_resource(method, "Update")
    if resource is None:
        return
    yield from resource_field(ctx, method, resource, 134)
    yield from expect_field(ctx, method, "request", "update_mask", FIELD_MASK, 134)
    yield from expect_response(method, (resource, OPERATION), 134)
