from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import FILE_DEPENDENCY, ProtoDocument

UNUSED = re.compile(r"Import (?P<name>\S+) is unused\.")


@rule(
    code="PB210",
    name="import-used",
    on="ProtoFile",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="correctness",
    buf=("IMPORT_USED",),
)
def import_used(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Imports should be used.

    ## What it does
    Reports an import that no type, option or extension of the file uses (as protoc's
    `Import … is unused` warning says).

    ## Why is this bad?
    Unused imports add build dependencies and slow compilation; in some languages they also
    produce unused-import errors in generated code.

    ## Example
    ```proto
    import "google/protobuf/empty.proto";
    message User {}
    ```

    ## Use instead
    ```proto
    message User {}
    ```

    ## References
    - buf lint rule `IMPORT_USED`: https://buf.build/docs/lint/rules/#import_used
    """
    public = set(doc.fd.public_dependency)
    for _, _, text in doc.warnings:
        m = UNUSED.match(text)
        if not m:
            continue
        for i, dep in enumerate(doc.fd.dependency):
            if dep == m["name"] and i not in public:
                yield report(doc, (FILE_DEPENDENCY, i), f'Import "{dep}" is unused.')
