"""jinja2 environments for the generators: the templates shipped in
`gen/templates/<kind>/`, overridden file by file by a user folder
(`--templates DIR`), with filters that make contract text safe in code."""

from __future__ import annotations

from pathlib import Path

import jinja2

from apictl.gen import naming

TEMPLATES = Path(__file__).parent / "templates"


def render_env(kind: str, user_dir: Path | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES / kind)))
    env = jinja2.Environment(
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
