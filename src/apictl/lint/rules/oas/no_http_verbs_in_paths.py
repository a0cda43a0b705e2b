from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import TEMPLATE, path_keys, quote_list
from apictl.specs.openapi.model import HTTP_METHODS, Node

_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_VERBS = frozenset(HTTP_METHODS)


@rule(
    code="OAS218",
    name="no-http-verbs-in-paths",
    on="Paths",
    severity="warn",
    formats=ALL,
    preset="all",
    category="naming",
    redocly=("no-http-verbs-in-paths",),
)
def no_http_verbs_in_paths(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Paths should name resources, not HTTP methods.

    ## What it does
    Reports each path with a word that is an HTTP method (`get`, `put`,
    `post`, `delete`, `options`, `head`, `patch`, `trace`) in one of its
    literal segments. Segments are split into words at `-`, `_`, `.` and
    camelCase boundaries, so `/getPets` and `/pets/delete-all` are reported
    but `/widgets` and `/targets` are not. Template variables are ignored.

    ## Why is this bad?
    The HTTP method already says what an operation does; a verb in the path
    (`POST /createPet`, `GET /getPets`) duplicates it, invites RPC-style
    paths that cannot be combined with other methods, and makes the API
    inconsistent.

    ## Example
    ```yaml
    paths:
      /getPets:
        get: ...
      /pets/{id}/delete:
        post: ...
    ```

    ## Use instead
    ```yaml
    paths:
      /pets:
        get: ...
      /pets/{id}:
        delete: ...
    ```

    ## References
    - https://redocly.com/docs/cli/rules/oas/no-http-verbs-in-paths
    """
    for key in path_keys(paths.value):
        found: list[str] = []
        for segment in TEMPLATE.sub("/", key).split("/"):
            for word in _WORDS.findall(segment):
                verb = word.lower()
                if verb in _VERBS and verb not in found:
                    found.append(verb)
        if found:
            noun = "an HTTP method" if len(found) == 1 else "HTTP methods"
            yield paths.report(
                f"path `{key}` contains {noun} ({quote_list(found)}); name the resource in the path and "
                "let the operation's method say what is done to it",
                key,
            )
