"""apictl contract check vs PactFlow's swagger-mock-validator, side by side.

For each pact/OpenAPI pair both tools run as a user runs them (one process per
pair); compared: the finding codes each reports (as sets: swagger-mock-validator
repeats a finding once per `allOf` branch that fails) and the CPU time (user + sys of the process tree).

Pairs: every case under tests/contract/check/fixtures/cases/ (pact.json +
case.json naming its spec), plus a real-world-size pair: a pact of many
interactions generated from GitHub's description (bench/.cache, @octokit/openapi)
with `--github N` interactions (0 to skip). Stdlib only.

    python bench/contract_check_vs_smv.py                     # fixtures + GitHub (300 interactions)
    python bench/contract_check_vs_smv.py --github 1000 --json out.json
    python bench/contract_check_vs_smv.py --apictl "python -m apictl"
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shlex
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import MODULES, SPECS, measure  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "contract" / "check" / "fixtures" / "cases"
SMV = MODULES / ".bin" / "swagger-mock-validator"
_COUNT = re.compile(r"^\t([a-z.-]+): (\d+)$", re.M)
# swagger-mock-validator's switches, by apictl's
SMV_ARGS = {
    "--additional-properties-in-response": ["--additionalPropertiesInResponse", "true"],
    "--required-properties-in-response": ["--requiredPropertiesInResponse", "true"],
}


def smv_codes(stdout: str) -> Counter[str]:
    """The per-code counts swagger-mock-validator prints ("\\tcode: N")."""
    return Counter({m.group(1): int(m.group(2)) for m in _COUNT.finditer(stdout)})


def apictl_codes(stdout: str) -> Counter[str]:
    data = json.loads(stdout or "{}")
    return Counter(d["code"] for d in data.get("diagnostics", []))


def run_pair(apictl: str, pact: Path, spec: Path, args: list[str], timeout: float) -> dict[str, Any]:
    ours = measure(
        [*shlex.split(apictl), "contract", "check", str(pact), "--spec", str(spec), "-f", "json", *args], timeout
    )
    smv_args = [a for arg in args for a in SMV_ARGS.get(arg, [])]
    theirs = measure([str(SMV), *smv_args, str(spec), str(pact)], timeout) if SMV.exists() else None
    row: dict[str, Any] = {"apictl_cpu_s": ours.cpu_s, "apictl_rc": ours.rc}
    row["apictl"] = dict(apictl_codes(ours.stdout)) if ours.rc in (0, 1) else {"<error>": 1}
    if ours.rc not in (0, 1):
        row["apictl_error"] = ours.stderr.strip()[:300]
    if theirs is not None:
        row["smv_cpu_s"] = theirs.cpu_s
        row["smv"] = dict(smv_codes(theirs.stdout)) if theirs.rc in (0, 1) else {"<error>": 1}
        if theirs.rc not in (0, 1):
            row["smv_error"] = (theirs.stderr or theirs.stdout).strip()[:300]
    return row


def github_pair(n: int, folder: Path) -> tuple[Path, Path]:
    """A pact of `n` interactions on GitHub's description: GET operations with
    their path parameters filled in, responses built from the schemas' examples
    (or a minimal object), some deliberately wrong."""
    spec_path = SPECS["github"]
    spec = json.loads(spec_path.read_text())
    rng = random.Random(7)
    ops = [
        (path, item["get"])
        for path, item in spec["paths"].items()
        if isinstance(item, dict) and isinstance(item.get("get"), dict) and "200" in item["get"].get("responses", {})
    ]
    rng.shuffle(ops)
    interactions = []
    for i, (path, op) in enumerate((ops * (n // max(len(ops), 1) + 1))[:n]):
        concrete = re.sub(
            r"\{[^}]+\}", lambda m: "42" if "number" in m.group(0) or "id" in m.group(0) else "octo", path
        )
        body = _example(spec, op["responses"]["200"])
        interaction: dict[str, Any] = {
            "description": f"{i} {op.get('operationId', path)}",
            "request": {"method": "GET", "path": concrete, "headers": {"Accept": "application/json"}},
            "response": {"status": 200, "headers": {"Content-Type": "application/json"}},
        }
        if body is not None:
            interaction["response"]["body"] = body
        if i % 10 == 3:
            interaction["request"]["path"] = concrete + "/nope"
        if i % 10 == 5:
            interaction["response"]["status"] = 418
        interactions.append(interaction)
    pact = {
        "consumer": {"name": "bench"},
        "provider": {"name": "github"},
        "interactions": interactions,
        "metadata": {"pactSpecification": {"version": "2.0.0"}},
    }
    out = folder / f"github-{n}.json"
    out.write_text(json.dumps(pact))
    return out, spec_path


def _filler(m: re.Match[str]) -> str:
    name = m.group(0)
    return "42" if "number" in name or "id" in name else "octo"


def _example(spec: dict[str, Any], response: dict[str, Any]) -> Any:
    if "$ref" in response:
        response = _deref(spec, response["$ref"])
    media = (response.get("content") or {}).get("application/json") or {}
    if "example" in media:
        return media["example"]
    for ex in (media.get("examples") or {}).values():
        ex = _deref(spec, ex["$ref"]) if "$ref" in ex else ex
        if "value" in ex:
            return ex["value"]
    return None


def _deref(spec: dict[str, Any], ref: str) -> Any:
    node: Any = spec
    for token in ref[2:].split("/"):
        node = node[token.replace("~1", "/").replace("~0", "~")]
    return node


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--apictl", default=f"{sys.executable} -m apictl")
    parser.add_argument("--github", type=int, default=300, help="interactions in the GitHub pact (0: skip)")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--json", type=Path, help="write the rows here")
    ns = parser.parse_args()
    if not SMV.exists():
        print(f"note: {SMV} not found (run bash bench/setup.sh): apictl only", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        meta = json.loads((case / "case.json").read_text())
        spec = case.parent.parent / meta["spec"]
        row = run_pair(ns.apictl, case / "pact.json", spec, meta["args"], ns.timeout)
        row["pair"] = case.name
        row["expected_same"] = meta["codes"] == meta["smv"]
        rows.append(row)
    with tempfile.TemporaryDirectory() as tmp:
        if ns.github and SPECS["github"].exists():
            pact, spec = github_pair(ns.github, Path(tmp))
            row = run_pair(ns.apictl, pact, spec, [], ns.timeout)
            row["pair"] = f"github ({ns.github} interactions)"
            row["expected_same"] = None
            rows.append(row)
    print(f"{'pair':42} {'agree':>6} {'apictl s':>9} {'smv s':>8} {'ratio':>7}  differences")
    agree = total = 0
    ours_cpu = theirs_cpu = 0.0
    for row in rows:
        same = row.get("smv") is not None and set(row["apictl"]) == set(row["smv"])  # the same kinds of finding
        if "smv" in row:
            total += 1
            agree += same
            ours_cpu += row["apictl_cpu_s"]
            theirs_cpu += row["smv_cpu_s"]
        diff = ""
        if "smv" in row and not same:
            a, s = Counter(row["apictl"]), Counter(row["smv"])
            diff = f"apictl+{dict(a - s)} smv+{dict(s - a)}"
        ratio = row["smv_cpu_s"] / row["apictl_cpu_s"] if row.get("smv_cpu_s") and row["apictl_cpu_s"] else 0
        print(
            f"{row['pair'][:42]:42} {('yes' if same else 'no') if 'smv' in row else '-':>6} "
            f"{row['apictl_cpu_s']:9.2f} {row.get('smv_cpu_s', 0):8.2f} {ratio:6.1f}x  {diff}"
        )
    if total:
        print(
            f"\nsame codes on {agree}/{total} pairs; CPU: apictl {ours_cpu:.2f} s, "
            f"swagger-mock-validator {theirs_cpu:.2f} s ({theirs_cpu / max(ours_cpu, 1e-9):.1f}x)"
        )
    if ns.json:
        ns.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
