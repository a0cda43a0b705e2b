from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import Method


@rule(
    code="PB221",
    name="rpc-no-client-streaming",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset="all",
    category="correctness",
    buf=("RPC_NO_CLIENT_STREAMING",),
)
def rpc_no_client_streaming(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """RPCs should not be client streaming.

    ## What it does
    Reports an RPC with a `stream` request (buf's UNARY_RPC category; opt-in).

    ## Why is this bad?
    Streaming RPCs are not supported by every transport (gRPC-Web, HTTP/JSON transcoding,
    many gateways) and are harder to retry, load-balance and observe.

    ## Example
    ```proto
    rpc Watch(stream WatchRequest) returns (WatchResponse);
    ```

    ## Use instead
    ```proto
    rpc Watch(WatchRequest) returns (WatchResponse);
    ```

    ## References
    - buf lint rule `RPC_NO_CLIENT_STREAMING`: https://buf.build/docs/lint/rules/#rpc_no_client_streaming
    """
    if method.desc.client_streaming:
        yield report(method.doc, method.path, f'RPC "{method.name}" is client streaming.')
