"""What `apictl contract stub` does once its options are parsed: load the pacts,
build the stub engine, bind the port, print where it listens, log requests,
serve until stopped."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.cli.common import EXIT_ERROR, error


@dataclass
class StubArgs:
    pacts: list[str]
    host: str
    port: int
    provider_state: str | None = None
    state_header: str = "X-Pact-Provider-State"
    empty_state: bool = False
    consumers: list[str] = field(default_factory=list)
    providers: list[str] = field(default_factory=list)
    cors: bool = False
    log_format: str = "text"


def load_pacts(paths: list[str]) -> list[Any]:
    """Pact files, and the `*.json` files of folders (sorted), loaded."""
    from apictl.contract.pact import load_pact
    from apictl.core.errors import InputError

    out: list[Any] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(path.glob("*.json"))
            if not files:
                raise InputError("folder holds no pact files (*.json)", uri=given)
            out.extend(load_pact(f) for f in files)
        else:
            out.append(load_pact(path, given))
    return out


def run_stub(args: StubArgs) -> int:
    if args.log_format not in ("text", "json", "none"):
        error(f"unknown --log-format {args.log_format!r} (choose from text, json, none)")
        return EXIT_ERROR
    from apictl.core.errors import ApictlError

    try:
        load_pacts(args.pacts)
    except ApictlError as exc:
        error(str(exc))
        return EXIT_ERROR
    error("contract stub: the stub engine is not ready yet")
    return EXIT_ERROR
