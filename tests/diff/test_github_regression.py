"""Real-world regression: GitHub's REST description, @octokit/openapi 21.0.0 -> 23.0.2.

apictl must report the same breaking changes as oasdiff 1.15 (same check, operation
and location: the backtick-quoted values of the message). oasdiff's findings are
stored in tests/diff/realworld/oasdiff-*.json (regenerate with `oasdiff breaking
OLD NEW -f json`). The committed excerpt always runs; the full pair only when
bench/.cache holds it (see bench/diff_vs_oasdiff.py for the setup).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from apictl.core.diagnostic import Severity
from apictl.diff.engine import diff
from apictl.diff.sides import open_side

HERE = Path("tests/diff/realworld")
CACHE = Path("bench/.cache")
FULL_OLD = CACHE / "octokit-21/package/generated/api.github.com.json"
FULL_NEW = CACHE / "node/node_modules/@octokit/openapi/generated/api.github.com.json"
_QUOTED = re.compile(r"`([^`]*)`")

Key = tuple[str, str, str, tuple[str, ...]]


def _expected(name: str) -> Counter[Key]:
    rows = json.loads((HERE / name).read_text())
    return Counter(
        (c, op.upper(), path, tuple(sorted(_QUOTED.findall(text)))) for c, level, op, path, text in rows if level >= 2
    )


def _actual(old: Path, new: Path) -> Counter[Key]:
    out: Counter[Key] = Counter()
    for d in diff(open_side(str(old)), open_side(str(new))):
        if d.severity < Severity.WARN or "oasdiff" not in d.extra:
            continue
        op = str(d.extra["operation"])
        method, _, path = op.partition(" ")
        out[(str(d.extra["oasdiff"]), method, path, tuple(sorted(_QUOTED.findall(d.message[len(op) + 2 :]))))] += 1
    return out


def _compare(expected: Counter[Key], actual: Counter[Key]) -> None:
    missed, extra = expected - actual, actual - expected
    assert not missed and not extra, f"missed {sorted(missed)[:20]}\nextra {sorted(extra)[:20]}"


def test_excerpt_matches_oasdiff() -> None:
    _compare(_expected("oasdiff-excerpt.json"), _actual(HERE / "github-21.0.0.json", HERE / "github-23.0.2.json"))


@pytest.mark.skipif(not (FULL_OLD.exists() and FULL_NEW.exists()), reason="GitHub pair not in bench/.cache")
def test_full_pair_matches_oasdiff() -> None:
    expected = _expected("oasdiff-github-21.0.0-23.0.2.json")
    assert sum(expected.values()) == 567
    _compare(expected, _actual(FULL_OLD, FULL_NEW))
