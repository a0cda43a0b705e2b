"""Protobuf breaking-change rule PBB313 (buf `ONEOF_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import MESSAGE_PAIR, Pair, ProtoBreak, loc
from apictl.diff.rules.proto._helpers import PROTO, q
from apictl.specs.proto.model import Message


@rule(
    code="PBB313",
    name="oneof-no-delete",
    on=MESSAGE_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("ONEOF_NO_DELETE",),
)
def oneof_no_delete(pair: Pair[Message], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A oneof was deleted.

    ## What it does
    Reports a oneof of a message that the current version no longer declares.

    ## Why is this bad?
    Generated code exposes a oneof as its own type or accessor (`getKindCase()`); code using it stops compiling.

    ## Example
    Previous version:
    ```proto
    message Pet {
      oneof kind {
        string dog = 1;
        string cat = 2;
      }
    }
    ```
    Current version:
    ```proto
    message Pet {
      string dog = 1;
      string cat = 2;
    }
    ```

    ## Use instead
    Keep the oneof.

    ## References
    - buf breaking rule `ONEOF_NO_DELETE` (categories FILE, PACKAGE):
      https://buf.build/docs/breaking/rules/#oneof_no_delete
    """
    now = {o.name for o in pair.new.desc.oneof_decl}
    fields = pair.old.desc.field
    for index, oneof in enumerate(pair.old.desc.oneof_decl):
        if oneof.name in now:
            continue
        members = [f for f in fields if f.HasField("oneof_index") and f.oneof_index == index]
        if len(members) == 1 and members[0].proto3_optional:
            continue  # a synthetic oneof (proto3 optional): presence changes are reported elsewhere
        yield ProtoBreak(
            f"Previously present oneof {q(oneof.name)} on message {q(pair.new.name)} was deleted.",
            loc(pair.new),
            loc(pair.old),
            file=pair.new.doc,
        )
