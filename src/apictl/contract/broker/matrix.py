"""The matrix and can-i-deploy: which versions have been verified against which.

The query is built as the Pact Broker client builds it (`q[][pacticipant]=…&q[][version]=…`,
`latestby=cvp` for one selector and `cvpv` for several, `latest=true&tag=…` for
`--to TAG`, `environment=…` for `--to-environment`, `ignore[][…]`), so a broker
answers apictl exactly as it answers the official CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from apictl.contract.broker.http import BrokerClient, dig, require, text_or_none


@dataclass(frozen=True, slots=True)
class Selector:
    """One pacticipant version (or set of versions) in a matrix query."""

    pacticipant: str
    version: str | None = None
    latest: bool = False
    tag: str | None = None
    branch: str | None = None
    main_branch: bool = False

    def pairs(self, prefix: str = "q") -> list[tuple[str, str]]:
        out = [(f"{prefix}[][pacticipant]", self.pacticipant)]
        if self.version:
            out.append((f"{prefix}[][version]", self.version))
        if self.latest:
            out.append((f"{prefix}[][latest]", "true"))
        if self.tag:
            out.append((f"{prefix}[][tag]", self.tag))
        if self.branch:
            out.append((f"{prefix}[][branch]", self.branch))
        if self.main_branch:
            out.append((f"{prefix}[][mainBranch]", "true"))
        return out


@dataclass(frozen=True, slots=True)
class MatrixRow:
    consumer: str
    consumer_version: str
    provider: str
    provider_version: str | None
    success: bool | None  # None: never verified
    verification_url: str | None = None
    verified_at: str | None = None
    ignored: bool = False


@dataclass(slots=True)
class MatrixResult:
    rows: list[MatrixRow] = field(default_factory=list)
    deployable: bool | None = None
    reason: str = ""
    success: int = 0
    failed: int = 0
    unknown: int = 0
    ignored: int = 0
    notices: list[tuple[str, str]] = field(default_factory=list)  # (type, text)


@dataclass(frozen=True, slots=True)
class MatrixQuery:
    selectors: Sequence[Selector]
    to_tag: str | None = None
    to_environment: str | None = None
    latest_by: str | None = None
    success: bool | None = None
    ignore: Sequence[Selector] = ()
    limit: int | None = None

    def pairs(self) -> list[tuple[str, str]]:
        pairs: list[tuple[str, str]] = []
        for selector in self.selectors:
            pairs.extend(selector.pairs())
        if self.success is not None:
            pairs.append(("success[]", "true" if self.success else "false"))
        if self.limit:
            pairs.append(("limit", str(self.limit)))
        if self.to_environment:
            pairs.append(("environment", self.to_environment))
        if self.to_tag:
            pairs += [("latest", "true"), ("tag", self.to_tag)]
        elif len(self.selectors) == 1 and not self.to_environment:
            pairs.append(("latest", "true"))
        pairs.append(("latestby", self.latest_by or ("cvp" if len(self.selectors) == 1 else "cvpv")))
        for selector in self.ignore:
            pairs.extend(selector.pairs("ignore"))
        return pairs


def query_matrix(client: BrokerClient, query: MatrixQuery) -> MatrixResult:
    """GET /matrix; a 400 (unknown pacticipant or version) is a BrokerError."""
    answer = client.call("GET", "/matrix", query=query.pairs(), accept=None)
    return parse_matrix(require(answer, ("matrix", list), ("summary", dict)))


def parse_matrix(body: object) -> MatrixResult:
    result = MatrixResult()
    for row in body.get("matrix", []) if isinstance(body, dict) else []:
        if not isinstance(row, dict):
            continue
        verification = row.get("verificationResult")
        verified = isinstance(verification, dict)
        result.rows.append(
            MatrixRow(
                consumer=str(dig(row, "consumer", "name") or ""),
                consumer_version=str(dig(row, "consumer", "version", "number") or ""),
                provider=str(dig(row, "provider", "name") or ""),
                provider_version=text_or_none(dig(row, "provider", "version", "number")),
                success=bool(verification.get("success")) if isinstance(verification, dict) else None,
                verification_url=text_or_none(dig(verification, "_links", "self", "href")) if verified else None,
                verified_at=text_or_none(verification.get("verifiedAt")) if isinstance(verification, dict) else None,
                ignored=bool(row.get("ignored")),
            )
        )
    summary = body.get("summary") if isinstance(body, dict) else None
    if isinstance(summary, dict):
        deployable = summary.get("deployable")
        result.deployable = deployable if isinstance(deployable, bool) else None
        result.reason = str(summary.get("reason") or "")
        for name in ("success", "failed", "unknown", "ignored"):
            value = summary.get(name)
            setattr(result, name, value if isinstance(value, int) and not isinstance(value, bool) else 0)
    for notice in body.get("notices", []) if isinstance(body, dict) else []:
        if isinstance(notice, dict):
            result.notices.append((str(notice.get("type", "info")), str(notice.get("text", ""))))
    return result
