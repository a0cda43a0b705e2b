from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import unique_request_response
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PB219",
    name="rpc-request-response-unique",
    on="ProtoModule",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="correctness",
    buf=("RPC_REQUEST_RESPONSE_UNIQUE",),
    options={
        "rpc_allow_same_request_response": False,
        "rpc_allow_google_protobuf_empty_requests": False,
        "rpc_allow_google_protobuf_empty_responses": False,
    },
)
def rpc_request_response_unique(docs: list[ProtoDocument], ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Each request and response message should be used by one RPC only.

    ## What it does
    Reports an RPC whose request or response message is also used by another RPC, or by the same
    RPC for both request and response (configurable: `rpc_allow_same_request_response`,
    `rpc_allow_google_protobuf_empty_requests`, `rpc_allow_google_protobuf_empty_responses`).

    ## Why is this bad?
    Shared request/response messages couple RPCs: a field added for one RPC appears in the
    others, and none can evolve alone.

    ## Example
    ```proto
    rpc GetUser(GetUserRequest) returns (User);
    rpc UpdateUser(UpdateUserRequest) returns (User);
    ```

    ## Use instead
    ```proto
    rpc GetUser(GetUserRequest) returns (GetUserResponse);
    rpc UpdateUser(UpdateUserRequest) returns (UpdateUserResponse);
    ```

    ## References
    - buf lint rule `RPC_REQUEST_RESPONSE_UNIQUE`: https://buf.build/docs/lint/rules/#rpc_request_response_unique
    """
    yield from unique_request_response(ctx)
