"""Protobuf breaking-change rule PBB314 (buf `RPC_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import SERVICE_PAIR, Pair, ProtoBreak, loc
from apictl.diff.rules.proto._helpers import PROTO, q
from apictl.specs.proto.model import Service


@rule(
    code="PBB314",
    name="rpc-no-delete",
    on=SERVICE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("RPC_NO_DELETE",),
)
def rpc_no_delete(pair: Pair[Service], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An RPC was deleted.

    ## What it does
    Reports an RPC of a service that the current version no longer declares.

    ## Why is this bad?
    Clients calling it fail with UNIMPLEMENTED, and generated stubs that refer to it stop compiling.

    ## Example
    Previous version:
    ```proto
    service UserService {
      rpc GetUser(GetUserRequest) returns (User);
      rpc DeleteUser(DeleteUserRequest) returns (Empty);
    }
    ```
    Current version:
    ```proto
    service UserService {
      rpc GetUser(GetUserRequest) returns (User);
    }
    ```

    ## Use instead
    Keep the RPC and mark it deprecated (`option deprecated = true;`).

    ## References
    - buf breaking rule `RPC_NO_DELETE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#rpc_no_delete
    """
    now = {m.name for m in pair.new.desc.method}
    for method in pair.old.desc.method:
        if method.name not in now:
            yield ProtoBreak(
                f"Previously present RPC {q(method.name)} on service {q(pair.new.name)} was deleted.",
                loc(pair.new),
                loc(pair.old),
                file=pair.new.doc,
            )
