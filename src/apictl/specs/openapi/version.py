"""Which OpenAPI version a document is written in."""

from __future__ import annotations

import re
from typing import Any

from apictl.core.errors import InputError

KINDS = ("oas2", "oas3.0", "oas3.1", "oas3.2")
_OAS3 = re.compile(r"^3\.([0-2])\.\d+(-.+)?$")


def detect(data: Any, uri: str) -> str:
    """Return one of KINDS, or raise a located, explanatory InputError."""
    if not isinstance(data, dict):
        raise InputError(
            f"not an OpenAPI document: the top level is a {type(data).__name__}, expected a mapping", uri=uri
        )
    if "openapi" in data:
        version = data["openapi"]
        if not isinstance(version, str):
            raise InputError(f"'openapi' must be a version string like \"3.1.0\", got {version!r}", uri=uri)
        m = _OAS3.match(version)
        if not m:
            raise InputError(f"unsupported OpenAPI version {version!r} (supported: 2.0, 3.0.x, 3.1.x, 3.2.x)", uri=uri)
        return f"oas3.{m.group(1)}"
    if "swagger" in data:
        version = data["swagger"]
        if str(version) != "2.0":
            raise InputError(f"unsupported Swagger version {version!r} (supported: 2.0)", uri=uri)
        return "oas2"
    raise InputError("not an OpenAPI document: no 'openapi' or 'swagger' version field at the top level", uri=uri)
