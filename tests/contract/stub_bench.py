"""How fast the stub engine answers: every interaction of the Pact Broker's
client contract replayed through `StubEngine.handle` (in-process, no sockets).

    python -m tests.contract.stub_bench
"""

from __future__ import annotations

import time
from pathlib import Path

from apictl.contract.pact import load_pact
from apictl.contract.stub import StubEngine
from apictl.contract.wire import request_to_wire

BROKER = Path(__file__).resolve().parents[2].parent / "shared" / "peer-suites" / "pact-broker-contract"


def main(rounds: int = 20) -> None:
    pact = load_pact(next(BROKER.glob("*.json")))
    engine = StubEngine([pact])
    requests = []
    for interaction in pact.http():
        request = request_to_wire(interaction.request)
        if interaction.states:
            request.headers.append(("x-pact-provider-state", interaction.states[0].name))
        requests.append(request)
    started = time.perf_counter()
    for _ in range(rounds):
        for request in requests:
            engine.handle(request)
    elapsed = time.perf_counter() - started
    count = rounds * len(requests)
    print(f"{count} requests over {len(pact.http())} interactions: {elapsed / count * 1e3:.2f} ms per request")


if __name__ == "__main__":
    main()
