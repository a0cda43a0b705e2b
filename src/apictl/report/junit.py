"""JUnit XML, as read by Jenkins, GitLab and the GitHub test-report actions.

Mapping (see docs/formats.md):

* `<testsuites name=ctx.title>`: totals over all suites.
* one `<testsuite name=FILE>` per file checked (plus any other file a finding
  points into);
* one `<testcase classname=FILE name="CODE rule at L:C">` per finding: errors and
  warnings carry a `<failure type=CODE message=...>`, infos and hints pass and
  keep their text in `<system-out>`;
* a file without findings gets a single passing testcase named "no problems".

Built with ElementTree (correct escaping); characters that XML 1.0 forbids are
removed from every value.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from apictl.core.diagnostic import Diagnostic, Severity
from apictl.report import ReportContext
from apictl.report._common import files_in_order, group_by_file, span_of

CLEAN_NAME = "no problems"
FAILING = (Severity.ERROR, Severity.WARN)
_ILLEGAL_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Drop characters not allowed in XML 1.0 documents (controls, lone surrogates, U+FFFE/F)."""
    return _ILLEGAL_XML.sub("", text)


def render(diagnostics: Sequence[Diagnostic], ctx: ReportContext) -> str:
    groups = group_by_file(diagnostics)
    root = ET.Element("testsuites", name=xml_safe(ctx.title))
    total_tests = total_failures = 0
    for uri in files_in_order(diagnostics, ctx.files_checked):
        found = groups.get(uri, [])
        failures = sum(d.severity in FAILING for d in found)
        tests = len(found) or 1
        suite = ET.SubElement(
            root,
            "testsuite",
            name=xml_safe(uri),
            tests=str(tests),
            failures=str(failures),
            errors="0",
            skipped="0",
        )
        for d in found:
            _testcase(suite, d)
        if not found:
            ET.SubElement(suite, "testcase", classname=xml_safe(uri), name=CLEAN_NAME)
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode", short_empty_elements=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _testcase(suite: ET.Element, d: Diagnostic) -> None:
    s = span_of(d.span)
    where = f"{s.line}:{s.col}"
    case = ET.SubElement(
        suite,
        "testcase",
        classname=xml_safe(d.uri),
        name=xml_safe(f"{d.code} {d.rule} at {where}"),
    )
    details = [
        f"{d.severity.label}: {d.message}",
        f"rule: {d.rule} ({d.code})",
        f"location: {d.uri}:{where}",
    ]
    if d.pointer:
        details.append(f"pointer: {d.pointer}")
    if d.old_uri is not None:
        old = span_of(d.old_span)
        details.append(f"previously: {d.old_uri}:{old.line}:{old.col}")
    text = xml_safe("\n".join(details))
    if d.severity in FAILING:
        failure = ET.SubElement(case, "failure", type=xml_safe(d.code), message=xml_safe(d.message))
        failure.text = text
    else:
        ET.SubElement(case, "system-out").text = text
