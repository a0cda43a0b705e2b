"""Protobuf breaking-change rule PBB112 (buf `RPC_SAME_IDEMPOTENCY_LEVEL`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import METHOD_PAIR, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, q, rpc
from apictl.specs.proto.model import Method


@rule(
    code="PBB112",
    name="rpc-same-idempotency-level",
    on=METHOD_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("RPC_SAME_IDEMPOTENCY_LEVEL",),
)
def rpc_same_idempotency_level(pair: Pair[Method], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An RPC's idempotency_level option changed.

    ## What it does
    Reports an RPC whose `option idempotency_level` differs from the previous version.

    ## Why is this bad?
    Clients and proxies choose HTTP GET, retries and caching from the idempotency level; changing it changes how
    existing calls are sent.

    ## Example
    Previous version:
    ```proto
    rpc GetUser(GetUserRequest) returns (User) {
      option idempotency_level = NO_SIDE_EFFECTS;
    }
    ```
    Current version:
    ```proto
    rpc GetUser(GetUserRequest) returns (User);
    ```

    ## Use instead
    Keep the level; add a new RPC if the semantics really changed.

    ## References
    - buf breaking rule `RPC_SAME_IDEMPOTENCY_LEVEL` (categories FILE, PACKAGE, WIRE_JSON, WIRE):
      https://buf.build/docs/breaking/rules/#rpc_same_idempotency_level
    """
    before, after = pair.old.desc.options.idempotency_level, pair.new.desc.options.idempotency_level
    if before != after:
        names = type(pair.new.desc.options).IdempotencyLevel
        path = (*pair.new.path, 4, 34)
        old_path = (*pair.old.path, 4, 34)
        yield ProtoBreak(
            f"{rpc(pair.new)} changed option "
            f'"idempotency_level" from {q(names.Name(before))} to {q(names.Name(after))}.',
            (pair.new.doc, path) if path in pair.new.doc.locations else None,
            (pair.old.doc, old_path) if old_path in pair.old.doc.locations else None,
            file=pair.new.doc,
            old_file=pair.old.doc,
        )
