from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS2
from apictl.lint.rules.oas._docs_helpers import op_label
from apictl.specs.openapi.access import operation_parameters
from apictl.specs.openapi.model import Node

URLENCODED = "application/x-www-form-urlencoded"
MULTIPART = "multipart/form-data"


def _base(media_type: object) -> str:
    return media_type.split(";", 1)[0].strip().lower() if isinstance(media_type, str) else ""


@rule(
    code="OAS229",
    name="form-data-consumes",
    on="Operation",
    severity="warn",
    formats=OAS2,
    preset="recommended",
    category="correctness",
    spectral=("oas2-operation-formData-consume-check",),
)
def form_data_consumes(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Operations with `in: formData` parameters must consume a form media type.

    ## What it does
    For OpenAPI 2.0, reports an operation that has `in: formData`
    parameters (its own or its path's) while the media types it consumes
    (its `consumes`, or the top-level one when it has none) include neither
    `application/x-www-form-urlencoded` nor `multipart/form-data`; and one
    with a `type: file` parameter that does not consume
    `multipart/form-data`.

    Spectral checks only operations that declare both `consumes` and
    `parameters` themselves; this rule also applies the top-level
    `consumes` and path-level parameters, as the specification does.

    ## Why is this bad?
    Form parameters are sent as a form-encoded or multipart body; the
    specification requires the operation to consume one of those media
    types (and `multipart/form-data` for file uploads). With `consumes:
    [application/json]` clients and mock servers send a body the server
    will not parse.

    ## Example
    ```yaml
    post:
      consumes: [application/json]
      parameters:
        - {name: name, in: formData, type: string}
    ```

    ## Use instead
    ```yaml
    post:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: name, in: formData, type: string}
    ```

    ## References
    - https://spec.openapis.org/oas/v2.0#parameter-object
    """
    forms = [p for p in operation_parameters(ctx.ws, op) if p.value.get("in") == "formData"]
    if not forms:
        return
    consumes = op.get("consumes")
    if not isinstance(consumes, list):
        consumes = ctx.data.get("consumes")
    declared = {_base(m) for m in consumes} if isinstance(consumes, list) else set()
    where = "its `consumes`" if isinstance(op.get("consumes"), list) else "the top-level `consumes`"
    if isinstance(consumes, list) and not consumes:
        where = "its empty `consumes`"
    elif not isinstance(consumes, list):
        where = "no `consumes` (neither its own nor a top-level one)"
    first = forms[0].value.get("name")
    if URLENCODED not in declared and MULTIPART not in declared:
        yield op.report(
            f"{op_label(op)} has `in: formData` parameters (`{first}`) but {where} lists neither "
            f"`{URLENCODED}` nor `{MULTIPART}`; add the form media type the operation accepts"
        )
        return
    files = [p for p in forms if p.value.get("type") == "file"]
    if files and MULTIPART not in declared:
        yield op.report(
            f"{op_label(op)} uploads a file (`{files[0].value.get('name')}`, `type: file`) but {where} "
            f"lacks `{MULTIPART}`, the only media type that carries files; add it"
        )
