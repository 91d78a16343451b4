"""Quota settings have defaults, take overrides, and refuse typos."""

import pytest

from chatbot_mock.store.settings import Settings


def test_overrides_replace_defaults() -> None:
    settings = Settings({"a": 1, "b": 2}, {"b": 5})
    assert (settings["a"], settings["b"]) == (1, 5)


def test_an_unknown_setting_is_refused_and_the_known_ones_are_listed() -> None:
    with pytest.raises(ValueError, match="unknown quota setting.*typo.*known settings: a, b"):
        Settings({"a": 1, "b": 2}, {"typo": 3})


@pytest.mark.parametrize("value", [-1, "10", 1.5, True])
def test_a_setting_must_be_a_non_negative_integer(value: object) -> None:
    with pytest.raises(ValueError, match="non-negative integer"):
        Settings({"a": 1}, {"a": value})  # type: ignore[dict-item]
