"""Message templates: `{{error}}`, `{{description}}`, `{{path}}`,
`{{property}}`, `{{value}}` and `#{{print("property")}}`-style calls.

Mirrors spectral-core's `Replacer`: `{{name}}` prints a variable with
JavaScript's `String()` (an unknown name prints nothing); `#{{…}}` evaluates
a small expression — `print("property")`, `print("value")`, variables,
string literals, `x.toUpperCase()`, joined with `+`.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote

from apictl.lint.spectral import jsvalues as js

_TEMPLATE = re.compile(r"#?\{\{([^}\n]+)\}\}")
_DISALLOWED = re.compile(r"constructor|process|require|global|mainModule|fs|child_process")


class Variables:
    """The template variables of one result, computed only when a template uses them."""

    NAMES = frozenset({"property", "error", "path", "description", "value"})

    def __init__(self, error: str, description: str | None, location: Any, raw: Any) -> None:
        self.error = error
        self.description = description
        self._location = location  # has .pointer and .property
        self._raw = raw  # callable -> the value written at the location

    def get(self, name: str) -> Any:
        if name == "error":
            return self.error
        if name == "description":
            return self.description
        if name == "property":
            return self._location.property
        if name == "path":
            return pointer_path(self._location.pointer)
        return self._raw()


_COMPILED: dict[str, list[tuple[str, str]]] = {}


def _parts(template: str) -> list[tuple[str, str]]:
    """("text", literal) | ("var", name) | ("expr", expression)."""
    parts = _COMPILED.get(template)
    if parts is None:
        parts = []
        pos = 0
        for m in _TEMPLATE.finditer(template):
            if m.start() > pos:
                parts.append(("text", template[pos : m.start()]))
            kind = "expr" if m.group(0).startswith("#") else "var"
            parts.append((kind, m.group(1).strip() if kind == "expr" else m.group(1)))
            pos = m.end()
        if pos < len(template):
            parts.append(("text", template[pos:]))
        _COMPILED[template] = parts
    return parts


def render(template: str, variables: Variables) -> str:
    out: list[str] = []
    for kind, text in _parts(template):
        if kind == "text":
            out.append(text)
        elif kind == "var":
            if text in Variables.NAMES:
                out.append(js.to_string(variables.get(text)))
        else:
            out.append(_evaluate(text, variables))
    return "".join(out)


def _print(kind: str, variables: Variables) -> str:
    if kind == "property":
        prop = variables.get("property")
        if prop is not None and prop != "":
            return f'"{prop}" property '
        return "The document "
    if kind == "value":
        return js.print_value(variables.get("value"))
    if kind in Variables.NAMES and variables.get(kind) is not None:
        return js.to_string(variables.get(kind))
    return ""


_TERM = re.compile(
    r"""\s*(?:print\(\s*(?P<q>["'])(?P<arg>.*?)(?P=q)\s*\)|(?P<sq>["'])(?P<lit>.*?)(?P=sq)|(?P<id>[A-Za-z_$][\w$]*)(?P<upper>\.toUpperCase\(\))?)\s*"""
)


_TERMS: dict[str, list[re.Match[str]] | None] = {}


def _terms(expr: str) -> list[re.Match[str]] | None:
    if expr not in _TERMS:
        found: list[re.Match[str]] | None = []
        if _DISALLOWED.search(expr):
            found = None
        else:
            for term in _split_plus(expr):
                m = _TERM.fullmatch(term)
                if m is None or found is None:
                    found = None
                    break
                found.append(m)
        _TERMS[expr] = found
    return _TERMS[expr]


def _evaluate(expr: str, variables: Variables) -> str:
    terms = _terms(expr)
    if terms is None:
        return ""
    out: list[str] = []
    for m in terms:
        if m.group("arg") is not None:
            out.append(_print(m.group("arg"), variables))
        elif m.group("lit") is not None:
            out.append(m.group("lit"))
        else:
            name = m.group("id")
            if name not in Variables.NAMES:
                return ""
            text = js.to_string(variables.get(name))
            out.append(text.upper() if m.group("upper") else text)
    return "".join(out)


def _split_plus(expr: str) -> list[str]:
    parts: list[str] = []
    buf: list[str] = []
    quote_char = ""
    for ch in expr:
        if quote_char:
            buf.append(ch)
            if ch == quote_char:
                quote_char = ""
        elif ch in "'\"":
            quote_char = ch
            buf.append(ch)
        elif ch == "+":
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def pointer_path(pointer: str) -> str:
    """`{{path}}`: the location as an escaped URI fragment ("#/paths/~1pets")."""
    if not pointer:
        return "#"
    return "#" + quote(pointer, safe="/~!*'()-_.")


def final_message(rule_message: str | None, description: str | None, result_message: str, variables: Variables) -> str:
    """The message Spectral reports for one function result."""
    rendered = render(result_message, variables)
    variables.error = rendered
    if rule_message is None:
        text = description if description is not None else rendered
    else:
        text = render(rule_message, variables)
    return text.strip(js.JS_SPACE)
