from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import OAS3
from apictl.specs.openapi.model import Node

_KEYWORDS = ("allOf", "anyOf", "oneOf")
# Keywords whose meaning this rule understands when it compares two `oneOf` branches;
# a branch using any other (pattern, minimum, items, …) is not judged.
_UNDERSTOOD = frozenset(
    "type format enum const nullable properties required additionalProperties discriminator $ref $id $schema "
    "$anchor $comment title description default example examples deprecated readOnly writeOnly externalDocs "
    "xml".split()
)


@rule(
    code="OAS237",
    name="no-illogical-composition",
    on="Schema",
    severity="warn",
    formats=OAS3,
    preset="recommended",
    category="correctness",
    redocly=("no-illogical-composition-keywords",),
)
def no_illogical_composition(schema: Node, ctx: RuleContext) -> Iterator[Finding]:
    """`allOf`, `anyOf` and `oneOf` should combine schemas in a way that can mean something.

    ## What it does
    Reports, in a schema's `allOf`, `anyOf` or `oneOf`:
    - an empty list; an `anyOf`/`oneOf` with a single schema (unless a
      `discriminator` sits beside it); an `allOf` with a single schema and
      nothing else in the schema (unless that schema has a discriminator);
    - an empty schema `{}` among the branches (it matches any value);
    - a branch that repeats an earlier one;
    - with a `discriminator`, an `anyOf`/`oneOf` branch written inline
      (the discriminator can only select named schemas, by `$ref`);
    - in a `oneOf`: a nullable schema whose branches also accept `null`,
      and two branches that both accept the same values — both `null`,
      overlapping `enum`/`const` values, or (for branches without
      `properties`) a common `type` — unless the branches use keywords that
      may tell them apart (`pattern`, `minimum`, `items`, …).

    Redocly's rule also compares the properties of object branches; this
    one leaves those (and discriminated branches, see
    `discriminator-property-required`) alone.

    ## Why is this bad?
    A composition with one branch is an indirection that documentation and
    code generators render as a pointless wrapper type; `{}` makes an
    `anyOf` accept anything; duplicates are dead weight. A `oneOf` must
    match exactly one branch: when two branches accept the same value,
    every such value is invalid, which is rarely what the author meant
    (`anyOf` is).

    ## Example
    ```yaml
    id:
      oneOf:
        - type: string
        - type: string
          format: uuid
    ```

    ## Use instead
    ```yaml
    id:
      anyOf:
        - type: string
        - type: string
          format: uuid
    ```

    ## References
    - https://json-schema.org/understanding-json-schema/reference/combining
    - https://redocly.com/docs/cli/rules/oas/no-illogical-composition-keywords
    """
    value = schema.value
    if not isinstance(value, dict):
        return
    discriminated = isinstance(value.get("discriminator"), dict)
    for kw in _KEYWORDS:
        items = value.get(kw)
        if not isinstance(items, list):
            continue
        yield from _count(schema, ctx, kw, items, discriminated)
        for i, item in enumerate(items):
            if item == {}:
                yield schema.report(f"schema {i + 1} of `{kw}` is empty (`{{}}`), so it matches any value", kw, i)
            first = next((j for j in range(i) if items[j] == item), None)
            if first is not None and item != {}:
                yield schema.report(f"schema {i + 1} of `{kw}` repeats schema {first + 1}; remove it", kw, i)
            if discriminated and kw != "allOf" and isinstance(item, dict) and "$ref" not in item and "$id" not in item:
                yield schema.report(
                    f"schema {i + 1} of `{kw}` is written inline, so the `discriminator` cannot select it; "
                    "move it to `components/schemas` and `$ref` it",
                    kw,
                    i,
                )
        if kw == "oneOf":
            yield from _one_of(schema, ctx, items, discriminated)


def _count(schema: Node, ctx: RuleContext, kw: str, items: list[Any], discriminated: bool) -> Iterator[Finding]:
    if not items:
        yield schema.report(f"`{kw}` is empty; list at least two schemas or remove it", kw)
    elif len(items) == 1:
        if kw == "allOf":
            lone = _resolve(ctx, schema, kw, 0)
            if len(schema.value) > 1 or (lone is not None and "discriminator" in lone):
                return
        elif discriminated:
            return
        yield schema.report(f"`{kw}` has a single schema; use that schema directly", kw)


def _resolve(ctx: RuleContext, schema: Node, kw: str, i: int) -> dict[str, Any] | None:
    loc = ctx.deref(schema.value[kw][i], schema.doc, join(schema.pointer, kw, i))
    return loc.value if loc is not None and isinstance(loc.value, dict) else None


def _one_of(schema: Node, ctx: RuleContext, items: list[Any], discriminated: bool) -> Iterator[Finding]:
    resolved = [_resolve(ctx, schema, "oneOf", i) for i in range(len(items))]
    if _nullable(schema.value) and any(r is not None and _nullable(r) for r in resolved):
        yield schema.report(
            "the schema and a schema in its `oneOf` both accept null, so a null value matches both; "
            "make only one of them nullable",
            "oneOf",
        )
    for a in range(len(items)):
        for b in range(a + 1, len(items)):
            left, right = resolved[a], resolved[b]
            if left is None or right is None or items[a] == items[b]:
                continue
            why = _overlap(left, right, discriminated)
            if why:
                yield schema.report(
                    f"{_label(items[a], left, a)} and {_label(items[b], right, b)} of `oneOf` both accept "
                    f"{why}, and a value may match only one branch of a `oneOf`; make them exclusive, "
                    "or use `anyOf`",
                    "oneOf",
                )


def _label(item: Any, value: dict[str, Any], i: int) -> str:
    if isinstance(item, dict) and isinstance(item.get("$ref"), str):
        return f"`{item['$ref']}`"
    if isinstance(value.get("title"), str):
        return f"`{value['title']}`"
    return f"schema {i + 1}"


def _nullable(value: dict[str, Any]) -> bool:
    types = _types(value)
    return types is not None and "null" in types or value.get("nullable") is True


def _types(value: dict[str, Any]) -> set[str] | None:
    declared = value.get("type")
    if declared is None:
        return None
    types = {t for t in (declared if isinstance(declared, list) else [declared]) if isinstance(t, str)}
    if value.get("nullable") is True:
        types.add("null")
    return types


def _values(value: dict[str, Any]) -> list[Any] | None:
    if isinstance(value.get("enum"), list):
        return list(value["enum"])
    if "const" in value:
        return [value["const"]]
    return None


def _shared_types(left: dict[str, Any], right: dict[str, Any]) -> list[str] | None:
    lt, rt = _types(left), _types(right)
    if lt is None or rt is None:
        return None
    common = lt & rt
    if not common and (
        ("integer" in lt and "number" in rt and _holds_integer(right))
        or ("number" in lt and "integer" in rt and _holds_integer(left))
    ):
        return ["integer"]
    return sorted(common)


def _holds_integer(value: dict[str, Any]) -> bool:
    values = _values(value)
    return values is None or any(isinstance(v, int) and not isinstance(v, bool) for v in values)


def _overlap(left: dict[str, Any], right: dict[str, Any], discriminated: bool) -> str | None:
    """What both branches accept, when this rule can tell; None otherwise."""
    if any(k not in _UNDERSTOOD and not k.startswith("x-") for k in (*left, *right)):
        return None
    lv, rv = _values(left), _values(right)
    if lv is not None and rv is not None:
        common = [v for v in lv if v in rv]
        return "the values " + json.dumps(common) if common else None
    shared = _shared_types(left, right)
    if shared == []:
        return None
    if _nullable(left) and _nullable(right):
        return "null"
    if discriminated or "properties" in left or "properties" in right or not shared:
        return None
    return ", ".join(f"any `{t}`" for t in shared)
