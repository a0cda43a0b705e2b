"""Sample findings shared by the report-format tests.

They deliberately cover: every severity, three files (one only reached through a
remote $ref, one clean), a path with a space, markup-like `[brackets]`, `%`,
`,`, `:` and newlines in messages, `<&>`, non-ASCII text, a control character, a
tab in the source line, a very long source line, a span of None, a multi-line
span, and a breaking-change finding with an old location.
"""

from __future__ import annotations

import pytest

from apictl.core.diagnostic import Diagnostic, Severity, Span
from apictl.report import ReportContext, RuleInfo

PETSTORE = "api/petstore.yaml"
PET_MODEL = "api/schemas/Pet Model.yaml"
CLEAN = "api/clean.yaml"
REMOTE = "https://example.com/specs/common.yaml"

SOURCES = {
    PETSTORE: (
        "openapi: 3.0.3\n"
        "info:\n"
        "  title: Petstore \u2013 café ✓\n"
        "  version: 1.0.0\n"
        "paths:\n"
        "  /pets:\n"
        "    get:\n"
        "      summary: List pets\n"
        "      tags: [pets]\n"
        "      parameters:\n"
        "        - name: limit\n"
        "          in: query\n"
        "          example:\t42\t# max\n"
    ),
    PET_MODEL: (
        "type: object\r\n"
        "properties:\r\n"
        "  id:\r\n"
        "    type: integer\r\n"
        "    example: [0, 'x']\r\n"
        "  name:\r\n"
        "    description: " + "A very long description of the pet name. " * 6 + "UNIQUE_NAME" + " trailing" * 8 + "\r\n"
    ),
}

# column of UNIQUE_NAME on the long line 7 of PET_MODEL
_LONG_COL = SOURCES[PET_MODEL].split("\r\n")[6].index("UNIQUE_NAME") + 1

RULES = {
    "OAS001": RuleInfo("OAS001", "info-contact", "Info object should contain a contact.", "hint"),
    "OAS101": RuleInfo(
        "OAS101",
        "operation-operationid",
        "Operations must have an operationId.",
        "error",
        help_uri="https://apictl.dev/rules/operation-operationid",
    ),
    "OAS120": RuleInfo("OAS120", "schema-example-valid", "Examples must validate against their schema.", "error"),
    "OAS130": RuleInfo("OAS130", "schema-description", "Schema properties should be described.", "warning"),
    "OAS203": RuleInfo("OAS203", "operation-tag-defined", "Operation tags must be declared globally.", "warn"),
    "OAS301": RuleInfo("OAS301", "parameter-example-string", "Query examples should be strings.", "info"),
    "OAS310": RuleInfo("OAS310", "path-item-summary", "Path items should have a summary.", "hint"),
    "OAS400": RuleInfo("OAS400", "no-remote-refs", "Avoid $refs to remote documents.", "warn"),
    # BRK001 deliberately missing: formats must cope with unknown rules.
}


def make_diagnostics() -> list[Diagnostic]:
    ds = [
        Diagnostic(
            "OAS101",
            "operation-operationid",
            Severity.ERROR,
            'Operation "GET /pets" is missing an operationId.',
            PETSTORE,
            "/paths/~1pets/get",
            Span(7, 5, 7, 7),
        ),
        Diagnostic(
            "OAS203",
            "operation-tag-defined",
            Severity.WARN,
            'Tag [pets] is not declared in "tags" [bold red]yet[/] (used by 100% of ops: a,b,c).',
            PETSTORE,
            "/paths/~1pets/get/tags/0",
            Span(9, 14, 9, 17),
        ),
        Diagnostic(
            "OAS301",
            "parameter-example-string",
            Severity.INFO,
            "Query parameter example should be a string.",
            PETSTORE,
            "/paths/~1pets/get/parameters/0/example",
            Span(13, 20, 13, 21),
        ),
        Diagnostic(
            "OAS001",
            "info-contact",
            Severity.HINT,
            "Info object should contain a contact.",
            PETSTORE,
            "/info",
            None,
        ),
        Diagnostic(
            "OAS310",
            "path-item-summary",
            Severity.HINT,
            "Path item should have a summary.",
            PETSTORE,
            "/paths/~1pets",
            Span(6, 3, 9, 18),
        ),
        Diagnostic(
            "OAS120",
            "schema-example-valid",
            Severity.ERROR,
            "Example does not match schema:\nexpected <integer> & got 'x' at [1] — naïve café\x07!",
            PET_MODEL,
            "/properties/id/example",
            Span(5, 14, 5, 21),
        ),
        Diagnostic(
            "OAS130",
            "schema-description",
            Severity.WARN,
            "Description mentions UNIQUE_NAME.",
            PET_MODEL,
            "/properties/name/description",
            Span(7, _LONG_COL, 7, _LONG_COL + 10),
        ),
        Diagnostic(
            "BRK001",
            "response-property-removed",
            Severity.ERROR,
            "Property 'tag' was removed from the response body.",
            PET_MODEL,
            "/properties",
            Span(2, 1, 2, 11),
            old_uri="old/api/schemas/Pet Model.yaml",
            old_pointer="/properties/tag",
            old_span=Span(8, 3, 8, 6),
            category="wire",
        ),
        Diagnostic(
            "OAS400",
            "no-remote-refs",
            Severity.WARN,
            "Remote $ref to a document outside the repository.",
            REMOTE,
            "/components/schemas/Error",
            Span(3, 5, 3, 9),
        ),
    ]
    return sorted(ds, key=Diagnostic.sort_key)


def make_context(**overrides: object) -> ReportContext:
    ctx = ReportContext(
        tool_version="1.2.3",
        source=SOURCES.get,
        rules=RULES,
        color=False,
        width=100,
        files_checked=[CLEAN, PETSTORE, PET_MODEL],
        title="apictl lint",
    )
    for key, value in overrides.items():
        setattr(ctx, key, value)
    return ctx


@pytest.fixture
def diagnostics() -> list[Diagnostic]:
    return make_diagnostics()


@pytest.fixture
def ctx() -> ReportContext:
    return make_context()
