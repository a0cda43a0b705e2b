"""The findings of `apictl contract check`.

The first 22 are swagger-mock-validator's (13 errors, 9 warnings), with its ids
as codes so that results and suppressions carry over; the rest are apictl's
own, for what swagger-mock-validator misses or misreports."""

from __future__ import annotations

from dataclasses import dataclass

from apictl.core.diagnostic import Severity


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    summary: str
    origin: str = "swagger-mock-validator"  # or "apictl"

    @property
    def rule(self) -> str:
        return self.code.replace(".", "-")


E, W, INFO = Severity.ERROR, Severity.WARN, Severity.INFO
_ALL = [
    Code("request.accept.incompatible", E, "The request's Accept header matches no media type the operation produces"),
    Code("request.authorization.missing", E, "The request lacks the credentials the operation's security requires"),
    Code("request.body.incompatible", E, "The request body does not match the operation's request body schema"),
    Code("request.content-type.incompatible", E, "The request's Content-Type is not one the operation consumes"),
    Code("request.header.incompatible", E, "A request header value does not match its parameter's schema"),
    Code("request.path-or-method.unknown", E, "No operation of the description has this path and method"),
    Code("request.query.incompatible", E, "A query parameter value does not match its parameter's schema"),
    Code("response.body.incompatible", E, "The response body does not match the response's schema"),
    Code("response.body.unknown", E, "The response has a body but the description gives no schema for it"),
    Code("response.content-type.incompatible", E, "The response's Content-Type is not one the response produces"),
    Code("response.header.incompatible", E, "A response header value does not match its schema"),
    Code("response.header.unknown", E, "The response has a header the description does not define"),
    Code("response.status.unknown", E, "The response status is not defined for the operation"),
    Code("request.accept.unknown", W, "The request sends Accept but the operation defines no response media types"),
    Code("request.body.unknown", W, "The request has a body but the description gives no schema for it"),
    Code("request.content-type.missing", W, "The request has a body but no Content-Type header"),
    Code("request.content-type.unknown", W, "The request sends Content-Type but the operation takes no body"),
    Code("request.header.unknown", W, "The request sends a header the operation does not define"),
    Code("request.query.unknown", W, "The request sends a query parameter the operation does not define"),
    Code("response.content-type.unknown", W, "The response has Content-Type but the description defines no media type"),
    Code("response.header.undefined", W, "The response has a standard HTTP header the description does not define"),
    Code("response.status.default", W, "The response status is only covered by the operation's `default` response"),
    Code(
        "request.path-parameter.incompatible",
        E,
        "A path parameter value does not match its schema (swagger-mock-validator: request.path-or-method.unknown)",
        "apictl",
    ),
    Code(
        "request.matcher.incompatible",
        E,
        "A request matching rule admits values the provider's schema rejects",
        "apictl",
    ),
    Code(
        "response.matcher.incompatible",
        W,
        "A response matching rule rejects values the provider's schema allows (or no value it allows)",
        "apictl",
    ),
    Code(
        "interaction.unchecked",
        INFO,
        "A message interaction: there is no OpenAPI operation to check it against",
        "apictl",
    ),
]
CODES: dict[str, Code] = {c.code: c for c in _ALL}
SMV_CODES = [c.code for c in _ALL if c.origin == "swagger-mock-validator"]
