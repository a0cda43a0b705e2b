"""Code generation from contracts: `apictl gen sdk` (typed Python clients) and
`apictl gen server` (FastAPI stubs; gRPC stubs from protobuf).

Shared pieces: `ir` (the operation IR every generator reads), `naming` (safe
identifiers and literals), `models` (pydantic v2 models through
datamodel-code-generator), `output` (`GeneratedFile`s written atomically, user
files kept), `templates` (jinja2 templates shipped in the package, overridable
with `--templates DIR`). Generators are pure: they return `GeneratedFile`s."""
