"""Protobuf breaking-change rule PBB305 (buf `SERVICE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import FILE_PAIR, Pair, ProtoBreak, loc
from apictl.diff.rules.proto._helpers import PROTO, q
from apictl.specs.proto.model import ProtoDocument


@rule(
    code="PBB305",
    name="service-no-delete",
    on=FILE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("SERVICE_NO_DELETE",),
)
def service_no_delete(pair: Pair[ProtoDocument], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A service was deleted from a file.

    ## What it does
    Reports a service of a file that the same file no longer declares.

    ## Why is this bad?
    Every client of the service fails with UNIMPLEMENTED, and generated stubs that refer to it stop compiling.

    ## Example
    Previous version:
    ```proto
    service UserService { rpc GetUser(GetUserRequest) returns (User); }
    ```
    Current version:
    ```proto
    // UserService is gone
    ```

    ## Use instead
    Keep the service and mark it deprecated (`option deprecated = true;`).

    ## References
    - buf breaking rule `SERVICE_NO_DELETE` (categories FILE):
      https://buf.build/docs/breaking/rules/#service_no_delete
    """
    before, now = ctx.old.file_services.get(pair.old.name, {}), ctx.new.file_services.get(pair.new.name, {})
    for name, service in before.items():
        if name not in now:
            yield ProtoBreak(
                f"Previously present service {q(name)} was deleted from file.", None, loc(service), file=pair.new
            )
