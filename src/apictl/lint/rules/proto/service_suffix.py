from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.specs.proto.model import Service


@rule(
    code="PB115",
    name="service-suffix",
    on="ProtoService",
    severity="warn",
    formats=PROTO,
    preset="recommended",
    category="naming",
    buf=("SERVICE_SUFFIX",),
    options={"service_suffix": "Service"},
)
def service_suffix(service: Service, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Service names should end with `Service` (configurable).

    ## What it does
    Reports a service whose name does not end with the configured suffix (option
    `service_suffix`; default `Service`).

    ## Why is this bad?
    A consistent suffix tells readers and generated code apart services from messages with
    similar names (`User` vs `UserService`).

    ## Example
    ```proto
    service Users {}
    ```

    ## Use instead
    ```proto
    service UserService {}
    ```

    ## References
    - buf lint rule `SERVICE_SUFFIX`: https://buf.build/docs/lint/rules/#service_suffix
    """
    suffix = str(ctx.options.get("service_suffix") or "Service")
    if not service.name.endswith(suffix):
        yield report(
            service.doc, service.name_path, f'Service name "{service.name}" should be suffixed with "{suffix}".'
        )
