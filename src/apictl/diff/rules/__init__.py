"""Breaking-change rules: one rule per file; importing a module registers its rule.

Codes: BRK1xx `wire` (breaks running clients), BRK2xx `sdk` (breaks generated
code), BRK3xx `docs` (not breaking; reported as info). Codes are never reused.
"""
