"""Bodies compared by content type: JSON, XML, form-encoded, text, bytes.

An expected body that is missing matches anything; an expected empty or null
body matches only no body; a present one needs a body of the same content
type, then the comparator for that type decides."""

from __future__ import annotations

from urllib.parse import parse_qsl

from apictl.contract.body import EMPTY, MISSING, NULL, PRESENT, Body, base_type, is_json, is_text, is_xml
from apictl.contract.matching.context import MatchContext
from apictl.contract.matching.json_body import compare_json
from apictl.contract.matching.mismatch import BODY, BODY_TYPE, Mismatch
from apictl.contract.matching.values import check_all
from apictl.contract.rules import RuleList


def compare_bodies(expected: Body, actual: Body, ctx: MatchContext, kind: str = BODY) -> list[Mismatch]:
    if expected.state == MISSING:
        return []
    if expected.state in (NULL, EMPTY):
        if actual.state == PRESENT:
            return [
                Mismatch(kind, "$", None, actual.display(), f"Expected an empty body but received '{actual.display()}'")
            ]
        return []
    if actual.state != PRESENT:
        word = "missing" if actual.state == MISSING else "empty"
        return [Mismatch(kind, "$", expected.display(), None, f"Expected body '{expected.display()}' but was {word}")]
    if not _same_type(expected.content_type, actual.content_type):
        message = (
            f"Expected a body of '{base_type(expected.content_type)}' "
            f"but the actual content type was '{base_type(actual.content_type)}'"
        )
        return [Mismatch(BODY_TYPE, "", expected.content_type, actual.content_type, message)]
    content_type = expected.content_type or actual.content_type
    if is_json(content_type):
        for side, body in (("expected", expected), ("actual", actual)):
            try:
                body.json_value()
            except ValueError as exc:
                message = f"Failed to parse the {side} body: {exc}"
                return [Mismatch(kind, "$", expected.display(), actual.display(), message)]
        return compare_json(expected.json_value(), actual.json_value(), ctx, kind)
    if is_xml(content_type):
        from apictl.contract.matching.xml_body import compare_xml  # XML bodies are rare: ElementTree stays unloaded

        return compare_xml(expected.text(), actual.text(), ctx)
    if base_type(content_type) == "application/x-www-form-urlencoded":
        return _compare_form(expected.text(), actual.text(), ctx)
    if is_text(content_type) or not content_type:
        return _compare_whole(expected.text(), actual.text(), ctx, kind, textual=True)
    return _compare_bytes(expected, actual, ctx, kind)


def _same_type(expected: str, actual: str) -> bool:
    if not expected or not actual:
        return True
    a, b = base_type(expected), base_type(actual)
    return a == b or (is_json(a) and is_json(b)) or (is_xml(a) and is_xml(b))


def _compare_whole(expected: str, actual: str, ctx: MatchContext, kind: str, textual: bool) -> list[Mismatch]:
    selected = ctx.best(("$",))
    if selected is None:
        if expected == actual:
            return []
        return [Mismatch(kind, "$", expected, actual, f"Expected body '{expected}' to match '{actual}' using equality")]
    problems = check_all(selected.matchers, selected.rules.combine, expected, actual, textual=textual)
    return [Mismatch(kind, "$", expected, actual, p) for p in problems]


def _compare_bytes(expected: Body, actual: Body, ctx: MatchContext, kind: str) -> list[Mismatch]:
    selected = ctx.best(("$",))
    if selected is None:
        if expected.raw == actual.raw:
            return []
        size = f"{len(actual.raw)} bytes"
        return [Mismatch(kind, "$", expected.display(), size, "Actual body does not equal the expected bytes")]
    problems = check_all(selected.matchers, selected.rules.combine, expected.raw, actual.raw)
    return [Mismatch(kind, "$", expected.display(), actual.display(), p) for p in problems]


def _compare_form(expected: str, actual: str, ctx: MatchContext) -> list[Mismatch]:
    """Form bodies compare like query strings, with body rules at `$.name`."""
    from apictl.contract.matching.params import compare_params

    want = _form(expected)
    got = _form(actual)
    rules: dict[str, RuleList] = {}
    for key, rule_list in ctx.rules.items():
        name = key[2:] if key.startswith("$.") else key
        rules[name] = rule_list
    return compare_params(want, got, rules, BODY, allow_unexpected=ctx.allow_unexpected_keys)


def _form(text: str) -> dict[str, list[str | None]]:
    out: dict[str, list[str | None]] = {}
    for name, value in parse_qsl(text, keep_blank_values=True):
        out.setdefault(name, []).append(value)
    return out
