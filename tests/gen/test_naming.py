"""Identifiers and literals for generated code: valid and inert for any input."""

from __future__ import annotations

import ast

import pytest

from apictl.gen import naming

HOSTILE = [
    'a"""; import os; os.system("x"); """',
    "ends with a backslash \\",
    'ends with a quote "',
    "*/ {{ jinja }} {% raw %}",
    "line\rbreak\u2028sep\x00nul",
    "\u00e9t\u00e9 \U0001f600",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_string_literal_round_trips(text: str) -> None:
    source = naming.string(text)
    assert ast.literal_eval(source) == text
    assert source.isascii() and "\n" not in source and "\r" not in source


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_stays_one_string(text: str) -> None:
    doc = naming.docstring(text, "    ")
    if not doc:
        assert not naming.clean_text(text)
        return
    tree = ast.parse(f"def f():\n    {doc}\n    return 1\n")
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef) and len(func.body) == 2
    assert isinstance(func.body[0], ast.Expr) and isinstance(func.body[0].value, ast.Constant)


@pytest.mark.parametrize(
    ("raw", "snake", "pascal"),
    [
        ("getPetById", "get_pet_by_id", "GetPetById"),
        ("class", "class_", "Class"),
        ("list", "list_", "List"),
        ("2fa", "n_2fa", "N2fa"),
        ("../etc/passwd", "etc_passwd", "EtcPasswd"),
        ("HTTPServer", "http_server", "HTTPServer"),
        ("été", "ete", "Ete"),
        ("😀", "value", "Model"),
        ("Field", "field", "Field_"),
    ],
)
def test_identifiers(raw: str, snake: str, pascal: str) -> None:
    assert naming.snake(raw) == snake
    assert naming.pascal(raw) == pascal
    assert naming.snake(raw).isidentifier() and naming.pascal(raw).isidentifier()


def test_namer_makes_collisions_unique_in_order() -> None:
    namer = naming.Namer()
    assert [namer.claim(naming.snake(n)) for n in ("foo-bar", "foo_bar", "fooBar")] == [
        "foo_bar",
        "foo_bar_2",
        "foo_bar_3",
    ]


@pytest.mark.parametrize("value", [1, -2.5, float("inf"), float("nan"), None, True, "x\"'\\", [1, {"a": "b"}]])
def test_literal_is_a_constant_expression(value: object) -> None:
    tree = ast.parse(naming.literal(value), mode="eval")
    names = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    assert names <= {"float"}
    assert not any(isinstance(n, (ast.Attribute, ast.Lambda)) for n in ast.walk(tree))
