"""The mock server's terminal output: a start line, then one line per request —
`[12:00:01] GET /pets 200 1.2ms  GET /pets`, violations underneath — coloured
with rich on a terminal, plain text otherwise, or JSON lines (`--log-format
json`)."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from typing import Any


def say(fmt: str, message: str, **extra: Any) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps({"time": _iso(time.time()), "event": message, **extra}) + "\n")
    else:  # `none` silences the request log only
        sys.stdout.write(message + "\n")
        for item in extra.get("contracts", []):
            sys.stdout.write(f"  {item}\n")
    sys.stdout.flush()


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ts)) + f".{int(ts % 1 * 1000):03d}Z"


def make_logger(fmt: str) -> Callable[[Any], None] | None:
    if fmt == "none":
        return None
    if fmt == "json":
        return _json_line
    from apictl.cli.common import use_color

    return _rich_logger() if use_color(None) else _text_line


def _json_line(record: Any) -> None:
    entry = {
        "time": _iso(record.started),
        "method": record.method,
        "path": record.target,
        "status": record.status,
        "duration_ms": round(record.duration_ms, 3),
        "operation": record.operation or None,
        "violations": [v.as_header_item() for v in record.violations],
    }
    if record.error:
        entry["error"] = record.error
    sys.stdout.write(json.dumps(entry, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _text(record: Any) -> str:
    clock = time.strftime("%H:%M:%S", time.localtime(record.started))
    line = f"[{clock}] {record.method} {record.target} {record.status} {record.duration_ms:.1f}ms"
    if record.operation:
        line += f"  {record.operation}"
    for v in record.violations:
        line += f"\n    {v.severity.lower()}: {'.'.join([v.side, *v.location])}: {v.message}"
    if record.error:
        line += f"\n    error: {record.error}"
    return line + "\n"


def _text_line(record: Any) -> None:
    sys.stdout.write(_text(record))
    sys.stdout.flush()


_STATUS_STYLES = {2: "green", 3: "cyan", 4: "yellow", 5: "bold red"}


def _rich_logger() -> Callable[[Any], None]:
    """On a terminal: the same line, coloured with rich (status by class,
    violations by severity)."""
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False, soft_wrap=True)

    def log(record: Any) -> None:
        line = Text()
        line.append(time.strftime("%H:%M:%S", time.localtime(record.started)), style="dim")
        line.append(f" {record.method} {record.target} ")
        line.append(str(record.status), style=_STATUS_STYLES.get(record.status // 100, ""))
        line.append(f" {record.duration_ms:.1f}ms", style="dim")
        if record.operation:
            line.append(f"  {record.operation}", style="blue")
        for v in record.violations:
            line.append(f"\n    {v.severity.lower()}", style="red" if v.severity == "Error" else "yellow")
            line.append(f": {'.'.join([v.side, *v.location])}: {v.message}")
        if record.error:
            line.append(f"\n    error: {record.error}", style="bold red")
        console.print(line)

    return log
