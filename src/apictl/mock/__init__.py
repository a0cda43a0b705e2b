"""`apictl mock`: contract-driven mock server and validating proxy.

`MockEngine.handle(MockRequest) -> MockResponse` (`engine.py`) is the whole
mock, pure and socket-free; `asgi.py` adapts it to ASGI and `serve/server.py`
serves it with uvicorn. See docs/mock.md."""
