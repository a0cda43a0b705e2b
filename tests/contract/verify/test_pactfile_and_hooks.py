"""Safe pact writing (no 0-byte or half-written pacts) and the provider-state hook adapter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from apictl.contract.pactfile import write_pact
from apictl.contract.verify.hooks import RecordingHook, load_hook
from apictl.core.errors import ApictlError, InputError

GOOD = b'{"consumer": {"name": "a"}, "provider": {"name": "b"}, "interactions": []}'


class FakePact:
    def __init__(self, content: bytes | None, name: str = "a-b.json") -> None:
        self.content, self.name = content, name

    def write_file(self, directory: str | Path | None = None, *, overwrite: bool = False) -> None:
        assert directory is not None
        target = Path(directory) / self.name
        if self.content is None:
            target.write_bytes(b"")  # pact-python's failure mode: the file exists, empty
            raise RuntimeError("Failed to write pact")
        target.write_bytes(self.content)


def test_a_good_pact_is_moved_into_place(tmp_path: Path) -> None:
    assert write_pact(FakePact(GOOD), tmp_path) == tmp_path / "a-b.json"
    assert (tmp_path / "a-b.json").read_bytes() == GOOD and [p.name for p in tmp_path.iterdir()] == ["a-b.json"]


@pytest.mark.parametrize(
    ("content", "error"),
    [(None, RuntimeError), (b"", InputError), (b'{"consumer": ', InputError), (b"[1]", InputError)],
    ids=["writer-fails", "empty", "truncated", "not-a-pact"],
)
def test_failed_writes_leave_nothing_and_keep_the_previous_pact(
    tmp_path: Path, content: bytes | None, error: type[Exception]
) -> None:
    (tmp_path / "a-b.json").write_bytes(GOOD)
    with pytest.raises(error):
        write_pact(FakePact(content), tmp_path)
    assert [p.name for p in tmp_path.iterdir()] == ["a-b.json"] and (tmp_path / "a-b.json").read_bytes() == GOOD


def test_hooks_get_the_arguments_they_name() -> None:
    seen: list[Any] = []
    RecordingHook(lambda state: seen.append(state))("s1", "setup", {"id": 1})
    RecordingHook(lambda state, parameters: seen.append((state, parameters)))("s2", "setup", None)
    RecordingHook(lambda **kw: seen.append(sorted(kw)))("s3", "teardown", {})
    RecordingHook(lambda state: seen.append("generic"))("", "setup", None)  # the verifier's generic call: skipped
    assert seen == ["s1", ("s2", {}), ["action", "parameters", "params", "state"]]


def test_hook_failures_are_recorded_not_raised() -> None:
    def hook(state: str) -> None:
        raise KeyError(state)

    recording = RecordingHook(hook)
    recording("item 1 exists", "setup", None)
    assert recording.failures == {"item 1 exists": "KeyError: 'item 1 exists'"}


def test_load_hook_errors() -> None:
    assert load_hook("json:dumps").hook.__name__ == "dumps"
    for spec in ("json", ":x", "json:"):
        with pytest.raises(ApictlError, match="must be module:function"):
            load_hook(spec)


TRACKING_PROBE = """
import os, sys
os.environ.pop("PACT_DO_NOT_TRACK", None)
seen = []

class Probe:  # records the variable when pact-python is first imported
    def find_spec(self, name, path=None, target=None):
        if name == "pact":
            seen.append(os.environ.get("PACT_DO_NOT_TRACK"))
        return None

sys.meta_path.insert(0, Probe())
from pathlib import Path
from apictl.contract.verify.engine import verify_pact_file
verify_pact_file(Path(sys.argv[1]), provider="inventory", base_url="http://127.0.0.1:9", timeout=0.5)
print(seen)
"""


def test_telemetry_is_off_before_pact_python_is_imported() -> None:
    import subprocess
    import sys

    from tests.cli.helpers import ROOT

    pact = ROOT / "examples/contract/pacts/orders-inventory.json"
    done = subprocess.run(
        [sys.executable, "-c", TRACKING_PROBE, str(pact)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['true']"
