from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._naming import to_pascal
from apictl.specs.proto.model import Service


@rule(
    code="PB108",
    name="service-pascal-case",
    on="ProtoService",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("SERVICE_PASCAL_CASE",),
)
def service_pascal_case(service: Service, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Service names should be PascalCase.

    ## What it does
    Reports a service whose name is not PascalCase, and suggests the PascalCase spelling.

    ## Why is this bad?
    Generated code in every language assumes PascalCase type names; other spellings produce
    unidiomatic or colliding identifiers, and mixed styles make an API hard to read.

    ## Example
    ```proto
    service user_service {}
    ```

    ## Use instead
    ```proto
    service UserService {}
    ```

    ## References
    - buf lint rule `SERVICE_PASCAL_CASE`: https://buf.build/docs/lint/rules/#service_pascal_case
    """
    name = service.name
    expected = to_pascal(name)
    if name != expected:
        yield report(
            service.doc, service.name_path, f'Service name "{name}" should be PascalCase, such as "{expected}".'
        )
