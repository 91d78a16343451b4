"""Chatbot rules under threads racing (see tests/races.py): an account's quota of custom
actions is never overshot, and a name is taken once."""

from __future__ import annotations

import pytest
from chatbot_helpers import create_action
from races import race

pytestmark = pytest.mark.usefixtures("wide_race_window")


def action_count(client) -> int:
    return len(client.list_custom_actions()["CustomActions"])


@pytest.mark.chatbot_mock(quotas={"chatbot_custom_actions_per_account": 8})
def test_racing_threads_never_exceed_the_custom_action_quota(chatbot):
    chatbot.list_custom_actions()  # botocore loads what it loads lazily before the race
    outcomes = race([lambda index=index: create_action(chatbot, name=f"action-{index}") for index in range(30)])

    assert outcomes == {"ok": 8, "LimitExceededException 403": 22}
    assert action_count(chatbot) == 8


def test_threads_creating_the_same_action_create_it_once(chatbot):
    chatbot.list_custom_actions()
    outcomes = race([lambda: create_action(chatbot, name="restart") for _ in range(20)])

    assert outcomes == {"ok": 1, "ConflictException 409": 19}
    assert action_count(chatbot) == 1


@pytest.mark.chatbot_mock(quotas={"chatbot_custom_actions_per_account": 8})
def test_without_the_state_lock_the_same_race_overshoots(without_the_state_lock, chatbot):
    chatbot.list_custom_actions()
    race([lambda index=index: create_action(chatbot, name=f"action-{index}") for index in range(30)])

    assert action_count(chatbot) > 8
