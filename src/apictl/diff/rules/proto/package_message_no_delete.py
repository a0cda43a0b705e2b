"""Protobuf breaking-change rule PBB307 (buf `PACKAGE_MESSAGE_NO_DELETE`)."""

from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import rule
from apictl.diff.proto.engine import BreakingContext
from apictl.diff.proto.index import SideIndex
from apictl.diff.proto.model import SIDES, Pair, ProtoBreak
from apictl.diff.rules.proto._helpers import PROTO, deleted_from_package


@rule(
    code="PBB307",
    name="package-message-no-delete",
    on=SIDES,
    severity="error",
    formats=PROTO,
    preset="minimal",
    category="sdk",
    kind="breaking",
    buf=("PACKAGE_MESSAGE_NO_DELETE",),
)
def package_message_no_delete(pair: Pair[SideIndex], ctx: BreakingContext) -> Iterator[ProtoBreak]:
    """A message was deleted from a package.

    ## What it does
    Reports a message of a package that no file of the package declares any more (moving it to another file of the
    same package is fine).

    ## Why is this bad?
    Code generated per package (Go, Java with multiple files) that refers to the message stops compiling.

    ## Example
    Previous version:
    ```proto
    package acme.v1;
    message User {}
    message Address {}
    ```
    Current version:
    ```proto
    package acme.v1;
    // message gone from every file of the package
    ```

    ## Use instead
    Keep the message and mark it deprecated.

    ## References
    - buf breaking rule `PACKAGE_MESSAGE_NO_DELETE` (categories PACKAGE):
      https://buf.build/docs/breaking/rules/#package_message_no_delete
    """
    yield from deleted_from_package("message", pair, "file_messages")
