"""Quota settings have defaults, take overrides, and refuse typos."""

import pytest

from chatbot_mock.core.settings import Settings


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


# -- one layer per mock that is on ----------------------------------------------------------


def test_a_layer_overrides_what_it_names_until_it_is_popped() -> None:
    settings = Settings({"a": 1, "b": 2})
    outer, inner = object(), object()
    settings.push_layer(outer, {"a": 10})
    settings.push_layer(inner, {"a": 20, "b": 30})
    assert (settings["a"], settings["b"]) == (20, 30)

    settings.pop_layer(inner)

    assert settings.as_dict() == {"a": 10, "b": 2}


def test_a_change_to_an_outer_layer_waits_behind_an_inner_layer_that_names_the_same_setting() -> None:
    settings = Settings({"a": 1, "b": 2})
    outer, inner = object(), object()
    settings.push_layer(outer, {})
    settings.push_layer(inner, {"a": 20})

    settings.set_in_layer(outer, {"a": 5, "b": 7})

    assert settings.as_dict() == {"a": 20, "b": 7}
    settings.pop_layer(inner)
    assert settings.as_dict() == {"a": 5, "b": 7}


def test_replace_all_outlasts_every_layer() -> None:
    settings = Settings({"a": 1})
    outer, inner = object(), object()
    settings.push_layer(outer, {"a": 10})
    settings.push_layer(inner, {"a": 20})

    settings.replace_all({"a": 3})
    settings.pop_layer(inner)

    assert settings["a"] == 3


def test_update_changes_the_innermost_layer_or_the_base() -> None:
    settings = Settings({"a": 1})
    settings.update({"a": 2})
    assert settings["a"] == 2
    owner = object()
    settings.push_layer(owner, {})
    settings.update({"a": 9})
    settings.pop_layer(owner)
    assert settings["a"] == 2


def test_a_bad_value_in_a_layer_is_refused_and_changes_nothing() -> None:
    settings = Settings({"a": 1})
    owner = object()
    settings.push_layer(owner, {})
    with pytest.raises(ValueError, match="non-negative integer"):
        settings.set_in_layer(owner, {"a": -1})
    with pytest.raises(ValueError, match="unknown quota setting"):
        settings.push_layer(object(), {"typo": 1})
    assert settings["a"] == 1


def test_setting_in_a_layer_nobody_pushed_is_a_lookup_error() -> None:
    with pytest.raises(LookupError):
        Settings({"a": 1}).set_in_layer(object(), {"a": 2})
