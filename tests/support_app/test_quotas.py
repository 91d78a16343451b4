"""The three quotas of the Support App API reference, each refused with
ServiceQuotaExceededException (HTTP 402), and their overrides through ``quotas=``."""

from __future__ import annotations

import pytest
from support_app_helpers import (
    CHANNEL_ID,
    OTHER_ACCOUNT,
    OTHER_TEAM_ID,
    TEAM_ID,
    TEAM_NAME,
    channel_ids,
    create_channel,
    raises_service_error,
    team_ids,
)

from chatbot_mock import ChatbotMock
from chatbot_mock.support_app.backend import DEFAULT_SETTINGS


def authorize_many(mock, count, account_id=None):
    for index in range(count):
        mock.support_app.authorize_slack_workspace(f"T{index:04d}", f"team {index}", account_id=account_id)


def create_many(client, count, team_id=TEAM_ID):
    for index in range(count):
        create_channel(client, channel_id=f"C{index:04d}", team_id=team_id)


def test_the_default_quotas_are_those_of_the_api_reference(chatbot_mock):
    settings = chatbot_mock.quota_settings

    assert settings["support_app_workspaces_per_account"] == DEFAULT_SETTINGS["support_app_workspaces_per_account"] == 5
    assert settings["support_app_channels_per_account"] == DEFAULT_SETTINGS["support_app_channels_per_account"] == 20
    assert (
        settings["support_app_accounts_per_slack_channel"]
        == DEFAULT_SETTINGS["support_app_accounts_per_slack_channel"]
        == 100
    )
    assert settings["support_app_page_size"] == DEFAULT_SETTINGS["support_app_page_size"] == 10


# -- 5 workspaces per account ------------------------------------------------------------------


def test_five_workspaces_fit_in_an_account(support_app, chatbot_mock):
    authorize_many(chatbot_mock, 5)

    assert len(team_ids(support_app)) == 5


def test_the_sixth_workspace_is_refused_with_402(support_app, chatbot_mock):
    authorize_many(chatbot_mock, 5)

    with raises_service_error("ServiceQuotaExceededException", 402, "maximum of 5 Slack workspaces",
                              advice=["support_app_workspaces_per_account"]):
        chatbot_mock.support_app.authorize_slack_workspace("T-sixth", "sixth")

    assert "T-sixth" not in team_ids(support_app)


def test_reauthorising_a_workspace_at_the_quota_renames_it_without_counting_twice(support_app, chatbot_mock):
    authorize_many(chatbot_mock, 5)

    chatbot_mock.support_app.authorize_slack_workspace("T0000", "renamed")

    workspaces = support_app.list_slack_workspace_configurations()["slackWorkspaceConfigurations"]
    assert len(workspaces) == 5
    assert workspaces[0]["teamName"] == "renamed"


def test_deleting_a_workspace_frees_a_place(support_app, chatbot_mock):
    authorize_many(chatbot_mock, 5)
    support_app.delete_slack_workspace_configuration(teamId="T0002")

    chatbot_mock.support_app.authorize_slack_workspace("T-new", "new")

    assert team_ids(support_app)[-1] == "T-new"


def test_the_workspace_quota_is_per_account(client_for, chatbot_mock):
    authorize_many(chatbot_mock, 5)

    authorize_many(chatbot_mock, 5, account_id=OTHER_ACCOUNT)

    assert len(team_ids(client_for(OTHER_ACCOUNT))) == 5


@pytest.mark.chatbot_mock(quotas={"support_app_workspaces_per_account": 2})
def test_the_workspace_quota_can_be_lowered(chatbot_mock):
    authorize_many(chatbot_mock, 2)

    with raises_service_error("ServiceQuotaExceededException", 402, "maximum of 2 Slack workspaces"):
        chatbot_mock.support_app.authorize_slack_workspace("T-third", "third")


@pytest.mark.chatbot_mock(quotas={"support_app_workspaces_per_account": 8})
def test_the_workspace_quota_can_be_raised(support_app, chatbot_mock):
    authorize_many(chatbot_mock, 8)

    assert len(team_ids(support_app)) == 8


# -- 20 channel configurations per account -------------------------------------------------------


def test_twenty_channel_configurations_fit_in_an_account(support_app, workspace):
    create_many(support_app, 20)

    assert len(channel_ids(support_app)) == 20


def test_the_twenty_first_channel_configuration_is_refused_with_402(support_app, workspace):
    create_many(support_app, 20)

    with raises_service_error("ServiceQuotaExceededException", 402, "maximum of 20 Slack channel configurations",
                              advice=["support_app_channels_per_account"]):
        create_channel(support_app, channel_id="C-21st")

    assert "C-21st" not in channel_ids(support_app)


def test_the_channel_quota_counts_every_workspace_of_the_account(support_app, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex")
    create_many(support_app, 10, team_id=TEAM_ID)
    create_many(support_app, 10, team_id=OTHER_TEAM_ID)

    with raises_service_error("ServiceQuotaExceededException", 402):
        create_channel(support_app, channel_id="C-21st", team_id=OTHER_TEAM_ID)


def test_deleting_a_channel_configuration_frees_a_place(support_app, workspace):
    create_many(support_app, 20)
    support_app.delete_slack_channel_configuration(teamId=TEAM_ID, channelId="C0007")

    create_channel(support_app, channel_id="C-new")

    assert channel_ids(support_app)[-1] == "C-new"


def test_deleting_a_workspace_frees_the_places_of_its_channels(support_app, chatbot_mock, workspace):
    chatbot_mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex")
    create_many(support_app, 20, team_id=TEAM_ID)
    support_app.delete_slack_workspace_configuration(teamId=TEAM_ID)

    create_many(support_app, 20, team_id=OTHER_TEAM_ID)

    assert len(channel_ids(support_app)) == 20


def test_a_duplicate_at_the_quota_is_reported_as_a_conflict(support_app, workspace):
    create_many(support_app, 20)

    with raises_service_error("ConflictException", 409, "already exists"):
        create_channel(support_app, channel_id="C0000")


def test_the_channel_quota_is_per_account(support_app, client_for, chatbot_mock, workspace):
    create_many(support_app, 20)
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=OTHER_ACCOUNT)
    other = client_for(OTHER_ACCOUNT)

    create_many(other, 20)

    assert len(channel_ids(other)) == 20


@pytest.mark.chatbot_mock(quotas={"support_app_channels_per_account": 2})
def test_the_channel_quota_can_be_lowered(support_app, workspace):
    create_many(support_app, 2)

    with raises_service_error("ServiceQuotaExceededException", 402, "maximum of 2 Slack channel configurations"):
        create_channel(support_app, channel_id="C-third")


@pytest.mark.chatbot_mock(quotas={"support_app_channels_per_account": 0})
def test_a_channel_quota_of_zero_refuses_every_configuration(support_app, workspace):
    with raises_service_error("ServiceQuotaExceededException", 402, "maximum of 0"):
        create_channel(support_app)


# -- 100 accounts per Slack channel ---------------------------------------------------------------


def configure_channel_in(mock, client, account_id):
    """Authorise TEAM_ID in ``account_id`` and configure CHANNEL_ID there, through ``as_account``."""
    with mock.as_account(account_id):
        mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME)
        create_channel(client)


def account(index):
    return f"{100000000000 + index:012d}"


def test_one_hundred_accounts_can_configure_the_same_channel(support_app, chatbot_mock):
    for index in range(100):
        configure_channel_in(chatbot_mock, support_app, account(index))

    with chatbot_mock.as_account(account(99)):
        assert channel_ids(support_app) == [CHANNEL_ID]


def test_the_hundred_and_first_account_on_a_channel_is_refused_with_402(support_app, chatbot_mock):
    for index in range(100):
        configure_channel_in(chatbot_mock, support_app, account(index))

    with raises_service_error("ServiceQuotaExceededException", 402, CHANNEL_ID, "maximum of 100 AWS accounts",
                              advice=["support_app_accounts_per_slack_channel"]):
        configure_channel_in(chatbot_mock, support_app, account(100))

    with chatbot_mock.as_account(account(100)):
        assert channel_ids(support_app) == []


@pytest.mark.chatbot_mock(quotas={"support_app_accounts_per_slack_channel": 2})
def test_the_accounts_per_channel_quota_can_be_lowered(chatbot_mock, client_for):
    for account_id in ("100000000001", "100000000002", "100000000003"):
        chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=account_id)
    create_channel(client_for("100000000001"))
    create_channel(client_for("100000000002"))

    with raises_service_error("ServiceQuotaExceededException", 402, "maximum of 2 AWS accounts"):
        create_channel(client_for("100000000003"))


@pytest.mark.chatbot_mock(quotas={"support_app_accounts_per_slack_channel": 1})
def test_the_accounts_per_channel_quota_counts_one_channel_not_the_workspace(chatbot_mock, client_for):
    for account_id in ("100000000001", "100000000002"):
        chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=account_id)
    create_channel(client_for("100000000001"), channel_id="C-first")

    create_channel(client_for("100000000002"), channel_id="C-second")

    assert channel_ids(client_for("100000000002")) == ["C-second"]


@pytest.mark.chatbot_mock(quotas={"support_app_accounts_per_slack_channel": 1})
def test_the_accounts_per_channel_quota_is_per_workspace(chatbot_mock, client_for):
    chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id="100000000001")
    chatbot_mock.support_app.authorize_slack_workspace(OTHER_TEAM_ID, "globex", account_id="100000000002")
    create_channel(client_for("100000000001"), team_id=TEAM_ID)

    create_channel(client_for("100000000002"), team_id=OTHER_TEAM_ID)

    assert channel_ids(client_for("100000000002")) == [CHANNEL_ID]


@pytest.mark.chatbot_mock(quotas={"support_app_accounts_per_slack_channel": 1})
def test_deleting_a_configuration_frees_the_channels_place_for_another_account(chatbot_mock, client_for):
    first, second = client_for("100000000001"), client_for("100000000002")
    for account_id in ("100000000001", "100000000002"):
        chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=account_id)
    create_channel(first)
    first.delete_slack_channel_configuration(teamId=TEAM_ID, channelId=CHANNEL_ID)

    create_channel(second)

    assert channel_ids(second) == [CHANNEL_ID]


@pytest.mark.chatbot_mock(quotas={"support_app_accounts_per_slack_channel": 1})
def test_deleting_a_workspace_frees_its_channels_places_for_other_accounts(chatbot_mock, client_for):
    first, second = client_for("100000000001"), client_for("100000000002")
    for account_id in ("100000000001", "100000000002"):
        chatbot_mock.support_app.authorize_slack_workspace(TEAM_ID, TEAM_NAME, account_id=account_id)
    create_channel(first)
    first.delete_slack_workspace_configuration(teamId=TEAM_ID)

    create_channel(second)

    assert channel_ids(second) == [CHANNEL_ID]


def test_an_unknown_quota_name_is_refused_when_the_mock_is_made():
    with pytest.raises(ValueError, match="unknown quota setting"):
        ChatbotMock(quotas={"support_app_channels_per_acount": 2})
