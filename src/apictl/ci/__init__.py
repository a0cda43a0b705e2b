"""`apictl ci`: one pipeline step that lints every contract, diffs each OpenAPI
contract against the merge base, checks pacts (when that feature exists) and
reports as SARIF, JUnit and Markdown.

This package is the one place that composes features (it imports `lint.run`
and `diff.run`); see ARCHITECTURE.md and tests/test_layering.py.
"""
