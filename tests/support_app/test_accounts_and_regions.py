"""Support App state belongs to the calling account and is shared by every region.

The calling account is, in order: a 12-digit access key id in the request's signature,
the account of ``m.as_account(...)`` or of the mock, ``MOTO_ACCOUNT_ID``, ``123456789012``.
"""

from __future__ import annotations

import pytest
from support_app_helpers import (
    CHANNEL_ID,
    DEFAULT_ACCOUNT,
    OTHER_ACCOUNT,
    TEAM_ID,
    TEAM_NAME,
    channel_ids,
    create_channel,
    raises_service_error,
    team_ids,
)


def test_a_configuration_created_in_one_region_is_listed_in_every_other(chatbot_mock, client_for, workspace):
    create_channel(client_for(region="us-west-2"))

    assert channel_ids(client_for(region="eu-west-1")) == [CHANNEL_ID]
    assert channel_ids(client_for(region="ap-southeast-1")) == [CHANNEL_ID]


def test_a_duplicate_from_another_region_is_a_conflict(chatbot_mock, client_for, workspace):
    create_channel(client_for(region="us-west-2"))

    with raises_service_error("ConflictException", 409, "already exists"):
        create_channel(client_for(region="eu-west-1"))


def test_the_channel_quota_spans_regions(chatbot_mock, client_for, workspace):
    regions = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1"]
    for index in range(20):
        create_channel(client_for(region=regions[index % 4]), channel_id=f"C{index:02d}")

    with raises_service_error("ServiceQuotaExceededException", 402):
        create_channel(client_for(region="ap-southeast-1"), channel_id="C-21st")


def test_an_alias_put_in_one_region_is_read_in_another(chatbot_mock, client_for):
    client_for(region="eu-west-1").put_account_alias(accountAlias="acme")

    assert client_for(region="us-west-2").get_account_alias()["accountAlias"] == "acme"


def test_a_12_digit_access_key_makes_the_client_act_in_that_account(chatbot_mock, client_for):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)

    assert team_ids(client_for(OTHER_ACCOUNT)) == [TEAM_ID]
    assert team_ids(client_for(DEFAULT_ACCOUNT)) == []


def test_without_an_account_calls_act_in_123456789012(support_app, client_for, workspace):
    assert team_ids(client_for(DEFAULT_ACCOUNT)) == team_ids(support_app) == [TEAM_ID]


def test_configurations_of_one_account_are_invisible_to_another(support_app, client_for, chatbot_mock, workspace):
    create_channel(support_app)
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)

    assert channel_ids(client_for(OTHER_ACCOUNT)) == []


def test_two_accounts_can_configure_the_same_channel(support_app, client_for, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)
    other = client_for(OTHER_ACCOUNT)

    create_channel(support_app)
    create_channel(other)

    assert channel_ids(support_app) == channel_ids(other) == [CHANNEL_ID]


def test_a_workspace_of_another_account_does_not_count_as_added(client_for, chatbot_mock, workspace):
    with raises_service_error("ConflictException", 409, "before you add the Slack workspace"):
        create_channel(client_for(OTHER_ACCOUNT))


def test_deleting_in_one_account_leaves_the_other_untouched(support_app, client_for, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)
    other = client_for(OTHER_ACCOUNT)
    create_channel(support_app)
    create_channel(other)

    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    assert team_ids(other) == [TEAM_ID]
    assert channel_ids(other) == [CHANNEL_ID]


def test_as_account_switches_the_account_of_a_client_without_an_account_key(support_app, chatbot_mock):
    with chatbot_mock.as_account(OTHER_ACCOUNT):
        chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)
        assert team_ids(support_app) == [TEAM_ID]

    assert team_ids(support_app) == []


def test_a_12_digit_access_key_wins_over_as_account(client_for, chatbot_mock):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)

    with chatbot_mock.as_account("999999999999"):
        assert team_ids(client_for(OTHER_ACCOUNT)) == [TEAM_ID]


@pytest.mark.chatbot_mock(account_id=OTHER_ACCOUNT)
def test_the_markers_account_is_the_default_for_clients(support_app, client_for, chatbot_mock):
    support_app.put_account_alias(accountAlias="other")

    assert client_for(OTHER_ACCOUNT).get_account_alias()["accountAlias"] == "other"
    assert "accountAlias" not in client_for(DEFAULT_ACCOUNT).get_account_alias()


def test_moto_account_id_sets_the_default_account(support_app, client_for, monkeypatch):
    monkeypatch.setenv("MOTO_ACCOUNT_ID", OTHER_ACCOUNT)

    support_app.put_account_alias(accountAlias="from-env")

    assert client_for(OTHER_ACCOUNT).get_account_alias()["accountAlias"] == "from-env"


def test_a_china_region_client_shares_the_accounts_state(chatbot_mock, client_for, workspace):
    create_channel(client_for(region="cn-north-1"))

    assert channel_ids(client_for(region="us-east-1")) == [CHANNEL_ID]
