"""apictl — lint, diff, generate, mock and contract-test API contracts."""

__version__ = "0.1.0"
