from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._aip import (
    AIP,
    LABEL_REPEATED,
    expect_field,
    expect_response,
    message,
    simple,
    standard_resource,
)
from apictl.specs.proto.model import METHOD_OUTPUT, Method


@rule(
    code="PB502",
    name="aip-list-method",
    on="ProtoMethod",
    severity="warn",
    formats=PROTO,
    preset=AIP,
    category="naming",
)
def aip_list_method(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
    """Standard List methods should paginate with page_size, page_token and next_page_token (AIP-132, AIP-158).

    ## What it does
    For an RPC named `List<Resources>`: reports a request without `int32 page_size` or
    `string page_token`, a response not named `List<Resources>Response`, and a response
    without `string next_page_token` or without a repeated field of results (opt-in
    preset `aip`).

    ## Why is this bad?
    A collection grows: a List without pagination either returns everything (until the
    response no longer fits in memory or a deadline) or must break its clients to add
    paging later. The standard field names let client libraries page automatically.

    ## Example
    ```proto
    rpc ListBooks(ListBooksRequest) returns (ListBooksResponse);
    message ListBooksRequest { string parent = 1; }
    message ListBooksResponse { repeated Book books = 1; }
    ```

    ## Use instead
    ```proto
    message ListBooksRequest { string parent = 1; int32 page_size = 2; string page_token = 3; }
    message ListBooksResponse { repeated Book books = 1; string next_page_token = 2; }
    ```

    ## References
    - AIP-132 Standard methods: List: https://google.aip.dev/132
    - AIP-158 Pagination: https://google.aip.dev/158
    - api-linter rules `core::0158::request-page-size-field`, `core::0158::request-page-token-field`,
      `core::0158::response-next-page-token-field`, `core::0132::response-message-name`
    """
    resources = standard_resource(method, "List")
    if resources is None:
        return
    yield from expect_field(ctx, method, "request", "page_size", "int32", 158)
    yield from expect_field(ctx, method, "request", "page_token", "string", 158)
    wanted = f"List{resources}Response"
    yield from expect_response(method, (wanted,), 132)
    if simple(str(method.desc.output_type)) != wanted:
        return
    yield from expect_field(ctx, method, "response", "next_page_token", "string", 158)
    msg = message(ctx, str(method.desc.output_type))
    if msg is not None and not any(f.label == LABEL_REPEATED for f in msg.field):
        yield report(
            method.doc,
            (*method.path, METHOD_OUTPUT),
            f'Response "{wanted}" of RPC "{method.name}" should have a repeated field of results (AIP-132).',
        )
