"""The deprecation policy (options of BRK172: minimum days between today and a sunset date) as it
applies to operations, parameters and properties. The twin is built with dates relative to today,
so that it means the same whenever the test runs; oasdiff, when installed, is run with the same
policy (`--deprecation-days-stable` / `--deprecation-days-beta`) and must agree."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from apictl.diff.engine import diff, load_rules
from apictl.diff.sides import open_side
from tests.diff.test_oasdiff_parity import OASDIFF

BASE = Path("tests/diff/fixtures/BRK127/old.yaml")
POLICY = {"deprecation_days_stable": 30, "deprecation_days_beta": 10}


def _twin(tmp_path: Path) -> Path:
    soon, later, beta_ok = (str(date.today() + timedelta(days=d)) for d in (12, 400, 15))
    old: dict[str, Any] = yaml.safe_load(BASE.read_text())
    new: dict[str, Any] = yaml.safe_load(BASE.read_text())
    get, put = new["paths"]["/pets/{id}"]["get"], new["paths"]["/pets/{id}"]["put"]
    get["deprecated"] = True  # no sunset: missing under a policy
    put.update({"deprecated": True, "x-sunset": soon})  # 12 days < 30
    listing = new["paths"]["/pets"]["get"]
    listing.update({"deprecated": True, "x-sunset": beta_ok, "x-stability-level": "beta"})  # 15 >= 10: fine
    old["paths"]["/pets"]["get"]["x-stability-level"] = "beta"
    for side in (old, new):
        side["paths"]["/pets/{id}"]["get"]["parameters"].append({"name": "q", "in": "query", "schema": {}})
    new["paths"]["/pets/{id}"]["get"]["parameters"][-1].update({"deprecated": True, "x-sunset": later})
    props = new["components"]["schemas"]["PetInput"]["properties"]
    props["color"]["deprecated"] = True  # no sunset: missing
    props["tag"].update({"deprecated": True, "x-sunset": soon})  # too small
    for name, data in (("old", old), ("new", new)):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    return tmp_path


def _apictl(folder: Path) -> set[tuple[str, str]]:
    active = [(r, r.severity, dict(POLICY) if r.code == "BRK172" else dict(r.options)) for r in load_rules()]
    found = diff(open_side(str(folder / "old.yaml")), open_side(str(folder / "new.yaml")), active)
    return {(str(d.extra["oasdiff"]), str(d.extra["operation"])) for d in found if "oasdiff" in d.extra}


def test_policy_applies_to_operations_parameters_and_properties(tmp_path: Path) -> None:
    assert _apictl(_twin(tmp_path)) == {
        ("api-deprecated-sunset-missing", "GET /pets/{id}"),
        ("api-sunset-date-too-small", "PUT /pets/{id}"),
        ("endpoint-deprecated-with-sunset", "GET /pets"),
        ("request-parameter-deprecated", "GET /pets/{id}"),
        ("request-property-deprecated-sunset-missing", "PUT /pets/{id}"),
        ("request-property-sunset-date-too-small", "PUT /pets/{id}"),
    }


def test_without_a_policy_deprecations_are_only_listed(tmp_path: Path) -> None:
    folder = _twin(tmp_path)
    found = diff(open_side(str(folder / "old.yaml")), open_side(str(folder / "new.yaml")))
    assert {d.code for d in found} <= {"BRK302", "BRK313", "BRK331"}, [d.message for d in found]


@pytest.mark.skipif(not OASDIFF.exists(), reason="oasdiff not installed in bench/.cache")
def test_oasdiff_agrees_under_the_same_policy(tmp_path: Path) -> None:
    folder = _twin(tmp_path)
    flags = ["--deprecation-days-stable", "30", "--deprecation-days-beta", "10"]
    out = subprocess.run(
        [str(OASDIFF), "changelog", str(folder / "old.yaml"), str(folder / "new.yaml"), "-f", "json", *flags],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    theirs = {(x["id"], f"{x['operation']} {x['path']}") for x in json.loads(out)}
    assert theirs == _apictl(folder)


@pytest.mark.parametrize(
    ("days", "exit_code", "expected"),
    [
        (30, 1, "GET /pets/{id}: endpoint deprecated without a sunset date"),
        (0, 0, "GET /pets/{id}: endpoint deprecated"),
        ('"thirty"', 2, "rules.BRK172.options.deprecation_days_stable: expected a number of days"),
        (-1, 2, "rules.BRK172.options.deprecation_days_stable: expected a number of days"),
    ],
)
def test_policy_from_apictl_yaml(tmp_path: Path, days: object, exit_code: int, expected: str) -> None:
    from tests.cli.helpers import invoke

    old: dict[str, Any] = yaml.safe_load(BASE.read_text())
    new: dict[str, Any] = yaml.safe_load(BASE.read_text())
    new["paths"]["/pets/{id}"]["get"]["deprecated"] = True
    for name, data in (("old", old), ("new", new)):
        (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    config = tmp_path / "apictl.yaml"
    config.write_text(f"rules:\n  BRK172:\n    options: {{deprecation_days_stable: {days}}}\n")
    result = invoke("diff", "--config", config, tmp_path / "old.yaml", tmp_path / "new.yaml")
    assert result.exit_code == exit_code, result.output
    assert expected in (result.stdout if exit_code < 2 else result.stderr)
