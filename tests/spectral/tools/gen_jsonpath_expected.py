"""Regenerate tests/spectral/data/jsonpath/: the expressions (from spectral:oas,
the committed real rulesets and hand-written edge cases) and, per document,
the matches nimma/jsonpath-plus report (through jsonpath_expected.js).

    PYTHONPATH=src python tests/spectral/tools/gen_jsonpath_expected.py   # needs bench/.cache/node
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import yaml

from apictl.lint.spectral import aliases
from apictl.lint.spectral.oas_data import OAS

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data" / "jsonpath"
RULESETS = HERE.parents[1] / "fixtures" / "spectral" / "rulesets"
EDGE_CASES = [
    "$",
    "$.info",
    "$.info.title",
    "$['info']['x-y']",
    '$["info"]["a.b"]',
    "$.info['y z']",
    "$.info.$ref",
    '$.info["q\'q"]',
    "$.*",
    "$..*",
    "$.paths[*]",
    "$.paths.*",
    "$.paths[*][*]",
    "$.paths[*]~",
    "$.paths.*~",
    "$.paths[/]",
    "$.paths[/health]",
    "$.paths[/health].get",
    "$.paths.[*].get",
    "$.paths.[*].requestBody",
    "$.paths[*][*].responses[200]",
    "$.paths[*][*].responses['200']",
    "$.paths[*][*].responses[200,404]",
    "$.paths[*][*].responses[?(@property >= 200 && @property < 300)]",
    "$.paths[*][*].responses[?(@property >= 400)]",
    "$.paths[*][*].responses[?(@property == 200 && @property < 300 && @property != 204)]",
    "$.paths..responses[?(@property < 300)].description",
    "$.paths..responses.*.description",
    "$..responses[*]~",
    "$..parameters[?(@.in == 'header')].name",
    "$..parameters[?(@.in === 'path')]",
    "$..parameters[?(@.in != 'query')].name",
    "$..parameters[?(@.in in ['query', 'header'])].name",
    "$..parameters[?(@.name ~= '^X-')]",
    "$..parameters[?(@.name.match(/^x-/i))]",
    "$..parameters[?(/^[a-z]+$/.test(@.name))]",
    "$..parameters[?(@.name.startsWith('X'))]",
    "$..parameters[?(@.name.toLowerCase() === 'x-trace')]",
    "$..parameters[?(@.name.length > 1)]",
    "$..parameters[?(!@.schema)]",
    "$..parameters[?(@.schema && @.schema.type.constructor.name === 'Array')]",
    "$..[?(@.type === 'array')]",
    "$..[?(@ && @.type == 'string')]",
    "$..[?(@.enum)]",
    "$..[?(@property === 'description')]",
    "$..[?(@property.indexOf('json') !== -1)]",
    "$..[?(@property.match(/^[0-9]+$/))]",
    "$..[?(@parentProperty === 'responses')]",
    "$..content[?(@property.indexOf('json') === -1)]^",
    "$..description^",
    "$..description^~",
    "$.list[0]",
    "$.list[0][1]",
    "$.list[1][0]",
    "$.list[1]['1']",
    "$.list[-1]",
    "$.list[:2]",
    "$.list[1:]",
    "$.list[::2]",
    "$.list[1:5:2]",
    "$.list[*]",
    "$.list[*]~",
    "$.list[?(@ === null)]",
    "$.list[?(@ == 4.5)]",
    "$.list[?(@ === 's')]",
    "$.list[?(@ === true)]",
    "$.list[?(Array.isArray(@))]",
    "$.list[?(@.length === 0)]",
    "$..[0]",
    "$..[1:]",
    "$.nested..b",
    "$..a..b",
    "$..a.b",
    "$.nested.a.*",
    "$..properties[*]",
    "$..properties[*]~",
    "$..properties.properties",
    "$..[description,title]",
    "$..['description','title']",
    "$.tags[*].name",
    "$.tags[?(@.description)]",
    "$.tags[?(!@.description)].name",
    "$.empty.*",
    "$.numbers[1]",
    "$.numbers['01']",
    "$.numbers[01]",
    "$.numbers['-1']",
    "$..parameters..[?(@.in == 'path')]",
    "$..[?(@.example !== void 0 || @.examples)]",
    "$..[?(@ && @['x-y'])]",
    "$..[?(@.in == 'query' || @.in == 'header')].name",
    "$..[?(@.in == 'path' ? true : false)].name",
    "$..[?(typeof @ === 'number')]",
    "$..[?(@ > 1)]",
    "$..[?(@property == 1)]",
]


def expressions() -> list[str]:
    out: list[str] = []

    def add(expr: str) -> None:
        if expr not in out:
            out.append(expr)

    for rule in OAS["rules"].values():
        givens = rule["given"] if isinstance(rule["given"], list) else [rule["given"]]
        for given in givens:
            for expr in aliases.all_expressions(OAS["aliases"], given, "spectral:oas"):
                add(expr)
    for path in sorted(RULESETS.glob("*/*.yaml")):
        for rule in (yaml.safe_load(path.read_text(encoding="utf-8")).get("rules") or {}).values():
            if isinstance(rule, dict) and "given" in rule:
                for given in rule["given"] if isinstance(rule["given"], list) else [rule["given"]]:
                    if given.startswith("$"):
                        add(given)
    for expr in EDGE_CASES:
        add(expr)
    return out


def main() -> None:
    exprs = expressions()
    (DATA / "expressions.json").write_text(json.dumps(exprs, indent=1) + "\n", encoding="utf-8")
    for doc in sorted(DATA.glob("*.json")):
        if doc.name == "expressions.json" or doc.name.endswith(".expected.json"):
            continue
        out = subprocess.run(
            ["node", str(HERE / "jsonpath_expected.js"), str(doc), str(DATA / "expressions.json")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        (DATA / f"{doc.stem}.expected.json").write_text(out, encoding="utf-8")


if __name__ == "__main__":
    main()
