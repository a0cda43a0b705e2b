"""Spectral rulesets: load `.spectral.yaml`-style rulesets and run them.

    loaded = load_ruleset(".spectral.yaml", Path.cwd())    # ConfigError when invalid
    ruleset = loaded.for_file(path)                          # `overrides` for this file
    builtins = builtin_rules(ruleset, doc.kind, formats)     # spectral:oas -> apictl rules
    diagnostics = run(workspace, ruleset)                    # the JSONPath rules

See docs/spectral-rulesets.md.
"""

from __future__ import annotations

from apictl.lint.spectral.engine import document_formats, run
from apictl.lint.spectral.load import LoadedRuleset, load_ruleset
from apictl.lint.spectral.oas import builtin_rules

__all__ = ["LoadedRuleset", "builtin_rules", "document_formats", "load_ruleset", "run"]
