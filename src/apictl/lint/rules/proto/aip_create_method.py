from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import AIP, OPERATION, expect_response, resource_field, standard_resource
from apictl.specs.proto.model import Method


@rule(
    code="PB503",
    name="aip-create-method",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset=AIP,
    category="naming",
)
def aip_create_method(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Standard Create methods should take the resource and return it (AIP-133).

    ## What it does
    For an RPC named `Create<Resource>`: reports a request without a field holding the
    `<Resource>` message, and a response other than `<Resource>` or a long-running
    `google.longrunning.Operation` (opt-in preset `aip`).

    ## Why is this bad?
    Returning the created resource (with its server-assigned name and fields) saves every
    client a second round trip, and the standard shape is what declarative tools
    (Terraform, config connectors) expect.

    ## Example
    ```proto
    rpc CreateBook(CreateBookRequest) returns (CreateBookResponse);
    message CreateBookRequest { string parent = 1; string title = 2; }
    ```

    ## Use instead
    ```proto
    rpc CreateBook(CreateBookRequest) returns (Book);
    message CreateBookRequest { string parent = 1; Book book = 2; }
    ```

    ## References
    - AIP-133 Standard methods: Create: https://google.aip.dev/133
    - api-linter rules `core::0133::request-resource-field`, `core::0133::response-message-name`
    """
    resource = standard_resource(method, "Create")
    if resource is None:
        return
    yield from resource_field(ctx, method, resource, 133)
    yield from expect_response(method, (resource, OPERATION), 133)
