"""--delay and --chaos."""

from __future__ import annotations

import pytest

from apictl.core.errors import ConfigError
from apictl.mock.faults import Faults
from apictl.mock.mount import Mount
from tests.mock.conftest import call, make_engine


def _with(faults: Faults, engine):
    return lambda request: faults.apply(request, engine.handle(request))


def test_delays_per_route(petstore) -> None:
    handler = _with(Faults.parse(["50", "GET /pets/{petId}=200-300"], [], seed=1), petstore)
    assert call(handler, "GET", "/pets/mine").delay == pytest.approx(0.05)
    assert 0.2 <= call(handler, "GET", "/pets/4").delay <= 0.3


def test_chaos_rate(petstore) -> None:
    handler = _with(Faults.parse([], ["/pets/*=1"], seed=2), petstore)
    statuses = {call(handler, "GET", "/pets/1").status for _ in range(30)}
    assert statuses == {500, 503, 504}
    assert call(handler, "GET", "/pets").status == 200  # the pattern does not cover the collection
    never = _with(Faults.parse([], ["0"], seed=2), petstore)
    assert {call(never, "GET", "/pets/1").status for _ in range(10)} == {200}


@pytest.mark.parametrize(("delays", "chaos"), [(["x"], []), (["5-1"], []), ([], ["2"]), ([], ["a=b"])])
def test_bad_rules(delays: list[str], chaos: list[str]) -> None:
    with pytest.raises(ConfigError):
        Faults.parse(delays, chaos)


def test_mounted_by_base_path() -> None:
    mount = Mount([make_engine("petstore.yaml"), make_engine("swagger2.yaml")])
    assert call(mount, "GET", "/v1/pets/mine").status == 200
    assert call(mount, "GET", "/v2/things/1").status == 200
    assert call(mount, "GET", "/things/1").status == 200  # unprefixed paths still find their contract
    assert call(mount, "GET", "/v3/x").status == 404
