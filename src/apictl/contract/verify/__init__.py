"""`apictl contract verify`: replay pacts against a running provider with pact-python's
Verifier and report every mismatch as a Diagnostic located in the pact file."""
