from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import MISSING, PointerError, join, lookup, split
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.ignores import IGNORE_KEY
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import PATH_ITEM, SCHEMA
from apictl.specs.openapi.walker import RefSite


@rule(
    code="OAS217",
    name="no-ref-siblings",
    on="Ref",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("no-$ref-siblings",),
    redocly=("spec-ref-siblings",),
)
def no_ref_siblings(site: RefSite, ctx: RuleContext) -> Iterator[Finding]:
    """Keys written next to a `$ref` are ignored where the version does not allow them.

    ## What it does
    Reports each key written beside `$ref` in an object that is a reference:
    - OpenAPI 2.0 and 3.0: any key beside `$ref` (a schema's `nullable`,
      `description`, `example`, an extension, …);
    - OpenAPI 3.1 and later: any key other than `summary` and `description`
      beside the `$ref` of a Reference Object. Schemas are not reported there:
      a 3.1 schema may combine `$ref` with other keywords.

    A Path Item's `$ref` is not reported: there `$ref` is a field of the Path
    Item, and siblings are allowed.

    ## Why is this bad?
    The specification says the sibling keys SHALL be ignored: the reference
    is replaced by its target. A `nullable: true` or a `description` written
    next to a `$ref` has no effect, although readers (and some tools) believe
    it does, so the contract says less than its author meant.

    ## Example
    ```yaml
    # OpenAPI 3.0
    owner:
      $ref: '#/components/schemas/User'
      nullable: true
      description: The pet's owner
    ```

    ## Use instead
    ```yaml
    # OpenAPI 3.0
    owner:
      description: The pet's owner
      nullable: true
      allOf:
        - $ref: '#/components/schemas/User'
    ```

    ## References
    - https://spec.openapis.org/oas/v3.0.3#reference-object
    - https://spec.openapis.org/oas/v3.1.0#reference-object
    """
    if site.kind == PATH_ITEM:
        return
    legacy = is_oas2(ctx.version) or ctx.version == "oas3.0"
    if not legacy and site.kind == SCHEMA:
        return
    try:
        value, _ = lookup(site.doc.data, split(site.pointer))
    except PointerError:
        return
    if value is MISSING or not isinstance(value, dict) or len(value) < 2:
        return
    allowed = {"$ref", IGNORE_KEY} if legacy else {"$ref", IGNORE_KEY, "summary", "description"}
    for key in value:
        if key in allowed:
            continue
        if legacy and site.kind == SCHEMA:
            fix = "wrap the reference in `allOf: [{$ref: …}]` and keep the key beside `allOf`, or move it to the target"
        elif legacy:
            fix = "move it to the referenced object, or remove it"
        else:
            fix = "a reference takes only `summary` and `description` besides `$ref`; move it to the referenced object"
        yield Finding(site.doc, join(site.pointer, key), f"`{key}` beside `$ref` is ignored; {fix}")
