"""Case conversions behave like buf's stringutil (suggestions match buf's messages)."""

from __future__ import annotations

import pytest

from apictl.lint.rules.proto._naming import is_lower_snake, is_upper_snake, to_lower_snake, to_pascal, to_upper_snake
from apictl.lint.rules.proto._versions import VERSION, is_stable, is_unstable


@pytest.mark.parametrize(
    ("name", "lower", "upper", "pascal"),
    [
        ("fooBar", "foo_bar", "FOO_BAR", "FooBar"),
        ("HTTPServer", "http_server", "HTTP_SERVER", "HTTPServer"),
        ("foo__bar", "foo_bar", "FOO_BAR", "FooBar"),
        ("K8sVersion", "k8s_version", "K8S_VERSION", "K8sVersion"),
        ("get_user", "get_user", "GET_USER", "GetUser"),
    ],
)
def test_conversions(name: str, lower: str, upper: str, pascal: str) -> None:
    assert (to_lower_snake(name), to_upper_snake(name), to_pascal(name)) == (lower, upper, pascal)


def test_snake_checks_accept_digits_either_way() -> None:
    assert is_lower_snake("ipv4_address") and is_lower_snake("foo_bar1") and not is_lower_snake("fooBar")
    assert is_upper_snake("COLOR_RED_2") and not is_upper_snake("ColorRed")


@pytest.mark.parametrize("v", ["v1", "v2beta1", "v1alpha", "v1p1beta1", "v1test", "v3testfoo"])
def test_versions(v: str) -> None:
    assert VERSION.fullmatch(v)


def test_stability() -> None:
    assert is_stable("v1") and not is_stable("v1beta1")
    assert is_unstable("v1beta1") and is_unstable("v2test") and not is_unstable("v1") and not is_unstable("users")
