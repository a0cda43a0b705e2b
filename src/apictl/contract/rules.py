"""Matching rules and generators, normalised across Pact versions.

v2 writes matching rules flat, keyed by JSONPaths that name their part
(`$.body.animals[*].name`, `$.headers.Accept`, `$.query.q`, `$.path`); v3 and
v4 group them by category (`body`, `header`, `query`, `path`, `status`,
`metadata`, v4 message `content`), each entry a list of matchers combined with
AND or OR. Both become `MatchingRules`: category -> key -> `RuleList`, where a
body key is a JSONPath from the body root (`$.animals[*].name`), a header or
query key is the name, and `path`/`status` use the key "". Matchers keep
their JSON shape with a canonical `match` name (`{"match": "regex", "regex":
"\\d+"}`), so the matcher code reads one spelling."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from apictl.contract.located import Where
from apictl.contract.regexes import compile_regex
from apictl.core.jsontypes import json_type
from apictl.core.pointer import join

# spelling in pact files -> canonical name
MATCHER_NAMES = {
    "regex": "regex",
    "equality": "equality",
    "include": "include",
    "type": "type",
    "min": "type",
    "max": "type",
    "number": "number",
    "integer": "integer",
    "decimal": "decimal",
    "real": "decimal",
    "timestamp": "timestamp",
    "datetime": "timestamp",
    "date": "date",
    "time": "time",
    "null": "null",
    "boolean": "boolean",
    "values": "values",
    "contentType": "contentType",
    "content-type": "contentType",
    "arrayContains": "arrayContains",
    "array-contains": "arrayContains",
    "eachKey": "eachKey",
    "each-key": "eachKey",
    "eachValue": "eachValue",
    "each-value": "eachValue",
    "statusCode": "statusCode",
    "status-code": "statusCode",
    "notEmpty": "notEmpty",
    "not-empty": "notEmpty",
    "semver": "semver",
}
T = TypeVar("T")

CATEGORIES = {
    "body": "body",
    "content": "body",  # v4 messages
    "header": "header",
    "headers": "header",
    "query": "query",
    "path": "path",
    "status": "status",
    "metadata": "metadata",
    "metaData": "metadata",
}
GENERATOR_TYPES = {
    "RandomInt",
    "RandomDecimal",
    "RandomHexadecimal",
    "RandomString",
    "RandomBoolean",
    "Regex",
    "Uuid",
    "Date",
    "Time",
    "DateTime",
    "ProviderState",
    "MockServerURL",
}


@dataclass(frozen=True, slots=True)
class RuleList:
    """The matchers for one place, and how their results combine."""

    matchers: tuple[dict[str, Any], ...]
    combine: str = "AND"  # "AND" | "OR"
    pointer: str = ""  # where the rules are written in the pact file


@dataclass(slots=True)
class MatchingRules:
    categories: dict[str, dict[str, RuleList]] = field(default_factory=dict)

    def get(self, category: str) -> dict[str, RuleList]:
        return self.categories.get(category, {})

    def __bool__(self) -> bool:
        return any(self.categories.values())

    def items(self) -> Iterator[tuple[str, str, RuleList]]:
        for category, entries in self.categories.items():
            for key, rules in entries.items():
                yield category, key, rules


@dataclass(slots=True)
class Generators:
    """category -> key -> generator (`{"type": "RandomInt", "min": 1, ...}`)."""

    categories: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def get(self, category: str) -> dict[str, dict[str, Any]]:
        return self.categories.get(category, {})

    def __bool__(self) -> bool:
        return any(self.categories.values())


def normalise_matcher(raw: Any, where: Where, pointer: str) -> dict[str, Any]:
    """One matcher with a canonical `match`; v2 matchers may leave `match` out."""
    if not isinstance(raw, dict):
        raise where.error(pointer, f"a matcher must be an object, got {_kind(raw)}")
    name = raw.get("match")
    if name is None:
        for key in ("regex", "min", "max", "timestamp", "date", "time"):
            if key in raw:
                name = "type" if key in ("min", "max") else key
                break
        else:
            raise where.error(pointer, "matcher has no 'match' field and its type cannot be guessed")
    if not isinstance(name, str) or name not in MATCHER_NAMES:
        known = ", ".join(sorted(set(MATCHER_NAMES.values())))
        raise where.error(pointer, f"unknown matcher {name!r} (known: {known})")
    out = dict(raw)
    canonical = MATCHER_NAMES[name]
    out["match"] = canonical
    if canonical == "regex":
        regex = out.get("regex")
        if not isinstance(regex, str):
            raise where.error(pointer, "a regex matcher needs a 'regex' string")
        try:
            compile_regex(regex)
        except re.error as exc:
            raise where.error(join(pointer, "regex"), f"invalid regular expression {regex!r}: {exc}") from None
    if canonical == "arrayContains":
        out["_variants"] = _variants(out.get("variants"), where, join(pointer, "variants"))
    if canonical in ("eachKey", "eachValue"):
        inner = out.get("rules", [])
        if not isinstance(inner, list):
            raise where.error(join(pointer, "rules"), f"'{canonical}' needs a list of 'rules'")
        out["_rules"] = tuple(normalise_matcher(m, where, join(pointer, "rules", i)) for i, m in enumerate(inner))
    for bound in ("min", "max"):
        if bound in out and (not isinstance(out[bound], int) or isinstance(out[bound], bool) or out[bound] < 0):
            raise where.error(join(pointer, bound), f"'{bound}' must be a non-negative integer, got {out[bound]!r}")
    return out


def _variants(raw: Any, where: Where, pointer: str) -> tuple[tuple[int, dict[str, RuleList]], ...]:
    """arrayContains variants: (index of the expected item, rules relative to the item)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise where.error(pointer, "arrayContains 'variants' must be a list")
    out = []
    for i, variant in enumerate(raw):
        at = join(pointer, i)
        if not isinstance(variant, dict) or not isinstance(variant.get("index"), int):
            raise where.error(at, "an arrayContains variant needs an integer 'index'")
        rules = variant.get("rules") or {}
        if not isinstance(rules, dict):
            raise where.error(join(at, "rules"), "variant 'rules' must be an object")
        parsed = {
            (key if key.startswith("$") else "$." + key): _rule_list(value, where, join(at, "rules", key))
            for key, value in rules.items()
        }
        out.append((variant["index"], parsed))
    return tuple(out)


def _rule_list(raw: Any, where: Where, pointer: str) -> RuleList:
    """v3/v4: `{"matchers": [...], "combine": "AND"}`; v2: one matcher object."""
    if not isinstance(raw, dict):
        raise where.error(pointer, f"matching rules must be an object, got {_kind(raw)}")
    if "matchers" not in raw:
        return RuleList((normalise_matcher(raw, where, pointer),), "AND", pointer)
    matchers = raw["matchers"]
    if not isinstance(matchers, list):
        raise where.error(join(pointer, "matchers"), f"'matchers' must be a list, got {_kind(matchers)}")
    combine = raw.get("combine", "AND")
    if not isinstance(combine, str) or combine.upper() not in ("AND", "OR"):
        raise where.error(join(pointer, "combine"), f"'combine' must be AND or OR, got {combine!r}")
    items = tuple(normalise_matcher(m, where, join(pointer, "matchers", i)) for i, m in enumerate(matchers))
    return RuleList(items, combine.upper(), pointer)


_V2_KEY = re.compile(r"^\$\.(body|headers?|query|path|status|metadata)(?=$|[.\[])(.*)$", re.S)
_NAME = re.compile(r"^(?:\.(.+)|\[['\"](.+)['\"]\])$", re.S)


def parse_matching_rules(raw: Any, where: Where, pointer: str, flat: bool) -> MatchingRules:
    """`flat`: the v2 layout (`{"$.body.x": {...}}`); otherwise by category.
    A v3+ file with v2-style keys is read as v2, as pact-jvm does."""
    rules = MatchingRules()
    if raw is None:
        return rules
    if not isinstance(raw, dict):
        raise where.error(pointer, f"'matchingRules' must be an object, got {_kind(raw)}")
    if flat or any(isinstance(k, str) and k.startswith("$") for k in raw):
        for key, value in raw.items():
            at = join(pointer, key)
            match = _V2_KEY.match(key)
            if match is None:
                allowed = "$.body, $.headers, $.query or $.path"
                raise where.error(at, f"matching rule path {key!r} must start with {allowed}")
            category = CATEGORIES[match.group(1)]
            rest = match.group(2)
            if category == "body":
                entry = "$" + rest
            elif category in ("path", "status"):
                entry = ""
            else:
                name = _NAME.match(rest)
                entry = str(name.group(1) or name.group(2)) if name else rest
            rules.categories.setdefault(category, {})[entry] = _rule_list(value, where, at)
        return rules
    rules.categories = _by_category(raw, where, pointer, "matching rules", _is_rule_list, _rule_list)
    return rules


def parse_generators(raw: Any, where: Where, pointer: str) -> Generators:
    if raw is None:
        return Generators()
    if not isinstance(raw, dict):
        raise where.error(pointer, f"'generators' must be an object, got {_kind(raw)}")
    return Generators(_by_category(raw, where, pointer, "generators", _is_generator, _generator))


def _is_rule_list(entries: dict[str, Any]) -> bool:
    return "matchers" in entries or "match" in entries


def _is_generator(entries: dict[str, Any]) -> bool:
    return isinstance(entries.get("type"), str)


def _by_category(
    raw: dict[str, Any],
    where: Where,
    pointer: str,
    what: str,
    is_single: Callable[[dict[str, Any]], bool],
    read: Callable[[Any, Where, str], T],
) -> dict[str, dict[str, T]]:
    """category -> key -> item; `path` and `status` hold one item (key "")."""
    out: dict[str, dict[str, T]] = {}
    for category_name, entries in raw.items():
        at = join(pointer, category_name)
        if category_name not in CATEGORIES:
            continue  # plugin categories etc.: nothing we can match on
        category = CATEGORIES[category_name]
        if not isinstance(entries, dict):
            raise where.error(at, f"{what} for {category_name!r} must be an object, got {_kind(entries)}")
        target = out.setdefault(category, {})
        if category in ("path", "status") and is_single(entries):
            target[""] = read(entries, where, at)
            continue
        for key, value in entries.items():
            if category == "body" and not key.startswith("$"):
                key = "$." + key if key else "$"
            target[key] = read(value, where, join(at, key))
    return out


def _generator(raw: Any, where: Where, pointer: str) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise where.error(pointer, f"a generator must be an object, got {_kind(raw)}")
    kind = raw.get("type")
    if kind not in GENERATOR_TYPES:
        raise where.error(pointer, f"unknown generator type {kind!r} (known: {', '.join(sorted(GENERATOR_TYPES))})")
    _check_generator(kind, raw, where, pointer)
    return dict(raw)


MAX_GENERATED = 10_000  # longest random string / most digits a generator may ask for


def _check_generator(kind: str, raw: dict[str, Any], where: Where, pointer: str) -> None:
    """Parameters the stub would otherwise trip over on every request (or spend minutes on)."""
    limits = {"RandomString": ("size", 0), "RandomDecimal": ("digits", 1), "RandomHexadecimal": ("digits", 1)}
    numbers = ["min", "max"] if kind == "RandomInt" else [limits[kind][0]] if kind in limits else []
    for name in numbers:
        if name not in raw:
            continue
        value = raw[name]
        if not isinstance(value, int) or isinstance(value, bool):
            raise where.error(join(pointer, name), f"{kind} '{name}' must be an integer, got {value!r}")
        if kind in limits and not limits[kind][1] <= value <= MAX_GENERATED:
            raise where.error(
                join(pointer, name), f"{kind} '{name}' must be {limits[kind][1]}..{MAX_GENERATED}, got {value}"
            )
    texts = {"Regex": "regex", "MockServerURL": "regex", "ProviderState": "expression"}
    for name in ("regex", "expression", "format", "example", "dataType"):
        if name in raw and not isinstance(raw[name], str):
            raise where.error(join(pointer, name), f"{kind} '{name}' must be a string, got {_kind(raw[name])}")
    if kind in texts and not isinstance(raw.get(texts[kind]), str):
        raise where.error(pointer, f"a {kind} generator needs a '{texts[kind]}' string")
    if kind == "Regex":
        from apictl.core.regexgen import PatternError, compile_pattern

        try:
            compile_pattern(raw["regex"])
        except PatternError as exc:
            raise where.error(join(pointer, "regex"), f"cannot generate values for {raw['regex']!r}: {exc}") from None
    elif kind == "MockServerURL":
        try:
            compile_regex(raw["regex"])
        except re.error as exc:
            raise where.error(join(pointer, "regex"), f"invalid regular expression {raw['regex']!r}: {exc}") from None


def _kind(value: Any) -> str:
    kind = json_type(value)
    return {"null": "null", "array": "a list", "object": "an object", "integer": "a number"}.get(kind, "a " + kind)
