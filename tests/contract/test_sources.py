"""Every contract command reads pact folders the same way (contract/sources.py): the
`*.json` files directly inside, sub-folders not searched (like the Pact verifier's
`--dir` and the broker client's `publish`)."""

from __future__ import annotations

from pathlib import Path

from apictl.contract.sources import load_pacts, pact_paths
from tests.cli.helpers import assert_error_lines, first_error, invoke

NESTED = Path("tests/contract/fixtures/nested")  # top.json (no interactions) and sub/c-t.json (GET /zzz)
SPEC = Path("tests/contract/fixtures/hostile/spec.yaml")


def test_folders_are_read_one_level_deep() -> None:
    assert pact_paths([NESTED]) == [NESTED / "top.json"]
    assert [p.uri for p in load_pacts([NESTED, NESTED / "sub"])] == [
        str(NESTED / "top.json"),
        str(NESTED / "sub" / "c-t.json"),
    ]


def test_check_does_not_search_sub_folders() -> None:
    """Before, `check` recursed (finding GET /zzz unknown) while stub/verify/publish did not."""
    result = invoke("contract", "check", NESTED, "--spec", SPEC, "-f", "json")
    assert result.exit_code == 0, result.stdout
    assert "/zzz" not in result.stdout


def test_a_folder_with_only_sub_folders_says_so(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c-t.json").write_bytes((NESTED / "sub" / "c-t.json").read_bytes())
    for command in (["stub", str(tmp_path), "--port", "0"], ["check", str(tmp_path), "--spec", str(SPEC)]):
        result = invoke("contract", *command)
        assert result.exit_code == 2
        assert_error_lines(result)
        assert first_error(result) == (
            f"apictl: error: {tmp_path}: the folder holds no pact files (*.json; sub-folders are not searched)"
        )
