"""Helpers shared by the Spectral-ruleset tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from apictl.core.document import Document
from apictl.core.loader import display_path, load_file
from apictl.core.refs import Workspace

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
RULESETS = ROOT / "tests" / "fixtures" / "spectral" / "rulesets"
SPECTRAL = ROOT / "bench" / ".cache" / "node" / "node_modules" / ".bin" / "spectral"
HAVE_SPECTRAL = SPECTRAL.exists() and shutil.which("node") is not None


def workspace_for(path: Path) -> Workspace:
    doc = load_file(path, display_path(path))
    return Workspace(doc, root_dir=None)


def workspace_from_data(data: Any, uri: str = "doc.json") -> Workspace:
    text = json.dumps(data, indent=1)
    return Workspace(Document(uri, text, data, "json"), root_dir=None)
