"""Protobuf breaking-change rule PBB207 (buf `ENUM_VALUE_SAME_NAME`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.model import ENUM_NUMBER_PAIR, EnumNumber, Pair, ProtoBreak, loc
from apictl.diff.rules.proto._helpers import PROTO, q


@rule(
    code="PBB207",
    name="enum-value-same-name",
    on=ENUM_NUMBER_PAIR,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="wire",
    kind="breaking",
    buf=("ENUM_VALUE_SAME_NAME",),
)
def enum_value_same_name(pair: Pair[EnumNumber], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """An enum value was renamed.

    ## What it does
    Reports an enum number that lost one of its value names (a rename; adding an alias is fine).

    ## Why is this bad?
    The JSON and text formats use value names, and generated code exposes them: renaming breaks JSON clients and
    compiling users.

    ## Example
    Previous version:
    ```proto
    enum Status {
      STATUS_UNSPECIFIED = 0;
      STATUS_OK = 1;
    }
    ```
    Current version:
    ```proto
    enum Status {
      STATUS_UNSPECIFIED = 0;
      STATUS_SUCCESS = 1;
    }
    ```

    ## Use instead
    Keep the name; add the new name as an alias with `option allow_alias = true;` if needed.

    ## References
    - buf breaking rule `ENUM_VALUE_SAME_NAME` (categories FILE, PACKAGE, WIRE_JSON):
      https://buf.build/docs/breaking/rules/#enum_value_same_name
    """
    before, after = sorted(pair.old.values), sorted(pair.new.values)
    if set(before) <= set(after):
        return
    plural = "s" if len(before) > 1 and len(after) > 1 else ""
    names_before = ", ".join(q(n) for n in before)
    names_after = ", ".join(q(n) for n in after)
    for name, value in pair.new.values.items():
        previous = pair.old.values.get(name)
        yield ProtoBreak(
            f'Enum value "{pair.new.number}" on enum {q(pair.new.enum.name)} '
            f"changed name{plural} from {names_before} to {names_after}.",
            loc(value, 2),
            loc(previous, 2) if previous is not None else None,
            file=value.doc,
            old_file=pair.old.enum.doc,
        )
