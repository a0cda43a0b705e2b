"""Provider-state hooks given as `module:function` (the module is imported from the working
folder or sys.path). The hook is called as `hook(state, action, parameters)` with
action "setup" or "teardown"; what it raises is kept, so the report can say why a state failed
(and the interaction's mismatches, mere consequences, are not reported)."""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.core.errors import ConfigError

StateHook = Callable[..., Any]


@dataclass(slots=True)
class RecordingHook:
    """Wraps the user's hook: calls it with the arguments it accepts and records failures per state."""

    hook: StateHook
    failures: dict[str, str] = field(default_factory=dict)

    def __call__(self, state: str, action: str, parameters: dict[str, Any] | None) -> None:
        if not state:  # the verifier's generic set-up/tear-down call
            return
        values = {"state": state, "action": action, "parameters": parameters or {}, "params": parameters or {}}
        try:
            accepted = dict(inspect.signature(self.hook).parameters)
        except (TypeError, ValueError):
            accepted = {}
        if any(p.kind is p.VAR_KEYWORD for p in accepted.values()):
            kwargs = values
        else:
            kwargs = {k: v for k, v in values.items() if k in accepted}
        try:
            self.hook(**kwargs)
        except Exception as exc:
            # Recorded, not raised: when a state callback fails, the verifier retries it with
            # back-off for minutes. The interaction is reported as a failed state instead.
            self.failures.setdefault(state, f"{type(exc).__name__}: {exc}")


def load_hook(spec: str) -> RecordingHook:
    module_name, sep, attr = spec.partition(":")
    if not sep or not module_name or not attr:
        raise ConfigError(f"--state-hook must be module:function, got {spec!r}")
    cwd = str(Path.cwd())
    if cwd not in sys.path:
        sys.path.insert(0, cwd)
    try:
        module = importlib.import_module(module_name)
    except Exception as exc:
        raise ConfigError(f"--state-hook {spec}: cannot import {module_name!r}: {type(exc).__name__}: {exc}") from None
    hook = getattr(module, attr, None)
    if not callable(hook):
        raise ConfigError(f"--state-hook {spec}: {module_name} has no function {attr!r}")
    return RecordingHook(hook)
