from __future__ import annotations

from collections.abc import Iterator

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._schema_helpers import (
    RESPONSE,
    ValueCheck,
    check_values,
    example_values,
    is_json_media,
    iter_media,
    iter_responses,
)
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import Node


@rule(
    code="OAS220",
    name="no-invalid-media-type-examples",
    on="Root",
    severity="error",
    formats=ALL,
    preset="recommended",
    category="correctness",
    spectral=("oas3-valid-media-example", "oas2-valid-media-example"),
    redocly=("no-invalid-media-type-examples",),
)
def no_invalid_media_type_examples(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Request and response examples must match the schema of their media type.

    ## What it does
    Validates the `example` and each `examples.<name>.value` of every media
    type (request bodies, responses, response headers and parameters with
    `content`) against the media type's `schema`; in OpenAPI 2.0, each entry of
    a response's `examples` map against the response `schema`. Each problem is
    reported at the offending place inside the example, e.g. "`pets[0].id`
    must be an integer, got string "7"".

    The schema is read as its OpenAPI version means it: `nullable` /
    `x-nullable` admit null, `$ref`s are followed across files, properties
    marked `readOnly` need not appear in request examples nor `writeOnly` ones
    in response examples, a `oneOf` with a `discriminator` only needs one
    matching branch. Well-known string formats (date, date-time, time, email,
    hostname, ipv4, ipv6, uri, uuid, regex…) are checked; OpenAPI's numeric and
    binary formats (int32, int64, float, double, byte, binary, password) are
    not. Examples given as `externalValue` are not fetched. A string example
    of a non-JSON media type (XML, CSV…) is taken to be the serialized
    payload and not validated. Schemas that cannot be compiled (e.g. a
    `pattern` that is not a valid regular expression is dropped; anything
    worse) are skipped.

    ## Why is this bad?
    Examples are what people copy, what mock servers return and what
    documentation shows. An example that contradicts its schema means either
    the example or the schema is wrong — and clients get built on the wrong
    one.

    ## Example
    ```yaml
    content:
      application/json:
        schema:
          type: object
          required: [id]
          properties:
            id: {type: integer}
        example:
          id: "42"
    ```

    ## Use instead
    ```yaml
    content:
      application/json:
        schema:
          type: object
          required: [id]
          properties:
            id: {type: integer}
        example:
          id: 42
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#media-type-object
    - https://spec.openapis.org/oas/v2.0#response-object
    """
    yield from check_values(ctx, _checks(ctx))


def _checks(ctx: RuleContext) -> Iterator[ValueCheck]:
    if is_oas2(ctx.version):
        for resp in iter_responses(ctx):
            schema = resp.value.get("schema")
            examples = resp.value.get("examples")
            if not isinstance(schema, dict) or not isinstance(examples, dict):
                continue
            for media_type, value in examples.items():
                if isinstance(value, str) and not is_json_media(str(media_type)):
                    continue
                yield ValueCheck(
                    schema,
                    resp.doc,
                    join(resp.pointer, "schema"),
                    value,
                    resp.doc,
                    join(resp.pointer, "examples", media_type),
                    f"`{media_type}` example",
                    RESPONSE,
                )
        return
    for media_type, mloc, mode in iter_media(ctx):
        schema = mloc.value.get("schema")
        if not isinstance(schema, (dict, bool)):
            continue
        json_like = is_json_media(media_type)
        for what, value, doc, pointer in example_values(ctx, mloc):
            if isinstance(value, str) and not json_like:
                continue
            yield ValueCheck(schema, mloc.doc, join(mloc.pointer, "schema"), value, doc, pointer, what, mode)
