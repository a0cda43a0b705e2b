"""The Python client SDK generator (placeholder until the templates land)."""

from __future__ import annotations

from pathlib import Path

from apictl.gen.ir import ApiIR
from apictl.gen.models import build_models
from apictl.gen.output import GeneratedFile


def generate_sdk(ir: ApiIR, *, package_name: str | None = None, templates: Path | None = None) -> list[GeneratedFile]:
    package = package_name or "client"
    models = build_models(ir)
    return [GeneratedFile(f"{package}/models.py", models.source)]
