from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_pascal
from apictl.specs.proto.model import Method


@rule(
    code="PB107",
    name="rpc-pascal-case",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("RPC_PASCAL_CASE",),
)
def rpc_pascal_case(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """RPC names should be PascalCase.

    ## What it does
    Reports a rpc whose name is not PascalCase, and suggests the PascalCase spelling.

    ## Why is this bad?
    Generated code in every language assumes PascalCase type names; other spellings produce
    unidiomatic or colliding identifiers, and mixed styles make an API hard to read.

    ## Example
    ```proto
    rpc get_user(GetUserRequest) returns (GetUserResponse);
    ```

    ## Use instead
    ```proto
    rpc GetUser(GetUserRequest) returns (GetUserResponse);
    ```

    ## References
    - buf lint rule `RPC_PASCAL_CASE`: https://buf.build/docs/lint/rules/#rpc_pascal_case
    """
    name = method.name
    expected = to_pascal(name)
    if name != expected:
        yield report(method.doc, method.name_path, f'RPC name "{name}" should be PascalCase, such as "{expected}".')
