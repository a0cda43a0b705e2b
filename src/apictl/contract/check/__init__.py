"""`apictl contract check`: consumer pacts checked against the provider's OpenAPI
description without running anything (what PactFlow's swagger-mock-validator
does, with its codes; see docs/contract.md for where apictl differs).

`codes.py` lists the findings, `spec.py` loads the description (reusing the
mock's operation model, router and parameter styles), `interaction.py` checks
one HTTP interaction, `matchers.py` checks Pact matchers against the schemas,
and `run.py` ties pacts and descriptions together."""
