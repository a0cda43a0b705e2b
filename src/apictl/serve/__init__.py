"""Serving engines over HTTP, shared by `apictl mock` and `apictl contract stub`:
the request/response values (`messages.py`), the raw ASGI adapter (`asgi.py`)
and the uvicorn server (`server.py`, the one module that imports uvicorn).
Knows nothing of OpenAPI or Pact."""
