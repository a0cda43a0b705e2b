"""The opt-in `scale-ready` preset through the CLI: which rules it lists and
runs, that `recommended` leaves them out, that presets combine, and that the
petstore showcase passes it."""

from __future__ import annotations

import json
from pathlib import Path

from apictl.core.registry import OPT_IN_PRESETS
from tests.cli.helpers import codes, invoke, lint_json

PETSTORE = Path("examples/petstore/openapi.yaml")
SCALE_READY = [f"OAS5{n:02d}" for n in range(1, 13)]


def _listed(preset: str) -> list[dict[str, object]]:
    result = invoke("rules", "--preset", preset, "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def _petstore_with_gaps(tmp_path: Path) -> Path:
    """The petstore without its contact (a `recommended` finding) and without
    its Idempotency-Key parameter (a `scale-ready` finding)."""
    text = PETSTORE.read_text(encoding="utf-8")
    start = text.index("  contact:\n")
    end = text.index("  license:\n")
    text = text[:start] + text[end:]
    text = text.replace("      parameters:\n        - $ref: '#/components/parameters/IdempotencyKey'\n", "", 1).replace(
        "    IdempotencyKey:\n",
        "    IdempotencyKey:\n      x-apictl-ignore: [no-unused-components]\n",
    )
    out = tmp_path / "openapi.yaml"
    out.write_text(text, encoding="utf-8")
    return out


def test_scale_ready_is_an_opt_in_preset() -> None:
    assert "scale-ready" in OPT_IN_PRESETS


def test_rules_lists_exactly_the_scale_ready_rules() -> None:
    rows = _listed("scale-ready")
    assert [r["code"] for r in rows] == SCALE_READY
    assert {r["preset"] for r in rows} == {"scale-ready"}
    assert {r["category"] for r in rows} == {"scale"}


def test_recommended_and_minimal_leave_them_out_and_all_includes_them() -> None:
    for preset in ("minimal", "recommended"):
        listed = {r["code"] for r in _listed(preset)}
        assert not listed & set(SCALE_READY), preset
    assert set(SCALE_READY) <= {r["code"] for r in _listed("all")}


def test_petstore_passes_scale_ready() -> None:
    for preset in ("scale-ready", "recommended,scale-ready"):
        result, report = lint_json("--no-config", "--preset", preset, PETSTORE)
        assert result.exit_code == 0, (preset, report["diagnostics"])
        assert report["diagnostics"] == []
    _result, report = lint_json("--no-config", "--preset", "all", PETSTORE)
    assert not set(codes(report)) & set(SCALE_READY)


def test_scale_ready_runs_only_its_rules(tmp_path: Path) -> None:
    spec = _petstore_with_gaps(tmp_path)
    _result, report = lint_json("--no-config", "--preset", "scale-ready", spec)
    assert codes(report) == ["OAS507"]
    _result, report = lint_json("--no-config", "--preset", "recommended", spec)
    found = codes(report)
    assert found and not set(found) & set(SCALE_READY)
    _result, report = lint_json("--no-config", "--preset", "recommended,scale-ready", spec)
    assert "OAS507" in codes(report) and set(codes(report)) - {"OAS507"} == set(found)


def test_config_extends_combines_presets(tmp_path: Path) -> None:
    spec = _petstore_with_gaps(tmp_path)
    config = tmp_path / "apictl.yaml"
    config.write_text("extends: [recommended, scale-ready]\n", encoding="utf-8")
    _result, report = lint_json("--config", config, spec)
    assert "OAS507" in codes(report)
    assert any(c < "OAS500" for c in codes(report))


def test_scale_ready_rule_options_from_config(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(
        "openapi: 3.1.0\n"
        "info: {title: T, version: 1.0.0}\n"
        "servers: [{url: 'https://api.example.org/v1'}]\n"
        "security: [{key: []}]\n"
        "paths:\n"
        "  /pets:\n"
        "    post:\n"
        "      parameters:\n"
        "        - {name: X-Idempotency-Key, in: header, schema: {type: string, maxLength: 64}}\n"
        "      responses:\n"
        "        '201': {description: Created}\n"
        "components:\n"
        "  securitySchemes:\n"
        "    key: {type: apiKey, in: header, name: X-Key}\n",
        encoding="utf-8",
    )
    _result, report = lint_json("--no-config", "--preset", "scale-ready", spec)
    assert codes(report) == ["OAS507"]  # not public: no 429 required by default
    config = tmp_path / "apictl.yaml"
    config.write_text(
        "extends: scale-ready\n"
        "rules:\n"
        "  idempotency-key: {severity: warn, options: {headers: [Idempotency-Key, X-Idempotency-Key]}}\n"
        "  rate-limit-response: {severity: warn, options: {scope: all}}\n",
        encoding="utf-8",
    )
    _result, report = lint_json("--config", config, spec)
    assert codes(report) == ["OAS503"]
