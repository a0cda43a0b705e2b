"""`apictl gen server`: FastAPI server stubs from an OpenAPI contract, or gRPC
server stubs (with clients) from protobuf files / a buf image."""

from __future__ import annotations

from pathlib import Path

import typer

from apictl.cli.common import EXIT_CLEAN, EXIT_FINDINGS, error, fail
from apictl.cli.gen_cmd import _valid_package, gen_app, is_proto_source, refuse_ref_root

FRAMEWORKS = ("fastapi",)


@gen_app.command("server")
def server(
    spec: Path = typer.Argument(..., help="OpenAPI contract (2.0/3.x), or .proto files / folder / buf image."),
    framework: str = typer.Option("fastapi", "--framework", help="HTTP framework for OpenAPI contracts (fastapi)."),
    lang: str = typer.Option("python", "--lang", help="Target language (python)."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder to write the project into."),
    package_name: str = typer.Option(None, "--package-name", help="Python package name (default: from the title)."),
    templates: Path = typer.Option(None, "--templates", help="Folder of templates overriding the shipped ones."),
    ref_root: Path = typer.Option(None, "--ref-root", help="Folder file $refs may not leave (default: the spec's)."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if the output on disk differs."),
    force: bool = typer.Option(
        False, "--force", help="Write into a non-empty folder apictl did not generate (only its files are written)."
    ),
) -> None:
    """Generate server stubs: your handlers live in files regeneration never overwrites."""
    from apictl.core.errors import ApictlError

    if lang != "python":
        raise fail(f"unsupported --lang {lang!r} (supported: python)")
    if framework not in FRAMEWORKS:
        raise fail(f"unsupported --framework {framework!r} (supported: {', '.join(FRAMEWORKS)})")
    if package_name is not None and not _valid_package(package_name):
        raise fail(f"invalid --package-name {package_name!r}: use a lower-case Python identifier like 'petstore_api'")
    if templates is not None and not templates.is_dir():
        raise fail(f"{templates}: --templates must be a folder")
    if not spec.exists():
        raise fail(f"{spec}: no such file or folder")
    try:
        if spec.is_dir() or is_proto_source(spec):
            refuse_ref_root(ref_root)
            from apictl.gen.grpc import generate_grpc

            paths = generate_grpc(
                spec, out, mode="server", package_name=package_name, templates=templates, check=check, force=force
            )
        else:
            from apictl.gen.server import generate_server

            paths = generate_server(
                spec, out, package_name=package_name, templates=templates, ref_root=ref_root, check=check, force=force
            )
    except ApictlError as exc:
        for line in _error_lines(exc):
            error(line)
        raise typer.Exit(exc.exit_code) from None
    if check:
        for path in paths:
            typer.echo(f"would change: {path}")
        raise typer.Exit(EXIT_FINDINGS if paths else EXIT_CLEAN)
    typer.echo(f"wrote {len(paths)} files to {out}")


def _error_lines(exc: Exception) -> list[str]:
    """Every located problem of a protobuf tree on its own line (the first one is `str(exc)`)."""
    diagnostics = getattr(exc, "diagnostics", None) or []
    lines = [f"{d.uri}:{d.line}:{d.col}: {d.message}" for d in diagnostics]
    return lines or [str(exc)]
