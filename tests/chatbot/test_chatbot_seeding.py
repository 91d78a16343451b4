"""``mock.chatbot``: seeding what only the Chatbot console or a chat user can create.

A step that breaks a rule raises ``botocore.exceptions.ClientError`` with the code (and
the HTTP status in its ResponseMetadata) the service would use, and changes nothing.
"""

from __future__ import annotations

import pytest
from chatbot_helpers import (
    DEFAULT_ACCOUNT,
    OTHER_ACCOUNT,
    ROLE_ARN,
    SLACK_TEAM_ID,
    SLACK_TEAM_NAME,
    SLACK_USER_ID,
    TEAMS_TEAM_ID,
    TEAMS_TEAM_NAME,
    TEAMS_TENANT_ID,
    TEAMS_USER_ID,
    account_state,
    create_slack,
    raises_service_error,
)

from chatbot_mock import mock_chatbot

# -- workspaces and teams -----------------------------------------------------------------------------


def test_a_workspace_is_authorised_in_the_mocks_current_account_by_default(chatbot_mock, client_for):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)

    assert client_for(DEFAULT_ACCOUNT).describe_slack_workspaces()["SlackWorkspaces"][0]["SlackTeamId"] == SLACK_TEAM_ID


def test_a_workspace_is_authorised_in_the_account_named(chatbot_mock, client_for):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=OTHER_ACCOUNT)

    assert client_for(OTHER_ACCOUNT).describe_slack_workspaces()["SlackWorkspaces"][0]["SlackTeamId"] == SLACK_TEAM_ID
    assert client_for(DEFAULT_ACCOUNT).describe_slack_workspaces()["SlackWorkspaces"] == []


@pytest.mark.chatbot_mock(account_id=OTHER_ACCOUNT)
def test_the_mocks_own_account_is_where_seeding_goes_by_default(chatbot_mock, client_for):
    chatbot_mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, TEAMS_TEAM_NAME, TEAMS_TENANT_ID)

    assert len(client_for(OTHER_ACCOUNT).list_microsoft_teams_configured_teams()["ConfiguredTeams"]) == 1


@pytest.mark.parametrize(
    ("team_id", "team_name", "fragment"),
    [
        ("t012lowercase", SLACK_TEAM_NAME, "SlackTeamId"),
        (SLACK_TEAM_ID, "", "SlackTeamName"),
        (SLACK_TEAM_ID, "x" * 256, "SlackTeamName"),
    ],
)
def test_a_workspace_the_api_could_not_answer_is_refused(chatbot_mock, chatbot, team_id, team_name, fragment):
    with raises_service_error("InvalidParameterException", 400, fragment):
        chatbot_mock.chatbot.authorize_slack_workspace(team_id, team_name)

    assert chatbot.describe_slack_workspaces()["SlackWorkspaces"] == []


@pytest.mark.parametrize(
    ("team_id", "tenant_id", "fragment"),
    [
        ("not-a-uuid", TEAMS_TENANT_ID, "TeamId"),
        (TEAMS_TEAM_ID, "not-a-uuid", "TenantId"),
    ],
)
def test_a_team_the_api_could_not_answer_is_refused(chatbot_mock, chatbot, team_id, tenant_id, fragment):
    with raises_service_error("InvalidParameterException", 400, fragment):
        chatbot_mock.chatbot.authorize_teams_team(team_id, TEAMS_TEAM_NAME, tenant_id)

    assert chatbot.list_microsoft_teams_configured_teams()["ConfiguredTeams"] == []


def test_authorising_a_team_again_updates_its_name(chatbot_mock, chatbot, team):
    chatbot_mock.chatbot.authorize_teams_team(TEAMS_TEAM_ID, "Renamed", TEAMS_TENANT_ID)

    assert [t["TeamName"] for t in chatbot.list_microsoft_teams_configured_teams()["ConfiguredTeams"]] == ["Renamed"]


# -- user identities -------------------------------------------------------------------------------------


def test_an_identity_goes_to_the_account_its_configuration_arn_names(chatbot_mock, client_for):
    chatbot_mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME, account_id=OTHER_ACCOUNT)
    theirs = client_for(OTHER_ACCOUNT)
    arn = create_slack(theirs)["ChatConfigurationArn"]

    chatbot_mock.chatbot.add_slack_user_identity(arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)

    assert len(theirs.describe_slack_user_identities()["SlackUserIdentities"]) == 1
    assert client_for(DEFAULT_ACCOUNT).describe_slack_user_identities()["SlackUserIdentities"] == []


@pytest.mark.parametrize(
    "arn",
    [
        f"arn:aws:chatbot::{DEFAULT_ACCOUNT}:chat-configuration/slack-channel/nope",
        f"arn:aws:chatbot::{OTHER_ACCOUNT}:chat-configuration/slack-channel/slack-alerts",
        "not an arn at all",
    ],
)
def test_a_slack_identity_for_a_configuration_that_does_not_exist_is_not_found(chatbot_mock, chatbot, workspace, arn):
    create_slack(chatbot)

    with raises_service_error("ResourceNotFoundException", 404, arn):
        chatbot_mock.chatbot.add_slack_user_identity(arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)


def test_a_slack_identity_for_a_teams_configuration_is_not_found(chatbot_mock, teams_arn):
    with raises_service_error("ResourceNotFoundException", 404, "No Slack channel configuration"):
        chatbot_mock.chatbot.add_slack_user_identity(teams_arn, SLACK_TEAM_ID, SLACK_USER_ID, ROLE_ARN)


def test_a_slack_identity_in_another_team_than_its_configuration_is_refused(chatbot_mock, chatbot, slack_arn):
    with raises_service_error("InvalidRequestException", 400, SLACK_TEAM_ID, "TOTHER"):
        chatbot_mock.chatbot.add_slack_user_identity(slack_arn, "TOTHER", SLACK_USER_ID, ROLE_ARN)

    assert chatbot.describe_slack_user_identities()["SlackUserIdentities"] == []


@pytest.mark.parametrize(
    ("role", "aws_user", "fragment"),
    [
        ("not-a-role", None, "IamRoleArn"),
        (ROLE_ARN, "arn:aws:s3:::bucket-is-not-an-identity", "AwsUserIdentity"),
    ],
)
def test_a_slack_identity_the_api_could_not_answer_is_refused(
    chatbot_mock, chatbot, slack_arn, role, aws_user, fragment
):
    before = account_state(chatbot)

    with raises_service_error("InvalidParameterException", 400, fragment):
        chatbot_mock.chatbot.add_slack_user_identity(slack_arn, SLACK_TEAM_ID, SLACK_USER_ID, role, aws_user)

    assert account_state(chatbot) == before


def test_a_teams_identity_for_a_configuration_that_does_not_exist_is_not_found(chatbot_mock, slack_arn):
    with raises_service_error("ResourceNotFoundException", 404, "No Microsoft Teams channel configuration", slack_arn):
        chatbot_mock.chatbot.add_teams_user_identity(slack_arn, TEAMS_USER_ID, ROLE_ARN)


def test_a_teams_identity_with_a_user_id_that_is_not_a_uuid_is_refused(chatbot_mock, chatbot, teams_arn):
    with raises_service_error("InvalidParameterException", 400, "UserId"):
        chatbot_mock.chatbot.add_teams_user_identity(teams_arn, "alice", ROLE_ARN)

    assert chatbot.list_microsoft_teams_user_identities()["TeamsUserIdentities"] == []


def test_seeding_again_replaces_a_teams_identity(chatbot_mock, chatbot, teams_arn):
    other_role = "arn:aws:iam::123456789012:role/Other"
    chatbot_mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, ROLE_ARN)
    chatbot_mock.chatbot.add_teams_user_identity(teams_arn, TEAMS_USER_ID, other_role)

    identities = chatbot.list_microsoft_teams_user_identities()["TeamsUserIdentities"]
    assert [i["IamRoleArn"] for i in identities] == [other_role]


# -- outside a mock -----------------------------------------------------------------------------------------


def test_seeding_without_an_active_mock_says_how_to_start_one():
    mock = mock_chatbot()

    with pytest.raises(RuntimeError, match="no chatbot_mock is active"):
        mock.chatbot.authorize_slack_workspace(SLACK_TEAM_ID, SLACK_TEAM_NAME)
