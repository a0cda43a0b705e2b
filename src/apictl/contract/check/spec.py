"""The provider's OpenAPI description, as the pact check reads it.

Loading, the operation model (2.0 and 3.x as one shape), routing with the
servers' base paths and parameter styles are the mock's (`apictl.mock.spec`,
`router`, `params`, `coerce`): a pact is checked with the same reading of the
description that `apictl mock` serves. Schemas are compiled three ways:
requests as OpenAPI says (Draft 2020-12, so that an `allOf` branch's
`additionalProperties: false` closes the union), responses with objects
closed and `required` relaxed as swagger-mock-validator reads them (both
switchable), and parameters with Ajv-style coercion of their text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from apictl.contract.check.reuse import Match, MockSpec, Operation, Router, load_spec
from apictl.core.errors import InputError
from apictl.core.pointer import join
from apictl.core.refs import RefError, Workspace
from apictl.specs.openapi.access import Located
from apictl.specs.openapi.jsonschema import SchemaValidators


@dataclass(slots=True)
class CheckOptions:
    additional_properties_in_response: bool = False  # swagger-mock-validator's -A: responses may have more
    required_properties_in_response: bool = False  # its -R: response schemas' `required` is enforced


@dataclass
class ProviderSpec:
    mock: MockSpec
    router: Router
    requests: SchemaValidators
    responses: SchemaValidators
    _methods: dict[str, list[str]] = field(default_factory=dict)
    _routers: dict[str, Router] = field(default_factory=dict)  # method -> the templates that have it

    @property
    def uri(self) -> str:
        return self.mock.ws.root.uri

    @property
    def version(self) -> str:
        return self.mock.version

    def route(self, path: str, method: str | None = None) -> Match | None:
        """The template `path` belongs to; with `method`, among the templates that
        have that method (`/pets/mine` has no DELETE, `/pets/{id}` has: the
        DELETE goes there, as a server with method-aware routing would send it)."""
        if method is None:
            return self.router.match(path)
        router = self._routers.get(method)
        if router is None:
            templates = [t for t in self.mock.items if method in self.methods(t)]
            router = self._routers[method] = Router(templates, self.mock.base_paths)
        return router.match(path)

    def methods(self, template: str) -> list[str]:
        found = self._methods.get(template)
        if found is None:
            found = self._methods[template] = self.mock.methods(template)
        return found

    def operation(self, template: str, method: str) -> Operation | None:
        return self.mock.operation(template, method)

    def operation_at(self, template: str, method: str) -> Located | None:
        """Where the operation is written."""
        item = self.mock.items.get(template)
        if item is None or not isinstance(item.value, dict):
            return None
        m = method.lower()
        return Located(item.value.get(m), item.doc, join(item.pointer, m))

    def oas2_media(self, template: str, method: str, key: str) -> list[str]:
        """2.0 `consumes`/`produces` of an operation (or the document's)."""
        at = self.operation_at(template, method)
        value = at.value.get(key) if at is not None and isinstance(at.value, dict) else None
        data: Any = self.mock.ws.root.data
        if not isinstance(value, list) and isinstance(data, dict):
            value = data.get(key)
        return [m for m in value if isinstance(m, str)] if isinstance(value, list) else []


def load_provider(path: Path, options: CheckOptions, ref_root: Path | None = None) -> ProviderSpec:
    """Raises InputError (exit 2) for a description that cannot be read, or
    whose `$ref`s do not all resolve (a pact checked against a schema that
    is not there would pass silently)."""
    mock = load_spec(path, ref_root=ref_root)
    check_refs(mock.ws)
    ws, version = mock.ws, mock.version
    return ProviderSpec(
        mock=mock,
        router=Router(mock.items.keys(), mock.base_paths),
        requests=SchemaValidators(ws, version, draft="2020-12", strict_access=True),
        responses=SchemaValidators(
            ws,
            version,
            draft="2020-12",
            closed=not options.additional_properties_in_response,
            optional=not options.required_properties_in_response,
            strict_access=True,
        ),
    )


_REF = re.compile(r"""\$ref["']?\s*:\s*(?:"([^"]*)"|'([^']*)'|([^\s"'{\[,}][^\s,}]*))""")
_NOT_SCHEMA = frozenset(("example", "examples", "default", "enum", "const"))  # values, not references


def check_refs(ws: Workspace) -> None:
    """Every `$ref` of the description's files resolves. Candidates are found by
    scanning the text (walking GitHub's 13 MB description costs more than the
    check itself); one that does not resolve is confirmed in the parsed data
    (not inside an example, a default or an extension) before it is reported."""
    done: set[str] = set()
    while True:
        pending = [d for key, d in list(ws.docs.items()) if key not in done]
        if not pending:
            return
        for doc in pending:
            done.add(next(k for k, d in ws.docs.items() if d is doc))
            for groups in set(_REF.findall(doc.text)):
                ref = next(g for g in groups if g)
                try:
                    ws.resolve(ref, doc)
                except RefError as exc:
                    site = next(_ref_sites(doc.data, ref), None)
                    if site is None:
                        continue  # text that looks like a reference, in an example or a description
                    span = doc.span(site)
                    raise InputError(
                        f"unresolvable $ref {ref!r}: {exc}", uri=doc.uri, line=span.line, col=span.col
                    ) from None


def _ref_sites(data: Any, ref: str) -> Iterator[str]:
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        node, pointer = stack.pop()
        if isinstance(node, dict):
            if node.get("$ref") == ref:
                yield join(pointer, "$ref")
            stack.extend(
                (v, join(pointer, k))
                for k, v in node.items()
                if isinstance(v, (dict, list)) and k not in _NOT_SCHEMA and not str(k).startswith("x-")
            )
        elif isinstance(node, list):
            stack.extend((v, join(pointer, i)) for i, v in enumerate(node) if isinstance(v, (dict, list)))
