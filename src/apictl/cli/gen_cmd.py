"""`apictl gen`: code generators. `gen sdk` writes a typed Python client package
(httpx, sync and async, pydantic v2 models) from an OpenAPI contract, or gRPC
client stubs from protobuf files / a buf image."""

from __future__ import annotations

from pathlib import Path

import typer

from apictl.cli import app
from apictl.cli.common import EXIT_CLEAN, EXIT_FINDINGS, fail

gen_app = typer.Typer(help="Generate client SDKs and server stubs from contracts.", no_args_is_help=True)
app.add_typer(gen_app, name="gen")

PROTO_SUFFIXES = (".proto", ".binpb", ".pb", ".bin")


def is_proto_source(source: Path) -> bool:
    """A .proto file, a buf image / descriptor set, or a folder holding .proto files."""
    if source.is_dir():
        return any(source.rglob("*.proto"))
    return source.suffix.lower() in PROTO_SUFFIXES


@gen_app.command("sdk")
def sdk(
    spec: Path = typer.Argument(..., help="OpenAPI contract (2.0/3.x), or .proto files / folder / buf image."),
    lang: str = typer.Option("python", "--lang", help="Target language (python)."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder to write the package into."),
    package_name: str = typer.Option(None, "--package-name", help="Python package name (default: from the title)."),
    templates: Path = typer.Option(None, "--templates", help="Folder of templates overriding the shipped ones."),
    ref_root: Path = typer.Option(None, "--ref-root", help="Folder file $refs may not leave (default: the spec's)."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 if the output on disk differs."),
    force: bool = typer.Option(
        False, "--force", help="Write into a non-empty folder apictl did not generate (only its files are written)."
    ),
) -> None:
    """Generate a typed Python client SDK (sync + async, httpx, pydantic v2)."""
    from apictl.core.errors import ApictlError

    if lang != "python":
        raise fail(f"unsupported --lang {lang!r} (supported: python)")
    if package_name is not None and not _valid_package(package_name):
        raise fail(
            f"invalid --package-name {package_name!r}: use a lower-case Python identifier like 'petstore_client'"
        )
    if templates is not None and not templates.is_dir():
        raise fail(f"{templates}: --templates must be a folder")
    if not spec.exists():
        raise fail(f"{spec}: no such file or folder")
    try:
        if is_proto_source(spec):
            refuse_ref_root(ref_root)
            from apictl.gen.grpc import generate_grpc  # type: ignore[import-not-found, unused-ignore]

            paths = generate_grpc(
                spec, out, mode="client", package_name=package_name, templates=templates, check=check, force=force
            )
        else:
            from apictl.gen.ir import build_ir, load_workspace
            from apictl.gen.output import diff_tree, write_tree
            from apictl.gen.python_sdk import generate_sdk

            ir = build_ir(load_workspace(spec, ref_root=ref_root))
            files = generate_sdk(ir, package_name=package_name, templates=templates)
            paths = diff_tree(files, out) if check else write_tree(files, out, force=force)
    except ApictlError as exc:
        raise fail(str(exc), exc.exit_code) from None
    report_written(paths, out, check)


def refuse_ref_root(ref_root: Path | None) -> None:
    """`--ref-root` bounds an OpenAPI contract's file `$ref`s; protobuf input has none."""
    if ref_root is not None:
        raise fail(
            "--ref-root applies to OpenAPI contracts only: protobuf imports resolve inside the given "
            "folder (pass the folder that holds every imported .proto file)"
        )


def report_written(paths: list[str], out: Path, check: bool) -> None:
    """Print what was written, or with --check what would change (then exit 1 if anything would)."""
    if check:
        for path in paths:
            typer.echo(f"would change: {path}")
        raise typer.Exit(EXIT_FINDINGS if paths else EXIT_CLEAN)
    typer.echo(f"wrote {len(paths)} files to {out}")


def _valid_package(name: str) -> bool:
    import keyword

    return name.isidentifier() and name.isascii() and name == name.lower() and not keyword.iskeyword(name)
