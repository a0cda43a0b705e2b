from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.specs.openapi.model import Node

_TEMPLATE = re.compile(r"\{[^{}]*\}")
_KEBAB = re.compile(r"[a-z0-9.\-]*")
_WORD_BREAK = (re.compile(r"([a-z0-9])([A-Z])"), re.compile(r"([A-Z]+)([A-Z][a-z])"))


def _literal_ok(segment: str) -> bool:
    """The segment, template expressions removed, uses lower case, digits, `-` and `.`."""
    return _KEBAB.fullmatch(_TEMPLATE.sub("", segment)) is not None


def _to_kebab(segment: str) -> str:
    parts = re.split(r"(\{[^{}]*\})", segment)
    out = []
    for part in parts:
        if part.startswith("{") and part.endswith("}"):
            out.append(part)
            continue
        for rx in _WORD_BREAK:
            part = rx.sub(r"\1-\2", part)
        out.append(re.sub(r"[_\s]+", "-", part).lower())
    return "".join(out)


@rule(
    code="OAS101",
    name="paths-kebab-case",
    on="Paths",
    severity="warn",
    formats=ALL,
    preset="all",
    category="naming",
    redocly=("paths-kebab-case",),
)
def paths_kebab_case(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Path segments should be kebab-case: lower-case words separated by hyphens.

    ## What it does
    Reports each path whose literal segments use anything but lower-case
    letters, digits, `-` and `.`: `camelCase`, `PascalCase`, `snake_case`,
    spaces or other punctuation. Path templates (`{petId}`) are ignored, also
    inside a segment (`{name}.json`), and so are empty segments. The message
    suggests the kebab-case spelling.

    Redocly's rule rejects a segment that mixes a template with literal text
    (`{name}.json`); this one checks only the literal part.

    ## Why is this bad?
    URLs are case-sensitive, and an API that mixes `/userAccounts`,
    `/user_groups` and `/Orders` makes clients guess. Kebab-case is the most
    common convention for URL paths (and what search engines and most style
    guides recommend); one convention, applied everywhere, keeps the API
    predictable.

    ## Example
    ```yaml
    paths:
      /userAccounts/{accountId}/payment_methods:
        get: ...
    ```

    ## Use instead
    ```yaml
    paths:
      /user-accounts/{accountId}/payment-methods:
        get: ...
    ```

    ## References
    - https://redocly.com/docs/cli/rules/oas/paths-kebab-case
    """
    if not isinstance(paths.value, dict):
        return
    for path in paths.value:
        if not isinstance(path, str) or path.startswith("x-"):
            continue
        segments = path.split("/")
        bad = [s for s in segments if s and not _literal_ok(s)]
        if not bad:
            continue
        listed = ", ".join(f"`{s}`" for s in bad)
        fixed = "/".join(_to_kebab(s) if s in bad else s for s in segments)
        hint = "; use lower-case words separated by hyphens"
        if all(_literal_ok(s) for s in fixed.split("/")):
            hint += f": `{fixed}`"
        yield paths.report(f"path `{path}` is not kebab-case ({listed}){hint}", path)
