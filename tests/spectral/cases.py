"""The agreement cases: which ruleset runs on which documents. Spectral's results
for them are recorded by tools/gen_expected.py in data/agreement/<name>.expected.json."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "spectral" / "data"
RULESETS = ROOT / "tests" / "fixtures" / "spectral" / "rulesets"
SPECS = [
    *sorted((ROOT / "tests" / "fixtures" / "apis-guru").glob("*.json")),
    *sorted((ROOT / "examples").glob("*/openapi.yaml")),
    ROOT / "examples" / "legacy-swagger2" / "swagger.json",
]

# name -> (ruleset apictl runs, ruleset Spectral runs when different, documents)
CASES: dict[str, tuple[Path, Path | None, list[Path]]] = {
    "functions": (DATA / "functions" / "ruleset.yaml", None, [DATA / "functions" / "spec.yaml"]),
    "positions": (DATA / "positions" / "ruleset.yaml", None, sorted((DATA / "positions").glob("doc*"))),
    "resolution": (DATA / "resolution" / "ruleset.yaml", None, sorted((DATA / "resolution").glob("doc*"))),
    "rulesets": (
        DATA / "rulesets" / "main.yaml",
        None,
        [DATA / "rulesets" / "spec.yaml", DATA / "rulesets" / "legacy" / "old.yaml"],
    ),
    # real rulesets (tests/fixtures/spectral/rulesets/*/NOTICE.md)
    "spectral-oas-core": (RULESETS / "spectral-oas-core" / "ruleset.yaml", None, SPECS),
    "adidas": (RULESETS / "adidas" / "adidas-spectral.oas-only.yaml", None, SPECS),
    "rhoas": (RULESETS / "rhoas" / "ruleset.yaml", DATA / "agreement" / "rhoas-pure.yaml", SPECS),
}
SEVERITIES = ["error", "warn", "info", "hint"]


def compared_rules(ruleset: Path) -> set[str] | None:
    """The rules a ruleset defines itself, when it extends spectral:oas (whose
    rules apictl runs natively, so they are not compared); None: all rules."""
    data = yaml.safe_load(ruleset.read_text(encoding="utf-8"))
    if "spectral:oas" not in json.dumps(data.get("extends")):
        return None
    return {name for name, rule in (data.get("rules") or {}).items() if isinstance(rule, dict)}
