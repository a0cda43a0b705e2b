from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from apictl.core.pointer import join
from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node

_FIELDS = ("description", "title")
SCRIPT = re.compile(r"<script", re.IGNORECASE)


def text_fields_matching(
    ctx: RuleContext, pattern: re.Pattern[str], prefilter: re.Pattern[str] | None = None
) -> Iterator[tuple[Any, str, str, str]]:
    """(document, pointer, field name, matched text) of every `description` or
    `title` string, in any file of the API, that `pattern` matches. The raw
    text of each file is searched first (with `prefilter`, a fast pattern that
    matches wherever `pattern` does; by default `pattern` itself), so files
    without a match cost one scan."""
    for doc in list(ctx.ws.docs.values()):
        if not (prefilter or pattern).search(doc.text):
            continue
        stack: list[tuple[Any, str]] = [(doc.data, "")]
        while stack:
            value, pointer = stack.pop()
            if isinstance(value, dict):
                for key, child in value.items():
                    if key in _FIELDS and isinstance(child, str):
                        m = pattern.search(child)
                        if m is not None:
                            yield doc, join(pointer, key), key, m.group(0)
                    elif isinstance(child, (dict, list)):
                        stack.append((child, join(pointer, key)))
            elif isinstance(value, list):
                for i, child in enumerate(value):
                    if isinstance(child, (dict, list)):
                        stack.append((child, join(pointer, i)))


@rule(
    code="OAS303",
    name="no-script-tags-in-markdown",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="security",
    spectral=("no-script-tags-in-markdown",),
    redocly=("no-unsafe-markdown",),
)
def no_script_tags_in_markdown(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Descriptions and titles must not contain `<script>` tags.

    ## What it does
    Reports every `description` or `title` (of the info object, operations,
    parameters, schemas, tags… in any file of the API) that contains
    `<script` (in any letter case).

    ## Why is this bad?
    Descriptions are Markdown that documentation portals render as HTML. A
    script tag there runs in the browser of everyone reading the docs — a
    cross-site scripting hole if the description comes from an untrusted
    contributor, and at best a renderer-dependent surprise.

    ## Example
    ```yaml
    info:
      description: Welcome! <script>track()</script>
    ```

    ## Use instead
    ```yaml
    info:
      description: Welcome!
    ```

    ## References
    - https://owasp.org/www-community/attacks/xss/
    """
    for doc, pointer, field, _match in text_fields_matching(ctx, SCRIPT):
        yield Finding(
            doc,
            pointer,
            f"`{field}` contains a `<script>` tag, which documentation renderers may "
            "execute; remove it (show markup in a code block instead)",
        )
