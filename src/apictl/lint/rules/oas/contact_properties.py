from __future__ import annotations

from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._docs_helpers import BLANK, MISSING, text_state
from apictl.specs.openapi.model import Node

_FIELDS = ("name", "url", "email")


@rule(
    code="OAS405",
    name="contact-properties",
    on="Contact",
    severity="warn",
    formats=ALL,
    preset="all",
    category="docs",
    spectral=("contact-properties",),
)
def contact_properties(contact: Node, ctx: RuleContext) -> Iterator[Finding]:
    """The contact object should give a `name`, a `url` and an `email`.

    ## What it does
    Reports a `contact` object that lacks any of `name`, `url` and `email`
    (one finding listing the missing ones), and each of them that is an
    empty string.

    ## Why is this bad?
    A contact is only useful if it says who answers (a team, not a person
    who may leave), where to file issues or read support pages, and where to
    write. Consumers who cannot reach the owner work around problems instead
    of reporting them.

    ## Example
    ```yaml
    info:
      contact:
        name: Pets team
    ```

    ## Use instead
    ```yaml
    info:
      contact:
        name: Pets team
        url: https://support.example.org/pets
        email: pets@example.org
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#contact-object
    - https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules#contact-properties
    """
    if not isinstance(contact.value, dict):
        return
    states = {f: text_state(contact, f) for f in _FIELDS}
    missing = [f"`{f}`" for f in _FIELDS if states[f] == MISSING]
    if missing:
        listed = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
        yield contact.report(
            f"contact object is missing {listed}; give a team name, a support URL and an email address"
        )
    for f in _FIELDS:
        if states[f] == BLANK:
            yield contact.report(f"contact `{f}` is empty; fill it in", f)
