from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import AIP, EMPTY, OPERATION, expect_field, expect_response, standard_resource
from apictl.specs.proto.model import Method


@rule(
    code="PB505",
    name="aip-delete-method",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset=AIP,
    category="naming",
)
def aip_delete_method(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Standard Delete methods should take a resource name and return Empty (AIP-135).

    ## What it does
    For an RPC named `Delete<Resource>`: reports a request without a `string name` field,
    and a response other than `google.protobuf.Empty`, the resource (soft delete) or
    `google.longrunning.Operation` (opt-in preset `aip`).

    ## Why is this bad?
    Clients delete by the name they got from Get and List; a Delete keyed by anything else,
    or returning an ad-hoc message, needs custom handling in every client and tool.

    ## Example
    ```proto
    rpc DeleteBook(DeleteBookRequest) returns (DeleteBookResponse);
    message DeleteBookRequest { string id = 1; }
    ```

    ## Use instead
    ```proto
    rpc DeleteBook(DeleteBookRequest) returns (google.protobuf.Empty);
    message DeleteBookRequest { string name = 1; }
    ```

    ## References
    - AIP-135 Standard methods: Delete: https://google.aip.dev/135
    - api-linter rules `core::0135::request-name-required`, `core::0135::response-message-name`
    """
    resource = standard_resource(method, "Delete")
    if resource is None:
        return
    yield from expect_field(ctx, method, "request", "name", "string", 135)
    yield from expect_response(method, (EMPTY, resource, OPERATION), 135)
