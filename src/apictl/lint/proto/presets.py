"""buf's lint categories (buf 1.75, `buf config ls-lint-rules --version v2`) and
how `use:` / `except:` of a buf.yaml select apictl's rules.

apictl presets: MINIMAL → `minimal`; BASIC and STANDARD → `recommended` (the
default); COMMENTS, UNARY_RPC and uncategorized rules → `all` only. A buf.yaml
`lint:` section selects by buf category or id instead."""

from __future__ import annotations

from collections.abc import Iterable

from apictl.core.errors import ConfigError
from apictl.core.registry import Rule
from apictl.specs.proto.workspace import BufLint

_M, _B, _S = "MINIMAL", "BASIC", "STANDARD"
CATEGORIES: dict[str, tuple[str, ...]] = {
    **{
        r: (_M, _B, _S)
        for r in (
            "DIRECTORY_SAME_PACKAGE",
            "PACKAGE_DEFINED",
            "PACKAGE_DIRECTORY_MATCH",
            "PACKAGE_NO_IMPORT_CYCLE",
            "PACKAGE_SAME_DIRECTORY",
        )
    },
    **{
        r: (_B, _S)
        for r in (
            "ENUM_FIRST_VALUE_ZERO",
            "ENUM_NO_ALLOW_ALIAS",
            "ENUM_PASCAL_CASE",
            "ENUM_VALUE_UPPER_SNAKE_CASE",
            "FIELD_LOWER_SNAKE_CASE",
            "FIELD_NOT_REQUIRED",
            "IMPORT_NO_PUBLIC",
            "IMPORT_USED",
            "MESSAGE_PASCAL_CASE",
            "ONEOF_LOWER_SNAKE_CASE",
            "PACKAGE_LOWER_SNAKE_CASE",
            "PACKAGE_SAME_CSHARP_NAMESPACE",
            "PACKAGE_SAME_GO_PACKAGE",
            "PACKAGE_SAME_JAVA_MULTIPLE_FILES",
            "PACKAGE_SAME_JAVA_PACKAGE",
            "PACKAGE_SAME_PHP_NAMESPACE",
            "PACKAGE_SAME_RUBY_PACKAGE",
            "PACKAGE_SAME_SWIFT_PREFIX",
            "RPC_PASCAL_CASE",
            "SERVICE_PASCAL_CASE",
            "SYNTAX_SPECIFIED",
        )
    },
    **{
        r: (_S,)
        for r in (
            "ENUM_VALUE_PREFIX",
            "ENUM_ZERO_VALUE_SUFFIX",
            "FILE_LOWER_SNAKE_CASE",
            "PACKAGE_VERSION_SUFFIX",
            "PROTOVALIDATE",
            "RPC_REQUEST_RESPONSE_UNIQUE",
            "RPC_REQUEST_STANDARD_NAME",
            "RPC_RESPONSE_STANDARD_NAME",
            "SERVICE_SUFFIX",
        )
    },
    **{
        r: ("COMMENTS",)
        for r in (
            "COMMENT_ENUM",
            "COMMENT_ENUM_VALUE",
            "COMMENT_FIELD",
            "COMMENT_MESSAGE",
            "COMMENT_ONEOF",
            "COMMENT_RPC",
            "COMMENT_SERVICE",
        )
    },
    "RPC_NO_CLIENT_STREAMING": ("UNARY_RPC",),
    "RPC_NO_SERVER_STREAMING": ("UNARY_RPC",),
    "STABLE_PACKAGE_NO_IMPORT_UNSTABLE": (),
    "IMPORT_NO_WEAK": (),  # deprecated in buf; kept for configs that name it
}
CATEGORY_ALIASES = {"DEFAULT": _S}
PRESET_OF_CATEGORY = {_M: "minimal", _B: "recommended", _S: "recommended"}


def preset_for(buf_id: str) -> str:
    """The apictl preset of a buf rule: its smallest nested buf category, else `all`."""
    cats = CATEGORIES[buf_id]
    return PRESET_OF_CATEGORY[cats[0]] if cats and cats[0] in PRESET_OF_CATEGORY else "all"


def categories(rule: Rule) -> tuple[str, ...]:
    return CATEGORIES.get(rule.buf[0], ()) if rule.buf else ()


def ignore_keys(rule: Rule) -> tuple[str, ...]:
    """The `ignore_only` keys that cover `rule`: its ids and, as in buf, its categories."""
    cats = categories(rule)
    aliases = tuple(alias for alias, cat in CATEGORY_ALIASES.items() if cat in cats)
    return (*rule.buf, rule.code, *cats, *aliases)


def _matches(rule: Rule, names: Iterable[str]) -> bool:
    ids = {*rule.buf, rule.code, rule.name}
    cats = categories(rule)
    for n in names:
        n = CATEGORY_ALIASES.get(n, n)
        if n in ids or n in cats:
            return True
    return False


def buf_selects(rule: Rule, use: list[str], except_: list[str]) -> bool:
    return _matches(rule, use) and not _matches(rule, except_)


def check_lint_ids(lint: BufLint, rules: Iterable[Rule]) -> None:
    """Like buf, refuse a `lint:` section naming a rule or category nobody knows (buf's
    ids are case-sensitive; apictl's own codes and names are accepted too)."""
    known = {*CATEGORIES, *CATEGORY_ALIASES, *(c for cats in CATEGORIES.values() for c in cats)}
    for rule in rules:
        known.update((*rule.buf, rule.code, rule.name))
    named = [("use", n) for n in lint.use] + [("except", n) for n in lint.except_]
    named += [("ignore_only", n) for n in lint.ignore_only]
    for key, name in named:
        if name not in known:
            hint = " (ids are upper case)" if name.upper() in known else ""
            raise ConfigError(f"unknown lint rule or category {name!r} in `lint.{key}`{hint}", uri=lint.where)
