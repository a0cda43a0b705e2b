from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node

# RFC 3986 unreserved and reserved characters: what a URL may hold unescaped.
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]*")
_UNSAFE = re.compile(r"[^A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]")


def _show(ch: str) -> str:
    if ch == " ":
        return "space"
    if ch == "\t":
        return "tab"
    if not ch.isprintable():
        return f"U+{ord(ch):04X}"
    return f"`{ch}`"


@rule(
    code="OAS102",
    name="operation-operationid-url-safe",
    on="Operation",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="naming",
    spectral=("operation-operationId-valid-in-url",),
    redocly=("operation-operationId-url-safe",),
)
def operation_operationid_url_safe(op: Node, ctx: RuleContext) -> Iterator[Finding]:
    """An `operationId` should only use characters that are valid in a URL.

    ## What it does
    Reports an `operationId` holding a character a URL cannot carry unescaped:
    spaces, `{`, `}`, `"`, `<`, `>`, `%`, `\\`, `^`, `` ` ``, `|`, non-ASCII
    letters, control characters. The allowed set is RFC 3986's unreserved and
    reserved characters (letters, digits, `-._~:/?#[]@!$&'()*+,;=`), the same
    as Spectral's and Redocly's rules.

    ## Why is this bad?
    Documentation tools build page anchors and permalinks from operationIds
    (`/docs#operation/listPets`), and code generators turn them into method
    names. A space or brace breaks the link, gets escaped into something
    unreadable, or produces an invalid identifier.

    ## Example
    ```yaml
    paths:
      /pets:
        get:
          operationId: list all pets
    ```

    ## Use instead
    ```yaml
    paths:
      /pets:
        get:
          operationId: listPets
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#operation-object
    - https://www.rfc-editor.org/rfc/rfc3986#section-2
    """
    op_id = op.get("operationId")
    if not isinstance(op_id, str) or _URL_CHARS.fullmatch(op_id):
        return
    bad: list[str] = []
    for ch in _UNSAFE.findall(op_id):
        if ch not in bad:
            bad.append(ch)
    shown = ", ".join(_show(ch) for ch in bad)
    yield op.report(
        f"operationId `{op_id}` contains characters that are not valid in a URL ({shown}); "
        "use letters, digits and `-`, `_`, `.` or `~`",
        "operationId",
    )
