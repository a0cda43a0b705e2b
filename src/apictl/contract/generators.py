"""Pact generators (v3/v4): values a stub puts in its responses instead of the
examples written in the pact — random numbers and strings, UUIDs, dates and
times "now", values from provider-state parameters (`${id}`), and URLs that
point back at the stub itself (`MockServerURL`).

`apply_generators(response, generators, state_params, base_url, rng)` returns
a new status, headers and body; bodies are JSON documents whose places are
named by path expressions (`$.items[*].id`)."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import string
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from apictl.contract.matching import docpath
from apictl.contract.rules import Generators

_EXPRESSION = re.compile(r"\$\{([^}]+)\}")


@dataclass(slots=True)
class GenerationContext:
    state_params: dict[str, Any]
    base_url: str  # the stub's own URL, for MockServerURL
    rng: random.Random


class GeneratorError(ValueError):
    pass


def generate(generator: dict[str, Any], current: Any, ctx: GenerationContext) -> Any:
    kind = generator["type"]
    rng = ctx.rng
    if kind == "RandomInt":
        low, high = int(generator.get("min", 0)), int(generator.get("max", 2147483647))
        return rng.randint(min(low, high), max(low, high))
    if kind == "RandomDecimal":
        digits = max(int(generator.get("digits", 10)), 2)
        text = str(rng.randint(1, 9)) + "".join(rng.choice(string.digits) for _ in range(digits - 1))
        point = rng.randint(1, digits - 1)
        return float(text[:point] + "." + text[point:])
    if kind == "RandomHexadecimal":
        return "".join(rng.choice("0123456789abcdef") for _ in range(int(generator.get("digits", 10))))
    if kind == "RandomString":
        return "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(int(generator.get("size", 10))))
    if kind == "RandomBoolean":
        return rng.random() < 0.5
    if kind == "Regex":
        return _from_regex(str(generator.get("regex", "")), rng)
    if kind == "Uuid":
        return _uuid(str(generator.get("format", "lower-case-hyphenated")), rng)
    if kind in ("Date", "Time", "DateTime"):
        return _datetime(kind, generator, ctx)
    if kind == "ProviderState":
        return _from_state(generator, current, ctx.state_params)
    if kind == "MockServerURL":
        return _mock_server_url(generator, current, ctx.base_url)
    raise GeneratorError(f"unknown generator {kind!r}")


def _from_regex(regex: str, rng: random.Random) -> str:
    from apictl.core.regexgen import PatternError
    from apictl.core.regexgen import generate as from_pattern

    try:
        return from_pattern(regex, rng)
    except PatternError as exc:
        raise GeneratorError(f"cannot generate a value for regex {regex!r}: {exc}") from None


def _uuid(fmt: str, rng: random.Random) -> str:
    value = uuid.UUID(int=rng.getrandbits(128), version=4)
    if fmt == "simple":
        return value.hex
    if fmt == "upper-case-hyphenated":
        return str(value).upper()
    if fmt == "URN":
        return value.urn
    return str(value)


_JAVA_TO_STRFTIME = [
    ("yyyy", "%Y"),
    ("yy", "%y"),
    ("MMMM", "%B"),
    ("MMM", "%b"),
    ("MM", "%m"),
    ("dd", "%d"),
    ("EEEE", "%A"),
    ("EEE", "%a"),
    ("HH", "%H"),
    ("hh", "%I"),
    ("mm", "%M"),
    ("ss", "%S"),
    ("SSS", "%f"),
    ("a", "%p"),
    ("XXX", "%z"),
    ("Z", "%z"),
    ("z", "%Z"),
]


def java_format(moment: dt.datetime, pattern: str) -> str:
    """Format `moment` with a Java DateTimeFormatter pattern (the common letters)."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "'":
            end = pattern.find("'", i + 1)
            end = len(pattern) if end == -1 else end
            out.append(pattern[i + 1 : end] or "'")
            i = end + 1
            continue
        for java, fmt in _JAVA_TO_STRFTIME:
            if pattern.startswith(java, i):
                text = moment.strftime(fmt)
                if java == "SSS":
                    text = text[:3]
                elif java == "XXX" and len(text) == 5:
                    text = text[:3] + ":" + text[3:]
                out.append(text)
                i += len(java)
                break
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out)


def _datetime(kind: str, generator: dict[str, Any], ctx: GenerationContext) -> str:
    now = dt.datetime.now(dt.UTC).astimezone()
    fmt = generator.get("format")
    if fmt:
        return java_format(now, str(fmt))
    if kind == "Date":
        return now.date().isoformat()
    if kind == "Time":
        return now.time().replace(microsecond=0).isoformat()
    return now.replace(microsecond=0).isoformat()


def _from_state(generator: dict[str, Any], current: Any, params: dict[str, Any]) -> Any:
    expression = str(generator.get("expression", ""))
    whole = _EXPRESSION.fullmatch(expression)
    if whole is not None:
        name = whole.group(1).strip()
        if name not in params:
            return current  # no such parameter: keep the example
        value = params[name]
    else:
        missing = [m.group(1).strip() for m in _EXPRESSION.finditer(expression) if m.group(1).strip() not in params]
        if missing:
            return current
        value = _EXPRESSION.sub(lambda m: str(params[m.group(1).strip()]), expression)
    return _convert(value, str(generator.get("dataType", "RAW")).upper())


def _convert(value: Any, data_type: str) -> Any:
    try:
        if data_type == "INTEGER":
            return int(value)
        if data_type == "DECIMAL":
            return float(value)
        if data_type == "BOOLEAN":
            return value if isinstance(value, bool) else str(value).lower() == "true"
        if data_type == "STRING":
            return value if isinstance(value, str) else json.dumps(value)
    except (TypeError, ValueError):
        return value
    return value


def _mock_server_url(generator: dict[str, Any], current: Any, base_url: str) -> Any:
    example = str(generator.get("example", current if isinstance(current, str) else ""))
    regex = str(generator.get("regex", ""))
    from apictl.contract.regexes import RegexTimeout, search

    try:
        match = search(regex, example) if regex else None
    except (RegexTimeout, re.error) as exc:
        raise GeneratorError(f"MockServerURL: {exc}") from None
    if match is None or not match.groups():
        return example
    return base_url.rstrip("/") + match.group(1)


# applying ----------------------------------------------------------------
def places(
    value: Any, tokens: tuple[docpath.Token, ...], at: tuple[str | int, ...] = ()
) -> Iterator[tuple[str | int, ...]]:
    """Every concrete place in `value` that the path expression names."""
    if not tokens:
        yield at
        return
    token, rest = tokens[0], tokens[1:]
    if token.kind == docpath.ROOT:
        yield from places(value, rest, at)
    elif isinstance(value, dict):
        if token.kind == docpath.FIELD and token.value in value:
            yield from places(value[token.value], rest, (*at, token.value))
        elif token.kind == docpath.STAR:
            for key in list(value):
                yield from places(value[key], rest, (*at, key))
    elif isinstance(value, list):
        if token.kind in (docpath.INDEX, docpath.FIELD) and token.value.isdigit() and int(token.value) < len(value):
            yield from places(value[int(token.value)], rest, (*at, int(token.value)))
        elif token.kind in (docpath.STAR, docpath.STAR_INDEX):
            for index in range(len(value)):
                yield from places(value[index], rest, (*at, index))


def _set(document: Any, at: tuple[str | int, ...], new: Any) -> Any:
    if not at:
        return new
    parent = document
    for key in at[:-1]:
        parent = parent[key]
    parent[at[-1]] = new
    return document


def generate_json(document: Any, generators: dict[str, dict[str, Any]], ctx: GenerationContext) -> Any:
    for key, generator in generators.items():
        try:
            tokens = docpath.parse(key)
        except docpath.PathError:
            continue
        for at in list(places(document, tokens)):
            current: Any = document
            for step in at:
                current = current[step]
            document = _set(document, at, generate(generator, current, ctx))
    return document


def apply_generators(
    status: int, headers: list[tuple[str, str]], body: Any, generators: Generators, ctx: GenerationContext
) -> tuple[int, list[tuple[str, str]], Any]:
    """`body` is a parsed JSON document (None when the body is not JSON)."""
    status_gen = generators.get("status").get("")
    if status_gen is not None:
        new_status = generate(status_gen, status, ctx)
        if isinstance(new_status, int) and 100 <= new_status <= 599:
            status = new_status
    header_gens = {name.lower(): gen for name, gen in generators.get("header").items()}
    if header_gens:
        headers = [
            (name, str(generate(header_gens[name.lower()], value, ctx)) if name.lower() in header_gens else value)
            for name, value in headers
        ]
    if body is not None and generators.get("body"):
        body = generate_json(body, generators.get("body"), ctx)
    return status, headers, body
