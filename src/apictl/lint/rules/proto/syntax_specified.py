from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import FILE_EDITION, FILE_SYNTAX, ProtoDocument


@rule(
    code="PB211",
    name="syntax-specified",
    on="ProtoFile",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="correctness",
    buf=("SYNTAX_SPECIFIED",),
)
def syntax_specified(doc: ProtoDocument, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Every file should declare its syntax or edition.

    ## What it does
    Reports a file without a `syntax = ...;` or `edition = ...;` statement.

    ## Why is this bad?
    Without it the file silently defaults to proto2, whose semantics (field presence, default
    values, required) differ from what most authors expect.

    ## Example
    ```proto
    package acme.v1;
    message User {}
    ```

    ## Use instead
    ```proto
    syntax = "proto3";
    package acme.v1;
    message User {}
    ```

    ## References
    - buf lint rule `SYNTAX_SPECIFIED`: https://buf.build/docs/lint/rules/#syntax_specified
    """
    if not doc.fd.syntax and not doc.declares((FILE_SYNTAX,)) and not doc.declares((FILE_EDITION,)):
        yield report(
            doc,
            (),
            'Files must have a syntax explicitly specified. If no syntax is specified, the file defaults to "proto2".',
        )
