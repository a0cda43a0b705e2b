from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import require_text
from apictl.specs.openapi.model import Node


@rule(
    code="OAS411",
    name="tag-description",
    on="Tag",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="docs",
    spectral=("tag-description",),
    redocly=("tag-description",),
)
def tag_description(tag: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Every tag in the top-level `tags` list should have a non-empty `description`.

    ## What it does
    Reports a Tag Object without a `description`, or whose `description` is
    empty or only whitespace.

    ## Why is this bad?
    Documentation tools show the tag's description at the top of its group.
    A tag name is a business term ("Accounts", "Mandates") that is obvious to
    its authors and not to readers: is an account a login, a customer or a
    ledger?

    ## Example
    ```yaml
    tags:
      - name: Mandates
    ```

    ## Use instead
    ```yaml
    tags:
      - name: Mandates
        description: Authorisations a customer gives you to debit their bank account.
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#tag-object
    - https://redocly.com/docs/cli/rules/oas/tag-description
    """
    name = tag.get("name")
    what = f"tag `{name}`" if isinstance(name, str) else "tag"
    yield from require_text(
        tag,
        "description",
        f"{what} has no `description`; explain what the operations in this group are about",
        f"{what} has an empty `description`; explain what the operations in this group are about",
    )
