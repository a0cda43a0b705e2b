"""Small helpers shared by commands: errors to stderr, atomic output, colour."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import typer

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def error(message: str) -> None:
    """One line on stderr, never a traceback."""
    sys.stderr.write(f"apictl: error: {message}\n")


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    error(message)
    return typer.Exit(code)


def use_color(flag: bool | None, stream: object = sys.stdout) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def write_output(text: str, output: Path | None) -> None:
    """Write to stdout, or atomically to a file (never a half-written report)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = output.resolve()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise fail(f"{output}: cannot write the report: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it 0600; a report is an ordinary file
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # e.g. the output is a directory, or the disk is full
            raise fail(f"{output}: cannot write the report: {exc.strerror or exc}") from None
        raise
