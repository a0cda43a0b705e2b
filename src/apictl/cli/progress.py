"""A progress bar on stderr for long multi-file runs — only when stderr is a
terminal, only after the run has taken a moment, and gone when it ends."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

DELAY_S = 0.5


class FileProgress:
    def __init__(self, label: str = "linting") -> None:
        self.label = label
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    @property
    def callback(self) -> Callable[[int, int], None] | None:
        return self.update if sys.stderr.isatty() else None

    def update(self, done: int, total: int) -> None:
        if self._bar is None:
            if total < 2 or time.monotonic() - self.started < DELAY_S:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._bar = Progress(
                TextColumn(self.label),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=total)
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
