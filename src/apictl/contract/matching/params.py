"""Name -> values maps (query parameters, form bodies) compared as Pact does:
every expected parameter must arrive with the same values in the same order
(or satisfy its rule: `q` for all values, `q[1]` for one), and, in requests,
no unexpected parameter may arrive."""

from __future__ import annotations

from apictl.contract.matching import docpath
from apictl.contract.matching.mismatch import QUERY, Mismatch
from apictl.contract.matching.values import check_all
from apictl.contract.rules import RuleList

Params = dict[str, list[str | None]]


def _rule_index(rules: dict[str, RuleList]) -> dict[tuple[str, int | None], RuleList]:
    """Rule keys as (name, index): `q`, `$.q`, `$['q']` -> ("q", None); `q[1]` -> ("q", 1)."""
    out: dict[tuple[str, int | None], RuleList] = {}
    for key, rule_list in rules.items():
        try:
            tokens = docpath.parse(key)
        except docpath.PathError:
            out[(key, None)] = rule_list
            continue
        if len(tokens) >= 2 and tokens[1].kind == docpath.FIELD:
            index = int(tokens[2].value) if len(tokens) > 2 and tokens[2].kind == docpath.INDEX else None
            out[(tokens[1].value, index)] = rule_list
        else:
            out[(key, None)] = rule_list
    return out


def compare_params(
    expected: Params | None,
    actual: Params | None,
    rules: dict[str, RuleList],
    kind: str = QUERY,
    allow_unexpected: bool = False,
) -> list[Mismatch]:
    want = expected or {}
    got = actual or {}
    index = _rule_index(rules)
    what = "query parameter" if kind == QUERY else "form parameter"
    out: list[Mismatch] = []
    for name, values in want.items():
        if name not in got:
            out.append(Mismatch(kind, name, values, None, f"Expected {what} '{name}' but was missing"))
            continue
        out.extend(_compare_values(name, values, got[name], index, kind, what))
    if not allow_unexpected:
        for name, values in got.items():
            if name not in want:
                out.append(Mismatch(kind, name, None, values, f"Unexpected {what} '{name}' received"))
    return out


def _compare_values(
    name: str,
    expected: list[str | None],
    actual: list[str | None],
    index: dict[tuple[str, int | None], RuleList],
    kind: str,
    what: str,
) -> list[Mismatch]:
    out: list[Mismatch] = []
    rule = index.get((name, None))
    if rule is not None:
        for matcher in rule.matchers:
            if matcher["match"] == "type":
                size = len(actual)
                if "min" in matcher and size < matcher["min"]:
                    message = f"Expected {what} '{name}' to have at least {matcher['min']} value(s), got {size}"
                    out.append(Mismatch(kind, name, expected, actual, message))
                if "max" in matcher and size > matcher["max"]:
                    message = f"Expected {what} '{name}' to have at most {matcher['max']} value(s), got {size}"
                    out.append(Mismatch(kind, name, expected, actual, message))
    elif not expected and actual:
        return [Mismatch(kind, name, expected, actual, f"Expected an empty parameter list for '{name}'")]
    elif len(expected) != len(actual):
        message = f"Expected {what} '{name}' with {len(expected)} value(s) but received {len(actual)} value(s)"
        out.append(Mismatch(kind, name, expected, actual, message))
    for i, value in enumerate(actual):
        if i >= len(expected) and rule is None:
            break
        want = expected[i] if i < len(expected) else (expected[0] if expected else None)
        selected = index.get((name, i)) or rule
        if selected is None:
            if want != value:
                message = f"Expected '{want}' but received '{value}' for {what} '{name}'"
                out.append(Mismatch(kind, name, want, value, message))
            continue
        for problem in check_all(selected.matchers, selected.combine, want or "", value or "", textual=True):
            out.append(Mismatch(kind, name, want, value, f"{what} '{name}': {problem}"))
    return out
