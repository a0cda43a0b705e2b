"""`apictl rules`: the rule catalogue and each rule's documentation."""

from __future__ import annotations

import json

import typer

from apictl.cli import app
from apictl.cli.common import fail, use_color


@app.command()
def rules(
    code: str = typer.Argument(None, help="A rule code or name: print its documentation."),
    preset: str = typer.Option(
        None, "--preset", help="Only the rules a preset enables: minimal, recommended, all, scale-ready, aip."
    ),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """List the rule catalogue, or show one rule's documentation."""
    from apictl.core import registry
    from apictl.lint.engine import load_rules

    catalogue = load_rules()
    if preset is not None:
        if preset not in registry.ALL_PRESETS:
            raise fail(f"unknown preset {preset!r} (choose from {', '.join(registry.ALL_PRESETS)})")
        catalogue = [r for r in catalogue if r.in_preset(preset)]
    if fmt not in ("text", "json"):
        raise fail(f"unknown --format {fmt!r} (choose from text, json)")
    if code:
        found = registry.find(code)
        if found is None:  # a breaking rule (OpenAPI BRK…, protobuf PBB…)?
            from apictl.diff.engine import load_rules as openapi_breaking
            from apictl.diff.proto.engine import load_rules as proto_breaking

            openapi_breaking()
            proto_breaking()
            found = registry.find(code)
        if found is None:
            raise fail(f"no rule {code!r} (see `apictl rules`)")
        catalogue = [found]
    if fmt == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "preset": r.preset,
                "category": r.category,
                "formats": sorted(r.formats),
                "on": r.on,
                "status": r.status,
                "spectral": list(r.spectral),
                "redocly": list(r.redocly),
                "buf": list(r.buf),
                "summary": r.summary,
                **({"doc": r.doc} if code else {}),
            }
            for r in catalogue
        ]
        typer.echo(json.dumps(rows, indent=2))
        return
    from rich.console import Console

    console = Console(highlight=False, no_color=not use_color(None), soft_wrap=False)
    if code:
        r = catalogue[0]
        console.print(f"{r.code} {r.name}", style="bold", markup=False)
        console.print(
            f"severity: {r.severity.label} · preset: {r.preset} · category: {r.category} · "
            f"formats: {', '.join(sorted(r.formats))}",
            markup=False,
        )
        same = ", ".join(
            [f"Spectral {s}" for s in r.spectral] + [f"Redocly {s}" for s in r.redocly] + [f"buf {s}" for s in r.buf]
        )
        if same:
            console.print(f"same as: {same}", markup=False)
        console.print()
        console.print(r.doc, markup=False)
        return
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    cells = [(r.code, r.name, r.severity.label, r.preset, r.summary) for r in catalogue]
    for i, col in enumerate(("code", "name", "severity", "preset")):  # identifiers users copy: never wrapped or cut
        table.add_column(col, no_wrap=True, min_width=max([len(col), *(len(row[i]) for row in cells)]))
    table.add_column("summary")
    for row in cells:
        table.add_row(*row)
    console.print(table)
