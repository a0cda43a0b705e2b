"""jinja2 environments for the generators: the templates shipped in
`gen/templates/<kind>/`, overridden file by file by a user folder
(`--templates DIR`), with filters that make contract text safe in code.

A template that does not parse or fails while rendering (an undefined name, a
filter error) is an `InputError` naming the template file and line: user
templates are input, never an internal error."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable, MutableMapping
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import Any

import jinja2

from apictl.core.errors import InputError
from apictl.gen import naming

TEMPLATES = Path(__file__).parent / "templates"


class _Template(jinja2.Template):
    def render(self, *args: Any, **kwargs: Any) -> str:
        try:
            return super().render(*args, **kwargs)
        except jinja2.TemplateSyntaxError as exc:  # an included/extended template
            raise template_error(exc, exc.filename, exc.lineno) from None
        except jinja2.TemplateError as exc:
            filename, line = _template_frame(sys.exc_info()[2], self.filename)
            raise template_error(exc, filename, line) from None


class _Environment(jinja2.Environment):
    template_class = _Template

    def get_template(
        self,
        name: str | jinja2.Template,
        parent: str | None = None,
        globals: MutableMapping[str, Any] | None = None,  # noqa: A002 - jinja2's own parameter name
    ) -> jinja2.Template:
        try:
            return super().get_template(name, parent, globals)
        except jinja2.TemplateSyntaxError as exc:
            raise template_error(exc, exc.filename, exc.lineno) from None
        except jinja2.TemplateError as exc:
            raise template_error(exc, str(name), None) from None


def template_error(exc: jinja2.TemplateError, filename: str | None, line: int | None) -> InputError:
    message = exc.message or type(exc).__name__
    return InputError(f"template error: {message}", uri=filename or "<template>", line=line)


def _template_frame(tb: TracebackType | None, fallback: str | None) -> tuple[str | None, int | None]:
    """The innermost traceback frame inside a template file (jinja2 rewrites them to the template's lines)."""
    found: tuple[str | None, int | None] = (fallback, None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".jinja") or filename == fallback:
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def check_user_python(files: Iterable[tuple[str, str | bytes]], user_dir: Path | None) -> None:
    """With `--templates`, every generated `.py` file must parse: a user template that
    renders broken Python is reported (naming the template it overrides), not written."""
    if user_dir is None:
        return
    for path, text in files:
        if not path.endswith(".py"):
            continue
        try:
            ast.parse(text, path)
        except SyntaxError as exc:
            template = user_dir / (PurePosixPath(path).name + ".jinja")
            where = str(template) if template.is_file() else str(user_dir)
            raise InputError(
                f"generated {path} is not valid Python ({exc.msg}, line {exc.lineno}): check the --templates override",
                uri=where,
            ) from None


def render_env(kind: str, user_dir: Path | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES / kind)))
    env = _Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=False,  # noqa: S701 - Python source, not HTML; values are escaped by the filters below
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["pystr"] = naming.string
    env.filters["pyliteral"] = naming.literal
    env.filters["tomlstr"] = naming.toml_string
    env.filters["doc"] = naming.docstring
    env.filters["comment"] = naming.comment
    env.filters["summary"] = naming.summary_line
    env.filters["clean"] = naming.clean_text
    return env
