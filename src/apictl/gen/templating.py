"""TEMPORARY until h-gen-sdk's template loader lands."""

from __future__ import annotations

from pathlib import Path

import jinja2

BUILTIN = Path(__file__).parent / "templates"


def environment(templates: Path | None = None) -> jinja2.Environment:
    paths = [str(templates)] if templates else []
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader([*paths, str(BUILTIN)]),
        autoescape=False,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
