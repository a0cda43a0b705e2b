"""The one module that imports pact-python: replays one pact file against the provider.

Pitfalls of pact-python 4.x handled here: telemetry is switched off
(`PACT_DO_NOT_TRACK`); the Rust core prints its report (and pact-python's
state-callback server its access log) straight to the process's stdout/stderr,
so file descriptors 1 and 2 are redirected while it runs and the text is kept;
`verify()` raises a bare `RuntimeError` whenever an interaction errored, so the
outcome is always read from `Verifier.results` instead.
"""

from __future__ import annotations

import io
import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from apictl.contract.verify.hooks import RecordingHook
from apictl.core.errors import InputError


@dataclass(slots=True)
class EngineRun:
    results: dict[str, Any]  # Verifier.results: result, errors, interactionResults, pendingErrors, notices
    output: str  # what the verifier would have printed


@contextmanager
def _captured_fds() -> Iterator[list[str]]:
    """Send fds 1 and 2 to a temporary file for the duration; yields a list that receives the text."""
    captured: list[str] = []
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    saved = [os.dup(1), os.dup(2)]
    python_level = io.StringIO()  # pact-python's state-callback server logs through sys.stderr
    handler = logging.StreamHandler(python_level)  # the Rust core's log arrives through logging ("pact.ffi…")
    pact_logger = logging.getLogger("pact")
    pact_logger.addHandler(handler)
    with tempfile.TemporaryFile(mode="w+b") as sink, redirect_stdout(python_level), redirect_stderr(python_level):
        os.dup2(sink.fileno(), 1)
        os.dup2(sink.fileno(), 2)
        try:
            yield captured
        finally:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            pact_logger.removeHandler(handler)
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            for fd in saved:
                os.close(fd)
            sink.seek(0)
            captured.append(sink.read().decode("utf-8", "replace") + python_level.getvalue())


def verify_pact_file(
    pact_file: Path,
    *,
    provider: str,
    base_url: str,
    state_change_url: str | None = None,
    state_hook: RecordingHook | None = None,
    state_teardown: bool = True,
    headers: tuple[tuple[str, str], ...] = (),
    timeout: float = 5.0,
) -> EngineRun:
    os.environ.setdefault("PACT_DO_NOT_TRACK", "true")
    from pact import Verifier

    parts = urlsplit(base_url)
    host = parts.hostname or "localhost"
    verifier = Verifier(provider, host=host)
    try:
        verifier.add_transport(url=base_url)
    except ValueError as exc:
        raise InputError(f"--base-url {base_url}: {exc}") from None
    verifier.add_source(pact_file)
    verifier.set_request_timeout(max(1, int(timeout * 1000)))
    verifier.set_coloured_output(enabled=False)
    if headers:
        verifier.add_custom_headers(dict(headers))
    if state_hook is not None:
        verifier.state_handler(state_hook, teardown=state_teardown)
    elif state_change_url:
        verifier.state_handler(state_change_url, teardown=state_teardown, body=True)
    with _captured_fds() as captured:
        try:
            verifier.verify()
        except RuntimeError:
            pass  # "Failed to execute verifier": the details are in .results
    results = verifier.results
    return EngineRun(results if isinstance(results, dict) else {}, "".join(captured))
