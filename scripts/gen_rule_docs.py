#!/usr/bin/env python3
"""Generate docs/rules/ from the rules' docstrings (the single source).

python3 scripts/gen_rule_docs.py          # write
python3 scripts/gen_rule_docs.py --check  # exit 1 if docs/rules/ is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from apictl.core.registry import Rule  # noqa: E402
from apictl.lint.engine import load_rules  # noqa: E402

OUT = ROOT / "docs" / "rules"


def rule_page(r: Rule) -> str:
    same = [f"Spectral `{s}`" for s in r.spectral] + [f"Redocly `{s}`" for s in r.redocly]
    head = [
        f"# {r.code} `{r.name}`",
        "",
        "| severity | preset | category | formats | same as |",
        "|---|---|---|---|---|",
        f"| {r.severity.label} | {r.preset} | {r.category} | {', '.join(sorted(r.formats))} "
        f"| {', '.join(same) or '—'} |",
        "",
    ]
    return "\n".join(head) + r.doc.strip() + "\n"


def index(rules: list[Rule]) -> str:
    lines = [
        "# Rules",
        "",
        "Generated from the rules' docstrings by `python3 scripts/gen_rule_docs.py`; "
        "`apictl rules CODE` prints the same text. Presets nest: minimal ⊂ recommended ⊂ all.",
        "",
        "| code | name | severity | preset | Spectral | Redocly |",
        "|---|---|---|---|---|---|",
    ]
    for r in rules:
        lines.append(
            f"| [{r.code}]({r.code}.md) | `{r.name}` | {r.severity.label} | {r.preset} | "
            f"{', '.join(r.spectral) or '—'} | {', '.join(r.redocly) or '—'} |"
        )
    return "\n".join(lines) + "\n"


def expected() -> dict[Path, str]:
    rules = load_rules()
    files = {OUT / f"{r.code}.md": rule_page(r) for r in rules}
    files[OUT / "README.md"] = index(rules)
    return files


def main() -> int:
    files = expected()
    if "--check" in sys.argv:
        stale = [p for p, text in files.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        stale += [p for p in OUT.glob("*.md") if p not in files]
        for p in stale:
            print(f"stale: {p.relative_to(ROOT)}")
        return 1 if stale else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for p in OUT.glob("*.md"):
        if p not in files:
            p.unlink()
    for p, text in files.items():
        p.write_text(text, encoding="utf-8")
    print(f"wrote {len(files)} files to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
