"""Factories for protobuf rules that differ only in what they look at: the seven
COMMENT_* rules, the request/response naming pair and the two UNARY_RPC rules.
Each rule keeps its own module (its code and alias live there); the check and the
documentation text are written once, here."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from apictl.core.registry import Finding, rule
from apictl.lint.proto.context import ProtoRuleContext, report
from apictl.lint.rules.proto import PROTO
from apictl.lint.rules.proto._layout import has_comment
from apictl.lint.rules.proto._naming import to_pascal
from apictl.specs.proto.model import METHOD_INPUT, METHOD_OUTPUT, Element, Method

Check = Callable[[Any, ProtoRuleContext], Iterator[Finding]]

_DOC = """{summary}

## What it does
{what}

## Why is this bad?
{why}

## Example
```proto
{bad}
```

## Use instead
```proto
{good}
```

## References
- buf lint rule `{buf_id}`: https://buf.build/docs/lint/rules/#{anchor}
"""


def _register(check: Check, *, code: str, name: str, on: str, buf_id: str, doc: dict[str, str], **meta: Any) -> Check:
    """Document `check` from the shared template and register it under `code`."""
    check.__doc__ = _DOC.format(**doc, buf_id=buf_id, anchor=buf_id.lower())
    check.__name__ = name.replace("-", "_")
    rule(code=code, name=name, on=on, severity="warn", formats=PROTO, buf=(buf_id,), **meta)(check)
    return check


def comment_rule(
    *,
    code: str,
    name: str,
    on: str,
    label: str,
    buf_id: str,
    bad: str,
    good: str,
    skip: Callable[[Any], bool] | None = None,
) -> Check:
    """A COMMENT_* rule: `label` names the element in the message ("Enum value")."""

    def check(element: Element, ctx: ProtoRuleContext) -> Iterator[Finding]:
        if skip is not None and skip(element):
            return
        if not has_comment(element):
            yield report(
                element.doc,
                element.path,
                f'{label} "{element.name}" should have a non-empty comment for documentation.',
            )

    noun = label if label == "RPC" else label.lower()
    article = "an" if noun[0] in "aeiouAEIOU" else "a"
    doc = {
        "summary": f"{label}s should have a leading comment.",
        "what": f"Reports {article} {noun} without a non-empty leading comment (buf's COMMENTS category; "
        "opt-in).\nA comment that only holds `buf:lint:ignore` directives does not count.",
        "why": "Comments on the schema are the API's reference documentation; generated code and API\n"
        "explorers show them to every consumer.",
        "bad": bad,
        "good": good,
    }
    return _register(check, code=code, name=name, on=on, buf_id=buf_id, doc=doc, preset="all", category="docs")


def standard_name_rule(*, code: str, side: str) -> Check:
    """RPC_REQUEST_STANDARD_NAME (`side="request"`) or RPC_RESPONSE_STANDARD_NAME."""
    Side = side.capitalize()
    option = f"rpc_allow_google_protobuf_empty_{side}s"
    type_field, number = ("input_type", METHOD_INPUT) if side == "request" else ("output_type", METHOD_OUTPUT)

    def check(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
        type_name = str(getattr(method.desc, type_field)).lstrip(".")
        if type_name == "google.protobuf.Empty" and ctx.options.get(option):
            return
        simple = type_name.rsplit(".", 1)[-1]
        rpc, service = to_pascal(method.name), to_pascal(method.service.name)
        if simple not in (f"{rpc}{Side}", f"{service}{rpc}{Side}"):
            yield report(
                method.doc,
                (*method.path, number),
                f'RPC {side} type "{simple}" should be named "{rpc}{Side}" or "{service}{rpc}{Side}".',
            )

    doc = {
        "summary": f"RPC {side} types should be named after the RPC (`<Rpc>{Side}` or `<Service><Rpc>{Side}`).",
        "what": f"Reports an RPC whose {side} message is not named `<RpcName>{Side}` or\n"
        f"`<ServiceName><RpcName>{Side}` (`google.protobuf.Empty` is allowed with option\n`{option}`).",
        "why": f"A {side} message per RPC lets each RPC evolve on its own: adding a field to a shared\n"
        "message silently changes every RPC that uses it.",
        "bad": "rpc GetUser(User) returns (User);",
        "good": "rpc GetUser(GetUserRequest) returns (GetUserResponse);",
    }
    return _register(
        check,
        code=code,
        name=f"rpc-{side}-standard-name",
        on="ProtoMethod",
        buf_id=f"RPC_{side.upper()}_STANDARD_NAME",
        doc=doc,
        preset="recommended",
        category="naming",
        options={option: False},
    )


def no_streaming_rule(*, code: str, side: str) -> Check:
    """RPC_NO_CLIENT_STREAMING (`side="client"`) or RPC_NO_SERVER_STREAMING."""
    attr = f"{side}_streaming"

    def check(method: Method, ctx: ProtoRuleContext) -> Iterator[Finding]:
        if getattr(method.desc, attr):
            yield report(method.doc, method.path, f'RPC "{method.name}" is {side} streaming.')

    doc = {
        "summary": f"RPCs should not be {side} streaming.",
        "what": f"Reports an RPC with a `stream` {'request' if side == 'client' else 'response'} "
        "(buf's UNARY_RPC category; opt-in).",
        "why": "Streaming RPCs are not supported by every transport (gRPC-Web, HTTP/JSON transcoding,\n"
        "many gateways) and are harder to retry, load-balance and observe.",
        "bad": "rpc Watch(stream WatchRequest) returns (WatchResponse);"
        if side == "client"
        else "rpc Watch(WatchRequest) returns (stream WatchResponse);",
        "good": "rpc Watch(WatchRequest) returns (WatchResponse);",
    }
    return _register(
        check,
        code=code,
        name=f"rpc-no-{side}-streaming",
        on="ProtoMethod",
        buf_id=f"RPC_NO_{side.upper()}_STREAMING",
        doc=doc,
        preset="all",
        category="correctness",
    )
