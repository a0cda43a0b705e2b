from __future__ import annotations

import re
from collections.abc import Iterator

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import path_keys
from apictl.specs.openapi.model import Node

# Nouns whose plural is the same word, or that have no plural; never reported.
_UNCOUNTABLE = frozenset(
    (
        "aircraft analytics audio billing cash chassis commerce content data equipment evidence feedback "
        "firmware fish hardware health information inventory jeans media metadata money music news "
        "personnel police research series sheep software species staff traffic"
    ).split()
)
_IRREGULAR_PLURALS = frozenset(
    "people children men women feet teeth mice geese criteria phenomena indices matrices vertices".split()
)
_NOT_PLURAL_S = re.compile(r"(?:ss|us|is|ics)$")  # class, status, analysis: singular words ending in s
_VERSION = re.compile(r"^v\d+(?:\.\d+)*$", re.IGNORECASE)


def is_plural(segment: str) -> bool:
    """A heuristic for English path segments: the last word (after `-`, `_`,
    `.` or a lower-to-upper case change) ends in `s` (but not `ss`/`us`/`is`),
    is an irregular plural, or is uncountable."""
    words = re.split(r"[-_.]|(?<=[a-z0-9])(?=[A-Z])", segment)
    word = next((w for w in reversed(words) if w), "").lower()
    if not word or not word.isalpha():
        return True  # digits, ids, file names: not a noun to judge
    if word in _UNCOUNTABLE or word in _IRREGULAR_PLURALS:
        return True
    return word.endswith("s") and not _NOT_PLURAL_S.search(word)


@rule(
    code="OAS108",
    name="path-segment-plural",
    on="Root",
    severity="warn",
    formats=ALL,
    preset="all",
    category="naming",
    redocly=("path-segment-plural",),
    options={"ignore_last_segment": False, "exceptions": []},
)
def path_segment_plural(root: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Path segments that name resources should be plural nouns: `/pets/{id}`, not `/pet/{id}`.

    ## What it does
    Reports each path whose static segments (not `{variables}`) include a
    singular noun, naming the segments. A segment counts as plural when its
    last word (after `-`, `_` or a camelCase boundary) ends in `s` (but not
    `ss`, `us` or `is`), is an irregular plural (`people`, `children`) or is
    an uncountable noun (`data`, `health`, `metadata`). Version segments
    (`v1`, `v2.1`) and segments that are not words are not judged.

    This is a heuristic for English: list the words it gets wrong under
    `exceptions`. Redocly's rule uses a full English inflection library and
    also reports version segments and uncountable nouns; this one reports
    each path once, listing all its singular segments.

    ## Why is this bad?
    A collection is addressed by its plural name and a member by the
    collection plus an id (`/pets`, `/pets/{id}`). Mixing `/pet/{id}` and
    `/pets` makes clients guess the spelling of every endpoint.

    ## Example
    ```yaml
    paths:
      /pet/{petId}/toy: {...}
    ```

    ## Use instead
    ```yaml
    paths:
      /pets/{petId}/toys: {...}
    ```

    ## Options
    - `ignore_last_segment` (default `false`): do not judge the last
      segment (for paths ending in an action or a singleton, like `/me`).
    - `exceptions` (default `[]`): segments never reported, e.g. `["me",
      "search"]`.

    ## References
    - https://redocly.com/docs/cli/rules/oas/path-segment-plural
    """
    paths = root.get("paths")
    ignore_last = ctx.options.get("ignore_last_segment") is True
    raw = ctx.options.get("exceptions", [])
    exceptions = {e for e in raw if isinstance(e, str)} if isinstance(raw, list) else set()
    for key in path_keys(paths):
        if not key.startswith("/"):
            continue
        segments = key.split("/")[1:]
        if ignore_last and segments:
            segments = segments[:-1]
        singular = [
            s
            for s in segments
            if s
            and not (s.startswith("{") and s.endswith("}"))
            and s not in exceptions
            and not _VERSION.match(s)
            and not is_plural(s)
        ]
        if singular:
            listed = ", ".join(f"`{s}`" for s in dict.fromkeys(singular))
            noun = "segment" if len(set(singular)) == 1 else "segments"
            yield root.report(
                f"path `{key}` has singular {noun} {listed}; name collections in the plural "
                "(or list the word under the rule's `exceptions`)",
                "paths",
                key,
            )
