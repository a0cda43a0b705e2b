from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_pascal
from apictl.specs.proto.model import METHOD_OUTPUT, Method


@rule(
    code="PB114",
    name="rpc-response-standard-name",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("RPC_RESPONSE_STANDARD_NAME",),
    options={"rpc_allow_google_protobuf_empty_responses": False},
)
def rpc_response_standard_name(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """RPC response types should be named after the RPC (`<Rpc>Response` or `<Service><Rpc>Response`).

    ## What it does
    Reports an RPC whose response message is not named `<RpcName>Response` or
    `<ServiceName><RpcName>Response` (`google.protobuf.Empty` is allowed with option
    `rpc_allow_google_protobuf_empty_responses`).

    ## Why is this bad?
    A response message per RPC lets each RPC evolve on its own: adding a field to a shared
    message silently changes every RPC that uses it.

    ## Example
    ```proto
    rpc GetUser(User) returns (User);
    ```

    ## Use instead
    ```proto
    rpc GetUser(GetUserRequest) returns (GetUserResponse);
    ```

    ## References
    - buf lint rule `RPC_RESPONSE_STANDARD_NAME`: https://buf.build/docs/lint/rules/#rpc_response_standard_name
    """
    type_name = str(method.desc.output_type).lstrip(".")
    if type_name == "google.protobuf.Empty" and ctx.options.get("rpc_allow_google_protobuf_empty_responses"):
        return
    simple = type_name.rsplit(".", 1)[-1]
    rpc, service = to_pascal(method.name), to_pascal(method.service.name)
    if simple not in (f"{rpc}Response", f"{service}{rpc}Response"):
        yield report(
            method.doc,
            (*method.path, METHOD_OUTPUT),
            f'RPC response type "{simple}" should be named "{rpc}Response" or "{service}{rpc}Response".',
        )
