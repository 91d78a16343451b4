"""Support App rules under threads racing: the check and the write it guards never
interleave, so no quota is overshot and no duplicate slips in. botocore clients are
thread-safe; each race shares clients made beforehand and starts its threads together at
a barrier (see tests/races.py, which also widens the window between check and write)."""

from __future__ import annotations

from typing import Any

import pytest
from races import race
from support_app_helpers import CHANNEL_ID, TEAM_ID, TEAM_NAME, channel_ids, create_channel, new_client, team_ids

pytestmark = pytest.mark.usefixtures("wide_race_window")


def warm_up(*clients: Any) -> None:
    """A client's first call loads what botocore loads lazily; 40 threads doing that at once
    only contend on botocore's locks, so each race starts with clients that made one call."""
    for client in clients:
        client.get_account_alias()


def test_forty_threads_creating_distinct_channels_fill_the_quota_of_twenty_exactly(support_app, workspace):
    warm_up(support_app)
    actions = [lambda index=index: create_channel(support_app, channel_id=f"C{index:02d}") for index in range(40)]

    outcomes = race(actions)

    assert outcomes == {"ok": 20, "ServiceQuotaExceededException 402": 20}
    assert len(channel_ids(support_app)) == 20


@pytest.mark.chatbot_mock(quotas={"support_app_channels_per_account": 7})
def test_racing_threads_respect_an_overridden_channel_quota(support_app, workspace):
    warm_up(support_app)
    actions = [lambda index=index: create_channel(support_app, channel_id=f"C{index:02d}") for index in range(25)]

    outcomes = race(actions)

    assert outcomes == {"ok": 7, "ServiceQuotaExceededException 402": 18}
    assert len(channel_ids(support_app)) == 7


def test_threads_creating_the_same_channel_create_it_once(support_app, workspace):
    warm_up(support_app)
    outcomes = race([lambda: create_channel(support_app) for _ in range(20)])

    assert outcomes == {"ok": 1, "ConflictException 409": 19}
    assert channel_ids(support_app) == [CHANNEL_ID]


@pytest.mark.chatbot_mock(quotas={"support_app_accounts_per_slack_channel": 5})
def test_accounts_racing_for_one_channel_never_exceed_the_accounts_per_channel_quota(chatbot_mock):
    account_ids = [f"{200000000000 + index}" for index in range(15)]
    for account_id in account_ids:
        chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=account_id)
    clients = [new_client(account_id) for account_id in account_ids]
    warm_up(*clients)

    outcomes = race([lambda client=client: create_channel(client) for client in clients])

    assert outcomes == {"ok": 5, "ServiceQuotaExceededException 402": 10}
    assert sum(len(channel_ids(client)) for client in clients) == 5


def test_seeding_threads_never_exceed_the_workspace_quota(support_app, chatbot_mock):
    actions = [
        lambda index=index: chatbot_mock.support_app.authorize_slack_workspace(f"T{index:02d}", f"team {index}")
        for index in range(12)
    ]

    outcomes = race(actions)

    assert outcomes == {"ok": 5, "ServiceQuotaExceededException 402": 7}
    assert len(team_ids(support_app)) == 5


def test_threads_deleting_the_same_configuration_delete_it_once(support_app, channel):
    outcomes = race(
        [lambda: support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)] * 10
    )

    assert outcomes == {"ok": 1, "ResourceNotFoundException 404": 9}


# -- the guard itself: without the lock, the same races go wrong ------------------------------


def test_without_the_state_lock_forty_threads_overshoot_the_channel_quota(
    without_the_state_lock, support_app, workspace
):
    warm_up(support_app)
    actions = [lambda index=index: create_channel(support_app, channel_id=f"C{index:02d}") for index in range(40)]

    outcomes = race(actions)

    assert outcomes.get("ok", 0) > 20
    assert len(channel_ids(support_app)) > 20


def test_without_the_state_lock_seeding_threads_overshoot_the_workspace_quota(
    without_the_state_lock, support_app, chatbot_mock
):
    actions = [
        lambda index=index: chatbot_mock.support_app.authorize_slack_workspace(f"T{index:02d}", f"team {index}")
        for index in range(12)
    ]

    race(actions)

    assert len(team_ids(support_app)) > 5
