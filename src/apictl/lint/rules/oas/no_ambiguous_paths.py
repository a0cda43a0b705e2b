from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from apictl.core.registry import Finding, rule
from apictl.lint.context import RuleContext
from apictl.lint.rules.oas import ALL
from apictl.lint.rules.oas._paths_helpers import TEMPLATE, normalise, path_keys
from apictl.specs.openapi.model import Node


@dataclass(slots=True)
class _Trie:
    literal: dict[str, _Trie] = field(default_factory=dict)  # literal segment -> subtree
    templated: dict[str, _Trie] = field(default_factory=dict)  # normalised `{}` / `v{}.json` segment -> subtree
    ends: list[int] = field(default_factory=list)  # indexes of the paths ending here


@lru_cache(maxsize=4096)
def _pattern(segment: str) -> re.Pattern[str]:
    """A templated segment as a regex over one concrete segment."""
    parts = TEMPLATE.split(segment)  # literal, name, literal, name, ..., literal
    return re.compile("".join(re.escape(p) if i % 2 == 0 else "[^/]+" for i, p in enumerate(parts)))


def _is_var(seg: str) -> bool:
    return seg == "{}"  # segments are normalised: a whole-segment variable is `{}`


def _overlap(a: str, b: str) -> bool:
    """Can one concrete segment match both (normalised) segments?"""
    if a == "{}" or b == "{}":
        return a != "" and b != ""
    a_t, b_t = "{" in a, "{" in b
    if not a_t and not b_t:
        return a == b
    if not a_t:
        return _pattern(b).fullmatch(a) is not None
    if not b_t:
        return _pattern(a).fullmatch(b) is not None
    # Two partially templated segments: compatible literal prefixes and suffixes.
    pa, pb = a[: a.index("{")], b[: b.index("{")]
    sa, sb = a[a.rindex("}") + 1 :], b[b.rindex("}") + 1 :]
    return (pa.startswith(pb) or pb.startswith(pa)) and (sa.endswith(sb) or sb.endswith(sa))


def _covers(general: str, specific: str) -> bool:
    """Does every concrete segment matching `specific` match `general`?"""
    if general == specific:
        return True
    if "{" not in general:
        return False
    if _is_var(general):
        return specific != ""
    if "{" not in specific:
        return _pattern(general).fullmatch(specific) is not None
    if general.count("{") != 1:
        return True  # undecided: assume it does, so as not to report a clash that may not exist
    # `{}.json` covers `v{}.json`: a one-variable segment whose literal prefix and
    # suffix are contained in the other's.
    prefix, suffix = general.split("{}")
    return specific[: specific.index("{")].startswith(prefix) and specific[specific.rindex("}") + 1 :].endswith(suffix)


def _ambiguous(a: list[str], b: list[str]) -> bool:
    if not all(_overlap(x, y) for x, y in zip(a, b, strict=True)):
        return False
    a_covers_b = all(_covers(x, y) for x, y in zip(a, b, strict=True))
    b_covers_a = all(_covers(y, x) for x, y in zip(a, b, strict=True))
    return not a_covers_b and not b_covers_a


def _both(x: str, y: str) -> str | None:
    """A concrete segment matching two partially templated ones, if a simple one exists."""
    for first, second in ((x, y), (y, x)):
        for word in [*re.findall(r"[A-Za-z0-9_]+", TEMPLATE.sub(" ", second)), "x"]:
            candidate = TEMPLATE.sub(word, first)
            if _pattern(second).fullmatch(candidate):
                return candidate
    return None


def _example(a: list[str], b: list[str], raw_a: list[str]) -> str:
    """A concrete-looking path that matches both templates."""
    out = []
    for x, y, raw in zip(a, b, raw_a, strict=True):
        if "{" not in x or "{" not in y:
            out.append(x if "{" not in x else y)
        elif _is_var(x) and _is_var(y):
            out.append(raw)
        elif _is_var(x) or _is_var(y):
            out.append(y if _is_var(x) else raw)  # the partially templated one
        else:
            out.append(_both(x, y) or raw)
    return "/".join(out)


def _candidates(node: _Trie, segs: list[str], i: int, out: list[int]) -> None:
    if i == len(segs):
        out.extend(node.ends)
        return
    seg = segs[i]
    if "{" not in seg:
        child = node.literal.get(seg)
        if child is not None:
            _candidates(child, segs, i + 1, out)
    else:
        for lit, child in node.literal.items():
            if _overlap(seg, lit):
                _candidates(child, segs, i + 1, out)
    for tmpl, child in node.templated.items():
        if _overlap(seg, tmpl):
            _candidates(child, segs, i + 1, out)


@rule(
    code="OAS206",
    name="no-ambiguous-paths",
    on="Paths",
    severity="warn",
    formats=ALL,
    preset="recommended",
    category="correctness",
    redocly=("no-ambiguous-paths",),
)
def no_ambiguous_paths(paths: Node, ctx: RuleContext) -> Iterator[Finding]:
    """Two paths should not both match a request unless one is more specific.

    ## What it does
    Reports a path when some request URL matches both it and an earlier path,
    and neither of the two is more specific than the other: `/{entity}/me`
    and `/books/{id}` both match `/books/me`, while `/books/{id}` and
    `/books/latest` are fine (a concrete segment wins over a variable). Paths
    that differ only in variable names are left to `no-identical-paths`. Each
    path is reported once, on its key, with the first earlier path it clashes
    with and a URL that matches both.

    ## Why is this bad?
    A router has no rule to choose between such paths; servers, gateways,
    mock servers and client SDKs each pick one by their own order, so the
    same request can reach different operations depending on the tool.

    ## Example
    ```yaml
    paths:
      /{entity}/me: ...
      /books/{id}: ...
    ```

    ## Use instead
    ```yaml
    paths:
      /users/me: ...
      /books/{id}: ...
    ```

    ## References
    - https://spec.openapis.org/oas/v3.1.0#paths-object
    - https://redocly.com/docs/cli/rules/oas/no-ambiguous-paths
    """
    keys = list(path_keys(paths.value))
    split = [normalise(k).split("/") for k in keys]
    tries: dict[int, _Trie] = {}
    for index, segs in enumerate(split):
        trie = tries.setdefault(len(segs), _Trie())
        found: list[int] = []
        _candidates(trie, segs, 0, found)
        clash = min((j for j in found if _ambiguous(split[j], segs)), default=None)
        if clash is not None:
            raw = keys[clash].split("/")
            example = _example(split[clash], segs, raw if len(raw) == len(segs) else split[clash])
            yield paths.report(
                f"path `{keys[index]}` is ambiguous with `{keys[clash]}`: a request for `{example}` "
                "matches both and neither is more specific; make one of them more specific",
                keys[index],
            )
        node = trie
        for seg in segs:
            table = node.templated if "{" in seg else node.literal
            node = table.setdefault(seg, _Trie())
        node.ends.append(index)
