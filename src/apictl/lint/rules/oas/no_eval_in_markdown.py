from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas.no_script_tags_in_markdown import text_fields_matching
from apictl.specs.openapi.model import Node

EVAL = re.compile(r"\beval\s*\(")
_PREFILTER = re.compile(r"eval\s*\(")  # no leading \b: lets the regex engine search for the literal


@rule(
    code="OAS304",
    name="no-eval-in-markdown",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="security",
    spectral=("no-eval-in-markdown",),
)
def no_eval_in_markdown(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Descriptions and titles must not contain `eval(`.

    ## What it does
    Reports every `description` or `title` (of the info object, operations,
    parameters, schemas, tags… in any file of the API) that contains a call
    to `eval(`.

    ## Why is this bad?
    Descriptions are rendered as HTML by documentation portals; JavaScript
    that evaluates strings is a classic injection vector, and has no place in
    API documentation.

    ## Example
    ```yaml
    description: <img src=x onerror="eval(atob('…'))">
    ```

    ## Use instead
    ```yaml
    description: Returns the pets of the current user.
    ```

    ## References
    - https://owasp.org/www-community/attacks/xss/
    """
    for doc, pointer, field, match in text_fields_matching(ctx, EVAL, _PREFILTER):
        yield Finding(
            doc, pointer, f"`{field}` contains `{match}`, which documentation renderers may execute; remove it"
        )
