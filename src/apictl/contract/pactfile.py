"""Writing pact files safely from consumer tests.

pact-python writes pacts in place: a test run that fails while writing (or a writer
that is interrupted) leaves a 0-byte or truncated `consumer-provider.json` that the
next `publish` or `verify` chokes on. `write_pact` lets pact-python write into a
temporary folder next to the target, checks that the result is a non-empty JSON pact,
and only then moves it into place with one atomic rename."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Protocol

from apictl.core.errors import InputError


class WritablePact(Protocol):
    """What `write_pact` needs of a pact-python `Pact` (no import of pact-python here)."""

    def write_file(self, directory: str | Path | None = ..., *, overwrite: bool = ...) -> None: ...


def write_pact(pact: WritablePact, directory: Path) -> Path:
    """Write `pact` into `directory` atomically; returns the pact file's path."""
    import orjson

    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".pact-", dir=directory))
    try:
        pact.write_file(staging, overwrite=True)
        written = sorted(staging.glob("*.json"))
        if len(written) != 1:
            raise InputError(f"the pact writer produced {len(written)} files, expected one", uri=str(directory))
        content = written[0].read_bytes()
        if not content.strip():
            raise InputError("the pact writer produced an empty file; nothing was written", uri=str(directory))
        try:
            data = orjson.loads(content)
        except orjson.JSONDecodeError as exc:
            raise InputError(
                f"the pact writer produced invalid JSON ({exc}); nothing was written", uri=str(directory)
            ) from None
        if not isinstance(data, dict) or "interactions" not in data and "messages" not in data:
            raise InputError("the pact writer produced something that is not a pact", uri=str(directory))
        target = directory / written[0].name
        os.replace(written[0], target)
        return target
    finally:
        shutil.rmtree(staging, ignore_errors=True)
