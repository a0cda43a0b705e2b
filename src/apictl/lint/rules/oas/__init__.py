"""OpenAPI rules. Codes: OAS1xx naming, OAS2xx correctness, OAS3xx security, OAS4xx docs,
OAS5xx scale-ready (the opt-in `scale-ready` preset, category "scale")."""

ALL = ("oas2", "oas3.0", "oas3.1", "oas3.2")
OAS3 = ("oas3.0", "oas3.1", "oas3.2")
OAS2 = ("oas2",)
