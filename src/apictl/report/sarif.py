"""SARIF 2.1.0 log (one run) for GitHub code scanning and other SARIF viewers.

Mapping (see docs/formats.md): rule code -> `ruleId` / `reportingDescriptor.id`,
severity error -> "error", warn -> "warning", info/hint -> "note". Relative
paths are emitted relative to `%SRCROOT%`; columns count Unicode code points.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.report import ReportContext, RuleInfo
from apictl.report._common import dump_json, span_of

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/apictl/apictl"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "apictlFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARN: "warning", Severity.INFO: "note", Severity.HINT: "note"}

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_DRIVE = re.compile(r"^[A-Za-z]:/")
# RFC 3986 pchar minus ":" (a relative path's first segment must not contain one).
_SAFE_PATH = "/-._~!$&'()*+,;=@"


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    codes = sorted({d.code for d in diagnostics})
    rule_index = {code: i for i, code in enumerate(codes)}
    names = {d.code: d.rule for d in diagnostics}
    driver: dict[str, Any] = {
        "name": "apictl",
        "version": ctx.tool_version,
        "informationUri": INFORMATION_URI,
        "rules": [_rule(code, ctx.rules.get(code), names[code]) for code in codes],
    }
    seen: dict[str, int] = {}
    results = [_result(d, rule_index[d.code], seen) for d in diagnostics]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}],
    }
    return dump_json(log)


def _rule(code: str, info: RuleInfo | None, fallback_name: str) -> dict[str, Any]:
    if info is None:
        return {"id": code, "name": fallback_name, "shortDescription": {"text": fallback_name}}
    try:
        level = LEVELS[Severity.parse(info.severity)]
    except ValueError:
        level = "warning"
    rule: dict[str, Any] = {
        "id": code,
        "name": info.name,
        "shortDescription": {"text": info.summary or info.name},
        "defaultConfiguration": {"level": level},
    }
    if info.help_uri:
        rule["helpUri"] = info.help_uri
    return rule


def _result(d: Diagnostic, rule_index: int, seen: dict[str, int]) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": _physical(d.uri, d.span)}
    if d.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": d.pointer}]
    result: dict[str, Any] = {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [location],
    }
    related: list[dict[str, Any]] = []
    if d.old_uri is not None:
        related.append({"physicalLocation": _physical(d.old_uri, d.old_span), "message": {"text": "previous version"}})
    # other places a finding concerns (a pact finding's place in the OpenAPI description):
    # extra["related"] = [{"file", "line", "col", "message"}]
    others = d.extra.get("related")
    for other in others if isinstance(others, list) else []:
        if isinstance(other, dict) and isinstance(other.get("file"), str):
            line, col = int(other.get("line", 1)), int(other.get("col", 1))
            physical = _physical(other["file"], Span(line, col, line, col))
            related.append({"physicalLocation": physical, "message": {"text": str(other.get("message", ""))}})
    if related:
        result["relatedLocations"] = [{"id": i, **loc} for i, loc in enumerate(related, 1)]
    result["partialFingerprints"] = {FINGERPRINT_KEY: _fingerprint(d, seen)}
    if d.category is not None:
        result["properties"] = {"category": d.category}
    return result


def _physical(path: str, span: Span | None) -> dict[str, Any]:
    s = span_of(span)
    artifact = artifact_location(path)
    region = {"startLine": s.line, "startColumn": s.col, "endLine": s.end_line, "endColumn": s.end_col + 1}
    return {"artifactLocation": artifact, "region": region}


def artifact_location(path: str) -> dict[str, str]:
    """`uri` (+ `uriBaseId` for relative paths) for a path as given on the command line."""
    p = _normalize(path)
    if _SCHEME.match(p):  # already a URL (remote $ref target)
        return {"uri": _quote(p, safe=":/?#[]@!$&'()*+,;=%-._~")}
    if _DRIVE.match(p):  # Windows absolute path
        return {"uri": "file:///" + p[:2] + _quote(p[2:])}
    if p.startswith("/"):
        return {"uri": "file://" + _quote(p)}
    return {"uri": _quote(p), "uriBaseId": SRCROOT}


def _quote(text: str, safe: str = _SAFE_PATH) -> str:
    # surrogateescape: a path that was not valid UTF-8 keeps its original bytes
    return quote(text, safe=safe, encoding="utf-8", errors="surrogateescape")


def _normalize(path: str) -> str:
    p = path.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def _fingerprint(d: Diagnostic, seen: dict[str, int]) -> str:
    """Hash of code + file + pointer (line-independent, so edits elsewhere keep the
    alert), suffixed with the occurrence number like GitHub's own line hashes."""
    key = "\0".join((d.code, _normalize(d.uri), d.pointer))
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    seen[digest] = seen.get(digest, 0) + 1
    return f"{digest}:{seen[digest]}"
