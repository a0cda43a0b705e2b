from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import AIP, expect_field, expect_response, standard_resource
from apictl.specs.proto.model import Method


@rule(
    code="PB501",
    name="aip-get-method",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset=AIP,
    category="naming",
)
def aip_get_method(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Standard Get methods should take a resource name and return the resource (AIP-131).

    ## What it does
    For an RPC named `Get<Resource>`: reports a request without a `string name` field
    and a response other than the resource message `<Resource>` (opt-in preset `aip`).

    ## Why is this bad?
    Clients, generated SDKs and tools such as gcloud, Terraform providers and API
    gateways understand standard methods by their shape: a Get that takes anything but
    the resource name, or wraps the resource in a `Get<Resource>Response`, needs custom
    code in every one of them.

    ## Example
    ```proto
    rpc GetBook(GetBookRequest) returns (GetBookResponse);
    message GetBookRequest { string id = 1; }
    ```

    ## Use instead
    ```proto
    rpc GetBook(GetBookRequest) returns (Book);
    message GetBookRequest { string name = 1; }
    ```

    ## References
    - AIP-131 Standard methods: Get: https://google.aip.dev/131
    - api-linter rules `core::0131::request-name-required`, `core::0131::response-message-name`
    """
    resource = standard_resource(method, "Get")
    if resource is None:
        return
    yield from expect_field(ctx, method, "request", "name", "string", 131)
    yield from expect_response(method, (resource,), 131)
