"""Protobuf breaking-change rule PBB115 (buf `RPC_SAME_SERVER_STREAMING`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import METHOD_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, rpc_streaming_changed
from apictl.specs.proto.model import Method


@rule(
    code="PBB115",
    name="rpc-same-server-streaming",
    on=METHOD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("RPC_SAME_SERVER_STREAMING",),
)
def rpc_same_server_streaming(pair: Pair[Method], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An RPC changed between server-streaming and unary responses.

    ## What it does
    Reports an RPC whose response side gained or lost `stream`.

    ## Why is this bad?
    Streaming and unary calls are different call shapes in every gRPC runtime; existing clients fail.

    ## Example
    Previous version:
    ```proto
    rpc Watch(WatchRequest) returns (Event);
    ```
    Current version:
    ```proto
    rpc Watch(WatchRequest) returns (stream Event);
    ```

    ## Use instead
    Add a new RPC with the streaming shape and keep the old one.

    ## References
    - buf breaking rule `RPC_SAME_SERVER_STREAMING` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#rpc_same_server_streaming
    """
    yield from rpc_streaming_changed(pair, "server")
