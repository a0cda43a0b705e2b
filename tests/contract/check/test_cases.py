"""Each fixture case (a pact + the description it names) gives the codes its
case.json lists, and the text users see (goldens; APICTL_REGEN=1 updates)."""

from __future__ import annotations

import json

import pytest

from apictl.contract.check.codes import CODES, SMV_CODES
from tests.cli.helpers import invoke
from tests.contract.check.helpers import case, case_names
from tests.golden import assert_golden


@pytest.mark.parametrize("name", case_names())
def test_case_codes_and_text(name: str) -> None:
    meta = case(name)
    args = [meta["pact"], "--spec", meta["spec_path"], *meta["args"]]
    result = invoke("contract", "check", *args, "--format", "json")
    found = json.loads(result.stdout)["diagnostics"]
    codes = sorted(d["code"] for d in found)
    assert sorted(set(codes)) == sorted(set(meta["codes"])), codes
    for d in found:
        assert d["severity"] == (CODES[d["code"]].severity.label if d["code"] in CODES else "error")
    errors = any(d["severity"] == "error" for d in found)
    assert result.exit_code == (1 if errors else 0)
    text = invoke("contract", "check", *args, "--no-color")
    assert_golden(f"contract/check/{name}.txt", text.stdout)


def test_every_swagger_mock_validator_code_has_a_case() -> None:
    covered = {c for name in case_names() for c in case(name)["codes"]} | {
        c for name in case_names() for c in case(name)["smv"]
    }
    assert len(SMV_CODES) == 22
    assert [c for c in SMV_CODES if c not in covered] == []
    assert [c for c in SMV_CODES if c not in case_names()] == []  # one case named after each code


def test_cases_say_why_they_differ() -> None:
    for name in case_names():
        meta = case(name)
        if set(meta["codes"]) != set(meta["smv"]):
            assert meta["why"], f"{name}: apictl and swagger-mock-validator differ without a reason"
