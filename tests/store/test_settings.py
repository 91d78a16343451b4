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


def test_a_setting_with_a_floor_refuses_values_below_it() -> None:
    with pytest.raises(ValueError, match="page_size must be an integer of at least 1, not 0"):
        Settings({"page_size": 10}, {"page_size": 0}, minimums={"page_size": 1})
    assert Settings({"page_size": 10}, {"page_size": 1}, minimums={"page_size": 1})["page_size"] == 1


def test_the_mock_gives_page_sizes_a_floor_of_one() -> None:
    from chatbot_mock import mock_chatbot

    with pytest.raises(ValueError, match="support_app_page_size must be an integer of at least 1"):
        mock_chatbot(quotas={"support_app_page_size": 0})
