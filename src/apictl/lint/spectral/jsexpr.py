"""Filter expressions (`[?(…)]`): the JavaScript subset rulesets use.

Spectral hands filter expressions to nimma, which parses them with jsep and
runs them as JavaScript. Here they are tokenized and parsed by a small Pratt
parser (jsep's operators and precedences, plus nimma's `in` and `~=`) and
compiled to Python closures over `jsvalues` semantics — never `eval`.

Supported: `@` (the value), `@property`, `@parentProperty`, `@parent`,
`@root`, `@path`, nimma's `@string`/`@number`/`@boolean`/`@scalar`/`@array`/
`@null`/`@object`/`@integer`; literals (numbers, strings, booleans, `null`,
`undefined`, regular expressions, arrays); member access (`@.a`, `@['x-y']`,
`.length`, `.constructor.name`); the usual string/array methods (`match`,
`test`, `includes`, `indexOf`, `startsWith`, …); unary `! - + ~ typeof void`;
binary arithmetic, comparison, equality, logical and `in` (`a in b` means
`b.includes(a)`, as in nimma); `?:`; `Array.isArray`, `Object.keys`,
`String()`, `Number()`, `Boolean()`, `isNaN()`, `parseInt()`, `parseFloat()`.
Anything else is a `FilterSyntaxError` when the ruleset is loaded.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apictl.lint.spectral import jsvalues as js
from apictl.lint.spectral.jsregex import JSRegexError, compile_js
from apictl.lint.spectral.jsruntime import STRING_METHODS, Builtin, call_function, call_method, get_member
from apictl.lint.spectral.jsvalues import UNDEFINED, JSError


class FilterSyntaxError(ValueError):
    pass


@dataclass
class EvalContext:
    """What a filter sees about the candidate node."""

    value: Any
    key: Any  # @property: str for object members, int for array items
    parent: Any
    parent_key: Any
    root: Callable[[], Any]
    path: Callable[[], str]


Compiled = Callable[[EvalContext], Any]


@dataclass(frozen=True)
class FilterExpr:
    source: str
    fn: Compiled
    uses: frozenset[str]  # which @-identifiers occur (for memoisation decisions)

    def matches(self, ctx: EvalContext) -> bool:
        try:
            return js.truthy(self.fn(ctx))
        except (JSError, RecursionError, TypeError, ValueError, OverflowError):
            return False  # nimma would abort the whole run; a non-match is kinder


# --- tokenizer -------------------------------------------------------------

_BINARY = {
    "||": 1,
    "??": 1,
    "&&": 2,
    "|": 3,
    "^": 4,
    "&": 5,
    "==": 6,
    "!=": 6,
    "===": 6,
    "!==": 6,
    "<": 7,
    ">": 7,
    "<=": 7,
    ">=": 7,
    "<<": 8,
    ">>": 8,
    ">>>": 8,
    "+": 9,
    "-": 9,
    "*": 10,
    "/": 10,
    "%": 10,
    "**": 11,
    "in": 12,
    "~=": 20,
}
_PUNCT = sorted(
    [*(op for op in _BINARY if not op.isalpha()), "!", "~", "(", ")", "[", "]", ",", ".", "?", ":"],
    key=len,
    reverse=True,
)
_UNARY = {"!", "-", "+", "~", "typeof", "void"}


@dataclass
class Token:
    kind: str  # num | str | ident | punct | regex | end
    value: Any
    pos: int


class _Lexer:
    def __init__(self, src: str) -> None:
        self.src = src
        self.i = 0

    def error(self, msg: str) -> FilterSyntaxError:
        return FilterSyntaxError(f"{msg} at position {self.i} in {self.src!r}")

    def _skip_ws(self) -> None:
        while self.i < len(self.src) and self.src[self.i] in " \t\r\n":
            self.i += 1

    def next(self, operand: bool) -> Token:
        """The next token; `operand` says whether a value is expected (so `/` starts a regex)."""
        self._skip_ws()
        src, i = self.src, self.i
        if i >= len(src):
            return Token("end", None, i)
        c = src[i]
        if c.isdigit() or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            return self._number()
        if c in "'\"":
            return self._string(c)
        if c == "/" and operand:
            return self._regex()
        if c.isalpha() or c in "_$@" or ord(c) >= 128:
            j = i + 1
            while j < len(src) and (src[j].isalnum() or src[j] in "_$@" or ord(src[j]) >= 128):
                j += 1
            self.i = j
            return Token("ident", src[i:j], i)
        for p in _PUNCT:
            if src.startswith(p, i):
                self.i = i + len(p)
                return Token("punct", p, i)
        raise self.error(f"unexpected character {c!r}")

    def _number(self) -> Token:
        src, start = self.src, self.i
        j = start
        if src.startswith(("0x", "0X"), j):
            j += 2
            while j < len(src) and src[j] in "0123456789abcdefABCDEF":
                j += 1
            self.i = j
            return Token("num", int(src[start + 2 : j], 16), start)
        while j < len(src) and src[j].isdigit():
            j += 1
        if j < len(src) and src[j] == ".":
            j += 1
            while j < len(src) and src[j].isdigit():
                j += 1
        if j < len(src) and src[j] in "eE":
            k = j + 1
            if k < len(src) and src[k] in "+-":
                k += 1
            if k < len(src) and src[k].isdigit():
                j = k
                while j < len(src) and src[j].isdigit():
                    j += 1
        text = src[start:j]
        self.i = j
        value = float(text)
        return Token(
            "num", int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value, start
        )

    def _string(self, quote: str) -> Token:
        src, start = self.src, self.i
        j = start + 1
        out: list[str] = []
        escapes = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v"}
        while j < len(src) and src[j] != quote:
            if src[j] == "\\" and j + 1 < len(src):
                out.append(escapes.get(src[j + 1], src[j + 1]))
                j += 2
            else:
                out.append(src[j])
                j += 1
        if j >= len(src):
            raise self.error("unclosed string")
        self.i = j + 1
        return Token("str", "".join(out), start)

    def _regex(self) -> Token:
        src, start = self.src, self.i
        j = start + 1
        in_class = False
        while j < len(src):
            ch = src[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "[":
                in_class = True
            elif ch == "]":
                in_class = False
            elif ch == "/" and not in_class:
                break
            j += 1
        if j >= len(src):
            raise self.error("unclosed regular expression")
        body = src[start + 1 : j]
        k = j + 1
        while k < len(src) and src[k].isalpha():
            k += 1
        flags = src[j + 1 : k]
        self.i = k
        try:
            return Token("regex", compile_js(body, flags), start)
        except JSRegexError as exc:
            raise FilterSyntaxError(str(exc)) from None


# --- AST -------------------------------------------------------------------

Node = tuple[Any, ...]  # ("lit", v) | ("id", name) | ("member", obj, prop, computed) | ("call", callee, args)
# | ("unary", op, arg) | ("binary", op, l, r) | ("cond", test, a, b) | ("array", items)


class _Parser:
    def __init__(self, src: str) -> None:
        self.lex = _Lexer(src)
        self.src = src
        self.tok = self.lex.next(True)

    def advance(self, operand: bool) -> Token:
        tok = self.tok
        self.tok = self.lex.next(operand)
        return tok

    def expect(self, punct: str, operand: bool = False) -> None:
        if self.tok.kind != "punct" or self.tok.value != punct:
            got = "end of expression" if self.tok.kind == "end" else repr(self.tok.value)
            raise FilterSyntaxError(f"expected {punct!r}, got {got} at position {self.tok.pos} in {self.src!r}")
        self.advance(operand)

    def parse(self) -> Node:
        node = self.expression()
        if self.tok.kind != "end":
            raise FilterSyntaxError(f"unexpected {self.tok.value!r} at position {self.tok.pos} in {self.src!r}")
        return node

    def expression(self) -> Node:
        test = self.binary(0)
        if self.tok.kind == "punct" and self.tok.value == "?":
            self.advance(True)
            yes = self.expression()
            self.expect(":", True)
            no = self.expression()
            return ("cond", test, yes, no)
        return test

    def _binary_op(self) -> str | None:
        t = self.tok
        if (t.kind == "punct" and t.value in _BINARY) or (t.kind == "ident" and t.value == "in"):
            return str(t.value)
        return None

    def binary(self, min_prec: int) -> Node:
        left = self.unary()
        while True:
            op = self._binary_op()
            if op is None or _BINARY[op] <= min_prec:
                return left
            self.advance(True)
            right = self.binary(_BINARY[op] - (1 if op == "**" else 0))
            left = ("binary", op, left, right)

    def unary(self) -> Node:
        t = self.tok
        if (t.kind == "punct" and t.value in _UNARY) or (t.kind == "ident" and t.value in ("typeof", "void")):
            self.advance(True)
            return ("unary", t.value, self.unary())
        return self.postfix(self.primary())

    def primary(self) -> Node:
        t = self.tok
        if t.kind in ("num", "str", "regex"):
            self.advance(False)
            return ("lit", t.value)
        if t.kind == "ident":
            self.advance(False)
            literals = {"true": True, "false": False, "null": None, "undefined": UNDEFINED}
            if t.value in literals:
                return ("lit", literals[t.value])
            return ("id", t.value)
        if t.kind == "punct" and t.value == "(":
            self.advance(True)
            node = self.expression()
            self.expect(")")
            return node
        if t.kind == "punct" and t.value == "[":
            self.advance(True)
            items: list[Node] = []
            while not (self.tok.kind == "punct" and self.tok.value == "]"):
                items.append(self.expression())
                if self.tok.kind == "punct" and self.tok.value == ",":
                    self.advance(True)
                elif not (self.tok.kind == "punct" and self.tok.value == "]"):
                    raise FilterSyntaxError(f"expected ',' or ']' at position {self.tok.pos} in {self.src!r}")
            self.advance(False)
            return ("array", items)
        got = "end of expression" if t.kind == "end" else repr(t.value)
        raise FilterSyntaxError(f"unexpected {got} at position {t.pos} in {self.src!r}")

    def postfix(self, node: Node) -> Node:
        while self.tok.kind == "punct" and self.tok.value in (".", "[", "("):
            p = self.tok.value
            self.advance(p != ".")
            if p == ".":
                if self.tok.kind != "ident":
                    raise FilterSyntaxError(f"expected a property name at position {self.tok.pos} in {self.src!r}")
                name = self.advance(False).value
                node = ("member", node, ("lit", name), False)
            elif p == "[":
                prop = self.expression()
                self.expect("]")
                node = ("member", node, prop, True)
            else:
                args: list[Node] = []
                while not (self.tok.kind == "punct" and self.tok.value == ")"):
                    args.append(self.expression())
                    if self.tok.kind == "punct" and self.tok.value == ",":
                        self.advance(True)
                    elif not (self.tok.kind == "punct" and self.tok.value == ")"):
                        raise FilterSyntaxError(f"expected ',' or ')' at position {self.tok.pos} in {self.src!r}")
                self.advance(False)
                node = ("call", node, args)
        return node


# --- compiler --------------------------------------------------------------

_SHORTHANDS: dict[str, Callable[[Any], bool]] = {
    "@string": lambda v: isinstance(v, str),
    "@number": lambda v: js.is_number(v),
    "@boolean": lambda v: v is True or v is False,
    "@scalar": lambda v: v is None or not isinstance(v, (dict, list)),
    "@array": lambda v: isinstance(v, list),
    "@null": lambda v: v is None,
    "@object": lambda v: isinstance(v, (dict, list)),
    "@integer": lambda v: js.is_number(v) and v == v and not math.isinf(v) and float(v).is_integer(),
}
_CONTEXT_IDS: dict[str, Compiled] = {
    "@": lambda c: c.value,
    "@property": lambda c: c.key,
    "@parentProperty": lambda c: c.parent_key,
    "@parent": lambda c: c.parent,
    "@root": lambda c: c.root(),
    "@path": lambda c: c.path(),
}


_GLOBALS = {
    "NaN": math.nan,
    "Infinity": math.inf,
    **{n: Builtin(n) for n in ("Array", "Object", "String", "Number", "Boolean", "isNaN", "parseInt", "parseFloat")},
}


def parse_filter(source: str) -> FilterExpr:
    ast = _Parser(source).parse()
    uses: set[str] = set()
    fn = _compile(ast, uses)
    return FilterExpr(source, fn, frozenset(uses))


def _compile(node: Node, uses: set[str]) -> Compiled:
    kind = node[0]
    if kind == "lit":
        value = node[1]
        return lambda c: value
    if kind == "id":
        name = node[1]
        if name in _CONTEXT_IDS:
            uses.add(name)
            return _CONTEXT_IDS[name]
        if name in _SHORTHANDS:
            uses.add("@")
            test = _SHORTHANDS[name]
            return lambda c: test(c.value)
        if name in _GLOBALS:
            g = _GLOBALS[name]
            return lambda c: g
        raise FilterSyntaxError(f"{name!r} is not defined")
    if kind == "array":
        items = [_compile(n, uses) for n in node[1]]
        return lambda c: [f(c) for f in items]
    if kind == "member":
        obj = _compile(node[1], uses)
        prop = _compile(node[2], uses)
        return lambda c: get_member(obj(c), prop(c))
    if kind == "call":
        return _compile_call(node, uses)
    if kind == "unary":
        return _compile_unary(node[1], _compile(node[2], uses))
    if kind == "binary":
        return _compile_binary(node[1], _compile(node[2], uses), _compile(node[3], uses))
    if kind == "cond":
        test, yes, no = (_compile(n, uses) for n in node[1:])
        return lambda c: yes(c) if js.truthy(test(c)) else no(c)
    raise FilterSyntaxError(f"unsupported expression {kind}")


def _compile_call(node: Node, uses: set[str]) -> Compiled:
    callee, arg_nodes = node[1], node[2]
    args = [_compile(a, uses) for a in arg_nodes]
    if callee[0] == "member":
        obj = _compile(callee[1], uses)
        prop = _compile(callee[2], uses)
        # nimma calls String.prototype methods on String(@property) (array indexes are numbers)
        stringify = callee[1] == ("id", "@property")

        def method_call(c: EvalContext) -> Any:
            target = obj(c)
            name = js.to_string(prop(c))
            if stringify and name in STRING_METHODS:
                target = js.to_string(target)
            return call_method(target, name, [a(c) for a in args])

        return method_call
    fn = _compile(callee, uses)
    return lambda c: call_function(fn(c), [a(c) for a in args])


def _compile_unary(op: str, arg: Compiled) -> Compiled:
    if op == "!":
        return lambda c: not js.truthy(arg(c))
    if op == "-":
        return lambda c: -js.to_number(arg(c))
    if op == "+":
        return lambda c: js.to_number(arg(c))
    if op == "~":
        return lambda c: ~_to_int32(arg(c))
    if op == "typeof":
        return lambda c: js.typeof(arg(c))
    return lambda c: (arg(c), UNDEFINED)[1]  # void


def _compile_binary(op: str, left: Compiled, right: Compiled) -> Compiled:
    if op == "&&":
        return lambda c: (lambda a: right(c) if js.truthy(a) else a)(left(c))
    if op == "||":
        return lambda c: (lambda a: a if js.truthy(a) else right(c))(left(c))
    if op == "??":
        return lambda c: (lambda a: right(c) if a is None or a is UNDEFINED else a)(left(c))
    fn = _BINARY_FNS[op]
    return lambda c: fn(left(c), right(c))


def _add(a: Any, b: Any) -> Any:
    a, b = js.to_primitive(a), js.to_primitive(b)
    if isinstance(a, str) or isinstance(b, str):
        return js.to_string(a) + js.to_string(b)
    return js.to_number(a) + js.to_number(b)


def _div(a: Any, b: Any) -> Any:
    x, y = js.to_number(a), js.to_number(b)
    if y == 0:
        return math.nan if x == 0 or x != x else math.copysign(math.inf, x) * math.copysign(1, y)
    return x / y


def _mod(a: Any, b: Any) -> Any:
    x, y = js.to_number(a), js.to_number(b)
    if y == 0 or x != x or y != y or math.isinf(x):
        return math.nan
    return math.fmod(x, y)


def _to_int32(v: Any) -> int:
    n = js.to_number(v)
    if n != n or math.isinf(n):
        return 0
    n = int(n) & 0xFFFFFFFF
    return n - (1 << 32) if n & 0x80000000 else n


def _in(a: Any, b: Any) -> bool:
    if isinstance(b, dict):
        return js.to_string(a) in b
    return js.truthy(call_method(b, "includes", [a]))


def _regex_match(a: Any, b: Any) -> bool:
    if not isinstance(b, str):
        raise JSError("Expected string")
    return compile_js(b).test(js.to_string(a))


_BINARY_FNS: dict[str, Callable[[Any, Any], Any]] = {
    "==": js.loose_equals,
    "!=": lambda a, b: not js.loose_equals(a, b),
    "===": js.strict_equals,
    "!==": lambda a, b: not js.strict_equals(a, b),
    "<": lambda a, b: js.compare(a, b, "<"),
    ">": lambda a, b: js.compare(a, b, ">"),
    "<=": lambda a, b: js.compare(a, b, "<="),
    ">=": lambda a, b: js.compare(a, b, ">="),
    "+": _add,
    "-": lambda a, b: js.to_number(a) - js.to_number(b),
    "*": lambda a, b: js.to_number(a) * js.to_number(b),
    "/": _div,
    "%": _mod,
    "**": lambda a, b: math.pow(js.to_number(a), js.to_number(b)),
    "|": lambda a, b: _to_int32(a) | _to_int32(b),
    "&": lambda a, b: _to_int32(a) & _to_int32(b),
    "^": lambda a, b: _to_int32(a) ^ _to_int32(b),
    "<<": lambda a, b: _to_int32(_to_int32(a) << (_to_int32(b) & 31)),
    ">>": lambda a, b: _to_int32(a) >> (_to_int32(b) & 31),
    ">>>": lambda a, b: (_to_int32(a) & 0xFFFFFFFF) >> (_to_int32(b) & 31),
    "in": _in,
    "~=": _regex_match,
}
