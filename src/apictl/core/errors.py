"""User-facing errors. Anything raised as an `ApictlError` is shown as one line
(`file:line:col: message`) and ends the command with its `exit_code`; never a
traceback."""

from __future__ import annotations


class ApictlError(Exception):
    exit_code = 2

    def __init__(self, message: str, *, uri: str | None = None, line: int | None = None, col: int | None = None):
        super().__init__(message)
        self.message = message
        self.uri = uri
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = self.uri or ""
        if where and self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        return f"{where}: {self.message}" if where else self.message


class InputError(ApictlError):
    """A file cannot be read or parsed, or is not a document we understand."""


class ConfigError(ApictlError):
    """apictl.yaml / pyproject / ruleset / command-line options are invalid."""
