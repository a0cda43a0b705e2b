"""Where the pact-check fixtures are, and how to read their expectations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FIXTURES = Path("tests/contract/check/fixtures")  # relative: the suite runs from the repo root
CASES = FIXTURES / "cases"
SMV = Path("bench/.cache/node/node_modules/.bin/swagger-mock-validator")
SMV_ARGS = {
    "--additional-properties-in-response": ["--additionalPropertiesInResponse", "true"],
    "--required-properties-in-response": ["--requiredPropertiesInResponse", "true"],
}


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


def case(name: str) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads((CASES / name / "case.json").read_text())
    meta["pact"] = CASES / name / "pact.json"
    meta["spec_path"] = FIXTURES / meta["spec"]
    return meta
