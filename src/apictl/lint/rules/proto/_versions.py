"""Package version components as buf reads them: `v1`, `v1beta1`, `v1alpha2`,
`v1p1beta1`, `v1alpha`, `v1test…` (numbers from 1)."""

from __future__ import annotations

import re

_N = r"[1-9]\d*"
VERSION = re.compile(rf"v{_N}(?:test.*|(?:alpha|beta)(?:{_N})?|p{_N}(?:alpha|beta)(?:{_N})?)?")
_STABLE = re.compile(rf"v{_N}")


def is_stable(component: str) -> bool:
    return bool(_STABLE.fullmatch(component))


def is_unstable(component: str) -> bool:
    return bool(VERSION.fullmatch(component)) and not is_stable(component)
