"""Protobuf breaking-change rule PBB111 (buf `RPC_SAME_CLIENT_STREAMING`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import METHOD_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, rpc_streaming_changed
from apictl.specs.proto.model import Method


@rule(
    code="PBB111",
    name="rpc-same-client-streaming",
    on=METHOD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("RPC_SAME_CLIENT_STREAMING",),
)
def rpc_same_client_streaming(pair: Pair[Method], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An RPC changed between client-streaming and unary requests.

    ## What it does
    Reports an RPC whose request side gained or lost `stream`.

    ## Why is this bad?
    Streaming and unary calls are different call shapes in every gRPC runtime; existing clients fail.

    ## Example
    Previous version:
    ```proto
    rpc Upload(Chunk) returns (Result);
    ```
    Current version:
    ```proto
    rpc Upload(stream Chunk) returns (Result);
    ```

    ## Use instead
    Add a new RPC with the streaming shape and keep the old one.

    ## References
    - buf breaking rule `RPC_SAME_CLIENT_STREAMING` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#rpc_same_client_streaming
    """
    yield from rpc_streaming_changed(pair, "client")
