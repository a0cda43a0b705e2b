"""FastAPI server stubs from OpenAPI (placeholder)."""

from __future__ import annotations

from pathlib import Path

from apictl.core.errors import InputError


def generate_server(
    spec: Path,
    out: Path,
    *,
    package_name: str | None = None,
    templates: Path | None = None,
    ref_root: Path | None = None,
    check: bool = False,
) -> list[str]:
    raise InputError("not yet")
