from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from apictl.core.config import glob_match
from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._scale_helpers import names_option, params, quote_names, served
from apictl.specs.openapi.access import is_oas2
from apictl.specs.openapi.model import OPERATION, Node

VERSION_PATTERN = r"[vV]\d+(?:\.\d+)*(?:(?:alpha|beta|preview|rc)\d*)?|[vV]?\d{4}-\d{2}-\d{2}|\d+(?:\.\d+){0,2}"
VERSION_PARAMS = ["api-version", "x-api-version", "*-api-version"]
UNVERSIONED_PATHS = ["/", "/health", "/healthz", "/ping", "/status", "/version", "/versions", "/.well-known/**"]
_AUTHORITY = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:)?//([^/?#]*)")
_VARIABLE = re.compile(r"\{([^{}]*)\}")


def _segment_versioned(segment: str, rx: re.Pattern[str], variables: dict[str, Any] | None) -> bool:
    """A path segment (or host label) that is a version; `variables` are a
    server's (a `{name}` segment counts when its name or default says version),
    None for path templates, whose `{name}` segments never count."""
    var = _VARIABLE.fullmatch(segment)
    if var is not None:
        if variables is None:
            return False
        name = var.group(1)
        spec = variables.get(name)
        default = spec.get("default") if isinstance(spec, dict) else None
        return "version" in name.lower() or (isinstance(default, str) and bool(rx.fullmatch(default)))
    if rx.fullmatch(segment):
        return True
    # `api-v1`, `rest_v2`: a `v`-prefixed part of a compound segment
    return any(part[:1] in "vV" and rx.fullmatch(part) for part in re.split(r"[-_]", segment)[1:] if part)


def url_versioned(url: str, rx: re.Pattern[str], variables: dict[str, Any] | None = None) -> bool:
    """Whether a server URL, 2.0 basePath or path template shows a version: a
    path segment such as `v1`, `v2.1`, `v1beta1`, `2024-01-01` or `2` (also
    `api-v1`), a host label `v2`, or — for servers, whose `variables` are
    given — a variable named `*version*` or whose default is a version."""
    m = _AUTHORITY.match(url)
    path = url[m.end() :] if m else url
    if m is not None:
        for label in m.group(1).split("."):
            if re.fullmatch(r"[vV]\d+", label) or (label.startswith("{") and _segment_versioned(label, rx, variables)):
                return True
    path = re.split(r"[?#]", path, maxsplit=1)[0]
    return any(_segment_versioned(seg, rx, variables) for seg in path.split("/") if seg)


def _variables(server: dict[str, Any]) -> dict[str, Any]:
    variables = server.get("variables")
    return variables if isinstance(variables, dict) else {}


def _name_matches(name: str, patterns: list[str]) -> bool:
    low = name.lower()
    for p in patterns:
        p = p.lower()
        if p.startswith("*") and low.endswith(p[1:]) or low == p:
            return True
    return False


@rule(
    code="OAS508",
    name="api-version-visible",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="scale-ready",
    category="scale",
    options={"pattern": VERSION_PATTERN, "params": VERSION_PARAMS, "unversioned_paths": UNVERSIONED_PATHS},
)
def api_version_visible(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The API version should be visible in its server URLs, its paths, or a version parameter.

    ## What it does
    An operation under `paths` is *versioned* when one of these shows a
    version (`v1`, `v2.1`, `v1beta1`, `2024-01-01`, `v2024-01-01`, or a bare
    number as in `/rest/api/2`):

    - every server URL in force for it (its own `servers`, else its path
      item's, else the document's; in OpenAPI 2.0 `basePath`) — a path
      segment, a host label such as `v2.api.example.org`, or a server variable
      named `*version*` or whose default is a version;
    - a segment of its path (`/v1/pets`, `/api-v2/pets`);
    - a header or query parameter named in `params` (`api-version`,
      `x-api-version`, or any `*-api-version`).

    When no operation is versioned the rule reports once, at the servers
    (2.0: `basePath` or `host`). When some are and some are not, it reports
    each path whose operations are not, except `unversioned_paths` (health
    checks, `/.well-known/…`).

    ## Why is this bad?
    Growth brings breaking changes: new required fields, split resources,
    changed semantics. Without a version in the contract, the only way to
    ship one is to break every client at once. A visible version lets the
    old and the new contract run side by side — routed by a gateway on the
    path or header — while clients migrate at their own pace, and lets
    clients, logs and metrics say which contract a request used.

    ## Example
    ```yaml
    servers:
      - url: https://api.example.org
    paths:
      /pets:
        get: {responses: {'200': {description: Pets}}}
    ```

    ## Use instead
    ```yaml
    servers:
      - url: https://api.example.org/v1
    paths:
      /pets:
        get: {responses: {'200': {description: Pets}}}
    ```

    ## Options
    - `pattern` (default `v1`-, `v1.2`-, `v1beta1`-, date- and number-like
      segments): a regular expression a path segment or host label must match in full.
    - `params` (default `api-version`, `x-api-version`, `*-api-version`):
      header or query parameters that select the version (a leading `*`
      matches any prefix; names compare case-insensitively).
    - `unversioned_paths` (default `/`, `/health`, `/healthz`, `/ping`,
      `/status`, `/version`, `/versions`, `/.well-known/**`): path globs that
      may stay unversioned.

    ## References
    - https://spec.openapis.org/oas/v3.1.0#server-object
    - https://google.aip.dev/185 (API versioning)
    """
    raw = ctx.options.get("pattern", VERSION_PATTERN)
    try:
        rx = re.compile(raw if isinstance(raw, str) else VERSION_PATTERN)
    except re.error:
        rx = re.compile(VERSION_PATTERN)
    version_params = names_option(ctx, "params", VERSION_PARAMS)
    exempt = names_option(ctx, "unversioned_paths", UNVERSIONED_PATHS)
    data = ctx.data if isinstance(ctx.data, dict) else {}
    ops = [op for op in ctx.nodes[OPERATION] if served(op)]
    if not ops:
        return

    def servers_of(node: Any) -> list[dict[str, Any]] | None:
        servers = node.get("servers") if isinstance(node, dict) else None
        if isinstance(servers, list) and servers:
            return [s for s in servers if isinstance(s, dict) and isinstance(s.get("url"), str)]
        return None

    def versioned(op: Node) -> bool:
        if url_versioned(op.path, rx):
            return True
        if is_oas2(ctx.version):
            base = data.get("basePath")
            if isinstance(base, str) and url_versioned(base, rx):
                return True
        else:
            item = op.parent.value if op.parent is not None else None
            servers = servers_of(op.value) or servers_of(item) or servers_of(data) or []
            if servers and all(url_versioned(s["url"], rx, _variables(s)) for s in servers):
                return True
        for p in params(ctx, op):
            name = p.value.get("name")
            if p.value.get("in") in ("header", "query") and isinstance(name, str):
                if _name_matches(name, version_params):
                    return True
        return False

    unversioned = [op for op in ops if not versioned(op)]
    if not unversioned:
        return
    if len(unversioned) < len(ops):
        reported: set[str] = set()
        for op in unversioned:
            path = op.path
            if path in reported or any(glob_match(g, path) for g in exempt):
                continue
            reported.add(path)
            yield Finding(
                ctx.doc,
                join("/paths", path),
                f"path `{path}` shows no API version while other paths do; put it under the versioned prefix "
                "(or list it in the rule's `unversioned_paths`) so it can evolve with the rest",
            )
        return
    shown = f" ({quote_names(version_params, 3)})"
    if is_oas2(ctx.version):
        where = "/basePath" if "basePath" in data else "/host" if "host" in data else ""
        subject = f"basePath `{data.get('basePath', '')}`" if "basePath" in data else "the API's basePath"
    else:
        servers = servers_of(data)
        if servers:
            where = "/servers/0/url" if len(servers) == 1 else "/servers"
            subject = "server URL " + quote_names([s["url"] for s in servers], 2)
        else:
            where, subject = "/paths" if "paths" in data else "", "the API's servers"
    yield Finding(
        ctx.doc,
        where,
        f"the API shows no version: not in {subject}, not in its paths, and no operation takes a version "
        f"parameter{shown}; add one (e.g. `/v1` or `/2024-01-01` in the server URL) so a second version "
        "can run beside the first",
    )
