"""Inline ignores.

* `x-apictl-ignore: [rule-name-or-code, …]` (or `true` for all) on any object
  silences those rules for that object and everything inside it — works in
  JSON and YAML.
* A YAML comment on the reported line, `# apictl-ignore: rule-name, OAS201`,
  or on the line before it, `# apictl-ignore-next-line: rule-name`.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from apictl.core.document import Document
from apictl.core.pointer import PointerError, split

IGNORE_KEY = "x-apictl-ignore"
_COMMENT = re.compile(r"#\s*apictl-ignore(-next-line)?\s*(?::\s*([\w\-, ]+))?")


def _matches(names: Any, code: str, rule: str) -> bool:
    if names is True or names == "all":
        return True
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list):
        return False
    return any(isinstance(n, str) and n.strip() in (code, rule) for n in names)


def ignored_by_extension(doc: Document, pointer: str, code: str, rule: str) -> bool:
    try:
        tokens = split(pointer)
    except PointerError:
        return False
    cur = doc.data
    for tok in [None, *tokens]:
        if tok is not None:
            if isinstance(cur, dict) and tok in cur:
                cur = cur[tok]
            elif isinstance(cur, list) and tok.isdigit() and int(tok) < len(cur):
                cur = cur[int(tok)]
            else:
                return False
        if isinstance(cur, dict) and IGNORE_KEY in cur and _matches(cur[IGNORE_KEY], code, rule):
            return True
    return False


@functools.lru_cache(maxsize=16)
def _lines(doc: Document) -> list[str]:
    return doc.text.splitlines()


def ignored_by_comment(doc: Document, line: int, code: str, rule: str) -> bool:
    if doc.syntax != "yaml" or "apictl-ignore" not in doc.text:
        return False
    lines = _lines(doc)
    for number, need_next in ((line, False), (line - 1, True)):
        if 1 <= number <= len(lines):
            for m in _COMMENT.finditer(lines[number - 1]):
                if bool(m.group(1)) != need_next:
                    continue
                names = m.group(2)
                if names is None or _matches([n for n in names.split(",")], code, rule):
                    return True
    return False
