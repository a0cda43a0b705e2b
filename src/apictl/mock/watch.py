"""`--watch`: reload the contracts when one of their files changes, keeping the
port open. Files are polled (size and modification time, twice a second — no
extra dependency); the new contracts are loaded in a worker thread and swapped
in only when they load, so a half-saved or broken file never takes the server
down: the previous contracts keep answering and the error is reported."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

INTERVAL_S = 0.5


def _stamp(files: Sequence[Path]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for f in files:
        try:
            st = os.stat(f)
            out.append((str(f), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(f), -1, -1))
    return tuple(out)


async def watch_files(
    files: Sequence[Path],
    reload: Callable[[], Any],
    app: Any,
    notify: Callable[[str], None],
    interval: float = INTERVAL_S,
) -> None:
    """Poll `files`; on a change call `reload()` (off the event loop) and set
    `app.handler` to what it returns. `reload` may return (handler, files) to
    change the watched files (a new `$ref`'d file)."""
    watched = list(files)
    last = _stamp(watched)
    loop = asyncio.get_running_loop()
    while True:
        await asyncio.sleep(interval)
        now = _stamp(watched)
        if now == last:
            continue
        await asyncio.sleep(interval / 2)  # let the editor finish writing
        now = _stamp(watched)
        try:
            result = await loop.run_in_executor(None, reload)
        except Exception as exc:  # keep serving the previous contract
            notify(f"reload failed, still serving the previous contract: {exc}")
            last = now
            continue
        if isinstance(result, tuple):
            app.handler, new_files = result
            watched = list(new_files)
            now = _stamp(watched)
        else:
            app.handler = result
        last = now
        notify("contract reloaded")
