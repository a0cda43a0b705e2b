from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._scale_helpers import (
    CLIENT_OR_SERVER_ERROR,
    is_json,
    names_option,
    payload_schemas,
    report_at,
    response_label,
    responses,
    served,
)
from apictl.specs.openapi.access import Located, is_oas2
from apictl.specs.openapi.model import OPERATION

PROBLEM_TYPES = ["application/problem+json", "application/problem+xml"]
MAX_DEPTH = 16


@dataclass(slots=True)
class _Use:
    label: str  # "the `404` response of GET /pets"
    schema: Located  # where the payload's schema is written
    family: list[str]  # the named schemas it is, or derives from with `allOf`, nearest first


def _name(ctx: RuleContext, loc: Located) -> str:
    return f"#{loc.pointer}" if loc.doc is ctx.doc else f"{loc.doc.uri}#{loc.pointer}"


def _family(ctx: RuleContext, schema: Located) -> list[str]:
    """The named (`$ref`'d) schemas a payload schema is, or extends through
    `allOf` — each `$ref` target and, recursively, the targets of its `allOf`."""
    out: list[str] = []
    seen: set[tuple[int, str]] = set()
    todo = [(schema, 0)]
    while todo:
        loc, depth = todo.pop(0)
        v = loc.value
        if not isinstance(v, dict) or depth > MAX_DEPTH:
            continue
        if "$ref" in v:
            target = ctx.deref({"$ref": v["$ref"]}, loc.doc, loc.pointer)
            if target is not None and (id(target.doc), target.pointer) not in seen:
                seen.add((id(target.doc), target.pointer))
                out.append(_name(ctx, target))
                todo.append((target, depth + 1))
        all_of = v.get("allOf")
        if isinstance(all_of, list):
            for i, sub in enumerate(all_of):
                todo.append((Located(sub, loc.doc, f"{loc.pointer}/allOf/{i}"), depth + 1))
    return out


def _allowed(family: list[str], allowed: list[str]) -> bool:
    for ref in family:
        name = ref.rsplit("/", 1)[-1]
        if ref in allowed or name in allowed or ref.split("#", 1)[-1] in allowed:
            return True
    return False


@rule(
    code="OAS506",
    name="shared-error-model",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={"problem_types": PROBLEM_TYPES, "schemas": [], "require_body": True},
)
def shared_error_model(root: object, ctx: RuleContext) -> Iterator[Finding]:
    """Error responses should share one error model: `application/problem+json` or one `$ref`'d schema.

    ## What it does
    Looks at every `4xx`/`5xx` response (codes and ranges such as `4XX`; not
    `default`) of the operations under `paths`, each shared response once:

    - a payload of a `problem_types` media type (`application/problem+json`,
      RFC 9457) is fine whatever its schema;
    - any other JSON payload must `$ref` a named schema, or extend one with
      `allOf`; an inline schema, or none, is reported at the payload;
    - the named schema used (directly or as an `allOf` base) by the most error
      responses (a shared response counts at each use) is *the* error model;
      a payload outside that family is reported at its `$ref`, unless its
      family includes one of `schemas` (the message says when no schema is
      used by even half of the error responses: then there is no model yet);
    - with `require_body`, an error response with no payload at all is
      reported (except for `HEAD`, which has no body).

    Non-JSON payloads (`text/html`, XML other than problem+xml) are not judged.

    ## Why is this bad?
    As an API grows, so does the number of teams, services and gateways that
    produce its errors. Without one model, each produces its own shape, and
    every client needs per-endpoint error parsing — retries, alerting and
    user messages all depend on reading errors reliably. RFC 9457's problem
    details (`type`, `title`, `status`, `detail`, `instance`) or one shared
    schema let one handler, one log pipeline and one SDK error type serve every
    endpoint, and let new services plug in without inventing a format.

    ## Example
    ```yaml
    paths:
      /pets:
        post:
          responses:
            '400':
              description: Bad input
              content:
                application/json:
                  schema:
                    type: object
                    properties: {message: {type: string}}
      /pets/{id}:
        get:
          responses:
            '404':
              description: Not found
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/NotFoundError'}
    ```

    ## Use instead
    ```yaml
    paths:
      /pets:
        post:
          responses:
            '400': {$ref: '#/components/responses/Problem'}
      /pets/{id}:
        get:
          responses:
            '404': {$ref: '#/components/responses/Problem'}
    components:
      responses:
        Problem:
          description: A problem report (RFC 9457)
          content:
            application/problem+json:
              schema: {$ref: '#/components/schemas/Problem'}
    ```

    ## Options
    - `problem_types` (default `application/problem+json`,
      `application/problem+xml`): media types that are a shared model by themselves.
    - `schemas` (default none): further error schemas accepted beside the most
      used one, by name (`ValidationError`) or pointer (`#/components/schemas/ValidationError`);
      a schema extending one of them with `allOf` is accepted too.
    - `require_body` (default `true`): report error responses without a payload.

    ## References
    - https://www.rfc-editor.org/rfc/rfc9457 (Problem Details for HTTP APIs)
    - https://spec.openapis.org/oas/v3.1.0#components-object
    """
    problem_types = {t.lower() for t in names_option(ctx, "problem_types", PROBLEM_TYPES)}
    allowed = names_option(ctx, "schemas", [])
    require_body = ctx.options.get("require_body", True) is not False
    judged: dict[int, list[_Use]] = {}  # a shared response is judged once, and counts at each use
    uses: list[_Use] = []
    for op in ctx.nodes[OPERATION]:
        if not served(op):
            continue
        for code, response, entry in responses(ctx, op):
            if not CLIENT_OR_SERVER_ERROR.fullmatch(code):
                continue
            if id(response.value) in judged:
                uses.extend(judged[id(response.value)])
                continue
            mine = judged[id(response.value)] = []
            label = response_label(op, code, response, entry)
            payloads = list(payload_schemas(ctx, response, op))
            content = response.value.get("content")
            if not is_oas2(ctx.version) and isinstance(content, dict):
                with_schema = {mt for mt, _s in payloads}
                for mt in content:
                    base = str(mt).split(";", 1)[0].strip().lower()
                    if mt not in with_schema and is_json(str(mt)) and base not in problem_types:
                        yield report_at(
                            response,
                            f"{label} declares `{mt}` without a schema; give it the shared error model",
                            "content",
                            str(mt),
                        )
            elif not payloads and require_body and op.method != "head":
                yield report_at(
                    response,
                    f"{label} has no body; return the shared error model "
                    "(e.g. `application/problem+json`) so clients can tell what went wrong",
                )
            for mt, schema in payloads:
                base = mt.split(";", 1)[0].strip().lower()
                if base in problem_types or not is_json(mt):
                    continue
                family = _family(ctx, schema)
                if not family:
                    yield report_at(
                        schema,
                        f"{label} defines its error body inline; `$ref` the shared error "
                        "schema (or use `application/problem+json`) so every endpoint fails the same way",
                    )
                    continue
                mine.append(_Use(label, schema, family))
            uses.extend(mine)
    if not uses:
        return
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for use in uses:
        counts.update(set(use.family))
        for name in use.family:
            order.setdefault(name, len(order))
    model = max(counts, key=lambda n: (counts[n], -order[n]))  # most used; the first seen on a tie
    reported: set[int] = set()
    for use in uses:
        if model in use.family or _allowed(use.family, allowed) or id(use) in reported:
            continue
        reported.add(id(use))
        if counts[model] * 2 > len(uses):
            message = (
                f"{use.label} uses error schema `{use.family[0]}`, not the shared error model `{model}` (used by "
                f"{counts[model]} of {len(uses)} error responses); use it, extend it with `allOf`, or list this "
                "schema in the rule's `schemas` option"
            )
        else:
            message = (
                f"{use.label} uses error schema `{use.family[0]}`, and the API's error responses share no model "
                f"(the most common, `{model}`, covers {counts[model]} of {len(uses)}); give the error schemas one "
                "base with `allOf`, or use `application/problem+json`"
            )
        yield report_at(use.schema, message)
