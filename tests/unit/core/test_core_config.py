"""Configuration: discovery, presets, severities, overrides, exclude."""

from __future__ import annotations

from pathlib import Path

import pytest

from apictl.core.config import Config, discover, glob_match, load_config, parse_config
from apictl.core.diagnostic import Severity
from apictl.core.errors import ConfigError
from apictl.lint.engine import load_rules
from apictl.lint.run import RunRequest, expand, make_config

RULES = load_rules()
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "config"


def _active(cfg: Config, rel_path: str = "api.yaml", fmt: str = "oas3.1") -> dict[str, Severity]:
    return {r.code: sev for r, sev, _ in cfg.effective(RULES, rel_path, fmt)}


def _parse(text: str, base: Path | None = None) -> Config:
    import yaml

    return parse_config(yaml.safe_load(text), "apictl.yaml", base or Path.cwd())


# ---------------------------------------------------------------- discovery


def test_discovers_apictl_yaml_in_a_parent_folder(tmp_path: Path) -> None:
    (tmp_path / "apictl.yaml").write_text("extends: minimal\n")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert discover(deep) == tmp_path / "apictl.yaml"
    cfg = load_config(discover(deep))  # type: ignore[arg-type]
    assert cfg.extends == ["minimal"]
    assert cfg.base_dir == tmp_path.resolve()  # globs are relative to the config's folder


def test_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "apictl.yaml").write_text("extends: all\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".apictl.yml").write_text("extends: minimal\n")
    assert discover(tmp_path / "sub") == tmp_path / "sub" / ".apictl.yml"


def test_discovers_pyproject_tool_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.apictl]\nextends = "all"\nrules = { OAS401 = "off" }\n')
    (tmp_path / "src").mkdir()
    found = discover(tmp_path / "src")
    assert found == tmp_path / "pyproject.toml"
    cfg = load_config(found)
    assert cfg.extends == ["all"]
    assert "OAS401" not in _active(cfg)


def test_pyproject_without_the_section_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "apictl.yaml").write_text("extends: all\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / "sub" / "broken").mkdir()
    (tmp_path / "sub" / "broken" / "pyproject.toml").write_text("[[[ not toml\n")
    assert discover(tmp_path / "sub" / "broken") == tmp_path / "apictl.yaml"


def test_apictl_yaml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.apictl]\nextends = "all"\n')
    (tmp_path / "apictl.yaml").write_text("extends: minimal\n")
    assert discover(tmp_path) == tmp_path / "apictl.yaml"


def test_toml_file_given_explicitly() -> None:
    cfg = load_config(FIXTURES / "pyproject-section.toml")
    assert cfg.extends == ["minimal"]
    assert _active(cfg)["OAS401"] == Severity.INFO


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_empty_config_file_means_defaults(tmp_path: Path, text: str) -> None:
    (tmp_path / "apictl.yaml").write_text(text)
    cfg = load_config(tmp_path / "apictl.yaml")
    assert cfg.extends == ["recommended"] and cfg.rules == {}


def test_make_config_uses_discovery_from_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "apictl.yaml").write_text("extends: minimal\n")
    (tmp_path / "specs").mkdir()
    monkeypatch.chdir(tmp_path / "specs")
    assert make_config(RunRequest(paths=["."])).extends == ["minimal"]
    assert make_config(RunRequest(paths=["."], no_config=True)).extends == ["recommended"]
    assert make_config(RunRequest(paths=["."], preset="all")).extends == ["all"]


# ---------------------------------------------------------------- presets and severities


def test_extends_selects_the_preset() -> None:
    minimal, recommended, everything = (_active(_parse(f"extends: {p}\n")) for p in ("minimal", "recommended", "all"))
    assert "OAS202" in minimal and "OAS401" not in minimal
    assert "OAS401" in recommended
    assert set(minimal) <= set(recommended) <= set(everything)
    assert _parse("extends: [minimal]\n").extends == ["minimal"]  # a one-item list, as Spectral writes it


def test_default_preset_is_recommended() -> None:
    assert _active(Config()) == _active(_parse("extends: recommended\n"))


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("error", Severity.ERROR),
        ("warn", Severity.WARN),
        ("warning", Severity.WARN),
        ("info", Severity.INFO),
        ("hint", Severity.HINT),
        ("{severity: hint}", Severity.HINT),
        ("true", Severity.ERROR),
        ("0", Severity.ERROR),
        ("1", Severity.WARN),
        ("2", Severity.INFO),
        ("3", Severity.HINT),  # Spectral numbers
        ("{severity: 2}", Severity.INFO),
    ],
)
def test_rule_severity_change(setting: str, expected: Severity) -> None:
    assert _active(_parse(f"rules:\n  info-contact: {setting}\n"))["OAS401"] == expected
    assert _active(_parse(f"rules:\n  OAS401: {setting}\n"))["OAS401"] == expected


@pytest.mark.parametrize("setting", ["off", "'off'", "false", "OFF"])
def test_rule_off(setting: str) -> None:
    active = _active(_parse(f"rules:\n  info-contact: {setting}\n  OAS202: {setting}\n"))
    assert "OAS401" not in active and "OAS202" not in active


def test_rule_outside_the_preset_can_be_switched_on() -> None:
    active = _active(_parse("extends: minimal\nrules:\n  info-contact: warn\n"))
    assert active["OAS401"] == Severity.WARN


def test_rule_options_are_merged() -> None:
    cfg = _parse("rules:\n  info-contact: {severity: warn, options: {a: 1}}\n")
    [(rule, sev, options)] = [x for x in cfg.effective(RULES, "api.yaml", "oas3.1") if x[0].code == "OAS401"]
    assert sev == Severity.WARN and options["a"] == 1


def test_rules_apply_only_to_their_formats() -> None:
    cfg = _parse("rules:\n  info-contact: error\n")
    assert "OAS401" in _active(cfg, fmt="oas2")
    proto = _active(cfg, fmt="proto")
    assert "OAS401" not in proto and all(code.startswith("PB") for code in proto)


def test_fail_on_and_refs(tmp_path: Path) -> None:
    cfg = _parse("fail_on: error\nrefs: {root: .., allow_remote: true}\n", base=tmp_path / "cfg")
    assert cfg.fail_on == Severity.ERROR
    assert cfg.ref_root == tmp_path.resolve()
    assert cfg.allow_remote is True


# ---------------------------------------------------------------- overrides and exclude


def test_overrides_with_double_star_globs() -> None:
    cfg = _parse(
        "rules:\n  info-contact: error\n"
        "overrides:\n"
        "  - files: ['legacy/**']\n    rules: {info-contact: off, OAS202: warn}\n"
        "  - files: ['**/internal/*.yaml']\n    rules: {info-contact: hint}\n"
    )
    assert _active(cfg, "api.yaml")["OAS401"] == Severity.ERROR
    legacy = _active(cfg, "legacy/v1/old.yaml")
    assert "OAS401" not in legacy and legacy["OAS202"] == Severity.WARN
    assert _active(cfg, "internal/admin.yaml")["OAS401"] == Severity.HINT
    assert _active(cfg, "a/b/internal/admin.yaml")["OAS401"] == Severity.HINT
    assert _active(cfg, "a/internal/deeper/admin.yaml")["OAS401"] == Severity.ERROR  # `*` stays in one folder
    # later layers win: legacy/internal/x.yaml matches both overrides
    assert _active(cfg, "legacy/internal/x.yaml")["OAS401"] == Severity.HINT


@pytest.mark.parametrize(
    ("pattern", "path", "matches"),
    [
        ("legacy/**", "legacy/a.yaml", True),
        ("legacy/**", "legacy/a/b/c.yaml", True),
        ("legacy/**", "new/legacy/a.yaml", False),
        ("**/legacy/**", "new/legacy/a.yaml", True),
        ("**/*.json", "a.json", True),
        ("**/*.json", "x/y/a.json", True),
        ("*.json", "x/a.json", False),
        ("specs/v?.yaml", "specs/v1.yaml", True),
        ("specs/v?.yaml", "specs/v10.yaml", False),
        ("vendor/**", "./vendor/x.yaml", True),
        ("a.b", "axb", False),  # dots are literal
        ("vendor/**", "vendor\\x.yaml", True),  # Windows separators
    ],
)
def test_glob_match(pattern: str, path: str, matches: bool) -> None:
    assert glob_match(pattern, path) is matches


def test_exclude(tmp_path: Path) -> None:
    for name in ("api.yaml", "vendor/third.yaml", "gen/out/x.yaml"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("openapi: 3.1.0\n")
    cfg = _parse("exclude: ['vendor/**', '**/out/**']\n", base=tmp_path.resolve())
    assert cfg.excluded("vendor/third.yaml") and cfg.excluded("gen/out/x.yaml") and not cfg.excluded("api.yaml")
    files, errors = expand([str(tmp_path)], cfg)
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["api.yaml"]
    assert errors == []
    # an explicitly named file is linted even if excluded
    files, _ = expand([str(tmp_path / "vendor" / "third.yaml")], cfg)
    assert len(files) == 1


# ---------------------------------------------------------------- invalid configuration


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n", "configuration must be a mapping"),
        ("rulez: {}\n", "unknown key(s) ['rulez']"),
        ("extends: strict\n", "unknown preset 'strict' (choose from minimal, recommended, all, scale-ready, aip)"),
        ("rules: [a]\n", "`rules` must be a mapping"),
        ("rules: {info-contact: loud}\n", "unknown severity 'loud'"),
        ("rules: {info-contact: {severity: warn, opts: {}}}\n", "unknown key(s) ['opts'] in rule setting"),
        ("rules: {info-contact: {options: [1]}}\n", "rule `options` must be a mapping"),
        ("rules: {info-contact: 3.5}\n", "a rule setting must be off, a severity or a mapping"),
        ("rules: {info-contact: 7}\n", "unknown severity '7'"),
        ("overrides: {files: x}\n", "`overrides` must be a list"),
        ("overrides: [{rules: {}}]\n", "each override needs `files`"),
        ("overrides: [{files: [1], rules: {}}]\n", "`files` must be a list of glob strings"),
        ("exclude: 3\n", "`exclude` must be a list of glob strings"),
        ("refs: {rot: .}\n", "`refs` takes `root`"),
        ("fail_on: never\n", "unknown severity 'never'"),
    ],
)
def test_invalid_config(text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        _parse(text)
    assert message in str(info.value)
    assert str(info.value).startswith("apictl.yaml: ")


def test_unknown_rule_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("apictl.yaml").write_text("overrides:\n  - files: ['**']\n    rules: {no-such-rule: off}\n")
    cfg = load_config(Path("apictl.yaml").resolve())
    with pytest.raises(ConfigError) as info:
        cfg.validate_rule_keys()
    assert str(info.value) == "apictl.yaml: unknown rule 'no-such-rule' (see `apictl rules`)"


def test_invalid_yaml_config_is_located() -> None:
    with pytest.raises(ConfigError) as info:
        load_config(FIXTURES / "invalid-yaml.yaml")
    assert info.value.line == 3 and info.value.col == 1
    assert "invalid YAML" in info.value.message
