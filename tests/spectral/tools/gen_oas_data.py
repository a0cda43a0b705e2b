"""Regenerate src/apictl/lint/spectral/oas_data.py from Spectral's own ruleset.

node tests/spectral/tools/dump_oas_ruleset.js > /tmp/oas.json
python tests/spectral/tools/gen_oas_data.py /tmp/oas.json
"""

from __future__ import annotations

import json
import pprint
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[3] / "src" / "apictl" / "lint" / "spectral" / "oas_data.py"

HEADER = '''"""`spectral:oas` as data: Spectral's built-in OpenAPI ruleset ({version} of
@stoplight/spectral-rulesets, Apache-2.0), dumped by
tests/spectral/tools/dump_oas_ruleset.js and written by gen_oas_data.py.

Rules whose functions are Spectral's core functions run as written; the
others are mapped to apictl's built-in rules (see `oas`). Do not edit.
"""

from __future__ import annotations

from typing import Any

'''


def main() -> None:
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    body = pprint.pformat(data, width=110, sort_dicts=False)
    TARGET.write_text(HEADER.format(version=data["version"]) + f"OAS: dict[str, Any] = {body}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
