from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import op_label
from apictl.lint.rules.oas._scale_helpers import (
    SUCCESS,
    Merged,
    is_array,
    is_json,
    merge,
    names_option,
    param_named,
    payload_schemas,
    quote_names,
    responses,
    served,
)
from apictl.specs.openapi.model import Node

PAGE_SIZE_PARAMS = ["limit", "per_page", "page_size", "size", "max_results", "max_items", "top", "take"]
POSITION_PARAMS = [
    "offset",
    "page",
    "page_number",
    "skip",
    "start",
    "cursor",
    "after",
    "before",
    "page_token",
    "next_token",
    "continuation_token",
    "starting_after",
    "ending_before",
    "marker",
    "skiptoken",
    "page[cursor]",
    "page[after]",
    "page[before]",
]
COLLECTION_PROPERTIES = ["data", "items", "results", "records", "entries", "elements", "values", "nodes"]


def collection(ctx: RuleContext, op: Node, wrappers: list[str]) -> tuple[str, str] | None:
    """(status code, what is an array) when a success response of `op` is a
    collection: a JSON array, or an object with an array under one of `wrappers`."""
    for code, response, _entry in responses(ctx, op):
        if not SUCCESS.fullmatch(code) or code in ("201", "202", "204"):
            continue
        for media_type, schema in payload_schemas(ctx, response, op):
            if not is_json(media_type):
                continue
            m = merge(ctx, schema.value, schema.doc, schema.pointer)
            if m is None:
                continue
            if is_array(m):
                return code, "an array"
            wrapped = _wrapped_array(ctx, m, wrappers)
            if wrapped is not None:
                return code, f"an array under `{wrapped}`"
    return None


def _wrapped_array(ctx: RuleContext, m: Merged, wrappers: list[str]) -> str | None:
    for name in wrappers:
        prop = m.properties.get(name)
        if prop is None:
            continue
        pm = merge(ctx, prop.value, prop.doc, prop.pointer)
        if pm is not None and is_array(pm):
            return name
    return None


@rule(
    code="OAS501",
    name="collection-pagination",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={
        "page_size_params": PAGE_SIZE_PARAMS,
        "position_params": POSITION_PARAMS,
        "collection_properties": COLLECTION_PROPERTIES,
    },
)
def collection_pagination(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """A GET operation that returns a collection should accept pagination parameters.

    ## What it does
    Reports a `GET` operation under `paths` whose success response (`200`,
    `206`, `2XX`…; not `201`/`202`/`204`) has a JSON body that is a
    collection — an array, or an object holding an array under one of the
    `collection_properties` (`data`, `items`, `results`…), `$ref`s and `allOf`
    followed — when the operation accepts no parameter that selects the page
    (a *position*: `offset`, `page`, `cursor`, `after`, `page_token`…) in the
    query or a header. A page size alone (`limit`, `per_page`…) is not
    pagination: it caps the first page and leaves the rest unreachable (the
    message says so when that is the case). Names are compared loosely:
    `pageSize`, `page-size` and `page[size]` all match `page_size`.

    ## Why is this bad?
    A list that returns everything works while the collection is small and
    degrades with every row added: response size, latency, memory on both
    sides and database load all grow with the data, until requests time out.
    Adding pagination later is a breaking change — existing clients read the
    first page and silently miss the rest — so it has to be in the contract
    from the first version.

    ## Example
    ```yaml
    paths:
      /pets:
        get:
          responses:
            '200':
              description: All pets
              content:
                application/json:
                  schema:
                    type: array
                    items: {$ref: '#/components/schemas/Pet'}
    ```

    ## Use instead
    ```yaml
    paths:
      /pets:
        get:
          parameters:
            - name: limit
              in: query
              schema: {type: integer, minimum: 1, maximum: 100, default: 20}
            - name: cursor
              in: query
              schema: {type: string}
          responses:
            '200':
              description: A page of pets
              content:
                application/json:
                  schema:
                    type: array
                    items: {$ref: '#/components/schemas/Pet'}
    ```

    ## Options
    - `page_size_params` (default `limit`, `per_page`, `page_size`, `size`,
      `max_results`, `max_items`, `top`, `take`): parameters that set the page size.
    - `position_params` (default `offset`, `page`, `page_number`, `skip`,
      `start`, `cursor`, `after`, `before`, `page_token`, `next_token`,
      `continuation_token`, `starting_after`, `ending_before`, `marker`,
      `skiptoken`, `page[cursor]`, `page[after]`, `page[before]`): parameters
      that select the page.
    - `collection_properties` (default `data`, `items`, `results`, `records`,
      `entries`, `elements`, `values`, `nodes`): properties of a wrapper object
      that hold the page's items.

    ## References
    - https://www.rfc-editor.org/rfc/rfc8288 (Web Linking: `next`/`prev` links)
    - https://google.aip.dev/158 (Pagination)
    - https://jsonapi.org/format/#fetching-pagination
    """
    if op.method != "get" or not served(op):
        return
    size = names_option(ctx, "page_size_params", PAGE_SIZE_PARAMS)
    position = names_option(ctx, "position_params", POSITION_PARAMS)
    if param_named(ctx, op, position, ("query", "header")) is not None:
        return
    found = collection(ctx, op, names_option(ctx, "collection_properties", COLLECTION_PROPERTIES))
    if found is None:
        return
    code, what = found
    size_param = param_named(ctx, op, size, ("query", "header"))
    if size_param is not None:
        message = (
            f"{op_label(op)} returns a collection ({what} in its `{code}` response) and takes a page size "
            f"(`{size_param.value.get('name')}`) but no position ({quote_names(position, 3)}); clients can never "
            "read past the first page"
        )
    else:
        message = (
            f"{op_label(op)} returns a collection ({what} in its `{code}` response) but accepts no pagination "
            f"parameter; add a position ({quote_names(position, 3)}) and a page size ({quote_names(size, 3)}) "
            "so responses stay bounded as the collection grows"
        )
    yield op.report(message, "parameters") if isinstance(op.get("parameters"), list) else op.report(message)
