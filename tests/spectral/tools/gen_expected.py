"""Record what Spectral reports, as the expected data of the agreement tests.

    python tests/spectral/tools/gen_expected.py        # needs bench/.cache/node (bash bench/setup.sh)

For each case in CASES: run `spectral lint -r RULESET SPEC -f json` and keep,
per result, (rule, file relative to the repository, line, column, severity,
message), sorted. Positions are 1-based like apictl's. Results of rules the
ruleset does not define itself (its `spectral:oas` rules) are left out: apictl
runs its own rules for those.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))
from tests.spectral.cases import CASES, DATA, RULESETS, SEVERITIES, compared_rules  # noqa: E402

SPECTRAL = ROOT / "bench" / ".cache" / "node" / "node_modules" / ".bin" / "spectral"


def rhoas_pure() -> None:
    """rhoas' ruleset without its custom-function rules (they crash Spectral 6.15)."""
    data = yaml.safe_load((RULESETS / "rhoas" / "ruleset.yaml").read_text(encoding="utf-8"))
    custom = set(data.pop("functions"))
    data["rules"] = {
        k: v for k, v in data["rules"].items() if not (isinstance(v, dict) and v["then"]["function"] in custom)
    }
    (DATA / "agreement").mkdir(exist_ok=True)
    (DATA / "agreement" / "rhoas-pure.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def spectral(ruleset: Path, spec: Path) -> list[dict[str, object]]:
    proc = subprocess.run(
        [str(SPECTRAL), "lint", "-r", str(ruleset), str(spec), "-f", "json", "--ignore-unknown-format"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    try:
        results = json.JSONDecoder().raw_decode(proc.stdout.lstrip())[0]
    except ValueError:
        sys.exit(f"spectral failed on {spec}: {proc.stdout[:500]} {proc.stderr[:500]}")
    return results  # type: ignore[no-any-return]


def main() -> None:
    rhoas_pure()
    for name, (ruleset, spectral_ruleset, specs) in CASES.items():
        keep = compared_rules(ruleset)
        out = []
        for spec in specs:
            for r in spectral(spectral_ruleset or ruleset, spec):
                if keep is not None and r["code"] not in keep:
                    continue
                start = r["range"]["start"]
                out.append(
                    [
                        r["code"],
                        Path(r["source"]).resolve().relative_to(ROOT).as_posix(),
                        start["line"] + 1,
                        start["character"] + 1,
                        SEVERITIES[r["severity"]],
                        r["message"],
                    ]
                )
        out.sort()
        text = "[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in out) + "\n]\n"
        (DATA / "agreement").mkdir(exist_ok=True)
        (DATA / "agreement" / f"{name}.expected.json").write_text(text, encoding="utf-8")
        print(f"{name}: {len(out)} results")


if __name__ == "__main__":
    main()
