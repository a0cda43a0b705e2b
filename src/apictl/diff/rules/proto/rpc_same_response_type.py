"""Protobuf breaking-change rule PBB114 (buf `RPC_SAME_RESPONSE_TYPE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import METHOD_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, rpc_type_changed
from apictl.specs.proto.model import Method


@rule(
    code="PBB114",
    name="rpc-same-response-type",
    on=METHOD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("RPC_SAME_RESPONSE_TYPE",),
)
def rpc_same_response_type(pair: Pair[Method], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An RPC's response type changed.

    ## What it does
    Reports an RPC whose response message is now another message type.

    ## Why is this bad?
    Existing clients expect the previous message; the bytes no longer match what the other side decodes.

    ## Example
    Previous version:
    ```proto
    rpc GetUser(GetUserRequest) returns (User);
    ```
    Current version:
    ```proto
    rpc GetUser(GetUserRequest) returns (UserView);
    ```

    ## Use instead
    Keep the response type and evolve the message by adding fields, or add a new RPC.

    ## References
    - buf breaking rule `RPC_SAME_RESPONSE_TYPE` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#rpc_same_response_type
    """
    yield from rpc_type_changed(pair, "response")
