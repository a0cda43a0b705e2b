"""What a core function receives and returns (Spectral's `RulesetFunction` contract)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from apictl.lint.spectral.jsvalues import UNDEFINED


class OptionsError(ValueError):
    """`functionOptions` a function does not accept (a configuration error)."""


@dataclass(slots=True)
class Result:
    message: str
    path: list[Any] | None = None  # absolute path in the resolved document; None: the target itself


class FunctionContext:
    """What Spectral passes as a function's third argument (the parts core functions use)."""

    __slots__ = ("_given", "_rel", "_path", "formats", "resolved", "referenced", "root_key")

    def __init__(
        self,
        given: Callable[[], list[Any]],
        rel: list[Any],
        formats: frozenset[str],
        resolved: bool = True,
        referenced: Callable[[], set[tuple[str, tuple[str, ...]]]] = set,
        root_key: str = "",
    ) -> None:
        self._given = given
        self._rel = rel
        self._path: list[Any] | None = None
        self.formats = formats  # the document's formats
        self.resolved = resolved  # the rule's `resolved` flag
        self.referenced = referenced
        self.root_key = root_key

    @property
    def path(self) -> list[Any]:
        """The given path + the field's path (`context.path`), built when a function asks."""
        if self._path is None:
            self._path = [*self._given(), *self._rel]
        return self._path


Run = Callable[[Any, Any, FunctionContext], list[Result] | None]
Prepare = Callable[[Any], Any]


def _any(value: Any) -> bool:
    return True


@dataclass(frozen=True)
class CoreFunction:
    name: str
    run: Run
    prepare: Prepare  # validates `functionOptions` (raises OptionsError) and precomputes what it can
    accepts: Callable[[Any], bool] = _any  # Spectral skips values that fail the input schema
    uses_context: bool = False  # reads the context (path, formats, references); else it gets a shared one
    deep: bool = True  # looks below the value's own keys/items (else it gets the value as written: cheaper)


def no_options(name: str) -> Prepare:
    def prepare(options: Any) -> None:
        if options is not None and options is not UNDEFINED:
            raise OptionsError(f'"{name}" function does not accept any options')

    return prepare


def require_mapping(name: str, options: Any, example: str) -> dict[str, Any]:
    if not isinstance(options, dict):
        raise OptionsError(f'"{name}" function has invalid options specified. Example valid options: {example}')
    return options


def reject_unknown(name: str, options: dict[str, Any], allowed: set[str]) -> None:
    for key in options:
        if key not in allowed:
            raise OptionsError(f'"{name}" function does not support "{key}" option')


def is_string(v: Any) -> bool:
    return isinstance(v, str)


def is_object(v: Any) -> bool:
    return isinstance(v, dict)
