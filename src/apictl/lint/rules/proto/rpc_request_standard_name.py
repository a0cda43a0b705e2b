from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_pascal
from apictl.specs.proto.model import METHOD_INPUT, Method


@rule(
    code="PB113",
    name="rpc-request-standard-name",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("RPC_REQUEST_STANDARD_NAME",),
    options={"rpc_allow_google_protobuf_empty_requests": False},
)
def rpc_request_standard_name(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """RPC request types should be named after the RPC (`<Rpc>Request` or `<Service><Rpc>Request`).

    ## What it does
    Reports an RPC whose request message is not named `<RpcName>Request` or
    `<ServiceName><RpcName>Request` (`google.protobuf.Empty` is allowed with option
    `rpc_allow_google_protobuf_empty_requests`).

    ## Why is this bad?
    A request message per RPC lets each RPC evolve on its own: adding a field to a shared
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
    - buf lint rule `RPC_REQUEST_STANDARD_NAME`: https://buf.build/docs/lint/rules/#rpc_request_standard_name
    """
    type_name = str(method.desc.input_type).lstrip(".")
    if type_name == "google.protobuf.Empty" and ctx.options.get("rpc_allow_google_protobuf_empty_requests"):
        return
    simple = type_name.rsplit(".", 1)[-1]
    rpc, service = to_pascal(method.name), to_pascal(method.service.name)
    if simple not in (f"{rpc}Request", f"{service}{rpc}Request"):
        yield report(
            method.doc,
            (*method.path, METHOD_INPUT),
            f'RPC request type "{simple}" should be named "{rpc}Request" or "{service}{rpc}Request".',
        )
